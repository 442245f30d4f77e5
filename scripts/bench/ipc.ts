// Messages between the bench conductor and its client processes, and the shared clock.
// Every time that crosses a process boundary is on the conductor's clock: each child measures
// its offset over IPC (NTP style: keep the sample with the shortest round trip) and converts.
import { performance } from 'node:perf_hooks';

/** Wall-clock milliseconds with sub-millisecond resolution. */
export const wallNow = (): number => performance.timeOrigin + performance.now();

export type VoteMode = 'spread' | 'burst';

export interface VotePlan {
  roundId: string;
  mode: VoteMode;
  /** Conductor clock: when the first vote goes (spread) or all of them (burst). */
  at: number;
  /** spread only: votes go evenly over this many ms, in global index order. */
  spreadMs: number;
  /** Distinguishes receipts between rounds. */
  salt: number;
}

/** Conductor -> deputy client. */
export type ToWorker =
  | { t: 'pong'; sent: number; now: number }
  | { t: 'connect'; url: string; tokens: string[]; first: number; total: number; concurrency: number }
  | { t: 'checkIn' }
  | { t: 'awaitRound'; roundId: string }
  | { t: 'vote'; plan: VotePlan }
  | { t: 'disconnect' };

export interface VoteRecord {
  /** Global deputy index. */
  i: number;
  receipt: string;
  sentAt: number;
  ackAt: number;
  ok: boolean;
  duplicate: boolean;
  error: string | null;
}

/** Deputy client -> conductor. */
export type FromWorker =
  | { t: 'ping'; sent: number }
  | { t: 'ready'; offsetMs: number; rttMs: number }
  | { t: 'connected'; at: number; failed: number; firstError: string | null }
  | { t: 'checkedIn'; at: number; failed: number }
  | { t: 'roundSeen'; at: number }
  | { t: 'voted'; records: VoteRecord[] }
  | { t: 'disconnected' };

export interface ScreenFrame {
  at: number;
  roundId: string | null;
  count: number;
}

/** Conductor <-> screen client. */
export type ToScreen = { t: 'pong'; sent: number; now: number } | { t: 'connect'; url: string } | { t: 'dump' };
export type FromScreen =
  | { t: 'ping'; sent: number }
  | { t: 'ready'; offsetMs: number; rttMs: number }
  | { t: 'screenUp' }
  | { t: 'frames'; frames: ScreenFrame[] };

type Pong = { t: 'pong'; sent: number; now: number };

/**
 * Measure this process's clock offset to the conductor over IPC. Call from a child; the
 * conductor answers every ping with its wallNow(). Returns offset so that
 * conductorTime = wallNow() + offset.
 */
export async function syncClock(samples = 15): Promise<{ offsetMs: number; rttMs: number }> {
  let best = { offsetMs: 0, rttMs: Infinity };
  for (let k = 0; k < samples; k++) {
    const pong = await new Promise<Pong>((resolve) => {
      const on = (m: unknown) => {
        const p = m as Pong; // our own IPC, written by conductor.ts
        if (p.t !== 'pong') return;
        process.off('message', on);
        resolve(p);
      };
      process.on('message', on);
      send({ t: 'ping', sent: wallNow() });
    });
    const back = wallNow();
    const rtt = back - pong.sent;
    if (rtt < best.rttMs) best = { rttMs: rtt, offsetMs: pong.now - (pong.sent + back) / 2 };
  }
  return best;
}

export function send(m: FromWorker | FromScreen): void {
  if (!process.send) throw new Error('bench client started without an IPC channel');
  process.send(m);
}
