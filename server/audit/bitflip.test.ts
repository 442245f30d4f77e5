// [H4] Any byte changed anywhere in the record is reported by `verify`. A real data folder (a
// sitting with a named and a secret vote, both closed) has one random bit flipped at a time in
// each of its record files, seeded and bounded: journal, audit log, the secret round's ballot
// box (anywhere, and in its header and ballot slots only, where the evidence is). Each flip must
// give a mismatch, or a warning verify did not give on the untouched folder (a slot failing its
// checksum, a torn last line). db.json is not part of the record (accounts, sessions, link
// tokens: docs/SECURITY.md) and is not swept.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rng } from '../faults/rng.js';
import { HEADER_SIZE } from '../store/box-format.js';
import { readBox } from '../store/load.js';
import { startServer, type Harness } from '../test/harness.js';
import { holdSitting } from './sitting.js';
import { verifyDataDir } from './verify-data.js';

const FLIPS = Number(process.env.BITFLIP_FLIPS ?? 200);
const SEED = Number(process.env.BITFLIP_SEED ?? 12);

let h: Harness;
let secretRound = '';
let baseline = new Set<string>();
beforeAll(async () => {
  h = await startServer({ demoSize: 6 });
  ({ secretRound } = await holdSitting(h));
  const r = await verifyDataDir(h.dataDir);
  expect(r.problems).toEqual([]);
  baseline = new Set(r.warnings);
}, 60_000);
afterAll(async () => {
  await h.close();
});

interface Sweep {
  file: string;
  /** Which byte offsets may be flipped (default: all). */
  region?: (buf: Buffer) => number[];
}

/** The box bytes that hold evidence: its header and its ballot slots. */
function evidenceBytes(buf: Buffer): number[] {
  const box = readBox(buf);
  if (!box.header) throw new Error('no header');
  const size = box.header.slotSize;
  const out = Array.from({ length: HEADER_SIZE }, (_, i) => i);
  box.slots.forEach((s, i) => {
    if (s.kind === 'ballot') for (let b = 0; b < size; b++) out.push(HEADER_SIZE + i * size + b);
  });
  return out;
}

const figures: string[] = [];

describe('[H4] a bit flipped anywhere in the record is reported by verify', () => {
  const sweeps: [string, Sweep][] = [
    ['journal.jsonl', { file: 'journal.jsonl' }],
    ['audit.jsonl', { file: 'audit.jsonl' }],
    ['ballot box, anywhere', { file: 'box' }],
    ['ballot box, header and ballot slots', { file: 'box', region: evidenceBytes }],
  ];
  it.each(sweeps)(`%s: ${FLIPS} seeded flips, every one reported`, { timeout: 120_000 }, async (name, sweep) => {
    const path = sweep.file === 'box' ? join(h.dataDir, 'ballots', 'demo', `${secretRound}.box`) : join(h.dataDir, sweep.file);
    const original = await readFile(path);
    const offsets = sweep.region ? sweep.region(original) : null;
    const r = rng(SEED + name.length);
    const missed: string[] = [];
    let asProblem = 0;
    for (let k = 0; k < FLIPS; k++) {
      const at = offsets ? r.pick(offsets) : r.int(0, original.length - 1);
      const bit = r.int(0, 7);
      const buf = Buffer.from(original);
      buf[at] = (buf[at] ?? 0) ^ (1 << bit);
      await writeFile(path, buf);
      const rep = await verifyDataDir(h.dataDir);
      const fresh = rep.warnings.filter((w) => !baseline.has(w));
      if (!rep.ok) asProblem += 1;
      else if (fresh.length === 0) missed.push(`byte ${at} bit ${bit}: ${JSON.stringify(original.subarray(Math.max(0, at - 20), at + 20).toString('latin1'))}`);
    }
    await writeFile(path, original);
    figures.push(`${name}: ${FLIPS - missed.length}/${FLIPS} reported (${asProblem} as mismatches, ${FLIPS - missed.length - asProblem} as warnings)`);
    expect(missed).toEqual([]);
  });

  it('the figures', () => {
    // Printed for docs/SECURITY.md ("A record anyone can check").
    console.log(`bit-flip sweep, seed ${SEED}:\n  ${figures.join('\n  ')}`);
    expect(figures.length).toBe(sweeps.length);
  });
});
