// Run-offs and outcomes through the pure decisions: a tie at the last seat, the 'runoff'
// command, the merged outcome views show, and the meeting-wide ranking of rated subjects.
import { describe, expect, it } from 'vitest';
import { decideCommand, decideVote } from './decide.js';
import type { MeetingEvent } from './events.js';
import { AgendaItem, type BallotContent } from './model.js';
import { decisiveRounds, meetingRanking, outcomeOf, pendingTie } from './outcome.js';
import { reduce, replay, type MeetingState } from './state.js';
import { consoleView, resultOf, resultVisible, screenView } from './views.js';
import { motionLabel, ruleLabel, unfilledNotes } from './labels.js';
import { meetingReport } from './report.js';
/** decideVote's server-drawn salt; its value does not matter to these rules. */
const SALT = 'a'.repeat(32);

const roster = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, name: `代表${id}`, group: '', seat: '' }));
const projects = AgendaItem.parse({
  id: 'p',
  kind: 'projects',
  title: '民生实事',
  settings: { adopt: 2, countdownSec: 0, base: 'present', visibility: 'turnout' },
  projects: ['x', 'y', 'z', 'w'].map((id) => ({ id, name: `项目${id}` })),
});
const rating = (id: string, subjects: string[]) =>
  AgendaItem.parse({ id, kind: 'rating', title: `测评${id}`, settings: { countdownSec: 0, visibility: 'turnout' }, subjects: subjects.map((s) => ({ id: s, name: `部门${s}` })) });

const base = (): MeetingState =>
  replay([
    {
      t: 'meeting.created',
      at: 0,
      meeting: { id: 'm', title: '会议', date: '', settings: { quorum: 'half' } },
      roster,
      agenda: [projects, rating('r1', ['s1', 's2']), rating('r2', ['s3'])],
    },
    ...roster.map((d): MeetingEvent => ({ t: 'checkin', at: 1, deputyId: d.id, by: 'self' })),
  ])!;

let seq = 0;
const ids = () => `r${++seq}`;
const apply = (s: MeetingState, events: MeetingEvent[]) => events.reduce<MeetingState>((acc, e) => reduce(acc, e), s);
function run(s: MeetingState, c: Parameters<typeof decideCommand>[1]): MeetingState {
  const d = decideCommand(s, c, 10, ids);
  if (!d.ok) throw new Error(d.error);
  return apply(s, d.value);
}
function voteAll(s: MeetingState, contents: BallotContent[]): MeetingState {
  const roundId = s.activeRoundId!;
  return contents.reduce((acc, content, i) => {
    const d = decideVote(acc, roster[i]!.id, { roundId, submissionId: `s${++seq}`, receipt: receiptOf(++seq), content }, 20, SALT);
    if (!d.ok) throw new Error(d.error);
    return apply(acc, d.value.events);
  }, s);
}
/** Eight characters of the receipt alphabet, distinct per n. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const receiptOf = (n: number) => Array.from({ length: 8 }, (_, i) => ALPHABET[Math.floor(n / 32 ** (7 - i)) % 32] ?? 'A').join('');
const pick = (...picks: string[]): BallotContent => ({ kind: 'select', picks });

/** x 4 votes, y 3, z 3, w 0 (3 needed of 5 present): x adopted, y and z tied for the last seat. */
function tied(): { s: MeetingState; first: string } {
  let s = run(base(), { type: 'startRound', itemId: 'p' });
  const first = s.activeRoundId!;
  s = voteAll(s, [pick('x', 'y'), pick('x', 'z'), pick('x', 'y'), pick('x', 'z'), pick('y', 'z')]);
  s = run(s, { type: 'close', roundId: first });
  return { s, first };
}

describe('run-off (P12, P13)', () => {
  it('[P11] a closed round with a tie at the last seat is run off among the tied projects only', () => {
    const { s, first } = tied();
    const o = outcomeOf(s, 'p', resultOf);
    expect(o.result).toMatchObject({ kind: 'projects', adopted: ['x'] });
    const tie = o.result?.kind === 'projects' ? o.result.tie : null;
    expect(tie).toEqual({ projectIds: ['y', 'z'], votes: 3, seats: 1 });
    const d = decideCommand(s, { type: 'runoff', roundId: first, countdownSec: 0 }, 30, ids);
    expect(d.ok && d.value[0]).toMatchObject({ t: 'round.started', purpose: 'runoff', follows: first, candidates: ['y', 'z'], seats: 1, endsAt: null });
  });

  it('[P12] refuses a run-off without a tie, on an open round, on another kind, or from a stale round', () => {
    const open = run(base(), { type: 'startRound', itemId: 'p' });
    expect(decideCommand(open, { type: 'runoff', roundId: open.activeRoundId! }, 30, ids)).toEqual({ ok: false, error: 'ROUND_ACTIVE' });
    const noTie = run(voteAll(open, [pick('x', 'y'), pick('x', 'y'), pick('x', 'y')]), { type: 'close', roundId: open.activeRoundId! });
    expect(decideCommand(noTie, { type: 'runoff', roundId: open.activeRoundId! }, 30, ids)).toEqual({ ok: false, error: 'NOT_FOUND' });
    const { s, first } = tied();
    const ro = run(s, { type: 'runoff', roundId: first, countdownSec: 0 });
    const roId = ro.activeRoundId!;
    const closed = run(voteAll(ro, [pick('y'), pick('y'), pick('z')]), { type: 'close', roundId: roId });
    // The tie is settled: running off again from either round is refused.
    expect(decideCommand(closed, { type: 'runoff', roundId: first }, 40, ids)).toEqual({ ok: false, error: 'NOT_FOUND' });
    expect(decideCommand(closed, { type: 'runoff', roundId: roId }, 40, ids)).toEqual({ ok: false, error: 'NOT_FOUND' });
    const r1 = run(base(), { type: 'startRound', itemId: 'r1' });
    const r1closed = run(r1, { type: 'close', roundId: r1.activeRoundId! });
    expect(decideCommand(r1closed, { type: 'runoff', roundId: r1.activeRoundId! }, 40, ids)).toEqual({ ok: false, error: 'WRONG_KIND' });
  });

  it('[P12] a run-off ballot may tick at most the seats, and only candidates', () => {
    const { s, first } = tied();
    const ro = run(s, { type: 'runoff', roundId: first, countdownSec: 0 });
    const p = (content: BallotContent) => ({ roundId: ro.activeRoundId!, submissionId: 'q1', receipt: 'QQQQQQQQ', content });
    expect(decideVote(ro, 'a', p(pick('y', 'z')), 40, SALT)).toEqual({ ok: false, error: 'TOO_MANY_PICKS' });
    expect(decideVote(ro, 'a', p(pick('x')), 40, SALT)).toEqual({ ok: false, error: 'UNKNOWN_ID' });
    expect(decideVote(ro, 'a', p(pick('z')), 40, SALT).ok).toBe(true);
  });

  it('[P13] the outcome merges the closed run-off; the screen shows it once visible; a voided run-off drops out', () => {
    const { s, first } = tied();
    let ro = run(s, { type: 'runoff', roundId: first, countdownSec: 0 });
    const roId = ro.activeRoundId!;
    ro = voteAll(ro, [pick('z'), pick('z'), pick('y')]);
    // While the run-off is open, the outcome is still the first round's, tie and all.
    expect(outcomeOf(ro, 'p', resultOf).result).toMatchObject({ adopted: ['x'], runoffsMerged: 0 });
    expect(screenView(ro, 50).round).toMatchObject({ purpose: 'runoff', candidates: ['y', 'z'], seats: 1 });
    const closed = run(ro, { type: 'close', roundId: roId });
    const merged = outcomeOf(closed, 'p', resultOf).result;
    expect(merged).toMatchObject({ adopted: ['x', 'z'], tie: null, unfilled: 0, runoffsMerged: 1 });
    expect(screenView(closed, 60).outcome).toEqual(merged);
    const cv = consoleView(closed, 60);
    expect(cv.outcomes?.find((o) => o.itemId === 'p')).toMatchObject({ roundIds: [first, roId], runoffReady: false });
    const voided = run(closed, { type: 'void', roundId: roId, reason: '设备故障' });
    expect(decisiveRounds(voided, 'p').map((r) => r.id)).toEqual([first]);
    expect(consoleView(voided, 70).outcomes?.find((o) => o.itemId === 'p')?.runoffReady).toBe(true);
  });
});

describe('meeting ranking (R11)', () => {
  it('[R11] ranks the subjects of every visible rating item together, with names, and never a deputy', () => {
    let s = run(base(), { type: 'startRound', itemId: 'r1' });
    const r1 = s.activeRoundId!;
    const rate = (ratings: Record<string, string>): BallotContent => ({ kind: 'rating', ratings });
    s = voteAll(s, [rate({ s1: 'satisfied', s2: 'basic' }), rate({ s1: 'satisfied', s2: 'unsatisfied' })]);
    expect(meetingRanking(s, resultOf, resultVisible)).toEqual([]); // open, turnout only: nothing public yet
    s = run(s, { type: 'close', roundId: r1 });
    s = run(s, { type: 'manualResult', itemId: 'r2', counts: { kind: 'rating', counts: { s3: { satisfied: 1, basic: 1 } } } });
    const rows = screenView(s, 80).ranking ?? [];
    expect(rows.map((r) => [r.subjectId, r.rank, r.score, r.manual])).toEqual([
      ['s1', 1, 100, false],
      ['s3', 2, 80, true],
      ['s2', 3, 30, false],
    ]);
    expect(rows[0]).toMatchObject({ itemTitle: '测评r1', name: '部门s1' });
    expect(JSON.stringify(rows)).not.toMatch(/代表|"d[a-e]"/);
  });
});

describe('a run-off round is its own result (P12a)', () => {
  it('[P12a] the run-off round lists only its candidates, for the seats it fills, under its own rule', () => {
    const { s, first } = tied();
    let ro = run(s, { type: 'runoff', roundId: first, countdownSec: 0 });
    const roId = ro.activeRoundId!;
    ro = run(voteAll(ro, [pick('z'), pick('z'), pick('y')]), { type: 'close', roundId: roId });
    const own = resultOf(ro, ro.rounds.get(roId)!);
    expect(own).toMatchObject({ kind: 'projects', runoff: true, seats: 1, needed: 0, adopted: ['z'], unfilled: 0 });
    expect(own?.kind === 'projects' && own.projects.map((p) => [p.projectId, p.votes, p.status])).toEqual([
      ['z', 2, 'adopted'],
      ['y', 1, 'notAdopted'],
    ]);
    expect(own?.kind === 'projects' && ruleLabel(own)).toEqual({ key: 'runoff', candidates: 2, seats: 1 });
    // Every surface reads rounds from the same function: the console's round view, the report.
    const cv = consoleView(ro, 60).rounds.find((r) => r.id === roId);
    expect(cv?.result).toEqual(own);
    const report = meetingReport(ro, 60).items.find((i) => i.item.id === 'p');
    expect(report?.rounds.map((r) => r.result?.kind === 'projects' && r.result.projects.length)).toEqual([4, 2]);
    // The merged final list is unchanged: x, then z from the run-off.
    expect(outcomeOf(ro, 'p', resultOf).result).toMatchObject({ adopted: ['x', 'z'], runoffsMerged: 1 });
  });
});

describe('a vote started without quorum (Q3)', () => {
  const thin = (item: string, quorumRequired?: boolean) => {
    const created = {
      t: 'meeting.created' as const,
      at: 0,
      meeting: { id: 'm', title: '会议', date: '', settings: { quorum: 'half' as const } },
      roster,
      agenda: [AgendaItem.parse({ id: 'mo', kind: 'motion', title: '议案', settings: { countdownSec: 0, ...(quorumRequired === undefined ? {} : { quorumRequired }) } }), projects, rating('r1', ['s1'])],
    };
    // two of five present: no quorum (3 needed)
    let s = replay([created, ...roster.slice(0, 2).map((d): MeetingEvent => ({ t: 'checkin', at: 1, deputyId: d.id, by: 'self' }))])!;
    s = run(s, { type: 'startRound', itemId: item, confirmNoQuorum: true });
    return s;
  };

  it('[Q3] is not valid: a motion is neither passed nor failed, and is labelled 未达法定人数', () => {
    let s = thin('mo');
    const id = s.activeRoundId!;
    s = run(voteAll(s, [{ kind: 'motion', choice: 'for' }, { kind: 'motion', choice: 'for' }]), { type: 'close', roundId: id });
    const r = resultOf(s, s.rounds.get(id)!);
    expect(r).toMatchObject({ kind: 'motion', for: 2, noQuorum: true, passed: false });
    expect(r?.kind === 'motion' && motionLabel(r)).toBe('noQuorum');
    expect(screenView(s, 50).result).toMatchObject({ noQuorum: true });
  });

  it('[Q3] the item setting quorumRequired: false counts it (still marked withoutQuorum)', () => {
    // base roster: 3 of 5 needed; with quorumRequired false, 2 for out of 5 is simply not passed
    let s = thin('mo', false);
    const id = s.activeRoundId!;
    s = run(voteAll(s, [{ kind: 'motion', choice: 'for' }, { kind: 'motion', choice: 'for' }]), { type: 'close', roundId: id });
    expect(resultOf(s, s.rounds.get(id)!)).toMatchObject({ noQuorum: false, passed: false });
    expect(s.rounds.get(id)?.withoutQuorum).toBe(true);
  });

  it('[Q3] a projects vote adopts nothing and leaves no tie to run off; a rating flags and ranks nobody', () => {
    let s = thin('p');
    const id = s.activeRoundId!;
    s = run(voteAll(s, [pick('x', 'y'), pick('x', 'z')]), { type: 'close', roundId: id });
    const r = resultOf(s, s.rounds.get(id)!);
    expect(r).toMatchObject({ noQuorum: true, adopted: [], tie: null });
    expect(r?.kind === 'projects' && r.projects.every((p) => p.status === 'noQuorum')).toBe(true);
    expect(r?.kind === 'projects' && unfilledNotes(r)).toEqual([]);
    expect(decideCommand(s, { type: 'runoff', roundId: id }, 30, ids)).toEqual({ ok: false, error: 'NOT_FOUND' });
    let t = thin('r1');
    const rid = t.activeRoundId!;
    t = run(voteAll(t, [{ kind: 'rating', ratings: { s1: 'unsatisfied' } }]), { type: 'close', roundId: rid });
    expect(resultOf(t, t.rounds.get(rid)!)).toMatchObject({ noQuorum: true, subjects: [{ flagged: false, rank: null }] });
    expect(meetingRanking(t, resultOf, () => true)).toEqual([]);
  });
});

describe('a run-off without quorum (Q3)', () => {
  it('[Q3] settles nothing: the tie stands and can be run off again', () => {
    const { s, first } = tied();
    // Three of five leave: 2 present, 3 needed.
    const thin = ['c', 'd', 'e'].reduce((acc, id) => run(acc, { type: 'undoCheckIn', deputyId: id }), s);
    const ro = run(thin, { type: 'runoff', roundId: first, countdownSec: 0, confirmNoQuorum: true });
    const roId = ro.activeRoundId!;
    const closed = run(voteAll(ro, [pick('y'), pick('y')]), { type: 'close', roundId: roId });
    expect(resultOf(closed, closed.rounds.get(roId)!)).toMatchObject({ runoff: true, noQuorum: true, adopted: [] });
    expect(outcomeOf(closed, 'p', resultOf).result).toMatchObject({ adopted: ['x'], tie: { projectIds: ['y', 'z'], seats: 1 }, runoffsMerged: 0 });
    expect(pendingTie(closed, 'p', resultOf)?.from.id).toBe(roId);
  });
});
