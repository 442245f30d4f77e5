import { describe, expect, it } from 'vitest';
import { feedOf, feedTable } from './feed.js';
import type { ScreenView } from './views.js';
import { AgendaItem } from './model.js';
import { tallyRound } from './rules/index.js';

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

describe('feed figures (FEED.md)', () => {
  it('[B10] every share has four decimals, rating shares and the ranking included', () => {
    const rating = AgendaItem.parse({ id: 'r', kind: 'rating', title: '测评', settings: { countdownSec: 0 }, subjects: [{ id: 's1', name: '市住建局' }] });
    // 38 of 41 satisfied: 0.926829268292683 unrounded.
    const ballots = [...Array.from({ length: 38 }, () => 'satisfied'), 'unsatisfied', 'unsatisfied', 'unsatisfied'].map((v, i) => ({ receipt: `b${i}`, content: { kind: 'rating' as const, ratings: { s1: v } } }));
    const result = tallyRound(rating, { ballots }, { roster: 41, present: 41 });
    const rankRow = { itemId: 'r', subjectId: 's1', itemTitle: '测评', name: '市住建局', person: '', title: '', manual: false, ratings: [], rank: 1, score: 92.68, satisfactionRate: 38 / 41, unsatisfiedRate: 3 / 41, valid: 41, flagged: false, weights: [], flagAbove: 0.2, rule: { combine: 'latest' as const, rankBy: 'score' as const } };
    const doc = feedOf({ ...base, item: rating, result, outcome: result, ranking: [rankRow] });
    const shares = [...doc.rows, ...doc.ranking].map((r) => r.share).filter((x): x is number => x !== null);
    expect(shares.length).toBeGreaterThan(3);
    for (const x of shares) expect(Math.round(x * 10_000) / 10_000).toBe(x);
    expect(doc.rows.find((r) => r.type === 'subject')?.share).toBe(0.9268);
    expect(doc.ranking[0]?.share).toBe(0.9268);
    // the weights and the 整改 line that produced the score (R7, R9)
    expect(doc.rows.filter((r) => r.type === 'weight').map((r) => [r.id, r.value])).toEqual([['satisfied', 100], ['basic', 60], ['unsatisfied', 0]]);
    expect(doc.rows.find((r) => r.type === 'rule' && r.id === 'flagAbove')?.share).toBe(0.2);
  });
});

describe('feed ranking basis (FEED.md)', () => {
  it('[R11] the ranking says its rule and, per set of rows, the weights and 整改 line that made the scores', () => {
    const rule = { combine: 'mean' as const, rankBy: 'satisfaction' as const };
    const w1 = [{ level: 'satisfied', weight: 100 }, { level: 'basic', weight: 60 }, { level: 'unsatisfied', weight: 0 }];
    const w2 = [{ level: 'satisfied', weight: 100 }, { level: 'basic', weight: 70 }, { level: 'unsatisfied', weight: 0 }];
    const rowOf = (subjectId: string, weights: typeof w1, flagAbove: number, rank: number) => ({ itemId: 'r', subjectId, itemTitle: '测评', name: subjectId, person: '', title: '', manual: false, ratings: [], rank, score: 90 - rank, satisfactionRate: 0.9, unsatisfiedRate: 0.1, valid: 40, flagged: false, weights, flagAbove, rule });
    const doc = feedOf({ ...base, ranking: [rowOf('s1', w1, 0.2, 1), rowOf('s2', w2, 0.3, 2), rowOf('s3', w1, 0.2, 3)] });
    const basis = doc.ranking.filter((r) => r.type !== 'ranking');
    expect(basis.filter((r) => r.id.startsWith('ranking.rankBy') || r.id === 'ranking.combine').map((r) => r.status)).toEqual(['satisfaction', 'mean']);
    expect(basis.filter((r) => r.type === 'weight').map((r) => [r.id, r.value, r.name])).toEqual([
      ['ranking.satisfied', 100, 's1 s3'],
      ['ranking.basic', 60, 's1 s3'],
      ['ranking.unsatisfied', 0, 's1 s3'],
      ['ranking.satisfied', 100, 's2'],
      ['ranking.basic', 70, 's2'],
      ['ranking.unsatisfied', 0, 's2'],
    ]);
    expect(basis.filter((r) => r.id === 'ranking.flagAbove').map((r) => [r.share, r.name])).toEqual([
      [0.2, 's1 s3'],
      [0.3, 's2'],
    ]);
    expect(feedTable(doc)).toContainEqual(['weight', 'ranking.basic', 's2', 70, null, null, '']);
  });
});
