import { describe, expect, it } from 'vitest';
import { feedCsv, feedOf, FEED_COLUMNS } from './feed.js';
import type { ScreenView } from './views.js';

const base: ScreenView = {
  serverNow: 10_000,
  meeting: { id: 'm1', title: '会议, "第一次"', date: '2026年11月24日' },
  turnout: { roster: 10, present: 8, absent: 2, quorumNeeded: 6, quorum: true },
  item: null,
  round: null,
  result: null,
  outcome: null,
  ranking: [],
  scene: { kind: 'message', text: '休会\n10 分钟' },
  agenda: [],
};

describe('feed layout', () => {
  it('[B11] quotes fields with commas, quotes and line breaks (RFC 4180); empty for null', () => {
    const bom = feedCsv(feedOf(base));
    expect(bom.startsWith('\uFEFF')).toBe(true); // the one CSV writer (csv.ts) puts the BOM first
    const csv = bom.slice(1);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(FEED_COLUMNS.join(','));
    expect(lines[1]).toBe('meeting,m1,"会议, ""第一次""",,,,2026年11月24日');
    expect(csv).toContain('scene,message,"休会\n10 分钟",,,,');
    expect(csv).toContain('turnout,present,,8,0.8,,');
    expect(csv).toContain('turnout,quorum,,1,,,met');
  });

  it('[B10] no item: no figures, not visible; the scene and turnout are still there', () => {
    const doc = feedOf(base);
    expect(doc).toMatchObject({ feed: 1, item: null, round: null, visible: false, rows: [], ranking: [] });
    expect(doc.scene).toEqual({ kind: 'message', text: '休会\n10 分钟' });
  });

  it('[B10] a paused round reports the time left it keeps', () => {
    const doc = feedOf({
      ...base,
      round: {
        id: 'r1', itemId: 'i1', purpose: 'vote', status: 'paused', revealed: false, startedAt: 0, endsAt: null,
        pausedRemainingMs: 41_200, voterCount: 3, candidates: null, manual: false, withoutQuorum: false,
      },
    });
    expect(doc.round).toMatchObject({ status: 'paused', remainingSec: 42, voterCount: 3 });
  });
});
