// Vote latency with 2,000 idle connections open, on the bundled server started the way
// `npm start` does (scripts/serve.sh raises the soft open-file limit from 1,024 to the hard
// one). By hand (about a minute, 2,000+ sockets): LIMITS_LATENCY=1 npx vitest run server/limits/latency.test.ts
// Figures: docs/SECURITY.md.
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { NS, PROTOCOL_VERSION, type VoteAck } from '../../shared/protocol.js';
import { consoleClient, linkTokens, loginAt, retryingClient, type RetryingClient } from '../faults/clients.js';
import { bundleServer, freePort } from '../faults/proc.js';
import { idleConnections, startLimited, waitHealthy } from './child.js';

const DEPUTIES = 200;
const IDLE = 2000;
const PASSWORD = 'latency-pw';
const ROOT = join(import.meta.dirname, '..', '..');

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const receiptOf = (i: number) => Array.from({ length: 8 }, (_, k) => ALPHABET[Math.floor(i / 32 ** k) % 32]).join('');

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
}

/** Screens that stay connected (each receives every screen view), `per` from each address. */
async function screens(url: string, n: number, per: number): Promise<{ connected: () => number; close(): void }> {
  const list: Socket[] = [];
  for (let i = 0; i < n; i += 100) {
    await Promise.all(
      Array.from({ length: Math.min(100, n - i) }, (_, j) => {
        const k = i + j;
        const s = io(url + NS.screen, { auth: { v: PROTOCOL_VERSION }, transports: ['websocket'], forceNew: true, reconnection: false, localAddress: `127.0.1.${2 + Math.floor(k / per)}` } as never);
        list.push(s);
        return new Promise<void>((resolve) => {
          s.once('connect', () => resolve());
          s.once('connect_error', () => resolve());
          setTimeout(resolve, 5000);
        });
      }),
    );
  }
  return { connected: () => list.filter((s) => s.connected).length, close: () => list.forEach((s) => s.close()) };
}

describe.skipIf(!process.env.LIMITS_LATENCY)('vote latency with 2,000 idle connections', () => {
  it('measures', async () => {
    const main = await bundleServer('limits-latency');
    // serve.sh runs dist/server/main.js from the repo: give it the fresh bundle in a copy of that layout.
    const app = await mkdtemp(join(tmpdir(), 'wz-latency-app-'));
    await mkdir(join(app, 'scripts'), { recursive: true });
    await mkdir(join(app, 'dist', 'server'), { recursive: true });
    await writeFile(join(app, 'dist', 'server', 'main.js'), `import ${JSON.stringify(main)};\n`);
    await writeFile(join(app, 'package.json'), '{"type":"module"}');
    await symlink(join(ROOT, 'scripts', 'serve.sh'), join(app, 'scripts', 'serve.sh'));
    const figures: Record<string, unknown>[] = [];
    for (const idleKind of ['none', 'tcp', 'screens'] as const) {
      const dataDir = await mkdtemp(join(tmpdir(), 'wz-latency-'));
      const port = await freePort();
      // Soft 1,024 as on a stock system; serve.sh raises it to the hard limit.
      const srv = startLimited({ main: join(app, 'scripts', 'serve.sh'), port, dataDir, openFiles: 1024, softOnly: true, shell: true, env: { ADMIN_PASSWORD: PASSWORD, DEMO_SIZE: String(DEPUTIES) } });
      const closers: { close(): void }[] = [];
      try {
        await waitHealthy(srv, 30_000);
        const session = await loginAt(srv.url, PASSWORD);
        const con = consoleClient(srv.url, session);
        closers.push(con);
        await con.until(() => true);
        const phones: RetryingClient[] = (await linkTokens(srv.url, session)).map((l) => retryingClient(srv.url, NS.deputy, { token: l.token }));
        closers.push(...phones);
        await Promise.all(phones.map((p) => p.request('checkIn', {}, { retryOn: [] })));
        let open = 0;
        if (idleKind === 'tcp') {
          const idle = await idleConnections(port, IDLE, 45);
          closers.push(idle);
          open = idle.open();
        } else if (idleKind === 'screens') {
          const sc = await screens(srv.url, IDLE, 45);
          closers.push(sc);
          open = sc.connected();
        }
        const limit = /^Max open files\s+(\d+)/m.exec(await readFile(`/proc/${srv.pid}/limits`, 'utf8'))?.[1];
        let n = 0;
        /** One secret round: every phone votes at once (burst), or one after another (single). */
        const round = async (mode: 'burst' | 'single'): Promise<{ ms: number[]; total: number }> => {
          expect(await con.request('command', { type: 'startRound', itemId: 'motion-budget', countdownSec: 0, confirmNoQuorum: true }, { retryOn: [] })).toEqual({ ok: true });
          const roundId = (await con.until((v) => v.activeRoundId !== null && v.rounds.every((r) => r.id === v.activeRoundId || r.status !== 'open'))).activeRoundId ?? '';
          const ms: number[] = [];
          const one = async (p: RetryingClient) => {
            n += 1;
            const t = performance.now();
            const a = await p.request<VoteAck>('vote', { roundId, submissionId: `s${n}`, receipt: receiptOf(n), content: { kind: 'motion', choice: 'for' } }, { retryOn: [] });
            ms.push(performance.now() - t);
            expect(a.ok).toBe(true);
          };
          const t0 = performance.now();
          if (mode === 'burst') await Promise.all(phones.map(one));
          else for (const p of phones.slice(0, 50)) await one(p);
          const total = performance.now() - t0;
          expect(await con.request('command', { type: 'close', roundId }, { retryOn: [] })).toEqual({ ok: true });
          expect(await con.request('command', { type: 'void', roundId, reason: 'latency: next round' }, { retryOn: [] })).toEqual({ ok: true });
          await con.until((v) => v.activeRoundId === null);
          return { ms, total };
        };
        await round('burst'); // warm-up: the first round of a fresh process is slower (JIT)
        const burst = await round('burst');
        const single = await round('single');
        const r = (x: number) => Math.round(x);
        const f = {
          idle: idleKind,
          open,
          limit,
          deputies: DEPUTIES,
          burst: { p50: r(quantile(burst.ms, 0.5)), p95: r(quantile(burst.ms, 0.95)), max: r(Math.max(...burst.ms)), allAckedMs: r(burst.total) },
          single: { p50: r(quantile(single.ms, 0.5)), p95: r(quantile(single.ms, 0.95)), max: r(Math.max(...single.ms)) },
        };
        figures.push(f);
        process.stdout.write(`latency ${JSON.stringify(f)}\n`);
      } finally {
        for (const c of closers) c.close();
        await srv.kill();
        await rm(dataDir, { recursive: true, force: true });
      }
    }
    await rm(app, { recursive: true, force: true });
    expect(figures).toHaveLength(3);
  }, 300_000);
});
