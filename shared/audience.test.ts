// Audience polls (SPEC Y1..Y8): decisions, the figures, and what the public may see.
import { describe, expect, it } from 'vitest';
import { addToTally, EMPTY_TALLY, type AudienceTally } from './audience-tally.js';
import { audienceFigure, combinedFigure } from './audience-figures.js';
import { audienceScreen, audienceView, NO_LIVE } from './audience-view.js';
import { decideCommand, decideVote } from './decide.js';
import type { MeetingEvent } from './events.js';
import type { AgendaItem, RatingItem } from './model.js';
import { outcomeOf } from './outcome.js';
import type { Command } from './protocol.js';
import { reduce, replay, type MeetingState } from './state.js';
import { resultOf, screenView, shownResultOf } from './views.js';
import { meetingReport } from './report.js';

const roster = Array.from({ length: 12 }, (_, i) => ({ id: `dep-zhang-${100 + i}`, name: `张代表${'甲乙丙丁戊己庚辛壬癸子丑'[i]}`, group: '', seat: '' }));
const rating = (over: Partial<RatingItem['settings']> = {}): RatingItem => ({
  id: 'rate1',
  kind: 'rating',
  title: '对市住建局的满意度测评',
  description: '',
  subjects: [{ id: 's1', name: '市住建局', person: '李局长', title: '局长' }],
  settings: { secret: true, visibility: 'live', allowChange: false, countdownSec: 0, scale: 'three', flagAbove: 0.2, liveBatch: 5, ...over },
});
const segment: AgendaItem = {
  id: 'seg1',
  kind: 'segment',
  title: '问政住建局',
  description: '',
  department: '市住建局',
  person: { name: '李局长', title: '局长' },
  questions: [{ id: 'q1', asker: '张代表甲', deputyId: 'dep-zhang-100', topic: '老旧小区改造', text: '', questionSec: 60, answerSec: 60 }],
  ratingItemId: 'rate1',
};
const motion: AgendaItem = {
  id: 'mo',
  kind: 'motion',
  title: '议题',
  description: '',
  settings: { secret: true, visibility: 'hidden', allowChange: false, countdownSec: 0, base: 'roster', threshold: 'half' },
};

function base(item: RatingItem = rating()): MeetingState {
  return replay([
    { t: 'meeting.created', at: 0, meeting: { id: 'm', title: '会议', date: '', settings: { quorum: 'half' } }, roster, agenda: [segment, item, motion] },
    ...roster.map((d): MeetingEvent => ({ t: 'checkin', at: 1, deputyId: d.id, by: 'self' })),
  ])!;
}
let seq = 0;
const ids = () => `x${++seq}`;
const fold = (s: MeetingState, events: MeetingEvent[]) => events.reduce<MeetingState>((a, e) => reduce(a, e), s);
function run(s: MeetingState, c: Command, tally?: AudienceTally): MeetingState {
  const d = decideCommand(s, c, 1000, ids, () => tally);
  if (!d.ok) throw new Error(d.error);
  return fold(s, d.value);
}
const refusal = (s: MeetingState, c: Command, tally?: AudienceTally) => {
  const d = decideCommand(s, c, 1000, ids, () => tally);
  return d.ok ? 'ok' : d.error;
};
function vote(s: MeetingState, deputyIndex: number, level: string): MeetingState {
  const r = s.activeRoundId ?? '';
  const d = decideVote(s, roster[deputyIndex]?.id ?? '', { roundId: r, submissionId: `sub${deputyIndex}`, receipt: `RCPTAAA${'ABCDEFGHJKLMN'[deputyIndex]}`, content: { kind: 'rating', ratings: { s1: level } } }, 1000, '0'.repeat(32));
  if (!d.ok) throw new Error(d.error);
  return fold(s, d.value.events);
}
const tallyOf = (levels: string[]) => levels.reduce((t, l, i) => (i >= 0 ? addToTally(t, [{ subjectId: 's1', level: l, value: 0 }]) : t), EMPTY_TALLY);

describe('audience polls', () => {
  it('[Y1] opens on a rating item or a segment (its rating), one open per group, once per item and group', () => {
    const s = base();
    expect(refusal(s, { type: 'audienceOpen', itemId: 'mo', group: 'online' })).toBe('WRONG_KIND');
    expect(refusal(s, { type: 'audienceOpen', itemId: 'nope', group: 'online' })).toBe('NOT_FOUND');
    const open = run(s, { type: 'audienceOpen', itemId: 'seg1', group: 'online', seconds: 90, withCode: true });
    const p = open.audience[0];
    expect(p).toMatchObject({ itemId: 'rate1', group: 'online', status: 'open', endsAt: 1000 + 90_000 });
    expect(p?.code).toMatch(/^[0-9]{4}$/);
    expect(refusal(open, { type: 'audienceOpen', itemId: 'rate1', group: 'online' })).toBe('ROUND_ACTIVE');
    const both = run(open, { type: 'audienceOpen', itemId: 'rate1', group: 'onsite' });
    expect(both.audience.filter((x) => x.status === 'open')).toHaveLength(2);
    const closed = run(both, { type: 'audienceClose', pollId: p?.id ?? '' }, tallyOf(['satisfied']));
    expect(refusal(closed, { type: 'audienceOpen', itemId: 'rate1', group: 'online' })).toBe('ROUND_CLOSED');
  });

  it('[Y4] a close carries the final count; without one (counter unreachable) it is refused', () => {
    const s = run(base(), { type: 'audienceOpen', itemId: 'rate1', group: 'online' });
    const id = s.audience[0]?.id ?? '';
    expect(refusal(s, { type: 'audienceClose', pollId: id })).toBe('AUDIENCE_PAUSED');
    const t = tallyOf(['satisfied', 'basic', 'unsatisfied']);
    const closed = run(s, { type: 'audienceClose', pollId: id }, t);
    expect(closed.audience[0]).toMatchObject({ status: 'closed', tally: t });
    expect(refusal(closed, { type: 'audienceClose', pollId: id }, t)).toBe('ok'); // twice: a no-op
  });

  it('[Y2] the deputies\' tally, outcome and report are the same with or without audience ratings', () => {
    let s = run(base(), { type: 'startRound', itemId: 'rate1' });
    s = run(s, { type: 'audienceOpen', itemId: 'rate1', group: 'online' });
    for (let i = 0; i < 8; i++) s = vote(s, i, i < 5 ? 'satisfied' : 'unsatisfied');
    s = run(s, { type: 'close', roundId: s.activeRoundId ?? '' });
    const rid = s.roundOrder[0] ?? '';
    const before = { result: resultOf(s, s.rounds.get(rid)!), outcome: outcomeOf(s, 'rate1', resultOf).result, report: meetingReport(s, 5000) };
    const many = tallyOf(Array.from({ length: 500 }, () => 'unsatisfied'));
    const after = run(s, { type: 'audienceClose', pollId: s.audience[0]?.id ?? '' }, many);
    expect(resultOf(after, after.rounds.get(rid)!)).toEqual(before.result);
    expect(outcomeOf(after, 'rate1', resultOf).result).toEqual(before.outcome);
    // The report's own audience part (Y20) is added apart; everything else is the same.
    expect(before.report.audience).toEqual([]);
    expect(meetingReport(after, 5000).audience).toHaveLength(1);
    expect({ ...meetingReport(after, 5000), audience: [] }).toEqual(before.report);
  });

  it('[Y5] the audience figure follows R4/R6/R7; the combined figure weighs the parts as set, or is unknown', () => {
    const item = rating({ combine: { deputies: 70, online: 30, onsite: 0 } });
    const f = audienceFigure(item, 'p', 'online', tallyOf(['satisfied', 'satisfied', 'basic', 'unsatisfied']));
    expect(f.n).toBe(4);
    expect(f.subjects[0]).toMatchObject({ rated: 4, satisfactionRate: 0.75, score: 65 }); // (100+100+60+0)/4
    const score = audienceFigure(rating({ scale: 'score' }), 'p', 'online', {
      n: 2,
      subjects: { s1: { levels: { satisfied: 1, basic: 1 }, rated: 2, sum: 90 + 71 } },
    });
    expect(score.subjects[0]).toMatchObject({ score: 80.5, satisfactionRate: 1 });
    const dep = { subjects: [{ subjectId: 's1', score: 80, satisfactionRate: 0.9 }], noQuorum: false } as unknown as Parameters<typeof combinedFigure>[1];
    const c = combinedFigure(item, dep, f, null);
    expect(c?.weights).toEqual({ deputies: 70, online: 30, onsite: 0 });
    expect(c?.subjects[0]?.score).toBe(75.5); // 0.7*80 + 0.3*65
    expect(c?.subjects[0]?.satisfactionRate).toBeCloseTo(0.855);
    expect(combinedFigure(item, null, f, null)?.subjects[0]?.score).toBeNull();
    expect(combinedFigure(rating(), dep, f, null)).toBeNull();
  });

  it('[Y7] the audience page never shows a secret round\'s figures before reveal, nor any deputy', () => {
    const names = roster.flatMap((d) => [d.id, d.name]);
    const seen: string[] = [];
    const look = (s: MeetingState, live = NO_LIVE) => {
      const json = JSON.stringify(audienceView(s, 2000, live));
      for (const n of names) expect(json).not.toContain(n);
      seen.push(json);
      return audienceView(s, 2000, live);
    };
    let s = base(rating({ combine: { deputies: 70, online: 30, onsite: 0 } }));
    s = run(s, { type: 'segmentGo', itemId: 'seg1', questionIndex: 0, phase: 'question' });
    expect(look(s).segment).toMatchObject({ department: '市住建局', topic: '老旧小区改造' });
    s = run(s, { type: 'startRound', itemId: 'rate1' });
    s = run(s, { type: 'audienceOpen', itemId: 'rate1', group: 'online', withCode: true });
    for (let i = 0; i < 11; i++) s = vote(s, i, i < 7 ? 'satisfied' : 'unsatisfied');
    // The big screen shows the live tally of this 'live' item in steps; the public page does not.
    expect(screenView(s, 2000).result).not.toBeNull();
    expect(shownResultOf(s, s.rounds.get(s.activeRoundId ?? '')!)).not.toBeNull();
    const live = { counts: new Map([[s.audience[0]?.id ?? '', tallyOf(['satisfied'])]]), paused: false, link: null };
    const open = look(s, live);
    expect(open.result).toBeNull();
    expect(open.open[0]).toMatchObject({ group: 'online', codeRequired: true, code: null, n: 1 });
    expect(audienceScreen(s, live).open[0]?.code).toBe(s.audience[0]?.code); // the TV shows it
    s = run(s, { type: 'close', roundId: s.activeRoundId ?? '' });
    s = run(s, { type: 'audienceClose', pollId: s.audience[0]?.id ?? '' }, tallyOf(['satisfied', 'unsatisfied']));
    const closed = look(s);
    expect(closed.result).toBeNull();
    expect(closed.figures).toEqual([]);
    expect(closed.ranking).toEqual([]);
    expect(audienceScreen(s, NO_LIVE).figures).toEqual([]);
    s = run(s, { type: 'reveal', roundId: s.roundOrder[0] ?? '' });
    const shown = look(s);
    expect(shown.result?.kind).toBe('rating');
    expect(shown.figures[0]).toMatchObject({ group: 'online', n: 2 });
    expect(shown.combined?.subjects[0]?.score).not.toBeNull();
    expect(shown.ranking).toHaveLength(1);
    expect(audienceScreen(s, NO_LIVE).figures).toHaveLength(1);
    expect(seen.join('')).not.toMatch(/"code":"[0-9]{4}"/);
  });
});
