// What screens and the console see of the questioning: the segment on air with its cursor and
// speaking timer, and the segment log (who asked, what, time used) for the meeting's report.
// Pure functions of the meeting state; views.ts adds them to ScreenView and ConsoleView.
import type { SegmentItem } from './model.js';
import { remainingMs, usedMs, type Playback, type SegmentPhase, type SpeakingKind, type SpeakingTimer } from './rundown.js';
import { itemById, type MeetingState } from './state.js';
import type { Outcome } from './outcome.js';

/** The segment's rating item, when it links one that exists and is a rating. */
export function ratingItemOf(s: MeetingState, seg: SegmentItem) {
  const r = seg.ratingItemId === undefined ? undefined : itemById(s, seg.ratingItemId);
  return r?.kind === 'rating' ? r : undefined;
}

/** A speaking countdown as clients need it: they count down from serverNow themselves. */
export interface TimerView {
  id: string;
  itemId: string;
  questionIndex: number;
  kind: SpeakingKind;
  status: 'running' | 'paused';
  /** Running: the instant it reaches zero (server clock). */
  endsAt: number | null;
  /** Paused: the time left (ms), negative in overtime. */
  remainingMs: number | null;
  allowedMs: number;
  /** Time used up to serverNow. */
  usedMs: number;
}

/** The segment the rundown is on: the item, where in it, and the timer. */
export interface SegmentView {
  item: SegmentItem;
  questionIndex: number;
  phase: SegmentPhase;
  timer: TimerView | null;
  /** The linked rating item's id, when it exists. */
  ratingItemId: string | null;
  /** The evidence video's playback as the console drives it; null: not started. */
  playback: Playback | null;
  /** Time used per question so far (ms), question and answer; null when not timed yet. */
  used: { question: number | null; answer: number | null }[];
}

export interface SpeakingUse {
  allowedMs: number;
  usedMs: number;
}

/** One question of a segment in the report: asker, topic, time used against time allowed. */
export interface QuestionLog {
  index: number;
  asker: string;
  topic: string;
  question: SpeakingUse | null;
  answer: SpeakingUse | null;
}

export interface SegmentLog {
  itemId: string;
  title: string;
  department: string;
  person: { name: string; title: string };
  questions: QuestionLog[];
  /** The department's rating once its vote closed: score and 满意率 (R6, R7). */
  rating: { itemId: string; score: number | null; satisfactionRate: number | null; valid: number } | null;
}

export function timerView(t: SpeakingTimer, now: number): TimerView {
  return {
    id: t.id,
    itemId: t.itemId,
    questionIndex: t.questionIndex,
    kind: t.kind,
    status: t.status,
    endsAt: t.status === 'running' ? t.endsAt : null,
    remainingMs: t.status === 'paused' ? remainingMs(t, now) : null,
    allowedMs: t.allowedMs,
    usedMs: usedMs(t, now),
  };
}

export function segmentView(s: MeetingState, now: number): SegmentView | null {
  const c = s.rundown.cursor;
  const item = c ? itemById(s, c.itemId) : undefined;
  if (!c || item?.kind !== 'segment') return null;
  const t = s.rundown.timer;
  return {
    item,
    questionIndex: c.questionIndex,
    phase: c.phase,
    timer: t && t.itemId === item.id ? timerView(t, now) : null,
    ratingItemId: ratingItemOf(s, item)?.id ?? null,
    playback: s.rundown.playback,
    used: item.questions.map((_, i) => ({ question: usedOf(s, item.id, i, 'question'), answer: usedOf(s, item.id, i, 'answer') })),
  };
}

function usedOf(s: MeetingState, itemId: string, i: number, kind: SpeakingKind): number | null {
  const recs = s.rundown.log.filter((r) => r.itemId === itemId && r.questionIndex === i && r.kind === kind);
  return recs.length === 0 ? null : recs.reduce((a, r) => a + r.usedMs, 0);
}

/** [G8] The log of every segment of the agenda: time used per question and answer, and the rating. */
export function segmentLog(s: MeetingState, outcome: (itemId: string) => Outcome): SegmentLog[] {
  const out: SegmentLog[] = [];
  for (const item of s.agenda) {
    if (item.kind !== 'segment') continue;
    const use = (i: number, kind: SpeakingKind): SpeakingUse | null => {
      const recs = s.rundown.log.filter((r) => r.itemId === item.id && r.questionIndex === i && r.kind === kind);
      if (recs.length === 0) return null;
      // A question timed twice (the rundown went back) counts both times.
      return { allowedMs: Math.max(...recs.map((r) => r.allowedMs)), usedMs: recs.reduce((a, r) => a + r.usedMs, 0) };
    };
    const ratingItem = ratingItemOf(s, item);
    const o = ratingItem ? outcome(ratingItem.id) : null;
    const res = o?.lastRound?.status === 'closed' && o.result?.kind === 'rating' ? o.result : null;
    const subject = res?.subjects[0];
    out.push({
      itemId: item.id,
      title: item.title,
      department: item.department,
      person: { ...item.person },
      questions: item.questions.map((q, i) => ({ index: i, asker: q.asker, topic: q.topic, question: use(i, 'question'), answer: use(i, 'answer') })),
      rating:
        ratingItem && subject
          ? { itemId: ratingItem.id, score: subject.score, satisfactionRate: subject.satisfactionRate, valid: subject.valid }
          : null,
    });
  }
  return out;
}
