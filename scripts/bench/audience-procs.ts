// The audience bench's processes and their costs (audience.ts): a real redis-server, the public
// edges (the built dist/server/edge/main.js, as deployed), CPU and RSS read from /proc, Redis's
// own CPU and memory from INFO, and the cost model for 100,000 viewers on k edges.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { createClient } from 'redis';
import { freePort, startServer } from './procs.js';

/** The audience secret the bench gives the core and its edges (WZ_AUDIENCE_SECRET). */
export const BENCH_SECRET = 'ab'.repeat(32);

export const rssOf = (pid: number | undefined): number => {
  if (pid === undefined) return 0;
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : 0;
};

/** User + system CPU of a process so far, in ms (/proc/<pid>/stat, clock ticks of 10 ms). */
export function cpuMsOf(pid: number | undefined): number {
  if (pid === undefined) return 0;
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

export interface EdgeProcess {
  child: ChildProcess;
  url: string;
}

/** A public edge as deployed: its own process, ulimit raised for its share of viewers. */
export async function startEdge(o: { entry: string; redisUrl: string; env: Record<string, string>; needFds: number; logFile: string }): Promise<EdgeProcess> {
  const port = await freePort();
  const child = startServer({ entry: o.entry, env: { ...o.env, WZ_REDIS_URL: o.redisUrl, WZ_AUDIENCE_SECRET: BENCH_SECRET, PORT: String(port), HOST: '127.0.0.1' }, needFds: o.needFds, logFile: o.logFile });
  const url = `http://127.0.0.1:${port}`;
  const until = Date.now() + 30_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`edge exited during start (code ${child.exitCode}); see ${o.logFile}`);
    if (await fetch(`${url}/live`).then(() => true, () => false)) return { child, url };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`edge did not answer on ${url} within 30 s`);
}

/** Redis's CPU (ms, user + system) and memory (bytes) as it reports them. */
export async function redisStats(url: string): Promise<{ cpuMs: number; usedBytes: number }> {
  const c = createClient({ url });
  await c.connect();
  try {
    const info = await c.info();
    const num = (k: string) => Number(new RegExp(`^${k}:([0-9.]+)`, 'm').exec(info)?.[1] ?? 0);
    return { cpuMs: (num('used_cpu_user') + num('used_cpu_sys')) * 1000, usedBytes: num('used_memory') };
  } finally {
    c.destroy();
  }
}

export interface Costs {
  /** RSS added per viewer on an edge (bytes). */
  rssPerViewer: number;
  /** An edge's idle RSS (bytes). */
  edgeBaseRss: number;
  /** Edge CPU per viewer connecting (ms): handshake, device id, first view. */
  connectCpuMs: number;
  /** Edge CPU per rating (ms): check, limiter and Lua step in Redis, ack. */
  rateCpuMs: number;
  /** Redis CPU per rating (ms). */
  redisCpuMs: number;
}

/** 100,000 viewers on k edges: memory per edge, and how long a burst from all takes on k edge cores and one Redis. */
export function costModel(c: Costs, viewers = 100_000, ks = [2, 4, 8, 10]): string[] {
  const mb = (b: number) => (b / 2 ** 20).toFixed(0);
  const rows = ks.map((k) => {
    const per = viewers / k;
    const rss = c.edgeBaseRss + per * c.rssPerViewer;
    const connectS = (per * c.connectCpuMs) / 1000;
    const burstS = Math.max((per * c.rateCpuMs) / 1000, (viewers * c.redisCpuMs) / 1000);
    return `  k = ${String(k).padEnd(3)} ${String(Math.round(per)).padStart(6)} viewers/edge  RSS ${mb(rss).padStart(5)} MB/edge  all connect: ${connectS.toFixed(1).padStart(5)} s of edge CPU  burst from all: ${burstS.toFixed(1).padStart(5)} s (edge core or Redis, whichever binds)`;
  });
  return [
    `  measured: ${(c.rssPerViewer / 1024).toFixed(1)} KB RSS, ${(c.connectCpuMs * 1000).toFixed(0)} µs edge CPU to connect, ${(c.rateCpuMs * 1000).toFixed(0)} µs edge CPU and ${(c.redisCpuMs * 1000).toFixed(0)} µs Redis CPU per rating; edge idle ${mb(c.edgeBaseRss)} MB`,
    ...rows,
    `  (one edge process per core; Redis is one thread: ${Math.round(1000 / Math.max(c.redisCpuMs, 1e-6)).toLocaleString('en')} ratings/s at most on this machine's core)`,
  ];
}

export const logFile = (tmp: string, name: string) => join(tmp, `${name}.log`);
