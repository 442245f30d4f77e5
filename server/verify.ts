// npm run verify [-- <data folder>]: check a data folder's record (audit/verify-data.ts).
// Exit code 0: everything matches; 1: a mismatch was found; 2: the folder could not be read.
import { resolve } from 'node:path';
import { verifyDataDir } from './audit/verify-data.js';

const dir = resolve(process.argv[2] ?? process.env.DATA_DIR ?? 'data');
try {
  const r = await verifyDataDir(dir);
  const f = r.figures;
  const out = [
    `问政表决台 verify: ${dir}`,
    `  meetings ${f.meetings}, journal records ${f.records}, rounds ${f.rounds}, ballots ${f.ballots}, audit entries ${f.auditEntries}`,
    `  audit chain head: ${f.chainHead ?? '(empty)'}`,
    ...r.warnings.map((w) => `  warning: ${w}`),
    ...r.problems.map((p) => `  MISMATCH: ${p}`),
    r.ok ? '  OK: chain, commitments, tallies and ballots all match.' : `  FAILED: ${r.problems.length} mismatch(es).`,
  ];
  process.stdout.write(out.join('\n') + '\n');
  process.exitCode = r.ok ? 0 : 1;
} catch (e) {
  process.stderr.write(`verify: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 2;
}
