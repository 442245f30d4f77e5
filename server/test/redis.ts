// A real Redis for the tests of the public side: Debian's redis-server (installed by the test
// command as root, like Chromium), started on a free port of 127.0.0.1 in a temporary folder,
// stopped by the test. Never a mock: the tests are about what a real Redis does when it is
// stopped, restarted or shared by several processes.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const REDIS_SERVER = process.env.WZ_REDIS_SERVER ?? '/usr/bin/redis-server';

export interface TestRedis {
  url: string;
  port: number;
  dir: string;
  /** Stop the server (SIGTERM, or SIGKILL for a crash); the folder stays for start(). */
  stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
  /** Start it again on the same port and folder (after stop). */
  start(): Promise<void>;
  /** Stop for good and remove the folder. */
  close(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function reachable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = connect({ port, host: '127.0.0.1' });
    sock.once('connect', () => {
      sock.end();
      resolve(true);
    });
    sock.once('error', () => resolve(false));
  });
}

async function waitFor(cond: () => Promise<boolean>, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await cond()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`redis-server: timed out waiting until ${what}`);
}

/** Start a redis-server on a free port in a new temporary folder (append-only file on, so a
 *  restart keeps what was written, as a deployed Redis would be configured). */
export async function startRedis(): Promise<TestRedis> {
  const dir = await mkdtemp(join(tmpdir(), 'wz-redis-'));
  const port = await freePort();
  let child: ChildProcess | null = null;
  const start = async () => {
    const proc = spawn(
      REDIS_SERVER,
      ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--save', '', '--protected-mode', 'yes'],
      { stdio: 'ignore' },
    );
    child = proc;
    await new Promise<void>((resolve, reject) => {
      proc.once('error', (e) => reject(new Error(`cannot start ${REDIS_SERVER} (run scripts/ensure-chromium.sh as root to install it): ${e.message}`)));
      proc.once('spawn', () => resolve());
    });
    await waitFor(() => reachable(port), `it listens on ${port}`);
  };
  const stop = async (signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM') => {
    const proc = child;
    if (!proc || proc.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    proc.kill(signal);
    await exited;
    child = null;
    await waitFor(async () => !(await reachable(port)), `port ${port} is free`);
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    dir,
    stop,
    start,
    close: async () => {
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
