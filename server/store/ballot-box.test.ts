// [W5] The ballot box under crashes: every byte at which a write can be cut, at each of its
// three steps, leaves exactly the ballots that were acknowledged (once each), and start-up
// leaves no slot linking a ballot to a submission id.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryLogger } from '../logger.js';
import { BallotBox, type BoxWrite } from './ballot-box.js';
import { HEADER_SIZE, type BoxHeader } from './box-format.js';
import { readBox } from './load.js';

const header: BoxHeader = { format: 'wenzheng-ballot-box', version: 1, meetingId: 'm', roundId: 'r1', slotSize: 512 };
let dir: string;
let path: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wz-box-'));
  path = join(dir, 'r1.box');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const write = (box: BallotBox, receipt: string, sid: string): BoxWrite => ({
  box,
  payload: { receipt, v: box.nextVersion(receipt), content: { kind: 'motion', choice: 'against' }, pending: sid },
  slot: null,
});

/** The file before the vote, after step 1 (prepare) and after step 3 (seal), plus the slots involved. */
async function stages(): Promise<{ s0: Buffer; s1: Buffer; s2: Buffer; pending: number; copy: number }> {
  const box = await BallotBox.open(path, header, new Set(), memoryLogger(), 8);
  await box.prepare([write(box, 'KEEPAAAA', 'sub-keep')]);
  await box.seal(box.pendingSlots());
  const s0 = await readFile(path);
  const w = write(box, 'ABCDEFGH', 'sub-1');
  await box.prepare([w]);
  const s1 = await readFile(path);
  await box.seal([w.slot ?? -1]);
  const s2 = await readFile(path);
  await box.close();
  const slotOf = (buf: Buffer, pred: (p: { receipt: string; pending?: string }) => boolean) =>
    readBox(buf).slots.findIndex((s) => s.kind === 'ballot' && pred(s.payload));
  return { s0, s1, s2, pending: slotOf(s1, (p) => p.pending === 'sub-1'), copy: slotOf(s2, (p) => p.receipt === 'ABCDEFGH' && p.pending === undefined) };
}

const region = (slot: number) => [HEADER_SIZE + slot * header.slotSize, HEADER_SIZE + (slot + 1) * header.slotSize] as const;

/** `base` with the bytes of `slot` taken from `next` up to `cut`, the rest from `base`. */
function torn(base: Buffer, next: Buffer, slot: number, cut: number): Buffer {
  const out = Buffer.from(base);
  const [a] = region(slot);
  next.copy(out, a, a, a + cut);
  return out;
}

async function reopen(buf: Buffer, accepted: string[]): Promise<{ receipts: string[]; pendingLeft: number; log: ReturnType<typeof memoryLogger> }> {
  await writeFile(path, buf);
  const log = memoryLogger();
  const box = await BallotBox.open(path, header, new Set(accepted), log);
  const receipts = box.ballots().map((b) => b.receipt);
  await box.close();
  const after = readBox(await readFile(path));
  const pendingLeft = after.slots.filter((s) => s.kind === 'ballot' && s.payload.pending !== undefined).length;
  expect(after.slots.filter((s) => s.kind === 'torn')).toEqual([]);
  return { receipts, pendingLeft, log };
}

describe('[W5] ballot box crash recovery', () => {
  it('places ballots at random slots, never in arrival order', async () => {
    const box = await BallotBox.open(path, header, new Set(), memoryLogger());
    const receipts = Array.from({ length: 40 }, (_, i) => `R${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + Math.floor(i / 26))}AAAAA`);
    for (const [i, r] of receipts.entries()) {
      const w = write(box, r, `s${i}`);
      await box.prepare([w]);
      await box.seal([w.slot ?? -1]);
    }
    await box.close();
    const order = readBox(await readFile(path)).slots.flatMap((s) => (s.kind === 'ballot' ? [receipts.indexOf(s.payload.receipt)] : []));
    expect(order.length).toBe(40);
    const inversions = order.reduce((n, x, i) => n + order.slice(i + 1).filter((y) => y < x).length, 0);
    // A random order has 390 inversions on average; arrival order has 0, reversed 780.
    expect(inversions).toBeGreaterThan(200);
    expect(inversions).toBeLessThan(580);
  });

  it('a crash at any byte of step 1 (before the journal) loses only the unacknowledged ballot', async () => {
    const { s0, s1, pending } = await stages();
    for (let cut = 0; cut <= header.slotSize; cut++) {
      const r = await reopen(torn(s0, s1, pending, cut), []);
      expect(r.receipts).toEqual(['KEEPAAAA']);
      expect(r.pendingLeft).toBe(0);
    }
  });

  it('after the journal accepted the vote, a crash at any byte of step 3 keeps the ballot exactly once', async () => {
    const { s1, s2, pending, copy } = await stages();
    // 3a: the sealed copy is being written.
    for (let cut = 0; cut <= header.slotSize; cut++) {
      const r = await reopen(torn(s1, s2, copy, cut), ['sub-keep', 'sub-1']);
      expect(r.receipts).toEqual(['ABCDEFGH', 'KEEPAAAA']);
      expect(r.pendingLeft).toBe(0);
    }
    // 3b: the copy is durable and the pending slot is being zeroed.
    const copied = torn(s1, s2, copy, header.slotSize);
    for (let cut = 0; cut <= header.slotSize; cut++) {
      const r = await reopen(torn(copied, s2, pending, cut), ['sub-keep', 'sub-1']);
      expect(r.receipts).toEqual(['ABCDEFGH', 'KEEPAAAA']);
      expect(r.pendingLeft).toBe(0);
    }
  });

  it('start-up says what it settled', async () => {
    const { s1 } = await stages();
    const r = await reopen(s1, ['sub-keep', 'sub-1']);
    expect(r.receipts).toEqual(['ABCDEFGH', 'KEEPAAAA']);
    expect(r.log.lines.some((l) => l.level === 'warn' && l.fields.sealed === 1)).toBe(true);
  });

  it('a changed ballot (allowChange) supersedes the old one, also across a crash', async () => {
    const box = await BallotBox.open(path, header, new Set(), memoryLogger());
    const first = write(box, 'CHANGEME', 's1');
    await box.prepare([first]);
    await box.seal([first.slot ?? -1]);
    const second: BoxWrite = { box, payload: { receipt: 'CHANGEME', v: box.nextVersion('CHANGEME'), content: { kind: 'motion', choice: 'for' }, pending: 's2' }, slot: null };
    await box.prepare([second]);
    await box.close(); // crash before seal
    const again = await BallotBox.open(path, header, new Set(['s1', 's2']), memoryLogger());
    expect(again.ballots()).toEqual([{ receipt: 'CHANGEME', content: { kind: 'motion', choice: 'for' } }]);
    await again.close();
    const slots = readBox(await readFile(path)).slots.filter((s) => s.kind === 'ballot');
    expect(slots.length).toBe(1);
  });
});

describe('[W5] ballot box under a stream of votes (deferred sealing)', () => {
  it('each batch carries the previous batch’s seal; every file state reopens to exactly the accepted ballots; idle leaves no pending slot', async () => {
    const box = await BallotBox.open(path, header, new Set(), memoryLogger(), 8);
    const accepted: string[] = [];
    const acceptedReceipts: string[] = [];
    const snapshots: { buf: Buffer; accepted: string[]; receipts: string[] }[] = [];
    const receipt = (i: number) => `S${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + Math.floor(i / 26))}AAAAA`;
    let n = 0;
    for (let batch = 0; batch < 6; batch++) {
      const writes = Array.from({ length: 3 }, () => {
        n += 1;
        return write(box, receipt(n), `sub-${n}`);
      });
      await box.prepare(writes); // step 1 of this batch, plus deferred steps 3 of earlier ones
      const buf = await readFile(path);
      snapshots.push({ buf, accepted: [...accepted], receipts: [...acceptedReceipts] });
      // ... or right after the journal made this batch durable too.
      snapshots.push({ buf, accepted: [...accepted, ...writes.map((w) => w.payload.pending)], receipts: [...acceptedReceipts, ...writes.map((w) => w.payload.receipt)] });
      for (const w of writes) {
        accepted.push(w.payload.pending);
        acceptedReceipts.push(w.payload.receipt);
      }
      box.accepted(writes.map((w) => w.slot ?? -1)); // step 2: the journal holds them
      expect(box.hasDeferred).toBe(true);
    }
    while (box.hasDeferred) await box.flushDeferred();
    snapshots.push({ buf: await readFile(path), accepted: [...accepted], receipts: [...acceptedReceipts] });
    const final = readBox(await readFile(path));
    expect(final.slots.filter((s) => s.kind === 'ballot' && s.payload.pending !== undefined)).toEqual([]);
    expect(final.slots.filter((s) => s.kind === 'ballot').length).toBe(18);
    await box.close();
    for (const snap of snapshots) {
      // A crash right after this pass: the journal holds `accepted` (the batch just prepared is not acknowledged).
      const r = await reopen(snap.buf, snap.accepted);
      expect(r.receipts).toEqual([...snap.receipts].sort());
      expect(r.pendingLeft).toBe(0);
    }
  });
});
