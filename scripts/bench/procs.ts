// The bench's processes: the built server, the bare durable baseline, the client processes.
// Every child is registered so that any exit path (success, failure, Ctrl-C, the time limit)
// stops it by its own pid; nothing is left listening after the bench.
import { execFileSync, fork, spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';

const children = new Set<ChildProcess>();

function track<T extends ChildProcess>(c: T): T {
  children.add(c);
  c.once('exit', () => children.delete(c));
  return c;
}

/** Stop every child still running: SIGTERM, then SIGKILL after `graceMs`. */
export async function stopAll(graceMs = 3000): Promise<void> {
  await Promise.all([...children].map((c) => stop(c, graceMs)));
}

export function stop(c: ChildProcess, graceMs = 5000): Promise<void> {
  if (c.exitCode !== null || c.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => c.kill('SIGKILL'), graceMs);
    c.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    c.kill('SIGTERM');
  });
}

/** The soft and hard limits on open files of processes started from here. */
export function fdLimits(): { soft: number; hard: number } {
  const out = execFileSync('sh', ['-c', 'ulimit -Sn; ulimit -Hn'], { encoding: 'utf8' }).trim().split('\n');
  const num = (s: string | undefined) => (s === undefined || s.trim() === 'unlimited' ? Infinity : Number(s));
  return { soft: num(out[0]), hard: num(out[1]) };
}

/**
 * A server holding N sockets needs N file descriptors and some spare. When the soft limit is
 * too low but the hard one allows it, the child is started through `sh -c 'ulimit -n ...'`;
 * when even the hard limit is too low the bench stops with what to do about it.
 */
function command(needFds: number, argv: string[]): { cmd: string; args: string[] } {
  const { soft, hard } = fdLimits();
  if (soft >= needFds) return { cmd: process.execPath, args: argv };
  if (hard < needFds) {
    throw new Error(`open-file limit too low: a server with this many sockets needs ${needFds} descriptors, hard limit is ${hard}. Raise it (e.g. /etc/security/limits.conf or \`ulimit -Hn ${needFds}\` as root) or run with a smaller --n.`);
  }
  return { cmd: 'sh', args: ['-c', `ulimit -n ${needFds} && exec "$0" "$@"`, process.execPath, ...argv] };
}

export interface ServerOptions {
  entry: string;
  env: Record<string, string>;
  needFds: number;
  logFile: string;
  cpuProfDir?: string | undefined;
  nodeFlags?: string[];
}

export function startServer(o: ServerOptions): ChildProcess {
  const prof = o.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${o.cpuProfDir}`] : [];
  const { cmd, args } = command(o.needFds, ['--enable-source-maps', ...prof, ...(o.nodeFlags ?? []), o.entry]);
  const c = track(spawn(cmd, args, { env: { ...process.env, ...o.env }, stdio: ['ignore', 'pipe', 'pipe'] }));
  const log = createWriteStream(o.logFile);
  c.stdout?.pipe(log);
  c.stderr?.pipe(log);
  return c;
}

/** Start the bare durable server (baseline-server.ts); resolves with its port. */
export function startBaseline(dir: string, needFds: number, dataDir?: string): Promise<{ child: ChildProcess; port: number }> {
  const { cmd, args } = command(needFds, ['--import', 'tsx', join(dir, 'baseline-server.ts')]);
  // Its journal in the bench's temporary folder (removed with it).
  const c = track(spawn(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...(dataDir ? { WZ_BASELINE_DIR: dataDir } : {}) } }));
  return new Promise((resolve, reject) => {
    let buf = '';
    const t = setTimeout(() => reject(new Error('baseline server did not start within 20 s')), 20_000);
    c.stdout?.on('data', (d: Buffer) => {
      buf += d.toString();
      const m = /LISTENING (\d+)/.exec(buf);
      if (m) {
        clearTimeout(t);
        resolve({ child: c, port: Number(m[1]) });
      }
    });
    c.once('exit', (code) => reject(new Error(`baseline server exited early (${code})`)));
  });
}

/** A client process (TypeScript, through tsx) with an IPC channel. */
export function startClient(file: string): ChildProcess {
  return track(fork(file, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
}

/** Poll until the server answers /api/health. */
export async function waitHealthy(url: string, child: ChildProcess, ms = 30_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`server exited during start (code ${child.exitCode})`);
    const ok = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not answer ${url}/api/health within ${ms} ms`);
}

/** A port free on 127.0.0.1 right now (the server is told to listen on it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createNetServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}
