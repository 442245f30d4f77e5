// The rundown of a televised questioning (电视问政): where the moderator is (segment, question,
// phase), the speaking countdown, and the log of time used. Folded from the events by
// reduceRundown, which state.ts calls for every 'segment.cursor' and 'timer.*' event.
// Invariant: at most one speaking timer exists; a stopped timer lives on only in the log.
import type { EventOf, MeetingEvent } from './events.js';
import { assertNever } from './never.js';

export type SegmentPhase = EventOf<'segment.cursor'>['phase'];
export type SpeakingKind = EventOf<'timer.started'>['kind'];

/** The phases of one question, in rundown order; 'rating' and 'done' close the segment. */
export const PHASES: readonly SegmentPhase[] = ['intro', 'evidence', 'question', 'answer', 'rating', 'done'];

export interface SegmentCursor {
  readonly itemId: string;
  readonly questionIndex: number;
  readonly phase: SegmentPhase;
  readonly at: number;
}

export interface SpeakingTimer {
  readonly id: string;
  readonly itemId: string;
  readonly questionIndex: number;
  readonly kind: SpeakingKind;
  readonly status: 'running' | 'paused';
  readonly startedAt: number;
  /** The time first allowed (the question's setting), which a reset goes back to. */
  readonly baseMs: number;
  /** The time allowed now, additions included. */
  readonly allowedMs: number;
  /** Running: the instant it reaches zero (server clock); in the past means overtime. */
  readonly endsAt: number | null;
  /** Paused: the time left, negative in overtime. */
  readonly remainingMs: number | null;
  /** Running: since when; the time used is usedBeforeMs plus the time since. */
  readonly runningSince: number | null;
  readonly usedBeforeMs: number;
}

/** One stopped speaking timer: who spoke for which question, how long, against what. */
export interface SpeakingRecord {
  readonly timerId: string;
  readonly itemId: string;
  readonly questionIndex: number;
  readonly kind: SpeakingKind;
  readonly startedAt: number;
  readonly stoppedAt: number;
  readonly allowedMs: number;
  readonly usedMs: number;
}

/** The evidence video as the console plays it: screens seek to positionMs + (now - at) while playing. */
export interface Playback {
  readonly playing: boolean;
  readonly positionMs: number;
  readonly at: number;
}

export interface Rundown {
  readonly cursor: SegmentCursor | null;
  /** The evidence video's playback; null until the console plays it, cleared when the cursor moves. */
  readonly playback: Playback | null;
  readonly timer: SpeakingTimer | null;
  readonly log: readonly SpeakingRecord[];
}

export const EMPTY_RUNDOWN: Rundown = { cursor: null, playback: null, timer: null, log: [] };

export type RundownEvent = Extract<MeetingEvent, { t: 'segment.cursor' | 'evidence.playback' | `timer.${string}` }>;

/** Is this event one of the rundown's? */
export function isRundownEvent(e: MeetingEvent): e is RundownEvent {
  return e.t === 'segment.cursor' || e.t === 'evidence.playback' || e.t.startsWith('timer.');
}

/** Time the speaker has used so far (ms), overtime included. */
export function usedMs(t: SpeakingTimer, now: number): number {
  return t.usedBeforeMs + (t.runningSince === null ? 0 : Math.max(0, now - t.runningSince));
}

/** Time left (ms); negative once the countdown has passed zero. */
export function remainingMs(t: SpeakingTimer, now: number): number {
  return t.status === 'running' && t.endsAt !== null ? t.endsAt - now : (t.remainingMs ?? 0);
}

function onTimer(r: Rundown, id: string, f: (t: SpeakingTimer) => SpeakingTimer): Rundown {
  return r.timer && r.timer.id === id ? { ...r, timer: f(r.timer) } : r; // a stray event is ignored
}

export function reduceRundown(r: Rundown, e: RundownEvent): Rundown {
  switch (e.t) {
    case 'segment.cursor':
      return { ...r, cursor: { itemId: e.itemId, questionIndex: e.questionIndex, phase: e.phase, at: e.at }, playback: null };
    case 'evidence.playback':
      return { ...r, playback: { playing: e.playing, positionMs: e.positionMs, at: e.at } };
    case 'timer.started': {
      const baseMs = e.endsAt - e.at;
      const timer: SpeakingTimer = {
        id: e.timerId,
        itemId: e.itemId,
        questionIndex: e.questionIndex,
        kind: e.kind,
        status: 'running',
        startedAt: e.at,
        baseMs,
        allowedMs: baseMs,
        endsAt: e.endsAt,
        remainingMs: null,
        runningSince: e.at,
        usedBeforeMs: 0,
      };
      return { ...r, timer };
    }
    case 'timer.paused':
      return onTimer(r, e.timerId, (t) =>
        t.status !== 'running'
          ? t
          : { ...t, status: 'paused', remainingMs: remainingMs(t, e.at), endsAt: null, runningSince: null, usedBeforeMs: usedMs(t, e.at) },
      );
    case 'timer.resumed':
      return onTimer(r, e.timerId, (t) =>
        t.status !== 'paused' ? t : { ...t, status: 'running', endsAt: e.at + (t.remainingMs ?? 0), remainingMs: null, runningSince: e.at },
      );
    case 'timer.adjusted':
      return onTimer(r, e.timerId, (t) => ({
        ...t,
        allowedMs: Math.max(0, t.allowedMs + e.deltaMs),
        ...(t.status === 'running' && t.endsAt !== null ? { endsAt: t.endsAt + e.deltaMs } : { remainingMs: (t.remainingMs ?? 0) + e.deltaMs }),
      }));
    case 'timer.reset':
      return onTimer(r, e.timerId, (t) => ({
        ...t,
        status: 'paused',
        allowedMs: t.baseMs,
        endsAt: null,
        remainingMs: t.baseMs,
        runningSince: null,
        usedBeforeMs: 0,
      }));
    case 'timer.stopped': {
      const t = r.timer;
      if (!t || t.id !== e.timerId) return r;
      const rec: SpeakingRecord = {
        timerId: t.id,
        itemId: t.itemId,
        questionIndex: t.questionIndex,
        kind: t.kind,
        startedAt: t.startedAt,
        stoppedAt: e.at,
        allowedMs: t.allowedMs,
        usedMs: e.usedMs,
      };
      return { ...r, timer: null, log: [...r.log, rec] };
    }
    default: {
      return assertNever(e, 'rundown event');
    }
  }
}
