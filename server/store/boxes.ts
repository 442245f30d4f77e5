// The ballot boxes of every secret round, one file each under ballots/<meeting>/<round>.box.
// At start they are opened with what the journal holds for their rounds (the count of 'voted'
// events; for version 1 boxes the submission ids), settled, and their ballots folded into the
// meeting states: journal + boxes replay to the state before the stop.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { JournalRecord } from '../../shared/events.js';
import { itemById, reduce, type MeetingState } from '../../shared/state.js';
import type { Logger } from '../logger.js';
import { BallotBox, type BoxBallot } from './ballot-box.js';
import { BOX_VERSION, excessVotes, NOTHING_HELD, slotSizeFor, type BoxHeader, type JournalHolds, type SlotRead } from './box-format.js';

export const BALLOTS_DIR = 'ballots';

/** What the journal holds of each round's votes (their submission ids and number), by meeting and round. */
export function journalHolds(records: readonly JournalRecord[]): Map<string, JournalHolds> {
  const out = new Map<string, { accepted: Set<string>; votes: number }>();
  for (const rec of records) {
    for (const e of rec.events) {
      if (e.t !== 'voted') continue;
      const key = `${rec.meetingId}/${e.roundId}`;
      const h = out.get(key) ?? { accepted: new Set<string>(), votes: 0 };
      h.accepted.add(e.submissionId);
      h.votes += 1;
      out.set(key, h);
    }
  }
  return out;
}

/**
 * Where the journal's last batch starts, if a power loss made only part of it durable (the
 * records of one batch are one write and one fsync; the fsync never returned, so none of them
 * was acknowledged, and its ballots' box pass is discarded at start). Seen from the boxes: a
 * round whose ballots leave some of its 'voted' events unmatched; those are its last ones in
 * the journal. Returns the seq to cut the journal back to (every record from it on belongs to
 * that batch), or null. Cutting can leave another round short, so this runs to a fixed point.
 */
export function partialBatchFrom(records: readonly JournalRecord[], boxes: ReadonlyMap<string, { header: BoxHeader | null; slots: SlotRead[] }>): number | null {
  let cut: number | null = null;
  for (;;) {
    const limit = cut;
    const kept: readonly JournalRecord[] = limit === null ? records : records.filter((r) => r.seq < limit);
    const holds = journalHolds(kept);
    let next: number | null = null;
    for (const [key, box] of boxes) {
      if (!box.header || box.header.version === 1) continue; // version 1 settles by submission ids
      const h = holds.get(key);
      if (!h) continue;
      const excess = excessVotes(box.slots, h);
      if (excess <= 0) continue;
      const seqs: number[] = kept.flatMap((r) => (r.events.some((e) => e.t === 'voted' && `${r.meetingId}/${e.roundId}` === key) ? [r.seq] : []));
      const from: number | null = seqs[Math.max(0, seqs.length - excess)] ?? null;
      if (from !== null && (next === null || from < next)) next = from;
    }
    if (next === null) return cut;
    cut = next;
  }
}

/** The header a round's box must carry, or null if the round is not a secret one. */
export function boxHeader(s: MeetingState, roundId: string): BoxHeader | null {
  const r = s.rounds.get(roundId);
  const item = r && itemById(s, r.itemId);
  if (!item || item.kind === 'segment' || !item.settings.secret) return null;
  return { format: 'wenzheng-ballot-box', version: BOX_VERSION, meetingId: s.info.id, roundId, slotSize: slotSizeFor(item) };
}

/** The slot size a version 1 box (from before #12) of this round has. */
export function legacySlotSize(s: MeetingState, roundId: string): number | undefined {
  const r = s.rounds.get(roundId);
  const item = r && itemById(s, r.itemId);
  return item && item.kind !== 'segment' ? slotSizeFor(item, 1) : undefined;
}

/** Fold a box's ballots into a state as 'ballot' events (no deputy, sorted by receipt). */
export function foldBallots(s: MeetingState, roundId: string, ballots: readonly BoxBallot[]): MeetingState {
  let out = s;
  for (const b of ballots) out = reduce(out, { t: 'ballot', roundId, ...b });
  return out;
}

export class BallotBoxes {
  private readonly open = new Map<string, BallotBox>();

  constructor(
    readonly dataDir: string,
    private readonly log: Logger,
  ) {}

  /** Box files held open (one descriptor each): counted in the open-file need (limits/open-files.ts). */
  get openCount(): number {
    return this.open.size;
  }

  path(meetingId: string, roundId: string): string {
    return join(this.dataDir, BALLOTS_DIR, meetingId, `${roundId}.box`);
  }

  /**
   * The box of a secret round. Meetings opens it when the round starts, so the first ballot
   * does not wait for the file to be created; it has room for the whole roster (two slots per
   * deputy and a quarter spare), so it never grows while the chamber votes.
   */
  get(s: MeetingState, roundId: string): BallotBox | null {
    const key = `${s.info.id}/${roundId}`;
    const have = this.open.get(key);
    if (have && !have.openFailed) return have;
    const header = boxHeader(s, roundId);
    if (!header) return null;
    const slots = Math.max(64, Math.ceil(s.roster.length * 2.5));
    // A file that exists here was never opened, so never written a ballot: nothing to settle.
    const box = new BallotBox(this.path(s.info.id, roundId), header, NOTHING_HELD, this.log, slots, legacySlotSize(s, roundId));
    this.open.set(key, box);
    return box;
  }

  /** Close the boxes of rounds that are gone (a rehearsal's, once it ended): their files stay as they are. */
  async release(meetingId: string, roundIds: readonly string[]): Promise<void> {
    for (const roundId of roundIds) {
      const key = `${meetingId}/${roundId}`;
      const box = this.open.get(key);
      if (!box) continue;
      this.open.delete(key);
      await box.close();
    }
  }

  /** Open every existing box, settle it, and fold its ballots into the states. */
  async load(states: Map<string, MeetingState>, records: readonly JournalRecord[]): Promise<void> {
    const holds = journalHolds(records);
    for (const [meetingId, s] of states) {
      const files = await readdir(join(this.dataDir, BALLOTS_DIR, meetingId)).catch(() => [] as string[]);
      let st = s;
      for (const f of files.filter((x) => x.endsWith('.box')).sort()) {
        const roundId = f.slice(0, -'.box'.length);
        const header = boxHeader(st, roundId);
        if (!header && st.rehearsalRounds.includes(roundId)) {
          // A rehearsal's box: kept as its record, not a round of the meeting any more (SPEC J3).
          this.log.info({ meetingId, file: f }, 'ballot box of a rehearsal round: kept, not opened');
          continue;
        }
        if (!header) {
          this.log.warn({ meetingId, file: f }, 'ballot box: no secret round of that id in the journal; the file is ignored');
          continue;
        }
        const box = await BallotBox.open(this.path(meetingId, roundId), header, holds.get(`${meetingId}/${roundId}`) ?? NOTHING_HELD, this.log, 64, legacySlotSize(st, roundId));
        this.open.set(`${meetingId}/${roundId}`, box);
        st = foldBallots(st, roundId, box.ballots());
      }
      states.set(meetingId, st);
    }
  }

  async close(): Promise<void> {
    for (const b of this.open.values()) await b.close();
    this.open.clear();
  }
}
