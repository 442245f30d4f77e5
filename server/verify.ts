// npm run verify [-- <data folder>] [--head <chain head written down>]: check a data folder's
// record (audit/verify-data.ts). Exit code 0: everything matches; 1: a mismatch was found;
// 2: the folder could not be read or the arguments are wrong.
import { resolve } from 'node:path';
import { formatHead } from './audit/head.js';
import { verifyDataDir } from './audit/verify-data.js';

function parseArgs(argv: readonly string[]): { dir: string | undefined; head: string | undefined } {
  let dir: string | undefined;
  let head: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--head') {
      head = argv[++i];
      if (head === undefined) throw new Error('--head needs the chain head written down, e.g. --head "#12 abcd 1234 ef56 7890"');
    } else if (a.startsWith('--head=')) head = a.slice('--head='.length);
    else if (dir === undefined) dir = a;
    else throw new Error(`unexpected argument ${a}`);
  }
  return { dir, head };
}

try {
  const args = parseArgs(process.argv.slice(2));
  const dir = resolve(args.dir ?? process.env.DATA_DIR ?? 'data');
  const r = await verifyDataDir(dir, args.head !== undefined ? { head: args.head } : {});
  const f = r.figures;
  const out = [
    `问政表决台 verify: ${dir}`,
    `  meetings ${f.meetings}, journal records ${f.records}, rounds ${f.rounds}, ballots ${f.ballots}, audit entries ${f.auditEntries}`,
    `  audit chain head: ${f.chainHead ?? '(empty)'}${f.chainHead ? `  (written down as ${formatHead({ n: f.auditEntries, hash: f.chainHead })})` : ''}`,
    ...(args.head !== undefined && f.headFoundAt !== undefined
      ? [`  chain head ${args.head.trim()}: found, entry ${f.headFoundAt} of ${f.auditEntries}${f.auditEntries > f.headFoundAt ? ` (${f.auditEntries - f.headFoundAt} added since)` : ' (the end of the log)'}`]
      : []),
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
