// S6: after the server has stopped, read its data folder with the store's own reader (the
// state a restart would rebuild: journal, plus the ballot boxes of secret rounds) and hold it
// against the acks the clients received. Every acked ballot must be there exactly once, and
// every deputy who was told "recorded" must be counted as having voted exactly once.
import { ballotsOf } from '../../shared/state.js';
import { readDataDir } from '../../server/store/load.js';
import type { VoteRecord } from './ipc.js';

export interface Durability {
  roundId: string;
  acked: number;
  /** Ballots in the rebuilt round. */
  stored: number;
  /** Acked receipts not among them. */
  lost: number;
  /** Extra copies: a receipt counted twice, or a deputy's participation recorded twice. */
  duplicated: number;
  /** Stored ballots nobody was told about (possible only after a crash between fsync and ack). */
  unacked: number;
}

const countBy = (xs: readonly string[]) => {
  const m = new Map<string, number>();
  for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1);
  return m;
};

export async function checkStore(dataDir: string, meetingId: string, rounds: ReadonlyMap<string, readonly VoteRecord[]>): Promise<Durability[]> {
  const { records, meetings } = await readDataDir(dataDir);
  const state = meetings.get(meetingId);
  if (!state) throw new Error(`meeting ${meetingId} not found in ${dataDir}`);
  const voted = new Map<string, string[]>();
  for (const rec of records) {
    for (const e of rec.events) {
      if (e.t !== 'voted') continue;
      const list = voted.get(e.roundId) ?? [];
      list.push(e.deputyId);
      voted.set(e.roundId, list);
    }
  }
  const out: Durability[] = [];
  for (const [roundId, votes] of rounds) {
    const round = state.rounds.get(roundId);
    const receipts = countBy((round ? ballotsOf(round) : []).map((b) => b.receipt));
    const deputies = countBy(voted.get(roundId) ?? []);
    const acked = new Set(votes.filter((v) => v.ok).map((v) => v.receipt));
    let duplicated = 0;
    let unacked = 0;
    for (const [r, n] of receipts) {
      duplicated += n - 1;
      if (!acked.has(r)) unacked++;
    }
    for (const n of deputies.values()) duplicated += n - 1;
    out.push({
      roundId,
      acked: acked.size,
      stored: round?.ballots.length ?? 0,
      lost: [...acked].filter((r) => !receipts.has(r)).length,
      duplicated,
      unacked,
    });
  }
  return out;
}

export const durable = (d: Durability): boolean => d.lost === 0 && d.duplicated === 0 && d.stored === d.acked;
