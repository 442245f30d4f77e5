// Speaking countdowns on the client: the server sends an instant (endsAt) or, while paused, the
// time left; every screen counts down from serverNow, so the big screen, the console and the
// overlay show the same second. Zero ends nothing (SPEC G9): the clock turns to overtime.
import type { TimerView } from '../../../shared/segment-view.js';
import { formatSeconds } from '../net/clock.js';

/** The last 30 s are shown in the warning colour. */
export const WARN_MS = 30_000;

export type ClockState = 'normal' | 'warn' | 'over';

/** Time left (ms) at this device's `now`, negative in overtime. */
export function leftMs(t: TimerView, now: number, offset: number): number {
  if (t.status === 'paused') return t.remainingMs ?? 0;
  // The offset is an estimate (it carries the view's travel time): never show more than allowed.
  return Math.min(t.allowedMs, (t.endsAt ?? now + offset) - (now + offset));
}

export function clockState(left: number): ClockState {
  if (left <= 0) return 'over';
  return left <= WARN_MS ? 'warn' : 'normal';
}

/** "1:30" for 90 s left (rounded up, so 0:00 shows only at zero); overtime rounds down. */
export function clockText(left: number): string {
  return formatSeconds(left > 0 ? Math.ceil(left / 1000) : 0);
}

export function overText(left: number): string {
  return formatSeconds(Math.floor(-left / 1000));
}

/** Minutes and seconds of a duration in ms, for logs: "1:15". */
export function durationText(ms: number): string {
  return formatSeconds(Math.round(ms / 1000));
}
