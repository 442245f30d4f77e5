// The bench's arithmetic: percentiles, vote-to-screen matching, and the printed table.
import type { ScreenFrame, VoteRecord } from './ipc.js';

/** Nearest-rank percentile of xs (unsorted); NaN when empty. */
export function pct(xs: readonly number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * s.length);
  return s[Math.min(s.length - 1, Math.max(0, rank - 1))] ?? NaN;
}

export const max = (xs: readonly number[]): number => (xs.length ? Math.max(...xs) : NaN);

export interface AckStats {
  sent: number;
  acked: number;
  failed: number;
  firstError: string | null;
  p50: number;
  p99: number;
  max: number;
  /** Last ack, ms after `start`. */
  lastAckAfterStart: number;
  lastAckAt: number;
}

export function ackStats(records: readonly VoteRecord[], start: number): AckStats {
  const good = records.filter((r) => r.ok);
  const lat = good.map((r) => r.ackAt - r.sentAt);
  const lastAckAt = max(good.map((r) => r.ackAt));
  return {
    sent: records.length,
    acked: good.length,
    failed: records.length - good.length,
    firstError: records.find((r) => !r.ok)?.error ?? null,
    p50: pct(lat, 50),
    p99: pct(lat, 99),
    max: max(lat),
    lastAckAfterStart: lastAckAt - start,
    lastAckAt,
  };
}

export interface ScreenStats {
  p50: number;
  p99: number;
  /** From the last ack to the first frame showing every acked ballot. */
  finalAfterLastAck: number;
  /** Acked ballots the screen never showed (should be 0). */
  neverShown: number;
}

/**
 * Vote-to-screen latency. A secret ballot carries no name, so the screen cannot say which
 * votes its tally includes, only how many. The server acks ballots in the order it makes them
 * durable and shows only durable state, so the order of acks is the order of inclusion: the
 * k-th ballot acked (by ack time, on the shared clock) is on screen once a frame shows a count
 * of at least k. Its latency is that frame's arrival minus the ballot's send time.
 */
export function screenStats(records: readonly VoteRecord[], frames: readonly ScreenFrame[], roundId: string): ScreenStats {
  const acked = records.filter((r) => r.ok).sort((a, b) => a.ackAt - b.ackAt);
  const fs = frames.filter((f) => f.roundId === roundId).sort((a, b) => a.at - b.at);
  const lat: number[] = [];
  let f = 0;
  let neverShown = 0;
  acked.forEach((r, k) => {
    while (f < fs.length && (fs[f]?.count ?? 0) < k + 1) f++;
    const frame = fs[f];
    if (frame) lat.push(frame.at - r.sentAt);
    else neverShown++;
  });
  const last = acked[acked.length - 1];
  const final = fs.find((x) => x.count >= acked.length);
  return {
    p50: pct(lat, 50),
    p99: pct(lat, 99),
    finalAfterLastAck: last && final ? final.at - last.ackAt : NaN,
    neverShown,
  };
}

/** A plain text table: the first row is the header. */
export function table(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, width(c))));
  const line = (row: readonly string[]) => row.map((c, i) => c + ' '.repeat((widths[i] ?? 0) - width(c))).join('  ').trimEnd();
  const [head, ...body] = rows;
  if (!head) return '';
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

// CJK characters take two columns in a terminal.
const width = (s: string) => [...s].reduce((n, ch) => n + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);

export const fmtMs = (x: number): string => (Number.isFinite(x) ? (x < 10 ? x.toFixed(1) : x.toFixed(0)) + ' ms' : 'n/a');
export const fmtRatio = (a: number, b: number): string => (Number.isFinite(a) && b > 0 ? (a / b).toFixed(2) + 'x' : 'n/a');
export const fmtMb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(0) + ' MB';
