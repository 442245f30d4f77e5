// Decisions for the questioning's rundown: moving the cursor (which starts and stops the
// speaking countdowns and opens the rating) and the moderator's timer buttons. Pure: the
// clock, the id source and the way a rating round is started are arguments. Rules: SPEC G.
import type { MeetingEvent } from './events.js';
import type { SegmentItem } from './model.js';
import type { Command, ErrorCode } from './protocol.js';
import { err, ok, type Result } from './result.js';
import { usedMs, type SegmentPhase } from './rundown.js';
import { itemById, latestRound, type MeetingState } from './state.js';
import { assertNever } from './never.js';
import { ratingItemOf } from './segment-view.js';

export type RundownCommand = Extract<
  Command,
  { type: 'segmentGo' | 'timerPause' | 'timerResume' | 'timerAdd' | 'timerReset' | 'timerStop' | 'evidencePlayback' }
>;
type Decision = Result<MeetingEvent[], ErrorCode>;

/** Starts the vote of a rating item as the console's startRound would (quorum, one active round). */
export type StartRating = (ratingItemId: string, confirmNoQuorum: boolean) => Decision;

/** [G4] Whatever timer is on stops when the rundown moves, and its time used is logged. */
function stopTimer(s: MeetingState, now: number): MeetingEvent[] {
  const t = s.rundown.timer;
  return t ? [{ t: 'timer.stopped', at: now, timerId: t.id, usedMs: usedMs(t, now) }] : [];
}

function decideGo(s: MeetingState, c: Extract<RundownCommand, { type: 'segmentGo' }>, now: number, newId: () => string, startRating: StartRating): Decision {
  const item = itemById(s, c.itemId);
  if (!item) return err('NOT_FOUND');
  if (item.kind !== 'segment') return err('WRONG_KIND');
  const q = item.questions[c.questionIndex];
  if (!q) return err('NOT_FOUND');
  if (c.phase === 'evidence' && !q.evidence) return err('NOT_FOUND'); // [G3]
  const rating = ratingItemOf(s, item);
  if (c.phase === 'rating' && !rating) return err('NOT_FOUND');

  const cur = s.rundown.cursor;
  if (cur && cur.itemId === item.id && cur.questionIndex === c.questionIndex && cur.phase === c.phase) return ok([]); // [G2]

  // [G6] Another item's vote must end first; the segment's own rating may stay open.
  const active = s.activeRoundId ? s.rounds.get(s.activeRoundId) : undefined;
  if (active && active.itemId !== rating?.id) return err('ROUND_ACTIVE');

  const cursor: MeetingEvent = { t: 'segment.cursor', at: now, itemId: item.id, questionIndex: c.questionIndex, phase: c.phase };
  const events: MeetingEvent[] = stopTimer(s, now);
  if (c.phase === 'rating' && rating) {
    // [G5] One click opens the rating of this department, unless it was opened already.
    events.push(cursor);
    if (latestRound(s, rating.id)) {
      if (s.currentItemId !== rating.id) events.push({ t: 'item.shown', at: now, itemId: rating.id });
    } else {
      const started = startRating(rating.id, c.confirmNoQuorum === true);
      if (!started.ok) return started;
      events.push(...started.value);
    }
    return ok(events);
  }
  // The item first, the cursor after: the screen's scene follows the last of them.
  if (s.currentItemId !== item.id && !active) events.push({ t: 'item.shown', at: now, itemId: item.id });
  events.push(cursor);
  if (c.phase === 'question' || c.phase === 'answer') {
    // [G4] Question and answer each get their own countdown from the server clock.
    const sec = c.phase === 'question' ? q.questionSec : q.answerSec;
    events.push({ t: 'timer.started', at: now, timerId: newId(), itemId: item.id, questionIndex: c.questionIndex, kind: c.phase, endsAt: now + sec * 1000 });
  }
  return ok(events);
}

export function decideRundown(s: MeetingState, c: RundownCommand, now: number, newId: () => string, startRating: StartRating): Decision {
  if (c.type === 'segmentGo') return decideGo(s, c, now, newId, startRating);
  if (c.type === 'evidencePlayback') {
    // [G11] Only while the rundown shows a question's evidence video.
    const cur = s.rundown.cursor;
    const item = cur ? itemById(s, cur.itemId) : undefined;
    const ev = cur && item?.kind === 'segment' ? item.questions[cur.questionIndex]?.evidence : undefined;
    if (cur?.phase !== 'evidence' || ev?.type !== 'video') return err('NOT_FOUND');
    return ok([{ t: 'evidence.playback', at: now, playing: c.playing, positionMs: c.positionMs }]);
  }
  const t = s.rundown.timer;
  if (!t || t.id !== c.timerId) return err('NOT_FOUND'); // [G7] only the timer that is on
  switch (c.type) {
    case 'timerPause':
      return ok(t.status === 'running' ? [{ t: 'timer.paused', at: now, timerId: t.id }] : []);
    case 'timerResume':
      return ok(t.status === 'paused' ? [{ t: 'timer.resumed', at: now, timerId: t.id }] : []);
    case 'timerAdd':
      return ok([{ t: 'timer.adjusted', at: now, timerId: t.id, deltaMs: c.seconds * 1000 }]);
    case 'timerReset':
      return ok([{ t: 'timer.reset', at: now, timerId: t.id }]);
    case 'timerStop':
      return ok(stopTimer(s, now));
    default: {
      return assertNever(c, 'rundown command');
    }
  }
}

/** The step after the cursor, for the console's one "next" button; null at the end. */
export function nextStep(item: SegmentItem, cur: { questionIndex: number; phase: SegmentPhase } | null, hasRating: boolean): { questionIndex: number; phase: SegmentPhase } | null {
  if (!cur) return { questionIndex: 0, phase: 'intro' };
  const q = item.questions[cur.questionIndex];
  const firstOf = (i: number): { questionIndex: number; phase: SegmentPhase } => ({ questionIndex: i, phase: item.questions[i]?.evidence ? 'evidence' : 'question' });
  switch (cur.phase) {
    case 'intro':
      return firstOf(cur.questionIndex);
    case 'evidence':
      return { questionIndex: cur.questionIndex, phase: 'question' };
    case 'question':
      return { questionIndex: cur.questionIndex, phase: 'answer' };
    case 'answer':
      if (q && cur.questionIndex + 1 < item.questions.length) return firstOf(cur.questionIndex + 1);
      return { questionIndex: cur.questionIndex, phase: hasRating ? 'rating' : 'done' };
    case 'rating':
      return { questionIndex: cur.questionIndex, phase: 'done' };
    case 'done':
      return null;
    default: {
      return assertNever(cur.phase, 'phase');
    }
  }
}
