// Supervision decisions and the reducer, on a real meeting state: a hand-counted rating of
// three departments, two of them flagged, two with a questioning segment (U4..U11).
import { describe, expect, it } from 'vitest';
import type { MeetingEvent } from '../events.js';
import { AgendaItem } from '../model.js';
import { decideCommand } from '../decide.js';
import { reduce, type MeetingState } from '../state.js';
import { resultOf } from '../views.js';
import { decideSupervision, type DecideEnv } from './decide.js';
import { flaggedSubjects } from './from-rating.js';
import type { SupervisionCommand, SupervisionEvent } from './model.js';
import { EMPTY_SUPERVISION, reduceSupervision, type SupervisionState } from './state.js';
import { byUrgency, caseStatus } from './status.js';

const segment = (key: string, department: string) =>
  AgendaItem.parse({
    id: `seg-${key}`,
    kind: 'segment',
    title: `问政：${department}`,
    department,
    person: { name: `${key}局长`, title: `${department}局长` },
    questions: [{ id: 'q1', asker: '王建国', topic: `${department}的问题`, text: '何时解决？' }],
  });

function meeting(): MeetingState {
  const created: MeetingEvent = {
    t: 'meeting.created',
    at: 1,
    meeting: { id: 'm1', title: '县人大常委会第十次会议', date: '', settings: { quorum: 'half' } },
    roster: Array.from({ length: 10 }, (_, i) => ({ id: `d${i}`, name: `代表${i}`, group: '', seat: '' })),
    agenda: [
      segment('a', '县住建局'),
      segment('b', '县交通局'),
      AgendaItem.parse({
        id: 'rate',
        kind: 'rating',
        title: '满意度测评',
        settings: { scale: 'three' },
        subjects: [
          { id: 'a', name: '县住建局', person: '甲' },
          { id: 'b', name: '县交通局' },
          { id: 'c', name: '县教育局' },
        ],
      }),
    ],
  };
  let s = reduce(undefined, created);
  if (!s) throw new Error('no meeting');
  const counts = { a: { satisfied: 4, basic: 2, unsatisfied: 4 }, b: { satisfied: 3, basic: 4, unsatisfied: 3 }, c: { satisfied: 9, basic: 1, unsatisfied: 0 } };
  const d = decideCommand(s, { type: 'manualResult', itemId: 'rate', counts: { kind: 'rating', counts } }, 2, () => 'r1');
  if (!d.ok) throw new Error(d.error);
  for (const e of d.value) s = reduce(s, e) ?? s;
  return s;
}

const M = meeting();
const env = (today: string, role: DecideEnv['role'] = 'operator'): DecideEnv => ({
  today,
  role,
  flagged: (meetingId, itemId, lead) => (meetingId === 'm1' ? flaggedSubjects(M, itemId, resultOf, lead) : { ok: false, error: 'NOT_FOUND' }),
});

let seq = 0;
function apply(s: SupervisionState, events: readonly SupervisionEvent[]): SupervisionState {
  return events.reduce((acc, e) => reduceSupervision(acc, e, { seq: ++seq, at: seq, actor: 'op' }), s);
}
function run(s: SupervisionState, cmd: SupervisionCommand, today: string, role: DecideEnv['role'] = 'operator'): SupervisionState {
  const d = decideSupervision(s, cmd, env(today, role));
  if (!d.ok) throw new Error(d.error);
  return apply(s, d.value.events);
}
const report = (text: string) => ({ text, attachments: [] });

describe('rectification cases', () => {
  it('[U4] every flagged subject becomes a case with its head, its segment questions and its figures', () => {
    const s = run(EMPTY_SUPERVISION, { type: 'openFromRating', meetingId: 'm1', itemId: 'rate', lead: '财经委' }, '2026-11-30');
    expect(s.cases.map((c) => [c.id, c.details.department, c.details.head, c.details.lead, c.details.questions.map((q) => q.topic)])).toEqual([
      ['2026-1', '县住建局', '甲 县住建局局长', '财经委', ['县住建局的问题']],
      ['2026-2', '县交通局', 'b局长 县交通局局长', '财经委', ['县交通局的问题']],
    ]);
    expect(s.cases[0]?.source).toMatchObject({ kind: 'rating', meetingId: 'm1', itemId: 'rate', subjectId: 'a', figures: { satisfactionRate: 0.6, unsatisfiedRate: 0.4, score: 52, valid: 10, flagAbove: 0.2 } });
    // Opening again adds nothing.
    expect(decideSupervision(s, { type: 'openFromRating', meetingId: 'm1', itemId: 'rate', lead: '' }, env('2026-12-01'))).toEqual({ ok: false, error: 'ALREADY_OPEN' });
  });

  it('[U4] a rating not closed, not a rating, or with nothing flagged opens nothing', () => {
    expect(flaggedSubjects(M, 'seg-a', resultOf, '')).toEqual({ ok: false, error: 'WRONG_KIND' });
    expect(flaggedSubjects(M, 'nope', resultOf, '')).toEqual({ ok: false, error: 'NOT_FOUND' });
  });

  it('[U5] deadlines count working days on the staff calendar; the plan is due M working days after the notice', () => {
    let s = run(EMPTY_SUPERVISION, { type: 'setCalendar', calendar: { holidays: ['2026-12-02'], workdays: [] } }, '2026-11-30', 'admin');
    s = run(s, { type: 'openCase', details: { department: '县水利局', head: '', lead: '', questions: [], commitments: ['年底前完成'] } }, '2026-11-30');
    // Monday 11-30 + 5 working days, Wednesday off: Tue, Thu, Fri, Mon, Tue = 12-08; plan 15 after; completion 60 after.
    expect(s.cases[0]?.due).toEqual({ notice: '2026-12-08', plan: '2026-12-29', completion: '2027-03-02' });
    s = run(s, { type: 'issueNotice', caseId: '2026-1' }, '2026-12-03');
    expect(s.cases[0]?.notice).toEqual({ on: '2026-12-03', number: '督字〔2026〕1号' });
    expect(s.cases[0]?.due.plan).toBe('2026-12-24');
  });

  it('[U6][U7] 待通知 → 整改中 → 逾期 when a deadline passes unmet → 已完成 → 已销号; the deadline day is in time', () => {
    let s = run(EMPTY_SUPERVISION, { type: 'openFromRating', meetingId: 'm1', itemId: 'rate', lead: '' }, '2026-11-30');
    const a = () => s.cases[0]!;
    expect(caseStatus(a(), '2026-12-07')).toBe('awaitingNotice');
    expect(caseStatus(a(), '2026-12-08')).toBe('overdue'); // notice due 12-07
    s = run(s, { type: 'issueNotice', caseId: '2026-1' }, '2026-12-01');
    expect(caseStatus(a(), '2026-12-22')).toBe('rectifying'); // plan due 12-22
    expect(caseStatus(a(), '2026-12-23')).toBe('overdue');
    s = run(s, { type: 'recordPlan', caseId: '2026-1', report: report('整改方案') }, '2026-12-10');
    expect(caseStatus(a(), '2026-12-23')).toBe('rectifying');
    expect(caseStatus(a(), '2027-03-01')).toBe('rectifying'); // completion due 03-01: 60 working days after 12-07
    expect(caseStatus(a(), '2027-03-02')).toBe('overdue');
    s = run(s, { type: 'recordProgress', caseId: '2026-1', report: report('进展一') }, '2027-01-10');
    s = run(s, { type: 'complete', caseId: '2026-1' }, '2027-03-05');
    expect(caseStatus(a(), '2027-04-01')).toBe('completed');
    s = run(s, { type: 'close', caseId: '2026-1' }, '2027-03-06');
    expect(caseStatus(a(), '2027-04-01')).toBe('closed');
    expect(a().timeline.map((t) => t.kind)).toEqual(['opened', 'notice', 'plan', 'progress', 'completed', 'closed']);
  });

  it('[U10] steps come in order: no plan before the notice, no progress before the plan, no 销号 before completion', () => {
    let s = run(EMPTY_SUPERVISION, { type: 'openFromRating', meetingId: 'm1', itemId: 'rate', lead: '' }, '2026-11-30');
    const tryIt = (cmd: SupervisionCommand) => decideSupervision(s, cmd, env('2026-12-01'));
    expect(tryIt({ type: 'recordPlan', caseId: '2026-1', report: report('x') })).toEqual({ ok: false, error: 'NOTICE_FIRST' });
    expect(tryIt({ type: 'close', caseId: '2026-1' })).toEqual({ ok: false, error: 'NOT_COMPLETED' });
    s = run(s, { type: 'issueNotice', caseId: '2026-1' }, '2026-12-01');
    expect(tryIt({ type: 'issueNotice', caseId: '2026-1' })).toEqual({ ok: false, error: 'ALREADY_ISSUED' });
    expect(tryIt({ type: 'recordProgress', caseId: '2026-1', report: report('x') })).toEqual({ ok: false, error: 'PLAN_FIRST' });
    expect(tryIt({ type: 'complete', caseId: '2026-1' })).toEqual({ ok: false, error: 'PLAN_FIRST' });
    expect(tryIt({ type: 'issueNotice', caseId: 'nope' })).toEqual({ ok: false, error: 'NOT_FOUND' });
  });

  it('[U12] an edit is dated on the timeline by the day it was made, not the day the case opened', () => {
    let s = run(EMPTY_SUPERVISION, { type: 'openFromRating', meetingId: 'm1', itemId: 'rate', lead: '' }, '2026-11-30');
    s = run(s, { type: 'editCase', caseId: '2026-1', details: { ...s.cases[0]!.details, lead: '财经委' }, completion: '2027-03-02' }, '2026-12-09');
    expect(s.cases[0]?.timeline.map((t) => [t.kind, t.on])).toEqual([
      ['opened', '2026-11-30'],
      ['edited', '2026-12-09'],
    ]);
  });

  it('[U11] only an administrator sets the calendar and the days', () => {
    const cal: SupervisionCommand = { type: 'setCalendar', calendar: { holidays: [], workdays: [] } };
    expect(decideSupervision(EMPTY_SUPERVISION, cal, env('2026-11-30'))).toEqual({ ok: false, error: 'FORBIDDEN' });
    expect(decideSupervision(EMPTY_SUPERVISION, cal, env('2026-11-30', 'admin')).ok).toBe(true);
  });

  it('[U8] overdue cases come first', () => {
    let s = run(EMPTY_SUPERVISION, { type: 'openFromRating', meetingId: 'm1', itemId: 'rate', lead: '' }, '2026-11-30');
    s = run(s, { type: 'issueNotice', caseId: '2026-1' }, '2026-12-01');
    // 2026-2 has no notice by its deadline (12-07); 2026-1 is still within its plan's days.
    expect([...s.cases].sort(byUrgency('2026-12-09')).map((c) => [c.id, caseStatus(c, '2026-12-09')])).toEqual([
      ['2026-2', 'overdue'],
      ['2026-1', 'rectifying'],
    ]);
  });
});
