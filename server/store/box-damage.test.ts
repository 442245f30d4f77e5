// [F2] A damaged, cut or deleted ballot box must not silently change a closed result at start:
// the start is refused with a message naming the round and the file, and the file is left
// exactly as it was (no settling write, no new empty box).
import { cp, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holdSitting } from '../audit/sitting.js';
import { verifyDataDir } from '../audit/verify-data.js';
import { startServer, type Harness } from '../test/harness.js';
import { encodeSlot, HEADER_SIZE } from './box-format.js';
import { BoxDamagedError } from './box-check.js';
import { readBox } from './load.js';

let h: Harness;
let pristine: string;
let secretRound = '';
let boxPath = '';
beforeAll(async () => {
  h = await startServer({ demoSize: 6 });
  ({ secretRound } = await holdSitting(h));
  boxPath = join(h.dataDir, 'ballots', 'demo', `${secretRound}.box`);
  pristine = `${h.dataDir}-pristine`;
  await cp(h.dataDir, pristine, { recursive: true });
});
afterAll(async () => {
  await h.close();
  await rm(pristine, { recursive: true, force: true });
});

async function restore(): Promise<void> {
  await rm(h.dataDir, { recursive: true, force: true });
  await cp(pristine, h.dataDir, { recursive: true });
}

/** The slots of the box that hold a ballot, and the box's slot size. */
async function usedSlots(): Promise<{ used: number[]; slotSize: number; buf: Buffer }> {
  const buf = await readFile(boxPath);
  const box = readBox(buf);
  if (!box.header) throw new Error('no header');
  return { used: box.slots.flatMap((s, i) => (s.kind === 'ballot' ? [i] : [])), slotSize: box.header.slotSize, buf };
}

const damage: [string, () => Promise<RegExp>][] = [
  [
    'one byte flipped in a ballot',
    async () => {
      const { used, slotSize, buf } = await usedSlots();
      const at = HEADER_SIZE + (used[2] ?? 0) * slotSize + 20;
      buf[at] = (buf[at] ?? 0) ^ 0x04;
      await writeFile(boxPath, buf);
      return /holds 5 ballots, the journal records 6 voters \(1 slot\(s\) fail their checksum\)/;
    },
  ],
  [
    'the file deleted',
    async () => {
      await rm(boxPath);
      return /the file is missing, and the journal records 6 voters/;
    },
  ],
  [
    'the file cut after its first ballot',
    async () => {
      const { used, slotSize } = await usedSlots();
      await truncate(boxPath, HEADER_SIZE + ((used[0] ?? 0) + 1) * slotSize);
      return /holds 1 ballots, the journal records 6 voters/;
    },
  ],
  [
    'the file cut inside its header',
    async () => {
      await truncate(boxPath, 100);
      return /the file is cut to 100 bytes, shorter than its header/;
    },
  ],
  [
    'a ballot rewritten with a valid checksum',
    async () => {
      const { used, slotSize, buf } = await usedSlots();
      const box = readBox(buf);
      const i = used.find((u) => {
        const s = box.slots[u];
        return s?.kind === 'ballot' && s.payload.content.kind === 'motion' && s.payload.content.choice === 'against';
      });
      const s = i === undefined ? undefined : box.slots[i];
      if (i === undefined || s?.kind !== 'ballot') throw new Error('no against ballot');
      encodeSlot({ ...s.payload, content: { kind: 'motion', choice: 'for' } }, slotSize).copy(buf, HEADER_SIZE + i * slotSize);
      await writeFile(boxPath, buf);
      return /its ballots do not match the commitment recorded at close \(audit entry \d+\)/;
    },
  ],
];

describe('[F2] a damaged ballot box of a closed round', () => {
  it.each(damage)('%s: the start is refused, naming the round and the file, and the file is untouched', async (_name, harm) => {
    await restore();
    const expected = await harm();
    const before = await readFile(boxPath).catch(() => null);
    const err = await h.restart().then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(BoxDamagedError);
    const msg = (err as Error).message;
    expect(msg).toContain(`round ${secretRound}`);
    expect(msg).toContain(boxPath);
    expect(msg).toMatch(expected);
    expect(msg).toMatch(/Refusing to start/);
    const after = await readFile(boxPath).catch(() => null);
    expect(after === null ? null : after.equals(before ?? Buffer.alloc(0))).toBe(before === null ? null : true);
    if (before === null) await expect(stat(boxPath)).rejects.toThrow(); // not recreated
    expect((await verifyDataDir(h.dataDir)).ok).toBe(false); // verify says so too
  });

  it('the untouched folder starts and verifies', async () => {
    await restore();
    await h.restart();
    await h.app.close();
    expect((await verifyDataDir(h.dataDir)).problems).toEqual([]);
    await h.restart();
  });
});
