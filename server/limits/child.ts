// For the limit tests: the bundled server (faults/proc.ts) as a child process started under a
// given open-file limit (`ulimit -n`, soft and hard), plus idle TCP connections from many
// local source addresses (127.0.0.0/8 all reach the loopback interface on Linux).
import { spawn, type ChildProcess } from 'node:child_process';
import { connect, type Socket } from 'node:net';

export interface LimitedServer {
  readonly url: string;
  readonly pid: number;
  /** Everything the process wrote to stdout and stderr. */
  output(): string;
  /** Resolves with the exit code once the process ends. */
  readonly exited: Promise<number | null>;
  kill(): Promise<void>;
}

/**
 * `main`: the bundled server, run with node; with `shell`, a script run with bash (scripts/serve.sh).
 * `ulimit -n` sets soft and hard limits (Node's own start-up raise to the hard limit cannot
 * undo it); with `softOnly` only the soft one, as on a stock system (1,024 soft, more hard).
 */
export function startLimited(o: { main: string; port: number; dataDir: string; openFiles: number; softOnly?: boolean; env?: Record<string, string>; shell?: boolean }): LimitedServer {
  const url = `http://127.0.0.1:${o.port}`;
  const run = o.shell ? ['bash', o.main] : [process.execPath, o.main];
  const c: ChildProcess = spawn('bash', ['-c', `ulimit ${o.softOnly ? '-Sn' : '-n'} ${o.openFiles} && exec "$0" "$@"`, ...run], {
    env: { ...process.env, PORT: String(o.port), HOST: '127.0.0.1', DATA_DIR: o.dataDir, CLIENT_DIR: `${o.dataDir}/no-client`, PUBLIC_URL: url, ...o.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  c.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  c.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => c.once('exit', (code) => resolve(code)));
  return {
    url,
    pid: c.pid ?? 0,
    output: () => out,
    exited,
    kill: async () => {
      if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
      await exited;
    },
  };
}

export async function waitHealthy(s: LimitedServer, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  let done = false;
  void s.exited.then(() => (done = true));
  while (Date.now() < deadline) {
    if (done) throw new Error(`server exited: ${s.output().slice(-2000)}`);
    try {
      if ((await fetch(`${s.url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('server did not become healthy in time');
}

/**
 * Open `count` idle TCP connections to the server, `perAddress` from each of 127.0.0.2,
 * 127.0.0.3, … (all from `from` if given); resolves with the ones still open after `settleMs` (the server closes those it
 * refuses at once).
 */
export async function idleConnections(port: number, count: number, perAddress: number, settleMs = 300, from?: string): Promise<{ open: () => number; close(): void }> {
  const sockets: Socket[] = [];
  let open = 0;
  const batch = 50;
  for (let i = 0; i < count; i += batch) {
    await Promise.all(
      Array.from({ length: Math.min(batch, count - i) }, (_, j) => {
        const n = i + j;
        const localAddress = from ?? `127.0.${Math.floor(n / perAddress / 250)}.${2 + (Math.floor(n / perAddress) % 250)}`;
        return new Promise<void>((resolve) => {
          const s = connect({ port, host: '127.0.0.1', localAddress });
          sockets.push(s);
          s.once('connect', () => {
            open += 1;
            s.once('close', () => (open -= 1));
            resolve();
          });
          s.once('error', () => resolve());
        });
      }),
    );
  }
  await new Promise((r) => setTimeout(r, settleMs));
  return { open: () => open, close: () => sockets.forEach((s) => s.destroy()) };
}
