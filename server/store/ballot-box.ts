// A secret vote's ballot box (format in box-format.ts). How a ballot becomes durable without
// ever being stored next to its deputy, and without being lost or counted twice:
//
//  1. prepare: the ballot is written to a random free slot marked `batch: <pass number>`; fsync.
//     The pass number is this box's own counter (from a random start): the journal never
//     carries it, nor anything else the slot holds, so a copy of box and journal taken now
//     cannot tell which deputy a slot belongs to (W9).
//  2. the journal record with 'voted' is written; fsync; the vote is acknowledged.
//  3. seal: a copy without the mark goes to another random free slot; fsync; the marked slot
//     is zeroed; fsync.
//
// While votes keep coming, step 3 rides along: the copies of batch k go in the same write and
// fsync as step 1 of batch k+1, and the zeros in the next one; when votes stop, the journal
// finishes the sealing at once (journal.ts, sealDeferred). The steps' order per ballot, and so
// what a crash can leave, is the same.
//
// At start, marked ballots are settled by counting (box-format.ts, resolveBox): a pass runs
// only after the journal made the batch before it durable, so at most the last pass can be
// unacknowledged, and a ballot's version is its deputy's count of 'voted' events; the passes
// are accepted, in order, as far as their versions add up to the journal's 'voted' events.
// The rest was never acknowledged and is discarded. A crash inside 3 leaves both copies: the
// receipt and version match, one is kept. A torn slot fails its checksum and is free.
import { randomInt } from 'node:crypto';
import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { BallotContent } from '../../shared/model.js';
import type { Logger } from '../logger.js';
import { failIfFaulty } from './disk-faults.js';
import { inProcessDisk, type Disk, type DiskOp } from './disk.js';
import { writeFully } from './write-fully.js';
import { decodeHeader, decodeSlot, encodeHeader, HEADER_SIZE, isPending, slotJson, resolveBox, type BoxHeader, type JournalHolds, type SlotPayload } from './box-format.js';

/** One ballot on its way into a box (sealed form: the pass adds its mark); `slot` is set once prepared. */
export interface BoxWrite {
  readonly box: BallotBox;
  readonly payload: SlotPayload;
  slot: number | null;
}

export class BoxCorruptError extends Error {}

/** One pass over a box, planned: its steps, and what to do once they are durable (or failed). */
export interface PassPlan {
  readonly ops: readonly DiskOp[];
  done(): void;
  failed(): void;
}

export class BallotBox {
  private readonly free: number[] = [];
  /** The same slots as `free`, for membership. */
  private readonly isFree = new Set<number>();
  private readonly used = new Map<number, SlotPayload>();
  private readonly versions = new Map<string, number>();
  /** Slots by receipt: a changed ballot finds the versions it supersedes without a scan. */
  private readonly slotsOf = new Map<string, Set<number>>();
  /** Pending slots whose votes the journal holds: to be copied without their submission id. */
  private toSeal: number[] = [];
  /** Slots whose sealed copies (or newer versions) are durable: to be zeroed. */
  private toZero: number[] = [];
  /** Slots of refused votes whose zeroing failed: zeroed, and fsynced, before the next pass writes anything. */
  private mustZero: number[] = [];
  /** The number the next pass marks its new ballots with; set from the file at open. */
  private pass = 0;

  private fh: FileHandle | null = null;
  /** The file could not be opened or created (disk full, read-only): this object is spent. */
  openFailed = false;
  private capacity = 0;
  /** Opening (and settling) happens once, before the first write; every file step awaits it. */
  private readonly ready: Promise<void>;

  constructor(
    readonly path: string,
    /** The header of a new box; replaced by the file's own when an older version is opened. */
    public header: BoxHeader,
    holds: JournalHolds,
    private readonly log: Logger,
    initialSlots = 64,
    /** A version 1 box of this round (from before #12) has slots of this size. */
    private readonly legacySlotSize?: number,
  ) {
    this.ready = this.openFile(holds, initialSlots);
    this.ready.catch(() => {
      this.openFailed = true; // reported by whoever awaits it; the next ballot gets a fresh attempt (boxes.ts)
    });
  }

  /** Open (or create) a box and settle what a crash left behind. */
  static async open(path: string, header: BoxHeader, holds: JournalHolds, log: Logger, initialSlots = 64, legacySlotSize?: number): Promise<BallotBox> {
    const box = new BallotBox(path, header, holds, log, initialSlots, legacySlotSize);
    await box.ready;
    return box;
  }

  private async openFile(holds: JournalHolds, initialSlots: number): Promise<void> {
    const { path, header } = this;
    this.pass = randomInt(2 ** 40); // a random start: the mark says nothing about how many passes came before
    failIfFaulty(path);
    await mkdir(dirname(path), { recursive: true });
    // Not 'a+': Linux ignores the position of writes to a file opened for appending.
    const fh = await open(path, 'r+').catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? open(path, 'w+') : Promise.reject(e)));
    try {
      const buf = await fh.readFile();
      if (buf.length < HEADER_SIZE) {
        // A new box (or one whose header never became durable, so it never held a ballot).
        await fh.truncate(0);
        await writeFully(fh, encodeHeader(header), 0);
        await fh.truncate(HEADER_SIZE + initialSlots * header.slotSize);
        await fh.datasync();
        await syncDir(dirname(path));
        this.fh = fh;
        this.capacity = initialSlots;
        for (let i = 0; i < initialSlots; i++) this.addFree(i);
        return;
      }
      const found = decodeHeader(buf);
      const sizeOk = found && (found.version === header.version ? found.slotSize === header.slotSize : found.version === 1 && found.slotSize === this.legacySlotSize);
      if (!found || !sizeOk || found.roundId !== header.roundId) {
        throw new BoxCorruptError(`ballot box ${path} has a damaged header: refusing to start on ballots that cannot be trusted`);
      }
      this.header = found;
      const size = found.slotSize;
      const n = Math.floor((buf.length - HEADER_SIZE) / size);
      const slots = Array.from({ length: n }, (_, i) => decodeSlot(buf.subarray(HEADER_SIZE + i * size, HEADER_SIZE + (i + 1) * size)));
      this.fh = fh;
      this.capacity = n;
      for (const s of slots) if (s.kind === 'ballot' && s.payload.batch !== undefined) this.pass = Math.max(this.pass, s.payload.batch + 1);
      await this.settle(slots, holds, this.log);
    } catch (e) {
      this.fh = null;
      await fh.close();
      throw e;
    }
  }

  /** The file is open and settled: a ballot can be written without waiting. */
  get isOpen(): boolean {
    return this.fh !== null;
  }

  /** Settles once the file is open (never rejects: a failure shows on the next write). */
  async opened(): Promise<void> {
    await this.ready.catch(() => undefined);
  }

  private file(): FileHandle {
    if (!this.fh) throw new Error(`ballot box ${this.path} is not open`);
    return this.fh;
  }

  /** After a crash: seal accepted pending ballots, zero torn, discarded and superseded slots. */
  private async settle(slots: ReturnType<typeof decodeSlot>[], holds: JournalHolds, log: Logger): Promise<void> {
    const keep = resolveBox(slots, holds);
    const keepSlots = new Set([...keep.values()].map((b) => b.slot));
    const zero: number[] = [];
    let torn = 0;
    slots.forEach((s, i) => {
      if (s.kind === 'free') this.addFree(i);
      else if (s.kind === 'ballot' && keepSlots.has(i)) this.place(i, s.payload);
      else {
        if (s.kind === 'torn') torn += 1;
        zero.push(i);
      }
    });
    for (const b of keep.values()) this.versions.set(b.receipt, b.v);
    const toSeal = [...keep.values()].filter(isPending);
    if (torn > 0 || zero.length > 0 || toSeal.length > 0) {
      log.warn({ path: this.path, torn, discarded: zero.length - torn, sealed: toSeal.length, kept: keep.size }, 'ballot box: settled what an interrupted write left behind');
    }
    await this.zero(zero);
    if (toSeal.length > 0) await this.sealNow(toSeal.map((b) => b.slot));
  }

  /** The counted ballots: latest version per receipt, sorted by receipt (never by arrival). */
  ballots(): BoxBallot[] {
    const best = new Map<string, SlotPayload>();
    for (const p of this.used.values()) {
      const cur = best.get(p.receipt);
      if (!cur || p.v > cur.v) best.set(p.receipt, p);
    }
    return [...best.values()].sort((a, b) => (a.receipt < b.receipt ? -1 : 1)).map(boxBallot);
  }

  /** Slots of the ballots still pending (normally none once a batch is sealed). */
  pendingSlots(): number[] {
    return [...this.used].flatMap(([i, p]) => (isPending(p) ? [i] : []));
  }

  /** The version a new ballot with this receipt gets (a changed ballot supersedes the old). */
  nextVersion(receipt: string): number {
    const v = (this.versions.get(receipt) ?? 0) + 1;
    this.versions.set(receipt, v);
    return v;
  }

  /**
   * Votes refused after their versions were handed out: the numbers are handed out again, so a
   * ballot's version stays its deputy's count of recorded votes (start-up counts on it).
   */
  forget(writes: readonly BoxWrite[]): void {
    for (const w of writes) {
      const cur = this.versions.get(w.payload.receipt) ?? 0;
      if (w.payload.v <= cur) this.versions.set(w.payload.receipt, w.payload.v - 1);
    }
  }

  private take(): number {
    if (this.free.length === 0) throw new Error('no free slot');
    const at = randomInt(this.free.length);
    const slot = this.free[at] ?? 0;
    this.free[at] = this.free[this.free.length - 1] ?? slot;
    this.free.pop();
    this.isFree.delete(slot);
    return slot;
  }

  /** Keep at least a quarter of the slots free, so a new ballot's place stays random. */
  private async ensureRoom(n: number): Promise<void> {
    let cap = this.capacity;
    while (this.free.length + (cap - this.capacity) - n < cap / 4) cap *= 2;
    if (cap === this.capacity) return;
    await this.file().truncate(HEADER_SIZE + cap * this.header.slotSize);
    for (let i = this.capacity; i < cap; i++) this.addFree(i);
    this.capacity = cap;
  }

  /** The steps that write these slots in place, then one fsync. */
  private slotOps(entries: readonly (readonly [number, SlotPayload | null])[]): DiskOp[] {
    const size = this.header.slotSize;
    const fd = this.file().fd;
    const ops: DiskOp[] = entries.map(([slot, p]) =>
      p ? { fd, slot: slotJson(p, size), size, pos: HEADER_SIZE + slot * size } : { fd, zeros: size, pos: HEADER_SIZE + slot * size },
    );
    ops.push({ fd, sync: true });
    return ops;
  }

  /**
   * Plan step 1 for these ballots: each gets a random free slot, marked pending. The same pass
   * (and fsync) carries the deferred steps 3 of earlier, acknowledged ballots (see `accepted`),
   * so a stream of votes costs one box fsync per batch, not three. The journal runs the plan's
   * steps ahead of its own (journal.ts), then calls done(), or failed() and abort().
   */
  async plan(writes: readonly BoxWrite[]): Promise<PassPlan> {
    await this.ready;
    return this.planNow(writes);
  }

  /** plan() on an open file (also while settling at open, before `ready`). */
  private async planNow(writes: readonly BoxWrite[]): Promise<PassPlan> {
    await this.ensureRoom(writes.length * 2 + this.toSeal.length);
    failIfFaulty(this.path);
    const batch = writes.length > 0 ? this.pass++ : 0;
    const fresh = writes.map((w) => {
      const slot = this.take();
      const p: SlotPayload = { ...w.payload, batch };
      w.slot = slot;
      this.place(slot, p);
      return [slot, p] as const;
    });
    return this.planPass(fresh);
  }

  /** Step 1 on its own: pending ballots written to random free slots; durable when this resolves. */
  async prepare(writes: readonly BoxWrite[], disk: Disk = inProcessDisk): Promise<void> {
    await this.runPlan(await this.plan(writes), disk);
  }

  private async runPlan(plan: PassPlan, disk: Disk): Promise<void> {
    try {
      await disk.run(plan.ops);
    } catch (e) {
      plan.failed();
      throw e;
    }
    plan.done();
  }

  /**
   * Step 2 happened (the journal holds these ballots' votes): seal them in a later pass. Until
   * then a slot still carries its pass's mark; `flushDeferred` finishes when idle.
   */
  accepted(slots: readonly number[]): void {
    for (const s of slots) {
      const p = this.used.get(s);
      if (p && isPending(p)) this.toSeal.push(s);
    }
  }

  /** Whether steps 3 of accepted ballots are still to be written. */
  get hasDeferred(): boolean {
    return this.toSeal.length > 0 || this.toZero.length > 0 || this.mustZero.length > 0;
  }

  /** One pass of deferred sealing: copies of accepted ballots, and zeros where copies are durable. */
  async flushDeferred(disk: Disk = inProcessDisk): Promise<void> {
    await this.ready;
    await this.flushOnce(disk);
  }

  private async flushOnce(disk: Disk): Promise<void> {
    if (this.hasDeferred) await this.runPlan(await this.planNow([]), disk);
  }

  /** Step 3 now, to the end: move pending ballots to fresh slots without their mark; zero the old ones. */
  async seal(slots: readonly number[]): Promise<void> {
    await this.ready;
    await this.sealNow(slots);
  }

  private async sealNow(slots: readonly number[]): Promise<void> {
    this.accepted(slots);
    while (this.hasDeferred) await this.flushOnce(inProcessDisk);
  }

  /**
   * A pass: `fresh` plus the deferred work, then fsync. Once durable (done): copies written in
   * this pass make their pending (and superseded) slots due for zeroing in the next pass, and
   * slots zeroed in this pass become free. On a failure nothing advances; the next pass retries.
   */
  private planPass(fresh: readonly (readonly [number, SlotPayload])[]): PassPlan {
    const copies: [number, SlotPayload][] = [];
    const sealedFrom: number[] = [];
    const sealing = this.toSeal.length;
    for (const from of this.toSeal) {
      const p = this.used.get(from);
      if (!p || !isPending(p)) continue;
      const { pending: _pending, batch: _batch, ...sealed } = p;
      copies.push([this.take(), sealed]);
      sealedFrom.push(from);
    }
    const zeroing = this.toZero.slice();
    // Leftovers of a refused vote go first, in their own fsync: a crash must never find them
    // beside a later pass's ballots, where counting would take them for acknowledged ones.
    const must = this.mustZero.slice();
    const first = must.length > 0 ? this.slotOps(must.map((i) => [i, null] as const)) : [];
    const ops = [...first, ...this.slotOps([...fresh, ...copies, ...zeroing.map((i) => [i, null] as const)])];
    return {
      ops,
      failed: () => {
        for (const [i] of copies) this.addFree(i);
      },
      done: () => {
        this.toSeal = this.toSeal.slice(sealing);
        this.toZero = this.toZero.slice(zeroing.length);
        this.mustZero = this.mustZero.filter((i) => !must.includes(i));
        for (const i of [...zeroing, ...must]) this.release(i);
        for (const [k, [i, p]] of copies.entries()) {
          const from = sealedFrom[k] ?? -1;
          this.place(i, p);
          this.toZero.push(from);
          for (const old of this.slotsOf.get(p.receipt) ?? []) {
            const q = this.used.get(old);
            if (old !== from && q && q.v < p.v && !this.toZero.includes(old)) this.toZero.push(old);
          }
        }
      },
    };
  }

  private place(slot: number, p: SlotPayload): void {
    this.used.set(slot, p);
    let set = this.slotsOf.get(p.receipt);
    if (!set) this.slotsOf.set(p.receipt, (set = new Set()));
    set.add(slot);
  }

  /** A slot whose zeros are durable: free again. */
  private release(slot: number): void {
    this.unplace(slot);
    this.addFree(slot);
  }

  /** A slot no longer holds a ballot we count (it may still have to be zeroed). */
  private unplace(slot: number): void {
    const p = this.used.get(slot);
    if (p) {
      this.used.delete(slot);
      const set = this.slotsOf.get(p.receipt);
      set?.delete(slot);
      if (set?.size === 0) this.slotsOf.delete(p.receipt);
    }
  }

  private addFree(slot: number): void {
    if (this.isFree.has(slot)) return;
    this.isFree.add(slot);
    this.free.push(slot);
  }

  /** A vote whose journal record failed: its pending ballot is removed; if that fails too, before the next pass writes. */
  async abort(slots: readonly number[]): Promise<void> {
    await this.zero(slots).catch(() => {
      for (const i of slots) {
        this.unplace(i);
        if (!this.mustZero.includes(i)) this.mustZero.push(i);
      }
    });
  }

  private async zero(slots: readonly number[]): Promise<void> {
    if (slots.length === 0) return;
    failIfFaulty(this.path);
    await inProcessDisk.run(this.slotOps(slots.map((i) => [i, null] as const)));
    for (const i of slots) this.release(i);
  }

  async close(): Promise<void> {
    await this.ready.catch(() => undefined);
    await this.fh?.close();
    this.fh = null;
  }
}

/** A counted ballot as the box holds it. */
export interface BoxBallot {
  receipt: string;
  content: BallotContent;
  salt?: string;
  keyHash?: string;
}

export function boxBallot(p: SlotPayload): BoxBallot {
  return { receipt: p.receipt, content: p.content, ...(p.salt !== undefined ? { salt: p.salt } : {}), ...(p.keyHash !== undefined ? { keyHash: p.keyHash } : {}) };
}

/** Group box writes by box, so each box is fsynced once per batch. */
export function byBox(writes: readonly BoxWrite[]): Map<BallotBox, BoxWrite[]> {
  const m = new Map<BallotBox, BoxWrite[]>();
  for (const w of writes) {
    const list = m.get(w.box);
    if (list) list.push(w);
    else m.set(w.box, [w]);
  }
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
