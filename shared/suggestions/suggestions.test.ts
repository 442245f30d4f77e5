import { describe, expect, it } from 'vitest';
import { decideCommand, decideVote } from '../decide.js';
import type { MeetingEvent } from '../events.js';
import type { RatingItem } from '../model.js';
import { decideAgenda } from '../prepare.js';
import { reduce, replay, type MeetingState } from '../state.js';
import { meetingRanking } from '../outcome.js';
import { consoleView, deputyView, resultOf } from '../views.js';
import type { RatingResult } from '../rules/index.js';

const SALT = 'a'.repeat(32);
const roster = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, name: `代表${id}`, group: '', seat: '' }));

/** g1 led by a joined by b (水利局); g2 led by b (水利局, 会办 财政局); g3 led by c (交通局). d and e have none. */
const item = (secret = true): RatingItem => ({
  id: 'i1',
  kind: 'rating',
  title: '代表建议办理满意度测评',
  description: '',
  settings: { secret, visibility: 'turnout', allowChange: false, countdownSec: 0, scale: 'three', flagAbove: 0.2 },
  subjects: [
    { id: 'g1', name: '关于农村饮水的建议', person: '代表a', title: '' },
    { id: 'g2', name: '关于河道治理的建议', person: '代表b', title: '' },
    { id: 'g3', name: '关于公交线路的建议', person: '代表c', title: '' },
  ],
  suggestions: [
    { subjectId: 'g1', number: '1', lead: 'a', joined: ['b'], units: ['县水利局'], jointUnits: [], reply: '已纳入计划' },
    { subjectId: 'g2', number: '2', lead: 'b', joined: [], units: ['县水利局'], jointUnits: ['县财政局'], reply: '' },
    { subjectId: 'g3', number: '3', lead: 'c', joined: [], units: ['县交通局'], jointUnits: [], reply: '' },
  ],
});

const base = (secret = true): MeetingState =>
  replay([
    { t: 'meeting.created', at: 0, meeting: { id: 'm', title: '会议', date: '', settings: { quorum: 'half' } }, roster, agenda: [item(secret)] },
    ...roster.map((d): MeetingEvent => ({ t: 'checkin', at: 1, deputyId: d.id, by: 'self' })),
  ])!;

let seq = 0;
const apply = (s: MeetingState, events: MeetingEvent[]) => events.reduce<MeetingState>((acc, e) => reduce(acc, e), s);
function started(s = base()): MeetingState {
  const d = decideCommand(s, { type: 'startRound', itemId: 'i1' }, 1000, () => `r${++seq}`);
  if (!d.ok) throw new Error(d.error);
  return apply(s, d.value);
}
const rate = (s: MeetingState, deputyId: string, ratings: Record<string, string>, n: number) =>
  decideVote(s, deputyId, { roundId: s.activeRoundId!, submissionId: `sub${n}`, receipt: `AAAAAAA${'BCDEFGHJ'[n]}`, content: { kind: 'rating', ratings } }, 2000, SALT);
function cast(s: MeetingState, deputyId: string, ratings: Record<string, string>, n: number): MeetingState {
  const d = rate(s, deputyId, ratings, n);
  if (!d.ok) throw new Error(d.error);
  return apply(s, d.value.events);
}

describe('suggestions rating: who rates what', () => {
  it('[R14] a deputy rates the suggestions they led or joined; naming another is refused NOT_YOUR_SUGGESTION', () => {
    const s = started();
    expect(rate(s, 'b', { g1: 'satisfied', g2: 'basic' }, 1).ok).toBe(true);
    expect(rate(s, 'a', { g1: 'satisfied', g3: 'unsatisfied' }, 2)).toEqual({ ok: false, error: 'NOT_YOUR_SUGGESTION' });
    expect(rate(s, 'd', { g3: 'unsatisfied' }, 3)).toEqual({ ok: false, error: 'NOT_YOUR_SUGGESTION' });
    // The ballot's own checks come first (R1): an unknown id stays UNKNOWN_ID.
    expect(rate(s, 'a', { zz: 'satisfied' }, 4)).toEqual({ ok: false, error: 'UNKNOWN_ID' });
  });

  it('[R14] the same holds for a named item', () => {
    const s = started(base(false));
    expect(rate(s, 'c', { g1: 'unsatisfied' }, 1)).toEqual({ ok: false, error: 'NOT_YOUR_SUGGESTION' });
  });

  it("[R14] each phone's view holds only that deputy's suggestions; one with none gets an empty list", () => {
    const s = started();
    const b = deputyView(s, 'b', 3000)?.item as RatingItem;
    expect(b.subjects.map((x) => x.id)).toEqual(['g1', 'g2']);
    expect(b.suggestions?.map((x) => x.subjectId)).toEqual(['g1', 'g2']);
    const d = deputyView(s, 'd', 3000)?.item as RatingItem;
    expect(d.subjects).toEqual([]);
    expect(d.suggestions).toEqual([]);
    // The console and the screen still see every suggestion.
    expect((consoleView(s, 3000).agenda[0] as RatingItem).subjects).toHaveLength(3);
  });
});

describe('suggestions rating: figures', () => {
  function closed(): MeetingState {
    let s = started();
    s = cast(s, 'a', { g1: 'unsatisfied' }, 1);
    s = cast(s, 'b', { g1: 'satisfied', g2: 'satisfied' }, 2);
    s = cast(s, 'c', { g3: 'basic' }, 3);
    const d = decideCommand(s, { type: 'close', roundId: s.activeRoundId! }, 4000, () => 'x');
    if (!d.ok) throw new Error(d.error);
    return apply(s, d.value);
  }

  it('[R15] the base is the proposers: 应到 = deputies named on a suggestion, 实到 those checked in, 未按 those who cast nothing', () => {
    const s = closed();
    const r = resultOf(s, s.rounds.get(s.roundOrder[0]!)!) as RatingResult;
    expect(r.roster).toBe(3); // a, b, c; d and e have no suggestion
    expect(r.present).toBe(3);
    expect(r.cast).toBe(3);
    expect(r.notVoted).toBe(0);
    // each suggestion's valid is its own raters
    expect(r.subjects.map((x) => [x.subjectId, x.valid])).toEqual([['g1', 2], ['g2', 1], ['g3', 1]]);
  });

  it('[R16] units: 主办单位 only, ratings pooled over its suggestions, ranked by the item rankBy', () => {
    const s = closed();
    const r = resultOf(s, s.rounds.get(s.roundOrder[0]!)!) as RatingResult;
    expect(r.units).toEqual([
      { unit: '县水利局', subjectIds: ['g1', 'g2'], valid: 3, satisfiedVotes: 2, unsatisfiedVotes: 1, satisfactionRate: 2 / 3, unsatisfiedRate: 1 / 3, score: 66.67, reopened: 1, rank: 1 },
      { unit: '县交通局', subjectIds: ['g3'], valid: 1, satisfiedVotes: 1, unsatisfiedVotes: 0, satisfactionRate: 1, unsatisfiedRate: 0, score: 60, reopened: 0, rank: 2 },
    ]);
    // 县财政局 (会办 only) is not ranked.
    expect(r.units?.some((u) => u.unit === '县财政局')).toBe(false);
  });

  it('[R16] suggestions stay out of the meeting ranking (they are no departments)', () => {
    const s = closed();
    expect(meetingRanking(s, resultOf, () => true)).toEqual([]);
  });

  it('[R17] a suggestion whose 不满意率 is above the 整改 line is flagged (再次办理)', () => {
    const s = closed();
    const r = resultOf(s, s.rounds.get(s.roundOrder[0]!)!) as RatingResult;
    expect(r.subjects.filter((x) => x.flagged).map((x) => x.subjectId)).toEqual(['g1']);
  });
});

describe('suggestions rating: the agenda', () => {
  it('[R14] every subject is exactly one suggestion: a suggestion for no subject, or a subject without one, is refused', () => {
    const s = base();
    const it0 = item();
    const orphan: RatingItem = { ...it0, suggestions: [...it0.suggestions!.slice(0, 2), { ...it0.suggestions![2]!, subjectId: 'zz' }] };
    expect(decideAgenda(s, [orphan], 5).ok).toBe(false);
    const missing: RatingItem = { ...it0, suggestions: it0.suggestions!.slice(0, 2) };
    expect(decideAgenda(s, [missing], 5).ok).toBe(false);
    expect(decideAgenda(s, [it0], 5)).toEqual({ ok: true, value: [] });
  });
});

describe('suggestions rating: what goes on air', () => {
  it('[R15] screens, the overlay and the feed get the units only, never a suggestion\'s own figures; the console keeps them', async () => {
    const { screenView } = await import('../views.js');
    const { feedOf } = await import('../feed.js');
    let s = started(base());
    s = cast(s, 'a', { g1: 'unsatisfied' }, 1);
    const d = decideCommand(s, { type: 'close', roundId: s.activeRoundId! }, 4000, () => 'x');
    if (!d.ok) throw new Error(d.error);
    s = apply(s, d.value);
    const v = screenView(s, 5000);
    const r = v.result as RatingResult;
    expect(r.subjects).toEqual([]);
    expect(r.units?.map((u) => u.unit)).toEqual(['县水利局', '县交通局']);
    expect((v.outcome as RatingResult).subjects).toEqual([]);
    const rows = feedOf(v).rows;
    expect(rows.filter((x) => x.type === 'subject' || x.type === 'level')).toEqual([]);
    expect(rows.filter((x) => x.type === 'unit').map((x) => [x.id, x.value, x.status])).toEqual([
      ['县水利局', 0, 'reopened'],
      ['县交通局', null, ''],
    ]);
    expect((consoleView(s, 5000).rounds[0]?.result as RatingResult).subjects).toHaveLength(3);
  });

  it('[R14] the audience (网络评议, 现场观众) cannot rate a suggestions item: WRONG_KIND', () => {
    const d = decideCommand(base(), { type: 'audienceOpen', itemId: 'i1', group: 'online' }, 1000, () => 'p1');
    expect(d).toEqual({ ok: false, error: 'WRONG_KIND' });
  });
});

describe('suggestions rating: turnout as check-ins change', () => {
  it('[R15] a proposer checking in while another deputy leaves moves 实到 (the meeting count stays the same)', () => {
    // Only a and d present: a proposes, d does not.
    let s = replay([
      { t: 'meeting.created', at: 0, meeting: { id: 'm', title: '会议', date: '', settings: { quorum: 'half' } }, roster, agenda: [{ ...item(), settings: { ...item().settings, quorumRequired: false } }] },
      { t: 'checkin', at: 1, deputyId: 'a', by: 'self' },
      { t: 'checkin', at: 1, deputyId: 'd', by: 'self' },
    ])!;
    const d = decideCommand(s, { type: 'startRound', itemId: 'i1', confirmNoQuorum: true }, 1000, () => 'rq');
    if (!d.ok) throw new Error(d.error);
    s = apply(s, d.value);
    const round = () => s.rounds.get('rq')!;
    expect((resultOf(s, round()) as RatingResult).present).toBe(1);
    s = apply(s, [{ t: 'checkin.undone', at: 2, deputyId: 'd' }, { t: 'checkin', at: 3, deputyId: 'b', by: 'self' }]);
    expect(s.presentCount).toBe(2);
    expect((resultOf(s, round()) as RatingResult).present).toBe(2);
  });
});
