// The two runs of the bench: the real server (S1-S4, then S6 on its journal) and bare
// socket.io (S5), driven by the same client processes with the same plans.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MetricsBody } from '../../server/metrics.js';
import { openFilesNeeded } from '../../server/limits/open-files.js';
import { checkStore, type Durability } from './durability.js';
import type { Fleet, Screen } from './fleet.js';
import { wallNow, type VoteMode, type VoteRecord } from './ipc.js';
import { freePort, startBaseline, startServer, stop, waitHealthy } from './procs.js';
import { Console, linkTokens, login, metrics, resetMetrics } from './server-api.js';
import { ackStats, screenStats, type AckStats, type ScreenStats } from './stats.js';

export type Scenario = 's1' | 's2' | 's3' | 's4' | 's5' | 's6';

export interface RunOptions {
  n: number;
  spreadMs: number;
  concurrency: number;
  only: ReadonlySet<Scenario>;
  tmp: string;
  serverEntry: string;
  cpuProfDir: string | undefined;
  /** Extra node flags for the server process, e.g. --trace-gc. */
  nodeFlags: string[];
  /** Deputies' WebSockets served by the chamber edge process (WZ_DEPUTY_EDGE=1). */
  deputyEdge: boolean;
  log: (line: string) => void;
}

export interface Phase {
  ack: AckStats;
  screen: ScreenStats | null;
  /** Server event-loop delay p99 over the phase. */
  loopP99: number;
  /** From the start command to the last phone showing the round open. */
  fanOutMs: number;
  /** Server CPU time (user + system) from just before the votes to the last ack. */
  serverCpuMs: number;
  /** The server's child processes' CPU time (the chamber edge) over the same span; null without one. */
  edgeCpuMs: number | null;
}

export interface WenzhengRun {
  connectMs: number;
  checkInMs: number;
  rssConnected: number;
  /** Peak RSS up to the end of S1 (connect and check-in). */
  peakRssConnected: number;
  end: MetricsBody;
  spread: Phase | null;
  burst: Phase | null;
  durability: Durability[];
}

export type BaselinePhase = AckStats & { serverCpuMs: number };

export interface BaselineRun {
  connectMs: number;
  rssConnected: number;
  spread: BaselinePhase | null;
  burst: BaselinePhase | null;
}

const PASSWORD = 'bench-admin-password';
/** Votes start this long after the plan is sent, so every process has it in time. */
const LEAD_MS = 300;
/** Screens are coalesced to 16 ms frames: wait a few frames for the last one. */
const SETTLE_MS = 300;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** CPU time (user + system, ms; 10 ms ticks) of a process's children, from /proc (Linux). */
async function childrenCpuMs(pid: number | undefined): Promise<number> {
  if (pid === undefined) return 0;
  let ticks = 0;
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    // Fields after the command's closing parenthesis: state, ppid, ..., utime and stime are the 12th and 13th.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(rest[1]) === pid) ticks += Number(rest[11] ?? 0) + Number(rest[12] ?? 0);
  }
  return ticks * 10;
}

export async function runWenzheng(o: RunOptions, fleet: Fleet, screen: Screen | null): Promise<WenzhengRun> {
  const dataDir = join(o.tmp, 'data');
  const url = `http://127.0.0.1:${await freePort()}`;
  const env = {
    DEMO: '1',
    DEMO_SIZE: String(o.n),
    DATA_DIR: dataDir,
    PORT: url.split(':')[2] ?? '',
    HOST: '127.0.0.1',
    ADMIN_PASSWORD: PASSWORD,
    PUBLIC_URL: url,
    CLIENT_DIR: join(o.tmp, 'no-client'),
    ...(o.deputyEdge ? { WZ_DEPUTY_EDGE: '1' } : {}),
  };
  // needFds: what the server asks for (it refuses to start below it), a ballot box per round, spare.
  const child = startServer({ entry: o.serverEntry, env, needFds: openFilesNeeded(o.n, 16) + 64, logFile: join(o.tmp, 'server.log'), cpuProfDir: o.cpuProfDir, nodeFlags: o.nodeFlags });
  const rounds = new Map<string, VoteRecord[]>();
  let run: Omit<WenzhengRun, 'durability'>;
  try {
    await waitHealthy(url, child);
    const session = await login(url, PASSWORD);
    const tokens = await linkTokens(url, session);
    const con = await Console.open(url, session);

    o.log(`S1: connecting ${o.n} deputies`);
    const t0 = wallNow();
    const c = await fleet.connect(url, tokens, o.concurrency);
    if (c.failed > 0) throw new Error(`${c.failed} deputies could not connect: ${c.firstError ?? '?'}`);
    const ci = await fleet.checkIn();
    if (ci.failed > 0) throw new Error(`${ci.failed} deputies could not check in`);
    const m1 = await metrics(url, session);
    await screen?.connect(url);

    const phase = async (mode: VoteMode, salt: number, previous: string | null): Promise<Phase> => {
      // The same live-tally motion for both phases: the first round is voided and re-run.
      if (previous) await con.command({ type: 'void', roundId: previous, reason: 'benchmark: the same motion again' });
      const opened = wallNow();
      const roundId = await con.startRound('motion-budget');
      // Phones vote once they show the round open: wait for the whole chamber's view first.
      const fanOutMs = (await fleet.roundSeen(roundId)) - opened;
      await resetMetrics(url, session);
      const m0 = await metrics(url, session);
      const e0 = o.deputyEdge ? await childrenCpuMs(child.pid) : null;
      const at = wallNow() + LEAD_MS;
      o.log(`${mode === 'spread' ? 'S2' : 'S3'}: ${o.n} votes ${mode === 'spread' ? `over ${o.spreadMs} ms` : 'at once'}`);
      const records = await fleet.vote({ roundId, mode, at, spreadMs: o.spreadMs, salt });
      const m = await metrics(url, session);
      const e1 = o.deputyEdge ? await childrenCpuMs(child.pid) : null;
      await sleep(SETTLE_MS);
      await con.closeRound(roundId);
      rounds.set(roundId, records);
      const frames = screen ? await screen.frames() : [];
      const screenFigures = screen ? screenStats(records, frames, roundId) : null;
      const serverCpuMs = m.cpuUserMs + m.cpuSystemMs - m0.cpuUserMs - m0.cpuSystemMs;
      const edgeCpuMs = e0 !== null && e1 !== null ? e1 - e0 : null;
      return { ack: ackStats(records, at), screen: screenFigures, loopP99: m.eventLoopDelayP99Ms, fanOutMs, serverCpuMs, edgeCpuMs };
    };
    const spread = o.only.has('s2') ? await phase('spread', 1, null) : null;
    const lastRound = [...rounds.keys()].pop() ?? null;
    const burst = o.only.has('s3') ? await phase('burst', 2, lastRound) : null;
    const end = await metrics(url, session);
    await fleet.disconnect();
    con.close();
    run = { connectMs: c.at - t0, checkInMs: ci.at - c.at, rssConnected: m1.rssBytes, peakRssConnected: m1.maxRssBytes, end, spread, burst };
  } finally {
    await stop(child); // SIGTERM: the server flushes and closes its journal
  }
  o.log('S6: counting ballots in the store');
  return { ...run, durability: await checkStore(dataDir, 'demo', rounds) };
}

export async function runBaseline(o: RunOptions, fleet: Fleet): Promise<BaselineRun> {
  const { child, port } = await startBaseline(import.meta.dirname, o.n + 256, o.tmp);
  try {
    const url = `http://127.0.0.1:${port}`;
    o.log(`S5: the same ${o.n} clients against a bare durable server (socket.io, zod, a JSON line, fdatasync per batch)`);
    const t0 = wallNow();
    const c = await fleet.connect(url, Array.from({ length: o.n }, (_, i) => `baseline-${i}`), o.concurrency);
    if (c.failed > 0) throw new Error(`${c.failed} clients could not connect to the baseline: ${c.firstError ?? '?'}`);
    await fleet.checkIn();
    const probe = async () => (await (await fetch(`${url}/metrics`)).json()) as { rssBytes: number; cpuMs: number }; // baseline-server.ts
    const mem = await probe();
    const phase = async (mode: VoteMode, salt: number): Promise<BaselinePhase> => {
      const before = await probe();
      const at = wallNow() + LEAD_MS;
      const records = await fleet.vote({ roundId: `baseline${salt}`, mode, at, spreadMs: o.spreadMs, salt });
      const after = await probe();
      await sleep(SETTLE_MS);
      return { ...ackStats(records, at), serverCpuMs: after.cpuMs - before.cpuMs };
    };
    const spread = o.only.has('s2') ? await phase('spread', 1) : null;
    const burst = o.only.has('s3') ? await phase('burst', 2) : null;
    await fleet.disconnect();
    return { connectMs: c.at - t0, rssConnected: mem.rssBytes, spread, burst };
  } finally {
    await stop(child);
  }
}
