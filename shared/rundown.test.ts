import { describe, expect, it } from 'vitest';
import { decideCommand, decideVote } from './decide.js';
import type { MeetingEvent } from './events.js';
import type { AgendaItem, SegmentItem } from './model.js';
import type { Command } from './protocol.js';
import { nextStep } from './rundown-decide.js';
import { remainingMs, usedMs } from './rundown.js';
import { outcomeOf } from './outcome.js';
import { segmentLog, segmentView } from './segment-view.js';
import { reduce, replay, type MeetingState } from './state.js';
import { resultOf } from './views.js';
/** decideVote's server-drawn salt; its value does not matter to these rules. */
const SALT = 'a'.repeat(32);

const roster = ['a', 'b', 'c'].map((id) => ({ id, name: `代表${id}`, group: '', seat: '' }));
const segment: SegmentItem = {
  id: 'seg1',
  kind: 'segment',
  title: '问政市住建局',
  description: '',
  department: '市住建局',
  person: { name: '李某某', title: '市住建局局长' },
  questions: [
    { id: 'q1', asker: '王某某', topic: '老旧小区改造', text: '为何进度滞后？', questionSec: 60, answerSec: 120, evidence: { mediaId: 'm1', type: 'image' } },
    { id: 'q2', asker: '赵某某', topic: '物业管理', text: '投诉为何无人处理？', questionSec: 60, answerSec: 90 },
  ],
  ratingItemId: 'rate1',
};
const rating: AgendaItem = {
  id: 'rate1',
  kind: 'rating',
  title: '对市住建局满意度测评',
  description: '',
  settings: { secret: true, visibility: 'live', allowChange: false, countdownSec: 0, scale: 'three', flagAbove: 0.2 },
  subjects: [{ id: 'dept-housing', name: '市住建局', person: '李某某', title: '市住建局局长' }],
};
const motion: AgendaItem = {
  id: 'mo',
  kind: 'motion',
  title: '表决',
  description: '',
  settings: { secret: true, visibility: 'live', allowChange: false, countdownSec: 0, base: 'roster', threshold: 'half' },
};

const base = (): MeetingState =>
  replay([
    { t: 'meeting.created', at: 0, meeting: { id: 'm', title: '会议', date: '', settings: { quorum: 'half' } }, roster, agenda: [motion, segment, rating] },
    ...roster.map((d): MeetingEvent => ({ t: 'checkin', at: 1, deputyId: d.id, by: 'self' })),
  ])!;

let seq = 0;
const ids = () => `t${++seq}`;
function run(s: MeetingState, c: Command, now: number): MeetingState {
  const d = decideCommand(s, c, now, ids);
  if (!d.ok) throw new Error(d.error);
  return d.value.reduce<MeetingState>((acc, e) => reduce(acc, e), s);
}
const go = (questionIndex: number, phase: Extract<Command, { type: 'segmentGo' }>['phase']): Command => ({ type: 'segmentGo', itemId: 'seg1', questionIndex, phase });
const timerOf = (s: MeetingState) => s.rundown.timer!;

describe('questioning segments', () => {
  it('[G1] a segment takes no ballots and cannot be started as a vote', () => {
    const s = base();
    expect(decideCommand(s, { type: 'startRound', itemId: 'seg1' }, 10, ids)).toEqual({ ok: false, error: 'WRONG_KIND' });
    expect(decideCommand(s, { type: 'manualResult', itemId: 'seg1', counts: { kind: 'motion', for: 1, against: 0, abstain: 0 } }, 10, ids)).toEqual({ ok: false, error: 'WRONG_KIND' });
  });

  it('[G2] moving onto a segment shows it; the same target twice is a no-op', () => {
    const s = run(base(), go(0, 'intro'), 100);
    expect(s.rundown.cursor).toMatchObject({ itemId: 'seg1', questionIndex: 0, phase: 'intro' });
    expect(s.currentItemId).toBe('seg1');
    expect(decideCommand(s, go(0, 'intro'), 200, ids)).toEqual({ ok: true, value: [] });
  });

  it('[G2c] the screen cuts to the segment scene as the rundown moves; the rating cuts to voting', () => {
    let s = run(base(), go(0, 'intro'), 100);
    expect(s.scene).toEqual({ kind: 'segment' });
    s = run(s, go(0, 'rating'), 200);
    expect(s.scene).toEqual({ kind: 'voting' });
  });

  it('[G3] a target that does not exist is refused', () => {
    const s = base();
    expect(decideCommand(s, go(5, 'question'), 10, ids)).toEqual({ ok: false, error: 'NOT_FOUND' });
    expect(decideCommand(s, go(1, 'evidence'), 10, ids)).toEqual({ ok: false, error: 'NOT_FOUND' });
    expect(decideCommand(s, { type: 'segmentGo', itemId: 'mo', questionIndex: 0, phase: 'intro' }, 10, ids)).toEqual({ ok: false, error: 'WRONG_KIND' });
    const noRating = replay([{ t: 'meeting.created', at: 0, meeting: { id: 'm', title: '会议', date: '', settings: { quorum: 'half' } }, roster, agenda: [{ ...segment, ratingItemId: 'gone' }] }])!;
    expect(decideCommand(noRating, go(0, 'rating'), 10, ids)).toEqual({ ok: false, error: 'NOT_FOUND' });
  });

  it('[G4] question and answer each start a countdown from the server clock; moving on logs the time used', () => {
    let s = run(base(), go(0, 'question'), 1_000);
    expect(timerOf(s)).toMatchObject({ kind: 'question', status: 'running', endsAt: 61_000, allowedMs: 60_000 });
    s = run(s, go(0, 'answer'), 41_000);
    expect(s.rundown.log).toEqual([expect.objectContaining({ kind: 'question', questionIndex: 0, usedMs: 40_000, allowedMs: 60_000 })]);
    expect(timerOf(s)).toMatchObject({ kind: 'answer', endsAt: 161_000 });
    s = run(s, go(1, 'question'), 200_000);
    // 159 s against 120 allowed: overtime counts as time used.
    expect(s.rundown.log[1]).toMatchObject({ kind: 'answer', usedMs: 159_000, allowedMs: 120_000 });
  });

  it('[G5] the rating phase opens the department rating in one step, or shows it when it exists', () => {
    let s = run(base(), go(1, 'answer'), 1_000);
    s = run(s, go(1, 'rating'), 2_000);
    expect(s.rundown.timer).toBeNull();
    const round = s.rounds.get(s.activeRoundId!);
    expect(round?.itemId).toBe('rate1');
    expect(s.currentItemId).toBe('rate1');
    s = run(s, { type: 'close', roundId: round!.id }, 3_000);
    s = run(s, go(1, 'done'), 4_000);
    const again = decideCommand(s, go(1, 'rating'), 5_000, ids);
    expect(again.ok && again.value.map((e) => e.t)).toEqual(['segment.cursor', 'item.shown']);
  });

  it('[G5b] opening the rating follows the quorum rule like any vote', () => {
    const thin = replay([{ t: 'meeting.created', at: 0, meeting: { id: 'm', title: '会议', date: '', settings: { quorum: 'half' } }, roster, agenda: [segment, rating] }])!;
    expect(decideCommand(thin, go(0, 'rating'), 10, ids)).toEqual({ ok: false, error: 'NO_QUORUM' });
    const d = decideCommand(thin, { type: 'segmentGo', itemId: 'seg1', questionIndex: 0, phase: 'rating', confirmNoQuorum: true }, 10, ids);
    expect(d.ok && d.value.some((e) => e.t === 'round.started' && e.withoutQuorum === true)).toBe(true);
  });

  it('[G6] another item’s open vote holds the rundown; the own rating does not', () => {
    const s = run(base(), { type: 'startRound', itemId: 'mo', countdownSec: 0 }, 10);
    expect(decideCommand(s, go(0, 'intro'), 20, ids)).toEqual({ ok: false, error: 'ROUND_ACTIVE' });
    const rated = run(base(), go(0, 'rating'), 10);
    expect(decideCommand(rated, go(0, 'done'), 20, ids).ok).toBe(true);
  });

  it('[G7] pause keeps the time left, resume restarts from it, add moves it, reset goes back, stop logs', () => {
    let s = run(base(), go(0, 'question'), 0);
    const id = timerOf(s).id;
    s = run(s, { type: 'timerPause', timerId: id }, 20_000);
    expect(timerOf(s)).toMatchObject({ status: 'paused', remainingMs: 40_000, endsAt: null });
    expect(decideCommand(s, { type: 'timerPause', timerId: id }, 25_000, ids)).toEqual({ ok: true, value: [] });
    s = run(s, { type: 'timerResume', timerId: id }, 30_000);
    expect(timerOf(s)).toMatchObject({ status: 'running', endsAt: 70_000 });
    s = run(s, { type: 'timerAdd', timerId: id, seconds: 30 }, 31_000);
    expect(timerOf(s)).toMatchObject({ endsAt: 100_000, allowedMs: 90_000 });
    expect(usedMs(timerOf(s), 40_000)).toBe(30_000); // 20 s, a 10 s pause, then 10 s
    s = run(s, { type: 'timerReset', timerId: id }, 45_000);
    expect(timerOf(s)).toMatchObject({ status: 'paused', remainingMs: 60_000, allowedMs: 60_000, usedBeforeMs: 0 });
    s = run(s, { type: 'timerResume', timerId: id }, 50_000);
    s = run(s, { type: 'timerStop', timerId: id }, 62_000);
    expect(s.rundown.timer).toBeNull();
    expect(s.rundown.log.at(-1)).toMatchObject({ timerId: id, usedMs: 12_000 });
    expect(decideCommand(s, { type: 'timerPause', timerId: id }, 63_000, ids)).toEqual({ ok: false, error: 'NOT_FOUND' });
  });

  it('[G7b] time taken while paused can run into overtime; the remainder goes negative', () => {
    let s = run(base(), go(0, 'question'), 0);
    const id = timerOf(s).id;
    s = run(s, { type: 'timerAdd', timerId: id, seconds: -50 }, 5_000);
    expect(remainingMs(timerOf(s), 15_000)).toBe(-5_000);
    s = run(s, { type: 'timerPause', timerId: id }, 15_000);
    expect(timerOf(s).remainingMs).toBe(-5_000);
  });

  it('[G11] the evidence video plays as the console drives it, only on a video evidence', () => {
    const video: SegmentItem = { ...segment, questions: segment.questions.map((q, i) => (i === 1 ? { ...q, evidence: { mediaId: 'v1', type: 'video' as const } } : q)) };
    const s0 = replay([{ t: 'meeting.created', at: 0, meeting: { id: 'm', title: '会议', date: '', settings: { quorum: 'half' } }, roster, agenda: [video, rating] }])!;
    const play: Command = { type: 'evidencePlayback', playing: true, positionMs: 0 };
    expect(decideCommand(run(s0, go(0, 'evidence'), 10), play, 20, ids)).toEqual({ ok: false, error: 'NOT_FOUND' }); // an image
    let s = run(s0, go(1, 'evidence'), 10);
    s = run(s, play, 1_000);
    expect(segmentView(s, 3_000)?.playback).toEqual({ playing: true, positionMs: 0, at: 1_000 });
    s = run(s, { type: 'evidencePlayback', playing: false, positionMs: 2_000 }, 3_000);
    expect(s.rundown.playback).toEqual({ playing: false, positionMs: 2_000, at: 3_000 });
    s = run(s, go(1, 'question'), 4_000);
    expect(s.rundown.playback).toBeNull();
  });

  it('[G8] the log lists asker, topic and time used per question, and the rating once closed', () => {
    let s = run(base(), go(0, 'question'), 0);
    s = run(s, go(0, 'answer'), 50_000);
    s = run(s, go(0, 'question'), 60_000); // back to the question: timed again
    s = run(s, go(0, 'answer'), 70_000);
    s = run(s, go(0, 'rating'), 170_000);
    const roundId = s.activeRoundId!;
    for (const [i, d] of ['a', 'b', 'c'].entries()) {
      const v = decideVote(s, d, { roundId, submissionId: `s${i}`, receipt: `AAAAAAA${i + 2}`, content: { kind: 'rating', ratings: { 'dept-housing': i === 2 ? 'unsatisfied' : 'satisfied' } } }, 171_000, SALT);
      if (!v.ok) throw new Error(v.error);
      s = v.value.events.reduce<MeetingState>((acc, e) => reduce(acc, e), s);
    }
    s = run(s, { type: 'close', roundId }, 172_000);
    const [log] = segmentLog(s, (id) => outcomeOf(s, id, resultOf));
    expect(log?.questions[0]).toEqual({ index: 0, asker: '王某某', topic: '老旧小区改造', question: { allowedMs: 60_000, usedMs: 60_000 }, answer: { allowedMs: 120_000, usedMs: 110_000 } });
    expect(log?.questions[1]).toMatchObject({ question: null, answer: null });
    expect(log?.rating).toEqual({ itemId: 'rate1', score: 66.67, satisfactionRate: 2 / 3, valid: 3 });
  });

  it('[G4b] the screen view carries the timer as an instant and the time used', () => {
    const s = run(base(), go(0, 'question'), 1_000);
    const v = segmentView(s, 11_000);
    expect(v).toMatchObject({ phase: 'question', questionIndex: 0, ratingItemId: 'rate1', timer: { endsAt: 61_000, usedMs: 10_000, remainingMs: null } });
  });

  it('[G2b] the next step walks evidence, question, answer, then rating and done', () => {
    const steps: string[] = [];
    let cur = nextStep(segment, null, true);
    while (cur) {
      steps.push(`${cur.questionIndex}:${cur.phase}`);
      cur = nextStep(segment, cur, true);
    }
    expect(steps).toEqual(['0:intro', '0:evidence', '0:question', '0:answer', '1:question', '1:answer', '1:rating', '1:done']);
  });
});
