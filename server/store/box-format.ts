// The on-disk form of a secret vote's ballot box: a header, then fixed-size slots. A ballot
// is written to a free slot chosen at random, so the file's order says nothing about arrival.
// A slot holds receipt, version and content only: no deputy id, no timestamp.
//
//   header (512 bytes): one JSON line {format, version, meetingId, roundId, slotSize}, space padded
//   slot (slotSize bytes): u32le length L | L bytes of JSON payload | zeros | sha256(L, payload)
//
// A slot of zeros is free. A slot whose checksum does not match was torn by a crash while
// being written: it never held an acknowledged ballot on its own (see ballot-box.ts).
import { hash } from 'node:crypto';
import { z } from 'zod';
import { BallotContent, type AgendaItem } from '../../shared/model.js';

export const HEADER_SIZE = 512;
const HASH = 32;
const FORMAT = 'wenzheng-ballot-box';

export const BoxHeader = z.strictObject({
  format: z.literal(FORMAT),
  version: z.literal(1),
  meetingId: z.string(),
  roundId: z.string(),
  slotSize: z.number().int().min(256).max(1 << 20),
});
export type BoxHeader = z.infer<typeof BoxHeader>;

/** What a slot holds. `pending` is the submission id while the vote's journal record is not yet durable. */
export const SlotPayload = z.strictObject({
  receipt: z.string().regex(/^[A-Z2-9]{8}$/),
  v: z.number().int().positive(),
  content: BallotContent,
  pending: z.string().max(64).optional(),
});
export type SlotPayload = z.infer<typeof SlotPayload>;

export function encodeHeader(h: BoxHeader): Buffer {
  const buf = Buffer.alloc(HEADER_SIZE, 0x20);
  const line = Buffer.from(JSON.stringify({ ...h, format: FORMAT, version: 1 }) + '\n', 'utf8');
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
  const len = Buffer.byteLength(json, 'utf8');
  if (len + 4 + HASH > slotSize) throw new Error(`ballot of ${len} bytes does not fit a ${slotSize}-byte slot`);
  return json;
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

/** A slot size that fits the largest valid ballot of this item, in 512-byte steps. */
export function slotSizeFor(item: AgendaItem): number {
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
  const worst = JSON.stringify({ receipt: 'XXXXXXXX', v: 1e9, content, pending: 'x'.repeat(64) }).length;
  return Math.ceil((worst + 4 + HASH + 64) / 512) * 512;
}

/**
 * Which ballots a box holds, given the submission ids the journal accepted. A pending ballot
 * counts only if its vote's journal record is durable; per receipt the highest version wins
 * (a changed ballot, allowChange). Pure: the same answer for the server and for `verify`.
 */
export function resolveBox(slots: readonly SlotRead[], accepted: ReadonlySet<string>): Map<string, SlotPayload & { slot: number }> {
  const best = new Map<string, SlotPayload & { slot: number }>();
  slots.forEach((s, slot) => {
    if (s.kind !== 'ballot') return;
    if (s.payload.pending !== undefined && !accepted.has(s.payload.pending)) return;
    const cur = best.get(s.payload.receipt);
    if (!cur || s.payload.v > cur.v || (s.payload.v === cur.v && cur.pending !== undefined && s.payload.pending === undefined)) {
      best.set(s.payload.receipt, { ...s.payload, slot });
    }
  });
  return best;
}
