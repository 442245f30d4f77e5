// [W9] A copy of the ballot box and the journal taken mid-vote, while ballots are still
// pending (acknowledged, not yet sealed), cannot link a slot to a deputy: the pending marker
// carries nothing the journal also carries (no submission id, no deputy id, nothing derived
// from them), and the copy still recovers to exactly the acknowledged ballots.
import { createHash } from 'node:crypto';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { MeetingEvent } from '../../shared/events.js';
import { memoryLogger } from '../logger.js';
import { BallotBox, type BoxWrite } from './ballot-box.js';
import { BOX_VERSION, HEADER_SIZE, type BoxHeader } from './box-format.js';
import { inProcessDisk, type Disk } from './disk.js';
import { Journal } from './journal.js';
import { readBox } from './load.js';
import { partialBatchFrom } from './boxes.js';

const header: BoxHeader = { format: 'wenzheng-ballot-box', version: BOX_VERSION, meetingId: 'm', roundId: 'r1', slotSize: 1024 };
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wz-link-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs every disk job in process, copying the box and the journal as they are before each job. */
function copyingDisk(files: { box: string; journal: string }): Disk & { copies: { box: string; journal: string }[] } {
  const copies: { box: string; journal: string }[] = [];
  return {
    copies,
    async run(ops) {
      const n = copies.length;
      const copy = { box: join(dir, `copy${n}.box`), journal: join(dir, `copy${n}.jsonl`) };
      await copyFile(files.box, copy.box);
      await copyFile(files.journal, copy.journal).catch(() => undefined);
      copies.push(copy);
      await inProcessDisk.run(ops);
    },
    poll() {},
    async close() {},
  };
}

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

const receipts = ['AAAAAAA2', 'BBBBBBB2', 'CCCCCCC2', 'DDDDDDD2', 'EEEEEEE2', 'FFFFFFF2'];

/** Six deputies vote in two bursts of three; returns the copies taken before every disk pass. */
async function stream(): Promise<{ box: string; journal: string }[]> {
  const files = { box: join(dir, 'r1.box'), journal: join(dir, 'journal.jsonl') };
  const box = await BallotBox.open(files.box, header, { accepted: new Set(), votes: 0 }, memoryLogger(), 32);
  const disk = copyingDisk(files);
  const { journal } = await Journal.open(files.journal, memoryLogger(), disk);
  const deputies = ['d001', 'd002', 'd003', 'd004', 'd005', 'd006'];
  const choices = ['for', 'against', 'abstain'] as const;
  // Three deputies at once (one batch), then three more (the next batch carries the first's seal).
  for (const batch of [0, 1]) {
    const votes = [0, 1, 2].map((k) => batch * 3 + k).map((i) => {
      const sid = `sub-${deputies[i]}-${i}`;
      const events: MeetingEvent[] = [{ t: 'voted', roundId: 'r1', deputyId: deputies[i] ?? '', submissionId: sid }];
      const w: BoxWrite = {
        box,
        payload: { receipt: receipts[i] ?? '', v: box.nextVersion(receipts[i] ?? ''), content: { kind: 'motion', choice: choices[i % 3] ?? 'for' }, salt: sha(`salt${i}`).slice(0, 32) },
        slot: null,
      };
      return journal.append('m', events, [w]);
    });
    await Promise.all(votes);
  }
  await journal.close();
  await box.close();
  return disk.copies;
}

it('[W9] a copy of box + journal taken while ballots are pending cannot link a slot to a deputy', async () => {
  // The copies taken before a pass that seals: the box then holds acknowledged, pending ballots.
  let sawPending = 0;
  for (const copy of await stream()) {
    const text = await readFile(copy.journal, 'utf8').catch(() => '');
    const ids = text
      .split('\n')
      .filter(Boolean)
      .flatMap((l) => (JSON.parse(l) as { events: MeetingEvent[] }).events)
      .flatMap((e) => (e.t === 'voted' ? [e.submissionId, e.deputyId] : []));
    const raw = await readFile(copy.box);
    for (const s of readBox(raw).slots) {
      if (s.kind !== 'ballot' || (s.payload.pending === undefined && s.payload.batch === undefined)) continue;
      sawPending += 1;
      const json = JSON.stringify(s.payload);
      for (const id of ids) {
        // Neither the id itself nor a hash of it (with or without the round).
        for (const probe of [id, sha(id), sha(`r1${id}`), sha(`${id}r1`)]) expect(json).not.toContain(probe);
      }
    }
    // And the copy, started from, holds exactly the ballots whose votes its journal holds.
    const votes = ids.length / 2;
    const again = await BallotBox.open(copy.box, header, { accepted: new Set(), votes }, memoryLogger());
    expect(again.ballots().map((b) => b.receipt)).toEqual(receipts.slice(0, votes));
    expect(again.pendingSlots()).toEqual([]);
    await again.close();
  }
  expect(sawPending).toBeGreaterThanOrEqual(3);
});

it('[W5] a power loss that leaves the journal’s last batch half-written: start cuts it, and box and journal agree', async () => {
  const copies = await stream();
  const lines = async (f: string) => (await readFile(f, 'utf8').catch(() => '')).split('\n').filter(Boolean);
  let tried = 0;
  for (let i = 0; i + 1 < copies.length; i++) {
    const [before, after] = [copies[i], copies[i + 1]];
    if (!before || !after) continue;
    // The pass between the two copies: its box steps are durable, its journal lines only in part.
    const old = await lines(before.journal);
    const fresh = (await lines(after.journal)).slice(old.length);
    for (let written = 0; written <= fresh.length; written++) {
      const path = join(dir, 'power.jsonl');
      await writeFile(path, [...old, ...fresh.slice(0, written)].map((l) => l + '\n').join(''));
      const { journal, records } = await Journal.open(path, memoryLogger());
      const cut = partialBatchFrom(records, new Map([['m/r1', readBox(await readFile(after.box))]]));
      if (cut !== null) await journal.dropFrom(cut);
      await journal.close();
      const kept = (await lines(path)).length;
      // All of the batch, or none of it (it was never acknowledged unless all of it was durable).
      expect(kept).toBe(written === fresh.length ? old.length + fresh.length : old.length);
      const boxCopy = join(dir, 'settle.box');
      await copyFile(after.box, boxCopy);
      const again = await BallotBox.open(boxCopy, header, { accepted: new Set(), votes: kept }, memoryLogger());
      // Every vote the journal keeps has its ballot, and no ballot lacks its vote.
      expect(again.ballots().map((b) => b.receipt)).toEqual(receipts.slice(0, kept));
      await again.close();
      const reopened = await Journal.open(path, memoryLogger());
      expect(reopened.records.map((r) => r.seq)).toEqual(Array.from({ length: kept }, (_, k) => k + 1));
      await reopened.journal.close();
      if (written < fresh.length) tried += 1;
    }
  }
  expect(tried).toBeGreaterThanOrEqual(3);

  // A box that lost a sealed ballot (damage, tampering) is no half-written batch: the journal stays whole.
  const final = await readFile(join(dir, 'r1.box'));
  const read = readBox(final);
  const at = read.slots.findIndex((x) => x.kind === 'ballot');
  final.fill(0, HEADER_SIZE + at * header.slotSize, HEADER_SIZE + (at + 1) * header.slotSize);
  const { journal, records } = await Journal.open(join(dir, 'journal.jsonl'), memoryLogger());
  await journal.close();
  expect(records.length).toBe(6);
  expect(partialBatchFrom(records, new Map([['m/r1', readBox(final)]]))).toBeNull();
});
