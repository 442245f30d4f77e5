// WZ_EDGES=k with WZ_REDIS_URL: k public edges as child processes of this machine, on ports
// WZ_EDGE_PORT, +1, ... (docs/DEPLOY.md). Each is the same program as a public edge on another
// host (edge/main.ts); they meet the core only in Redis. An edge that dies is started again.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../logger.js';

export interface EdgeProcesses {
  stop(): void;
}

export function spawnEdges(opts: { count: number; redisUrl: string; secret: Buffer | undefined; basePort: number; host: string; log: Logger }): EdgeProcesses {
  // Under tsx this file is server/edge/spawn.ts, beside edge/main.ts; built, it is bundled into
  // dist/server/main.js, and the edge's own bundle is dist/server/edge/main.js (npm run build:server).
  const self = fileURLToPath(import.meta.url);
  const entry = fileURLToPath(self.endsWith('.ts') ? new URL('./main.ts', import.meta.url) : new URL('./edge/main.js', import.meta.url));
  const children: ChildProcess[] = [];
  let stopping = false;
  const start = (i: number) => {
    const port = opts.basePort + i;
    const child = fork(entry, [], {
      execArgv: process.execArgv,
      // The core's audience secret: a device issued by one edge is known to the others and the core.
      env: { ...process.env, WZ_REDIS_URL: opts.redisUrl, PORT: String(port), HOST: opts.host, ...(opts.secret ? { WZ_AUDIENCE_SECRET: opts.secret.toString('hex') } : {}) },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    children[i] = child;
    child.on('exit', (code, signal) => {
      if (stopping) return;
      opts.log.warn({ edge: i, port, code, signal }, 'public edge exited: starting it again');
      setTimeout(() => start(i), 1000).unref();
    });
  };
  for (let i = 0; i < opts.count; i++) start(i);
  return {
    stop: () => {
      stopping = true;
      for (const c of children) c.kill('SIGTERM');
    },
  };
}
