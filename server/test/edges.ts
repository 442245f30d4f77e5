// Public edges as real child processes for the tests (server/edge/main.ts under tsx): each
// prints "edge listening <port>" once it serves. The audience secret is the core's, as a
// deployment gives it (WZ_AUDIENCE_SECRET, docs/DEPLOY.md).
import { spawn, type ChildProcess } from 'node:child_process';

export interface EdgeProc {
  proc: ChildProcess;
  url: string;
  port: number;
}

/** A fixed secret for the tests' core and edges (the core gets it as `audience.secret`). */
export const TEST_AUDIENCE_SECRET = Buffer.alloc(32, 0x5a);

export function startEdgeProcess(redisUrl: string, env: Record<string, string> = {}): Promise<EdgeProc> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/edge/main.ts'], {
    env: { ...process.env, WZ_REDIS_URL: redisUrl, WZ_AUDIENCE_SECRET: TEST_AUDIENCE_SECRET.toString('hex'), PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('edge did not start')), 20_000);
    let out = '';
    proc.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /edge listening (\d+)/.exec(out);
      if (m) {
        clearTimeout(t);
        out = '';
        resolve({ proc, url: `http://127.0.0.1:${m[1]}`, port: Number(m[1]) });
      }
    });
    proc.once('exit', (code) => reject(new Error(`edge exited with ${code}`)));
  });
}
