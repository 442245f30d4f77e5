// A secret vote's ballot box (format in box-format.ts). How a ballot becomes durable without
// ever being stored next to its deputy, and without being lost or counted twice:
//
//  1. prepare: the ballot is written to a random free slot marked `pending: <submission id>`;
//     fsync. (The journal will hold the same submission id in the deputy's 'voted' event.)
//  2. the journal record with 'voted' is written; fsync; the vote is acknowledged.
//  3. seal: a copy without `pending` goes to another random free slot; fsync; the pending slot
//     is zeroed; fsync. From then on nothing links the ballot to the deputy.
//
// A crash before 2 leaves a pending slot whose submission id the journal does not have: it is
// discarded (it was never acknowledged). A crash after 2 leaves a pending slot the journal
// accepts: it is sealed at start. A crash inside 3 leaves both copies: the receipt and version
// match, one is kept. A torn slot fails its checksum and is treated as free.
import { randomInt } from 'node:crypto';
import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { BallotContent } from '../../shared/model.js';
import type { Logger } from '../logger.js';
import { failIfFaulty } from './disk-faults.js';
import { decodeHeader, decodeSlot, encodeHeader, encodeSlot, HEADER_SIZE, resolveBox, type BoxHeader, type SlotPayload } from './box-format.js';

/** One ballot on its way into a box; `slot` is set once prepared. */
export interface BoxWrite {
  readonly box: BallotBox;
  readonly payload: SlotPayload & { pending: string };
  slot: number | null;
}

export class BoxCorruptError extends Error {}

export class BallotBox {
  private readonly free: number[] = [];
  private readonly used = new Map<number, SlotPayload>();
  private readonly versions = new Map<string, number>();

  private fh: FileHandle | null = null;
  private capacity = 0;
  /** Opening (and settling) happens once, before the first write; every file step awaits it. */
  private readonly ready: Promise<void>;

  constructor(
    readonly path: string,
    readonly header: BoxHeader,
    accepted: ReadonlySet<string>,
    private readonly log: Logger,
    initialSlots = 64,
  ) {
    this.ready = this.openFile(accepted, initialSlots);
    this.ready.catch(() => undefined); // reported by whoever awaits it
  }

  /** Open (or create) a box and settle what a crash left behind. */
  static async open(path: string, header: BoxHeader, accepted: ReadonlySet<string>, log: Logger, initialSlots = 64): Promise<BallotBox> {
    const box = new BallotBox(path, header, accepted, log, initialSlots);
    await box.ready;
    return box;
  }

  private async openFile(accepted: ReadonlySet<string>, initialSlots: number): Promise<void> {
    const { path, header } = this;
    await mkdir(dirname(path), { recursive: true });
    // Not 'a+': Linux ignores the position of writes to a file opened for appending.
    const fh = await open(path, 'r+').catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? open(path, 'w+') : Promise.reject(e)));
    try {
      const buf = await fh.readFile();
      if (buf.length < HEADER_SIZE) {
        // A new box (or one whose header never became durable, so it never held a ballot).
        await fh.truncate(0);
        await fh.write(encodeHeader(header), 0, HEADER_SIZE, 0);
        await fh.truncate(HEADER_SIZE + initialSlots * header.slotSize);
        await fh.datasync();
        await syncDir(dirname(path));
        this.fh = fh;
        this.capacity = initialSlots;
        for (let i = 0; i < initialSlots; i++) this.free.push(i);
        return;
      }
      const found = decodeHeader(buf);
      if (!found || found.slotSize !== header.slotSize || found.roundId !== header.roundId) {
        throw new BoxCorruptError(`ballot box ${path} has a damaged header: refusing to start on ballots that cannot be trusted`);
      }
      const n = Math.floor((buf.length - HEADER_SIZE) / header.slotSize);
      const slots = Array.from({ length: n }, (_, i) => decodeSlot(buf.subarray(HEADER_SIZE + i * header.slotSize, HEADER_SIZE + (i + 1) * header.slotSize)));
      this.fh = fh;
      this.capacity = n;
      await this.settle(slots, accepted, this.log);
    } catch (e) {
      this.fh = null;
      await fh.close();
      throw e;
    }
  }

  private file(): FileHandle {
    if (!this.fh) throw new Error(`ballot box ${this.path} is not open`);
    return this.fh;
  }

  /** After a crash: seal accepted pending ballots, zero torn, discarded and superseded slots. */
  private async settle(slots: ReturnType<typeof decodeSlot>[], accepted: ReadonlySet<string>, log: Logger): Promise<void> {
    const keep = resolveBox(slots, accepted);
    const keepSlots = new Set([...keep.values()].map((b) => b.slot));
    const zero: number[] = [];
    let torn = 0;
    slots.forEach((s, i) => {
      if (s.kind === 'free') this.free.push(i);
      else if (s.kind === 'ballot' && keepSlots.has(i)) this.used.set(i, s.payload);
      else {
        if (s.kind === 'torn') torn += 1;
        zero.push(i);
      }
    });
    for (const b of keep.values()) this.versions.set(b.receipt, b.v);
    const toSeal = [...keep.values()].filter((b) => b.pending !== undefined);
    if (torn > 0 || zero.length > 0 || toSeal.length > 0) {
      log.warn({ path: this.path, torn, discarded: zero.length - torn, sealed: toSeal.length, kept: keep.size }, 'ballot box: settled what an interrupted write left behind');
    }
    await this.zero(zero);
    if (toSeal.length > 0) await this.sealNow(toSeal.map((b) => b.slot));
  }

  /** The counted ballots: latest version per receipt, sorted by receipt (never by arrival). */
  ballots(): { receipt: string; content: BallotContent }[] {
    const best = new Map<string, SlotPayload>();
    for (const p of this.used.values()) {
      const cur = best.get(p.receipt);
      if (!cur || p.v > cur.v) best.set(p.receipt, p);
    }
    return [...best.values()].sort((a, b) => (a.receipt < b.receipt ? -1 : 1)).map((p) => ({ receipt: p.receipt, content: p.content }));
  }

  /** Slots of the ballots still pending (normally none once a batch is sealed). */
  pendingSlots(): number[] {
    return [...this.used].flatMap(([i, p]) => (p.pending !== undefined ? [i] : []));
  }

  /** The version a new ballot with this receipt gets (a changed ballot supersedes the old). */
  nextVersion(receipt: string): number {
    const v = (this.versions.get(receipt) ?? 0) + 1;
    this.versions.set(receipt, v);
    return v;
  }

  private take(): number {
    if (this.free.length === 0) throw new Error('no free slot');
    const at = randomInt(this.free.length);
    const slot = this.free[at] ?? 0;
    this.free[at] = this.free[this.free.length - 1] ?? slot;
    this.free.pop();
    return slot;
  }

  /** Keep at least a quarter of the slots free, so a new ballot's place stays random. */
  private async ensureRoom(n: number): Promise<void> {
    let cap = this.capacity;
    while (this.free.length + (cap - this.capacity) - n < cap / 4) cap *= 2;
    if (cap === this.capacity) return;
    await this.file().truncate(HEADER_SIZE + cap * this.header.slotSize);
    for (let i = this.capacity; i < cap; i++) this.free.push(i);
    this.capacity = cap;
  }

  private async writeSlots(entries: [number, SlotPayload | null][]): Promise<void> {
    failIfFaulty(this.path);
    const size = this.header.slotSize;
    for (const [slot, p] of entries) {
      const buf = p ? encodeSlot(p, size) : Buffer.alloc(size, 0);
      await this.file().write(buf, 0, size, HEADER_SIZE + slot * size);
    }
    await this.file().datasync();
  }

  /** Step 1: write pending ballots to random free slots; durable when this resolves. */
  async prepare(writes: readonly BoxWrite[]): Promise<void> {
    await this.ready;
    await this.ensureRoom(writes.length * 2);
    for (const w of writes) {
      w.slot = this.take();
      this.used.set(w.slot, w.payload);
    }
    await this.writeSlots(writes.map((w) => [w.slot ?? 0, w.payload]));
  }

  /** Step 3: move pending ballots to fresh slots without their submission id; zero the old ones. */
  async seal(slots: readonly number[]): Promise<void> {
    await this.ready;
    await this.sealNow(slots);
  }

  private async sealNow(slots: readonly number[]): Promise<void> {
    await this.ensureRoom(slots.length);
    const copies: [number, SlotPayload][] = [];
    const superseded: number[] = [];
    for (const from of slots) {
      const p = this.used.get(from);
      if (!p) continue;
      const { pending: _pending, ...sealed } = p;
      copies.push([this.take(), sealed]);
      for (const [i, q] of this.used) if (q.receipt === p.receipt && q.v < p.v) superseded.push(i);
    }
    for (const [i, p] of copies) this.used.set(i, p);
    await this.writeSlots(copies);
    await this.zero([...slots, ...superseded]);
  }

  /** A vote whose journal record failed: its pending ballot is removed (best effort; start-up would discard it anyway). */
  async abort(slots: readonly number[]): Promise<void> {
    await this.zero(slots).catch(() => undefined);
  }

  private async zero(slots: readonly number[]): Promise<void> {
    if (slots.length === 0) return;
    for (const i of slots) {
      this.used.delete(i);
      if (!this.free.includes(i)) this.free.push(i);
    }
    await this.writeSlots(slots.map((i) => [i, null]));
  }

  async close(): Promise<void> {
    await this.ready.catch(() => undefined);
    await this.fh?.close();
    this.fh = null;
  }
}

/** Group box writes by box, so each box is fsynced once per batch. */
export function byBox(writes: readonly BoxWrite[]): Map<BallotBox, BoxWrite[]> {
  const m = new Map<BallotBox, BoxWrite[]>();
  for (const w of writes) m.set(w.box, [...(m.get(w.box) ?? []), w]);
  return m;
}

export async function syncDir(dir: string): Promise<void> {
  const d = await open(dir, 'r');
  try {
    await d.sync();
  } finally {
    await d.close();
  }
}
