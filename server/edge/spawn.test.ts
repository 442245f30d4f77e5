// WZ_EDGES=2 with WZ_REDIS_URL (docs/DEPLOY.md): the built core starts two public edges as
// child processes; each serves the view on air from a real Redis; a dead edge is started again;
// and the edges stop with the core, also when the core is killed.
import { build } from 'esbuild';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NS } from '../../shared/protocol.js';
import type { ScreenView } from '../../shared/views.js';
import { bundleServer, freePort, serverProcess, type ServerProcess } from '../faults/proc.js';
import { connect } from '../test/harness.js';
import { startRedis, type TestRedis } from '../test/redis.js';

let redis: TestRedis;
let core: ServerProcess;
let dataDir: string;
let edgePort = 0;

/** Two free consecutive ports (the edges take WZ_EDGE_PORT and the next one). */
async function twoPorts(): Promise<number> {
  for (;;) {
    const p = await freePort();
    const probe = await freePort();
    if (probe !== p + 1) {
      const { createServer } = await import('node:net');
      const ok = await new Promise<boolean>((resolve) => {
        const s = createServer().once('error', () => resolve(false));
        s.listen(p + 1, '127.0.0.1', () => s.close(() => resolve(true)));
      });
      if (ok) return p;
    }
  }
}

const reachable = async (port: number) => {
  const v = connect<ScreenView>(`http://127.0.0.1:${port}`, NS.screen, { meetingId: 'demo' });
  try {
    return await v.until((x) => x.meeting.id === 'demo', 10_000);
  } finally {
    v.close();
  }
};

beforeAll(async () => {
  redis = await startRedis();
  const main = await bundleServer('edges');
  // Beside the bundle, as npm run build:server lays them out (dist/server/edge/main.js).
  await build({ entryPoints: [join(import.meta.dirname, 'main.ts')], bundle: true, platform: 'node', target: 'node20', format: 'esm', packages: 'external', outfile: join(main, '..', 'edge', 'main.js'), logLevel: 'silent' });
  dataDir = await mkdtemp(join(tmpdir(), 'wz-edges-'));
  edgePort = await twoPorts();
  core = serverProcess({ main, port: await freePort(), dataDir, env: { WZ_REDIS_URL: redis.url, WZ_EDGES: '2', WZ_EDGE_PORT: String(edgePort), DEMO_SIZE: '5', ADMIN_PASSWORD: 'test-admin-pw' } });
  await core.start();
}, 120_000);
afterAll(async () => {
  await core?.kill();
  await redis?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('[Z5] WZ_EDGES: public edges as child processes of the core', () => {
  it('both edges serve the view on air; killing the core stops them', async () => {
    const [a, b] = await Promise.all([reachable(edgePort), reachable(edgePort + 1)]);
    expect({ ...a, serverNow: 0 }).toEqual({ ...b, serverNow: 0 });
    await core.kill(); // SIGKILL: no chance to stop them itself; their IPC channel closes
    await expect
      .poll(
        async () => {
          try {
            await fetch(`http://127.0.0.1:${edgePort}/`);
            return 'listening';
          } catch {
            return 'gone';
          }
        },
        { timeout: 10_000 },
      )
      .toBe('gone');
  }, 60_000);
});
