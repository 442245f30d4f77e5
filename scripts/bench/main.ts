// npm run bench [-- --n 3000 | --short] [--only s2,s3,s4] [--workers 4] [--cpu-prof dir]
//   [--audience [--viewers 20000]]   (two public edges, Redis, the public page's sockets, a rating burst, S3 beside; audience.ts)
//   [--node-flags=--trace-gc] [--keep]   (server node flags; keep the temp folder and server.log)
//   [--deputy-edge]   (deputies' WebSockets served by the chamber edge process, WZ_DEPUTY_EDGE=1)
// A whole chamber pressing at once (issue 7): start the built server on 127.0.0.1 with a
// temporary data folder, drive it with real socket.io-client sockets from separate
// processes, compare with a bare durable server, count the ballots on disk, print one table.
// Exits 1 if a ballot was lost, duplicated or not acked; 2 on a crash; 3 on the time limit.
// Docs: docs/PERFORMANCE.md.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Fleet, Screen } from './fleet.js';
import { stopAll } from './procs.js';
import { report } from './report.js';
import { runBaseline, runWenzheng, type RunOptions, type Scenario } from './runs.js';
import { runAudience } from './audience.js';

const ALL: Scenario[] = ['s1', 's2', 's3', 's4', 's5', 's6'];

const { values: flags } = parseArgs({
  options: {
    n: { type: 'string' },
    short: { type: 'boolean', default: false },
    only: { type: 'string' },
    workers: { type: 'string', default: '4' },
    'spread-ms': { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '32' },
    'cpu-prof': { type: 'string' },
    'node-flags': { type: 'string' },
    keep: { type: 'boolean', default: false },
    server: { type: 'string', default: 'dist/server/main.js' },
    'timeout-s': { type: 'string' },
    audience: { type: 'boolean', default: false },
    'deputy-edge': { type: 'boolean', default: false },
    viewers: { type: 'string' },
  },
});

const n = Number(flags.n ?? (flags.short ? 300 : 3000));
const only = new Set<Scenario>(flags.only ? (flags.only.split(',').map((s) => s.trim().toLowerCase()) as Scenario[]) : ALL);
const workers = Number(flags.workers);
const bad = [...only].filter((s) => !ALL.includes(s));
if (!Number.isInteger(n) || n < 1 || n > 20_000 || !Number.isInteger(workers) || workers < 1 || bad.length > 0) {
  process.stderr.write(`usage: npm run bench -- [--n 1..20000 | --short] [--only ${ALL.join(',')}] [--workers k] [--spread-ms ms] [--cpu-prof dir]\n`);
  process.exit(2);
}
const serverEntry = resolve(flags.server);
if (!existsSync(serverEntry)) {
  process.stderr.write(`${serverEntry} not found: build the server first (npm run build:server; npm run bench does it)\n`);
  process.exit(2);
}

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
const tmp = await mkdtemp(join(tmpdir(), 'wz-bench-'));
let cleaning: Promise<void> | null = null;
const removeTmp = async () => {
  if (flags.keep) log(`kept ${tmp} (server.log, data/)`);
  else await rm(tmp, { recursive: true, force: true });
};
const cleanup = () => (cleaning ??= stopAll().then(removeTmp));
const bail = (code: number, why: string) => {
  log(why);
  void cleanup().finally(() => process.exit(code));
};
process.on('SIGINT', () => bail(130, 'interrupted'));
process.on('SIGTERM', () => bail(143, 'terminated'));
// Bounded in time whatever happens: a wedged server or client cannot hold CI hostage.
const limitS = Number(flags['timeout-s'] ?? (n <= 1000 ? 180 : 600));
setTimeout(() => bail(3, `time limit of ${limitS} s reached; stopping everything`), limitS * 1000).unref();

const opts: RunOptions = {
  n,
  spreadMs: Number(flags['spread-ms']),
  concurrency: Number(flags.concurrency),
  only,
  tmp,
  serverEntry,
  cpuProfDir: flags['cpu-prof'] ? resolve(flags['cpu-prof']) : undefined,
  nodeFlags: flags['node-flags']?.split(' ').filter(Boolean) ?? [],
  deputyEdge: flags['deputy-edge'],
  log,
};

if (flags.audience) {
  try {
    const viewers = Number(flags.viewers ?? (flags.short ? 300 : 20_000));
    const load0 = loadavg()[0] ?? 0;
    const r = await runAudience({ viewers, deputies: Number(flags.n ?? (flags.short ? 300 : 3000)), timing: !flags.short, workers, tmp, serverEntry, log });
    const load = `load average (1 min) at start ${load0.toFixed(1)}, at end ${(loadavg()[0] ?? 0).toFixed(1)} on ${availableParallelism()} cores`;
    process.stdout.write(`\nWenzheng bench, audience mode; Node ${process.version}, ${new Date().toISOString()}; ${load}\n\n${r.text}\n`);
    await cleanup();
    if (!r.ok) log('FAILED: ratings lost or duplicated, viewers refused, or the screen later than 1 s');
    process.exit(r.ok ? 0 : 1);
  } catch (e) {
    log(`crashed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    await cleanup();
    process.exit(2);
  }
}

try {
  const dir = import.meta.dirname;
  log(`N = ${n}, ${workers} client processes, scenarios ${[...only].join(',')}${opts.deputyEdge ? ', deputies on the chamber edge' : ''}, data in ${tmp}`);
  const load0 = loadavg()[0] ?? 0;
  const [fleet, screen] = await Promise.all([Fleet.start(dir, workers), only.has('s4') ? Screen.start(dir) : Promise.resolve(null)]);
  const ours = await runWenzheng(opts, fleet, screen);
  const bare = only.has('s5') ? await runBaseline(opts, fleet) : null;
  const r = report(n, ours, bare);
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const machine = `${availableParallelism()} cores (${cpu}), ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}, ${new Date().toISOString()}`;
  process.stdout.write(`\nWenzheng bench, N = ${n}, ${workers} client processes; ${machine}\n`);
  process.stdout.write(`clock offset between processes ≤ ${fleet.clockSkewMs.toFixed(2)} ms (measured over IPC, corrected)\n`);
  const load1 = loadavg()[0] ?? 0;
  const busy = Math.max(load0, load1) > availableParallelism() ? '  (busy machine: latencies are inflated by other work)' : '';
  process.stdout.write(`load average (1 min) at start ${load0.toFixed(1)}, at end ${load1.toFixed(1)}${busy}\n\n`);
  process.stdout.write(r.text + '\n');
  await cleanup();
  if (!r.ok) log('FAILED: ballots lost, duplicated or not acknowledged (S6)');
  process.exit(r.ok ? 0 : 1);
} catch (e) {
  log(`crashed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  const serverLog = await readFile(join(tmp, 'server.log'), 'utf8').catch(() => '');
  if (serverLog) log(`last lines of the server's output:\n${serverLog.trimEnd().split('\n').slice(-20).join('\n')}`);
  await cleanup();
  process.exit(2);
}
