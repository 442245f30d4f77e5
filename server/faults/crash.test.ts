// [F1] Crash test. CI mode runs a few seeds in about a minute; CRASH_ITERATIONS=n runs n more
// seeds (from CRASH_SEED, default 1000) by hand. A seed that ever fails joins REGRESSION_SEEDS.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { crashRun, type CrashFigures } from './crash-run.js';
import { bundleServer } from './proc.js';

const REGRESSION_SEEDS: number[] = [];
const CI_SEEDS = [1, 2];
const extra = Number(process.env.CRASH_ITERATIONS ?? 0);
const firstExtra = Number(process.env.CRASH_SEED ?? 1000);
const SEEDS = [...REGRESSION_SEEDS, ...CI_SEEDS, ...Array.from({ length: extra }, (_, i) => firstExtra + i)];

let main = '';
beforeAll(async () => {
  main = await bundleServer('crash-test');
}, 60_000);

const totals: CrashFigures[] = [];

describe('[F1] SIGKILL at random moments while deputies vote', () => {
  it.each(SEEDS)(
    'seed %i: every acknowledged ballot is stored once and the tallies replay',
    async (seed) => {
      const dataDir = await mkdtemp(join(tmpdir(), `wz-crash-${seed}-`));
      try {
        const f = await crashRun({ seed, main, dataDir, deputies: 40, rounds: 3, killsPerRound: 3, burstMs: 400 });
        totals.push(f);
        process.stdout.write(`crash test ${JSON.stringify(f)}\n`);
        expect(f.ballots).toBe(40 * 3);
        expect(f.lost).toBe(0);
        expect(f.duplicated).toBe(0);
        expect(f.unacknowledged).toBe(0);
        expect(f.tallyMismatches).toBe(0);
        expect(f.verifyProblems).toEqual([]);
        expect(f.kills).toBeGreaterThanOrEqual(3 * 3);
      } finally {
        await rm(dataDir, { recursive: true, force: true });
      }
    },
    180_000 + extra * 60_000,
  );

  it('reports the figures', () => {
    const sum = (k: 'ballots' | 'kills' | 'lost' | 'duplicated') => totals.reduce((a, f) => a + f[k], 0);
    process.stdout.write(
      `crash test total: seeds=${totals.length} ballots=${sum('ballots')} kills=${sum('kills')} lost=${sum('lost')} duplicated=${sum('duplicated')}\n`,
    );
    expect(totals.length).toBe(SEEDS.length);
  });
});
