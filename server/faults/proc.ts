// The real server as a child process, for the fault tests: bundled once with esbuild (as
// `npm run build:server` does), started on 127.0.0.1, killed with SIGKILL, started again on
// the same data folder.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { build } from 'esbuild';

const ROOT = join(import.meta.dirname, '..', '..');

/** Bundle server/main.ts into .tmp/ (inside the repo, so bare imports resolve). */
export async function bundleServer(name: string): Promise<string> {
  const dir = join(ROOT, '.tmp', name);
  await mkdir(dir, { recursive: true });
  const outfile = join(dir, 'main.js');
  await build({
    entryPoints: [join(ROOT, 'server', 'main.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    outfile,
    logLevel: 'silent',
  });
  return outfile;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  readonly url: string;
  /** stderr lines of every start so far (the structured log). */
  readonly log: string[];
  start(): Promise<void>;
  kill(): Promise<void>;
  readonly running: boolean;
}

export function serverProcess(opts: { main: string; port: number; dataDir: string; env?: Record<string, string> }): ServerProcess {
  const url = `http://127.0.0.1:${opts.port}`;
  const log: string[] = [];
  let child: ChildProcess | null = null;
  const exited = (c: ChildProcess) => new Promise<void>((resolve) => (c.exitCode !== null || c.signalCode !== null ? resolve() : c.once('exit', () => resolve())));

  const waitHealthy = async (c: ChildProcess): Promise<void> => {
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      if (c.exitCode !== null) throw new Error(`server exited with ${c.exitCode}: ${log.slice(-5).join('\n')}`);
      try {
        const res = await fetch(`${url}/api/health`);
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error('server did not become healthy within 15 s');
  };

  return {
    url,
    log,
    get running() {
      return child !== null;
    },
    start: async () => {
      const c = spawn(process.execPath, [opts.main], {
        env: {
          ...process.env,
          PORT: String(opts.port),
          HOST: '127.0.0.1',
          DATA_DIR: opts.dataDir,
          CLIENT_DIR: join(opts.dataDir, 'no-client'),
          PUBLIC_URL: url,
          ...opts.env,
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      c.stderr?.setEncoding('utf8');
      c.stderr?.on('data', (d: string) => log.push(...d.split('\n').filter(Boolean)));
      child = c;
      await waitHealthy(c);
    },
    kill: async () => {
      const c = child;
      child = null;
      if (!c) return;
      c.kill('SIGKILL');
      await exited(c);
    },
  };
}
