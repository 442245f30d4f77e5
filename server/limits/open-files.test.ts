// [E3] Open files, on the real bundled server started as a child process under `ulimit -n`.
// A thousand idle connections at the common limit of 1,024 used to leave no descriptor for a
// secret round's ballot box: the start was acknowledged and every vote failed STORAGE_FAILED.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { VoteAck } from '../../shared/protocol.js';
import { NS } from '../../shared/protocol.js';
import { consoleClient, linkTokens, loginAt, retryingClient, type RetryingClient } from '../faults/clients.js';
import { bundleServer, freePort } from '../faults/proc.js';
import { idleConnections, startLimited, waitHealthy, type LimitedServer } from './child.js';

const PASSWORD = 'limits-test-pw';
let main = '';
let dirs: string[] = [];
let servers: LimitedServer[] = [];
let clients: { close(): void }[] = [];

beforeAll(async () => {
  main = await bundleServer('limits-test');
}, 60_000);

afterEach(async () => {
  for (const c of clients) c.close();
  clients = [];
  for (const s of servers) await s.kill();
  servers = [];
  for (const d of dirs) await rm(d, { recursive: true, force: true });
  dirs = [];
});

async function start(openFiles: number, env: Record<string, string> = {}): Promise<LimitedServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'wz-limits-'));
  dirs.push(dataDir);
  const s = startLimited({ main, port: await freePort(), dataDir, openFiles, env: { ADMIN_PASSWORD: PASSWORD, DEMO_SIZE: '30', ...env } });
  servers.push(s);
  return s;
}

describe('[E3] open files', () => {
  it('[E3] at ulimit -n 1024, a thousand idle connections from many addresses leave the ballot box its descriptor: the vote is recorded', async () => {
    const srv = await start(1024);
    await waitHealthy(srv);
    const session = await loginAt(srv.url, PASSWORD);
    const con = consoleClient(srv.url, session);
    clients.push(con);
    await con.until(() => true);
    const [link] = await linkTokens(srv.url, session);
    const phone: RetryingClient = retryingClient(srv.url, NS.deputy, { token: link?.token });
    clients.push(phone);
    expect(await phone.request('checkIn', {}, { retryOn: [] })).toEqual({ ok: true });

    // 40 per address (under the per-address cap), from 25 addresses: only the total cap can stop them.
    const idle = await idleConnections(Number(new URL(srv.url).port), 1000, 40);
    clients.push(idle);

    const started = await con.request('command', { type: 'startRound', itemId: 'motion-budget', countdownSec: 0, confirmNoQuorum: true }, { retryOn: [], deadlineMs: 10_000 });
    expect(started).toEqual({ ok: true });
    const roundId = (await con.until((v) => v.activeRoundId !== null)).activeRoundId ?? '';
    const a = await phone.request<VoteAck>('vote', { roundId, submissionId: 's1', receipt: 'ABCDEFGH', content: { kind: 'motion', choice: 'for' } }, { retryOn: [], deadlineMs: 10_000 });
    expect(a).toMatchObject({ ok: true, duplicate: false });
    // The server kept itself below its limit by refusing some of the idle connections.
    expect(idle.open()).toBeLessThan(1000);
    expect(srv.output()).toContain('connection refused: too many open');
  }, 60_000);

  it('[E3] one address cannot take more than its share: the 51st anonymous connection is refused', async () => {
    const srv = await start(1024);
    await waitHealthy(srv);
    const idle = await idleConnections(Number(new URL(srv.url).port), 80, 80);
    clients.push(idle);
    expect(idle.open()).toBe(50);
    expect((await fetch(`${srv.url}/api/health`)).ok).toBe(true); // another address still gets in
    // The machine itself (a local TLS proxy that every phone comes through) is not capped.
    const local = await idleConnections(Number(new URL(srv.url).port), 80, 80, 300, '127.0.0.1');
    clients.push(local);
    expect(local.open()).toBe(80);
  }, 30_000);

  const exitOf = (srv: LimitedServer) => Promise.race([srv.exited, new Promise<'hung'>((r) => setTimeout(() => r('hung'), 15_000))]);
  const STACK = /\n\s+at .+:\d+:\d+/;

  it('[E3] refuses to start, with a message and no stack trace, when the limit is too low for the roster', async () => {
    // 30 deputies need 64 + 32 + 2 × 30 + 100 = 256 descriptors.
    const srv = await start(200);
    expect(await exitOf(srv)).toBe(1);
    const out = srv.output();
    expect(out).toContain('打开文件数上限过低：当前 200，名单 30 人至少需要 256。');
    expect(out).toContain('The open-file limit is too low: 200, while a roster of 30 needs at least 256');
    expect(out).not.toMatch(STACK);
    // The same data folder starts once the limit is raised.
    const again = startLimited({ main, port: await freePort(), dataDir: dirs[0] ?? '', openFiles: 1024, env: { ADMIN_PASSWORD: PASSWORD, DEMO_SIZE: '30' } });
    servers.push(again);
    await waitHealthy(again);
  }, 30_000);

  it('[E3] the start script refuses a limit too low for Node to load its modules, with a message', async () => {
    const script = join(import.meta.dirname, '..', '..', 'scripts', 'serve.sh');
    const srv = startLimited({ main: script, port: await freePort(), dataDir: tmpdir(), openFiles: 64, shell: true });
    servers.push(srv);
    expect(await exitOf(srv)).toBe(1);
    expect(srv.output()).toContain('打开文件数上限过低');
    expect(srv.output()).not.toMatch(STACK);
  }, 30_000);
});
