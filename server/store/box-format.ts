// The on-disk form of a secret vote's ballot box: a header, then fixed-size slots. A ballot
// is written to a free slot chosen at random, so the file's order says nothing about arrival.
// A slot holds receipt, version and content only: no deputy id, no timestamp.
//
//   header (512 bytes): one JSON line {format, version, meetingId, roundId, slotSize}, space padded
//   slot (slotSize bytes): u32le length L | L bytes of JSON payload | zeros | sha256(L, payload)
//
// A slot of zeros is free. A slot whose checksum does not match was torn by a crash while
// being written: it never held an acknowledged ballot on its own (see ballot-box.ts).
//
// Version 2 (#12): a slot also holds the ballot's commitment salt and its change key's hash, and
// an unsealed ballot is marked with the number of the box pass that wrote it (`batch`), which
// nothing in the journal carries; version 1 marked it with the vote's submission id
// (`pending`), which the journal's 'voted' event also carries. Version 1 boxes are still read.
import { hash } from 'node:crypto';
import { z } from 'zod';
import { BallotContent, Hex64, Salt, type AgendaItem } from '../../shared/model.js';

export const HEADER_SIZE = 512;
const HASH = 32;
const FORMAT = 'wenzheng-ballot-box';

/** The version new boxes are written in. */
export const BOX_VERSION = 2;

export const BoxHeader = z.strictObject({
  format: z.literal(FORMAT),
  version: z.union([z.literal(1), z.literal(2)]),
  meetingId: z.string(),
  roundId: z.string(),
  slotSize: z.number().int().min(256).max(1 << 20),
});
export type BoxHeader = z.infer<typeof BoxHeader>;

/** What a slot holds. An unsealed ballot carries `batch` (version 2) or `pending` (version 1). */
export const SlotPayload = z.strictObject({
  receipt: z.string().regex(/^[A-Z2-9]{8}$/),
  v: z.number().int().positive(),
  content: BallotContent,
  salt: Salt.optional(),
  keyHash: Hex64.optional(),
  /** Version 2: the number of the box pass that wrote this unsealed copy (ballot-box.ts). */
  batch: z.number().int().nonnegative().optional(),
  /** Version 1 only: the submission id of the vote, while its journal record was not yet durable. */
  pending: z.string().max(64).optional(),
});
export type SlotPayload = z.infer<typeof SlotPayload>;

/** Not yet sealed: the copy that still says which pass (or, in version 1, which vote) wrote it. */
export const isPending = (p: SlotPayload): boolean => p.batch !== undefined || p.pending !== undefined;

/** What the journal says about a round's votes, which settles a box's unsealed ballots. */
export interface JournalHolds {
  /** Version 1 boxes: the submission ids of the round's 'voted' events. */
  readonly accepted: ReadonlySet<string>;
  /** The number of the round's 'voted' events (a change is one more). */
  readonly votes: number;
}
export const NOTHING_HELD: JournalHolds = { accepted: new Set(), votes: 0 };

export function encodeHeader(h: BoxHeader): Buffer {
  const buf = Buffer.alloc(HEADER_SIZE, 0x20);
  const line = Buffer.from(JSON.stringify({ ...h, format: FORMAT }) + '\n', 'utf8');
  line.copy(buf, 0);
  buf[HEADER_SIZE - 1] = 0x0a;
  return buf;
}

export function decodeHeader(buf: Buffer): BoxHeader | null {
  if (buf.length < HEADER_SIZE) return null;
  const nl = buf.indexOf(0x0a);
  if (nl < 0) return null;
  try {
    const r = BoxHeader.safeParse(JSON.parse(buf.subarray(0, nl).toString('utf8')));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

/** SHA-256 of the length and the payload, which lie side by side in the slot. */
function checksum(lenAndPayload: Buffer): Buffer {
  return hash('sha256', lenAndPayload, 'buffer');
}

/** A slot's payload as JSON, checked to fit (the bytes are made where they are written: disk.ts). */
export function slotJson(p: SlotPayload, slotSize: number): string {
  const json = JSON.stringify(p);
  fits(json, slotSize);
  return json;
}

function fits(json: string, slotSize: number): void {
  const len = Buffer.byteLength(json, 'utf8');
  if (len + 4 + HASH > slotSize) throw new Error(`ballot of ${len} bytes does not fit a ${slotSize}-byte slot`);
}

/** The slot's bytes for a payload's JSON (which slotJson checked). The disk worker repeats this in plain JS (disk.ts; disk.test.ts compares them). */
export function encodeSlotJson(json: string, slotSize: number): Buffer {
  const buf = Buffer.alloc(slotSize, 0);
  const len = buf.write(json, 4, 'utf8');
  buf.writeUInt32LE(len, 0);
  checksum(buf.subarray(0, 4 + len)).copy(buf, slotSize - HASH);
  return buf;
}

export function encodeSlot(p: SlotPayload, slotSize: number): Buffer {
  return encodeSlotJson(slotJson(p, slotSize), slotSize);
}

export type SlotRead = { kind: 'free' } | { kind: 'torn' } | { kind: 'ballot'; payload: SlotPayload };

export function decodeSlot(buf: Buffer): SlotRead {
  if (buf.every((b) => b === 0)) return { kind: 'free' };
  const len = buf.length >= 4 ? buf.readUInt32LE(0) : 0;
  if (len === 0 || len + 4 + HASH > buf.length) return { kind: 'torn' };
  const payload = buf.subarray(4, 4 + len);
  if (!checksum(buf.subarray(0, 4 + len)).equals(buf.subarray(buf.length - HASH))) return { kind: 'torn' };
  try {
    const r = SlotPayload.safeParse(JSON.parse(payload.toString('utf8')));
    return r.success ? { kind: 'ballot', payload: r.data } : { kind: 'torn' };
  } catch {
    return { kind: 'torn' };
  }
}

/** A slot size that fits the largest valid ballot of this item, in 512-byte steps (per box version). */
export function slotSizeFor(item: AgendaItem, version: 1 | 2 = BOX_VERSION): number {
  const maxLevel = 'x'.repeat(20);
  let content: BallotContent = { kind: 'motion', choice: 'abstain' };
  if (item.kind === 'projects') {
    content =
      item.settings.form === 'select'
        ? { kind: 'select', picks: item.projects.map((p) => p.id) }
        : { kind: 'each', choices: Object.fromEntries(item.projects.map((p) => [p.id, 'abstain' as const])) };
  } else if (item.kind === 'rating') {
    content = { kind: 'rating', ratings: Object.fromEntries(item.subjects.map((s) => [s.id, maxLevel])) };
  }
  const worst =
    version === 1
      ? JSON.stringify({ receipt: 'XXXXXXXX', v: 1e9, content, pending: 'x'.repeat(64) }).length
      : JSON.stringify({ receipt: 'XXXXXXXX', v: 1e9, content, salt: 'x'.repeat(32), keyHash: 'x'.repeat(64), batch: Number.MAX_SAFE_INTEGER }).length;
  return Math.ceil((worst + 4 + HASH + 64) / 512) * 512;
}

/**
 * Which ballots a box holds, given what the journal holds for the round. Per receipt the
 * highest version wins (a changed ballot, allowChange); a sealed copy wins over an unsealed one.
 *
 * Unsealed ballots (version 2) are settled by counting, not by matching anything to the
 * journal: a box pass runs only after the journal made the previous batch durable, so the
 * passes' ballots are accepted in pass order, and a ballot's version is the number of the
 * deputy's 'voted' events so far; the sum of the kept versions must equal the journal's
 * 'voted' events. The longest run of passes that gives that sum is the acknowledged one.
 * Version 1 unsealed ballots count if the journal holds their submission id. Pure: the same
 * answer for the server and for `verify`.
 */
export function resolveBox(slots: readonly SlotRead[], holds: JournalHolds): Map<string, SlotPayload & { slot: number }> {
  return resolve(slots, holds).kept;
}

/**
 * How many of the journal's 'voted' events for the round the box's ballots leave unmatched: 0
 * normally. More only when a power loss made part of the journal's last batch durable (its
 * fsync never returned, so none of it was acknowledged): see boxes.ts, partialBatchFrom.
 */
export function excessVotes(slots: readonly SlotRead[], holds: JournalHolds): number {
  const { kept, next } = resolve(slots, holds);
  const excess = holds.votes - [...kept.values()].reduce((n, b) => n + b.v, 0);
  // Only a half-written last batch explains it: the next pass holds more ballots than that. Any
  // other shortfall is damage, for `verify` to report, never a reason to cut the journal.
  return excess > 0 && excess < next ? excess : 0;
}

function resolve(slots: readonly SlotRead[], holds: JournalHolds): { kept: Map<string, SlotPayload & { slot: number }>; next: number } {
  type Kept = Map<string, SlotPayload & { slot: number }>;
  const keep = (into: Kept, p: SlotPayload, slot: number) => {
    const cur = into.get(p.receipt);
    if (!cur || p.v > cur.v || (p.v === cur.v && isPending(cur) && !isPending(p))) into.set(p.receipt, { ...p, slot });
  };
  const base: Kept = new Map();
  const passes = new Map<number, [SlotPayload, number][]>();
  slots.forEach((s, slot) => {
    if (s.kind !== 'ballot') return;
    const p = s.payload;
    if (p.batch !== undefined) {
      const list = passes.get(p.batch) ?? [];
      list.push([p, slot]);
      passes.set(p.batch, list);
      return;
    }
    if (p.pending !== undefined && !holds.accepted.has(p.pending)) return;
    keep(base, p, slot);
  });
  if (passes.size === 0) return { kept: base, next: 0 };
  const total = (m: Kept) => [...m.values()].reduce((n, b) => n + b.v, 0);
  let chosen: Kept = base;
  let chosenTotal = total(base);
  let next = 0;
  const cur: Kept = new Map(base);
  for (const tag of [...passes.keys()].sort((a, b) => a - b)) {
    for (const [p, slot] of passes.get(tag) ?? []) keep(cur, p, slot);
    const n = total(cur);
    if (n === holds.votes) {
      chosen = new Map(cur);
      chosenTotal = n;
    }
    if (n > holds.votes) {
      next = n - chosenTotal; // what the first pass not taken would add
      break;
    }
  }
  return { kept: chosen, next };
}
