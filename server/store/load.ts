// Read a data folder without changing it: the journal's complete records folded into each
// meeting's state. Used by `verify` and by the fault tests to compare what the server
// acknowledged with what is really on disk.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { JournalRecord } from '../../shared/events.js';
import { reduce, type MeetingState } from '../../shared/state.js';
import { parseJournal } from './journal.js';
import { decodeHeader, decodeSlot, encodeHeader, HEADER_SIZE, NOTHING_HELD, resolveBox, type BoxHeader, type SlotRead } from './box-format.js';
import { boxBallot, type BoxBallot } from './ballot-box.js';
import { BALLOTS_DIR, foldBallots, journalHolds, partialBatchFrom } from './boxes.js';

export const JOURNAL_FILE = 'journal.jsonl';

export interface DataDirContents {
  readonly records: JournalRecord[];
  /** Each record's line as stored: what an audit entry's `record` hash covers. */
  readonly lines: string[];
  /** Bytes after the last complete record (a torn write not yet cut off by a start). */
  readonly tornBytes: number;
  readonly meetings: Map<string, MeetingState>;
  /** Every ballot box found, as read (slots in file order), by `<meeting>/<round>`. */
  readonly boxes: Map<string, BoxRead>;
  /** The counted ballots of each box, sorted by receipt, by `<meeting>/<round>`. */
  readonly boxBallots: Map<string, BoxBallot[]>;
  /** The seq from which the journal's records are a batch a power loss left half-written (never acknowledged; cut at the next start), or null. */
  readonly partialFrom: number | null;
}

/** Every ballot box file as read, by `<meeting>/<round>`, without changing any. */
export async function readBoxFiles(dir: string): Promise<Map<string, BoxRead>> {
  const out = new Map<string, BoxRead>();
  const root = join(dir, BALLOTS_DIR);
  for (const meetingId of (await readdir(root).catch(() => [] as string[])).sort()) {
    const files = await readdir(join(root, meetingId)).catch(() => [] as string[]);
    for (const f of files.filter((x) => x.endsWith('.box')).sort()) {
      out.set(`${meetingId}/${f.slice(0, -'.box'.length)}`, readBox(await readFile(join(root, meetingId, f))));
    }
  }
  return out;
}

/** A meeting's state right after journal record `seq`, with its secret rounds' ballots (cast before any close). */
export function stateAt(d: DataDirContents, meetingId: string, seq: number): MeetingState | undefined {
  let s: MeetingState | undefined;
  for (const rec of d.records) {
    if (rec.seq > seq) break;
    if (rec.meetingId === meetingId) for (const e of rec.events) s = reduce(s, e);
  }
  if (!s) return s;
  for (const [key, ballots] of d.boxBallots) {
    const [m, roundId] = key.split('/');
    if (m === meetingId && roundId && s.rounds.has(roundId)) s = foldBallots(s, roundId, ballots);
  }
  return s;
}

export interface BoxRead {
  header: BoxHeader | null;
  slots: SlotRead[];
  /** Whether the header's 512 bytes are exactly what the server writes for it (its padding is not read otherwise). */
  headerExact?: boolean;
  /** Ballot slots with bytes other than zero between the ballot and its checksum (which covers only the ballot). */
  dirtySlots?: number[];
}

/** A box file's header and slots, without changing it. */
export function readBox(buf: Buffer): BoxRead {
  const header = decodeHeader(buf);
  if (!header) return { header, slots: [] };
  const n = Math.floor((buf.length - HEADER_SIZE) / header.slotSize);
  const at = (i: number) => HEADER_SIZE + i * header.slotSize;
  const slots = Array.from({ length: n }, (_, i) => decodeSlot(buf.subarray(at(i), at(i + 1))));
  // Bytes no decoder reads: a writer only ever leaves them as encodeHeader/encodeSlot make them.
  const dirtySlots = slots.flatMap((s, i) => {
    if (s.kind !== 'ballot') return [];
    const slot = buf.subarray(at(i), at(i + 1));
    const pad = slot.subarray(4 + slot.readUInt32LE(0), slot.length - 32);
    return pad.every((b) => b === 0) ? [] : [i];
  });
  return { header, slots, headerExact: encodeHeader(header).equals(buf.subarray(0, HEADER_SIZE)), dirtySlots };
}

/** Fold journal records into per-meeting states. */
export function foldRecords(records: readonly JournalRecord[]): Map<string, MeetingState> {
  const out = new Map<string, MeetingState>();
  for (const rec of records) {
    let s = out.get(rec.meetingId);
    for (const e of rec.events) s = reduce(s, e);
    if (s) out.set(rec.meetingId, s);
  }
  return out;
}

export async function readDataDir(dir: string): Promise<DataDirContents> {
  const path = join(dir, JOURNAL_FILE);
  const buf = await readFile(path).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return Buffer.alloc(0);
    throw e;
  });
  const parsed = parseJournal(path, buf);
  const { goodBytes } = parsed;
  const boxes = await readBoxFiles(dir);
  // What the next start cuts: a batch a power loss left half-written was never acknowledged.
  const partialFrom = partialBatchFrom(parsed.records, boxes);
  const kept = partialFrom === null ? parsed.records.length : parsed.records.findIndex((r) => r.seq >= partialFrom);
  const records = parsed.records.slice(0, kept);
  const lines = parsed.lines.slice(0, kept);
  const meetings = foldRecords(records);
  const holds = journalHolds(records);
  const boxBallots = new Map<string, BoxBallot[]>();
  for (const [meetingId, s] of meetings) {
    let st = s;
    for (const [key, box] of boxes) {
      const [m, roundId = ''] = key.split('/');
      if (m !== meetingId) continue;
      // A rehearsal's round is gone from the state but its box is its record: read it, so that
      // stateAt() can check what the audit log recorded when that round closed (SPEC J3).
      const rehearsed = st.rehearsalRounds.includes(roundId);
      if (!box.header || (!st.rounds.has(roundId) && !rehearsed)) continue;
      const ballots = [...resolveBox(box.slots, holds.get(`${meetingId}/${roundId}`) ?? NOTHING_HELD).values()]
        .sort((a, b) => (a.receipt < b.receipt ? -1 : 1))
        .map(boxBallot);
      boxBallots.set(`${meetingId}/${roundId}`, ballots);
      if (!rehearsed) st = foldBallots(st, roundId, ballots);
    }
    meetings.set(meetingId, st);
  }
  return { records, lines, tornBytes: buf.length - goodBytes, meetings, boxes, boxBallots, partialFrom };
}
