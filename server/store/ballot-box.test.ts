// [W5] The ballot box under crashes: every byte at which a write can be cut, at each of its
// three steps, leaves exactly the ballots that were acknowledged (once each), and start-up
// leaves no unsealed slot. The journal's part is its number of 'voted' events for the round
// (`votes`): nothing in a slot names a vote (W9).
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryLogger } from '../logger.js';
import { BallotBox, type BoxWrite } from './ballot-box.js';
import { BOX_VERSION, encodeHeader, encodeSlot, HEADER_SIZE, isPending, type BoxHeader, type SlotPayload } from './box-format.js';
import { readBox } from './load.js';

const header: BoxHeader = { format: 'wenzheng-ballot-box', version: BOX_VERSION, meetingId: 'm', roundId: 'r1', slotSize: 512 };
/** What the journal holds: `votes` 'voted' events for the round. */
const held = (votes: number) => ({ accepted: new Set<string>(), votes });
let dir: string;
let path: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wz-box-'));
  path = join(dir, 'r1.box');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const write = (box: BallotBox, receipt: string): BoxWrite => ({
  box,
  payload: { receipt, v: box.nextVersion(receipt), content: { kind: 'motion', choice: 'against' }, salt: 'c'.repeat(32) },
  slot: null,
});

/** The file before the vote, after step 1 (prepare) and after step 3 (seal), plus the slots involved. */
async function stages(): Promise<{ s0: Buffer; s1: Buffer; s2: Buffer; pending: number; copy: number }> {
  const box = await BallotBox.open(path, header, held(0), memoryLogger(), 8);
  await box.prepare([write(box, 'KEEPAAAA')]);
  await box.seal(box.pendingSlots());
  const s0 = await readFile(path);
  const w = write(box, 'ABCDEFGH');
  await box.prepare([w]);
  const s1 = await readFile(path);
  await box.seal([w.slot ?? -1]);
  const s2 = await readFile(path);
  await box.close();
  const slotOf = (buf: Buffer, pred: (p: SlotPayload) => boolean) => readBox(buf).slots.findIndex((s) => s.kind === 'ballot' && pred(s.payload));
  return { s0, s1, s2, pending: slotOf(s1, (p) => p.receipt === 'ABCDEFGH' && isPending(p)), copy: slotOf(s2, (p) => p.receipt === 'ABCDEFGH' && !isPending(p)) };
}

const region = (slot: number) => [HEADER_SIZE + slot * header.slotSize, HEADER_SIZE + (slot + 1) * header.slotSize] as const;

/** `base` with the bytes of `slot` taken from `next` up to `cut`, the rest from `base`. */
function torn(base: Buffer, next: Buffer, slot: number, cut: number): Buffer {
  const out = Buffer.from(base);
  const [a] = region(slot);
  next.copy(out, a, a, a + cut);
  return out;
}

async function reopen(buf: Buffer, votes: number): Promise<{ receipts: string[]; pendingLeft: number; log: ReturnType<typeof memoryLogger> }> {
  await writeFile(path, buf);
  const log = memoryLogger();
  const box = await BallotBox.open(path, header, held(votes), log);
  const receipts = box.ballots().map((b) => b.receipt);
  await box.close();
  const after = readBox(await readFile(path));
  const pendingLeft = after.slots.filter((s) => s.kind === 'ballot' && isPending(s.payload)).length;
  expect(after.slots.filter((s) => s.kind === 'torn')).toEqual([]);
  return { receipts, pendingLeft, log };
}

describe('[W5] ballot box crash recovery', () => {
  it('places ballots at random slots, never in arrival order', async () => {
    const box = await BallotBox.open(path, header, held(0), memoryLogger());
    const receipts = Array.from({ length: 40 }, (_, i) => `R${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + Math.floor(i / 26))}AAAAA`);
    for (const r of receipts) {
      const w = write(box, r);
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
      const r = await reopen(torn(s0, s1, pending, cut), 1);
      expect(r.receipts).toEqual(['KEEPAAAA']);
      expect(r.pendingLeft).toBe(0);
    }
  });

  it('after the journal accepted the vote, a crash at any byte of step 3 keeps the ballot exactly once', async () => {
    const { s1, s2, pending, copy } = await stages();
    // 3a: the sealed copy is being written.
    for (let cut = 0; cut <= header.slotSize; cut++) {
      const r = await reopen(torn(s1, s2, copy, cut), 2);
      expect(r.receipts).toEqual(['ABCDEFGH', 'KEEPAAAA']);
      expect(r.pendingLeft).toBe(0);
    }
    // 3b: the copy is durable and the pending slot is being zeroed.
    const copied = torn(s1, s2, copy, header.slotSize);
    for (let cut = 0; cut <= header.slotSize; cut++) {
      const r = await reopen(torn(copied, s2, pending, cut), 2);
      expect(r.receipts).toEqual(['ABCDEFGH', 'KEEPAAAA']);
      expect(r.pendingLeft).toBe(0);
    }
  });

  it('start-up says what it settled', async () => {
    const { s1 } = await stages();
    const r = await reopen(s1, 2);
    expect(r.receipts).toEqual(['ABCDEFGH', 'KEEPAAAA']);
    expect(r.log.lines.some((l) => l.level === 'warn' && l.fields.sealed === 1)).toBe(true);
  });

  it('a changed ballot (allowChange) supersedes the old one, also across a crash', async () => {
    const box = await BallotBox.open(path, header, held(0), memoryLogger());
    const first = write(box, 'CHANGEME');
    await box.prepare([first]);
    await box.seal([first.slot ?? -1]);
    const second: BoxWrite = { box, payload: { receipt: 'CHANGEME', v: box.nextVersion('CHANGEME'), content: { kind: 'motion', choice: 'for' }, salt: 'd'.repeat(32) }, slot: null };
    await box.prepare([second]);
    await box.close(); // crash before seal
    const crashed = await readFile(path);
    // The journal did not record the change: the first ballot stands.
    expect((await reopen(crashed, 1)).receipts).toEqual(['CHANGEME']);
    expect(readBox(await readFile(path)).slots.flatMap((s) => (s.kind === 'ballot' ? [s.payload.content] : []))).toEqual([{ kind: 'motion', choice: 'against' }]);
    // It did: the change stands.
    await writeFile(path, crashed);
    const again = await BallotBox.open(path, header, held(2), memoryLogger());
    expect(again.ballots()).toEqual([{ receipt: 'CHANGEME', content: { kind: 'motion', choice: 'for' }, salt: 'd'.repeat(32) }]);
    await again.close();
    const slots = readBox(await readFile(path)).slots.filter((s) => s.kind === 'ballot');
    expect(slots.length).toBe(1);
  });

  it('a refused vote’s version is handed out again, so versions keep counting the journal’s votes', async () => {
    const box = await BallotBox.open(path, header, held(0), memoryLogger());
    const refused = write(box, 'AGAINAAA');
    await box.prepare([refused]);
    await box.abort([refused.slot ?? -1]);
    box.forget([refused]); // the journal refused it (journal.ts)
    const retry = write(box, 'AGAINAAA');
    expect(retry.payload.v).toBe(1);
    await box.prepare([retry]);
    await box.close();
    expect((await reopen(await readFile(path), 1)).receipts).toEqual(['AGAINAAA']);
  });

  it('a version 1 box (before #12: marked with submission ids) still opens and settles by them', async () => {
    const v1: BoxHeader = { ...header, version: 1 };
    const slot = (p: SlotPayload) => encodeSlot(p, 512);
    const content = { kind: 'motion' as const, choice: 'for' as const };
    const buf = Buffer.concat([
      encodeHeader(v1),
      slot({ receipt: 'OLDSEALD', v: 1, content }),
      slot({ receipt: 'OLDACKED', v: 1, content, pending: 'sub-acked' }),
      slot({ receipt: 'OLDNEVER', v: 1, content, pending: 'sub-never' }),
      Buffer.alloc(512 * 5),
    ]);
    await writeFile(path, buf);
    const box = await BallotBox.open(path, header, { accepted: new Set(['sub-x', 'sub-acked']), votes: 2 }, memoryLogger(), 8, 512);
    expect(box.ballots().map((b) => b.receipt)).toEqual(['OLDACKED', 'OLDSEALD']);
    expect(box.pendingSlots()).toEqual([]);
    await box.close();
  });
});

describe('[W5] ballot box under a stream of votes (deferred sealing)', () => {
  it('each batch carries the previous batch’s seal; every file state reopens to exactly the accepted ballots; idle leaves no pending slot', async () => {
    const box = await BallotBox.open(path, header, held(0), memoryLogger(), 8);
    const accepted: string[] = [];
    const acceptedReceipts: string[] = [];
    const snapshots: { buf: Buffer; accepted: string[]; receipts: string[] }[] = [];
    const receipt = (i: number) => `S${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + Math.floor(i / 26))}AAAAA`;
    let n = 0;
    for (let batch = 0; batch < 6; batch++) {
      const writes = Array.from({ length: 3 }, () => {
        n += 1;
        return write(box, receipt(n));
      });
      await box.prepare(writes); // step 1 of this batch, plus deferred steps 3 of earlier ones
      const buf = await readFile(path);
      snapshots.push({ buf, accepted: [...accepted], receipts: [...acceptedReceipts] });
      // ... or right after the journal made this batch durable too.
      snapshots.push({ buf, accepted: [...accepted, ...writes.map((w) => w.payload.receipt)], receipts: [...acceptedReceipts, ...writes.map((w) => w.payload.receipt)] });
      for (const w of writes) {
        accepted.push(w.payload.receipt);
        acceptedReceipts.push(w.payload.receipt);
      }
      box.accepted(writes.map((w) => w.slot ?? -1)); // step 2: the journal holds them
      expect(box.hasDeferred).toBe(true);
    }
    while (box.hasDeferred) await box.flushDeferred();
    snapshots.push({ buf: await readFile(path), accepted: [...accepted], receipts: [...acceptedReceipts] });
    const final = readBox(await readFile(path));
    expect(final.slots.filter((s) => s.kind === 'ballot' && isPending(s.payload))).toEqual([]);
    expect(final.slots.filter((s) => s.kind === 'ballot').length).toBe(18);
    await box.close();
    for (const snap of snapshots) {
      // A crash right after this pass: the journal holds `accepted` (the batch just prepared is not acknowledged).
      const r = await reopen(snap.buf, snap.accepted.length);
      expect(r.receipts).toEqual([...snap.receipts].sort());
      expect(r.pendingLeft).toBe(0);
    }
  });
});
