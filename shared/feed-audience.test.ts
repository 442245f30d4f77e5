// The audience's figures in the data feed (SPEC Y20, docs/FEED.md): rows of their own (`audience`,
// `combined`) in a field of their own, never among the deputies' `rows`; only what the big
// screen shows (an open poll's count; the figures once the deputies' result is revealed, Y4).
import { describe, expect, it } from 'vitest';
import { audienceScreen, NO_LIVE } from './audience-view.js';
import { feedOf, feedTable } from './feed.js';
import { audienceMeeting } from './test/audience-meeting.js';
import { screenView } from './views.js';

const viewOf = (reveal: boolean) => {
  const s = audienceMeeting({ reveal });
  return { ...screenView(s, 9000), audience: audienceScreen(s, NO_LIVE) };
};

describe('audience rows in the feed', () => {
  it('[Y20] after reveal: each group\'s participants and figures, and the combined figure with its weights', () => {
    const doc = feedOf(viewOf(true));
    expect(doc.rows.some((r) => r.type === 'audience' || r.type === 'combined')).toBe(false);
    const rows = doc.audience.map((r) => [r.type, r.id, r.value, r.share, r.status]);
    expect(rows).toEqual([
      ['audience', 'online', 4, null, 'closed'],
      ['audience', 'online.s1', 65, 0.75, ''],
      ['audience', 'online.s1.satisfied', 2, 0.5, ''],
      ['audience', 'online.s1.basic', 1, 0.25, ''],
      ['audience', 'online.s1.unsatisfied', 1, 0.25, ''],
      ['audience', 'online.s2', 25, 0.25, ''],
      ['audience', 'online.s2.satisfied', 1, 0.25, ''],
      ['audience', 'online.s2.basic', 0, 0, ''],
      ['audience', 'online.s2.unsatisfied', 3, 0.75, ''],
      ['audience', 'onsite', 2, null, 'closed'],
      ['audience', 'onsite.s1', 100, 1, ''],
      ['audience', 'onsite.s1.satisfied', 2, 1, ''],
      ['audience', 'onsite.s1.basic', 0, 0, ''],
      ['audience', 'onsite.s1.unsatisfied', 0, 0, ''],
      ['audience', 'onsite.s2', 30, 0.5, ''],
      ['audience', 'onsite.s2.satisfied', 0, 0, ''],
      ['audience', 'onsite.s2.basic', 1, 0.5, ''],
      ['audience', 'onsite.s2.unsatisfied', 1, 0.5, ''],
      ['combined', 'weight.deputies', 70, null, ''],
      ['combined', 'weight.online', 30, null, ''],
      ['combined', 'weight.onsite', 0, null, ''],
      ['combined', 's1', 83.9, 0.925, ''],
      ['combined', 's2', 55.1, 0.635, ''],
    ]);
    expect(doc.audience.find((r) => r.id === 'online.s1')?.name).toBe('县住建局');
    // CSV: after the ranking, the same rows.
    const csv = feedTable(doc).map((r) => r.join(','));
    expect(csv.slice(-2)).toEqual(['combined,s1,县住建局,83.9,0.925,,', 'combined,s2,县水利局,55.1,0.635,,']);
  });

  it('[Y20] before the deputies\' result is revealed: no audience figure in the feed', () => {
    const doc = feedOf(viewOf(false));
    expect(doc.audience).toEqual([]);
  });

  it('[Y20] an open poll: its participants so far, and paused when the counter is away', () => {
    const s = audienceMeeting();
    const open = { ...s.audience[0]!, status: 'open' as const, tally: null, closedAt: null, endsAt: 99_000 };
    const live = { counts: new Map([[open.id, { n: 7, subjects: {} }]]), paused: true, link: null };
    const doc = feedOf({ ...screenView(s, 9000), audience: audienceScreen({ ...s, audience: [open] }, live) });
    expect(doc.audience.map((r) => [r.type, r.id, r.value, r.status])).toEqual([
      ['audience', 'online', 7, 'paused'],
      ['audience', 'online.remainingSec', 90, ''],
    ]);
    expect(doc.audience[0]?.rank).toBeNull();
  });
});
