// Time on this device as the server sees it. Countdowns use endsAt - serverNow(offset), so a
// phone whose clock is minutes off still shows the same seconds as the big screen.
import { useEffect, useState } from 'react';

export const serverNow = (offset: number): number => Date.now() + offset;

/** Re-render every `ms` while `active`, returning Date.now(). */
export function useTick(active: boolean, ms = 250): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return undefined;
    const id = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(id);
  }, [active, ms]);
  return now;
}

export interface CountdownRound {
  status: 'open' | 'paused' | 'closed' | 'voided';
  endsAt: number | null;
  pausedRemainingMs: number | null;
}

/** Whole seconds left (rounded up), or null when the round has no countdown. */
export function secondsLeft(r: CountdownRound, now: number, offset: number): number | null {
  if (r.status === 'paused') return r.pausedRemainingMs === null ? null : Math.ceil(r.pausedRemainingMs / 1000);
  if (r.status !== 'open' || r.endsAt === null) return null;
  return Math.max(0, Math.ceil((r.endsAt - (now + offset)) / 1000));
}

/** 75 -> "1:15"; 9 -> "0:09". */
export function formatSeconds(s: number): string {
  const m = Math.floor(s / 60);
  const r = s % 60;
  return `${m}:${String(r).padStart(2, '0')}`;
}
