// [X1-X5] Abuse: role separation for every event, rate limits, Origin, oversized messages,
// revoked links. The real server on 127.0.0.1:0 with real sockets.
import { io } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NS, PROTOCOL_VERSION, type Ack } from '../shared/protocol.js';
import type { DeputyView, ScreenView } from '../shared/views.js';
import { addFixture, FIXTURE_ID, recordBytes } from './faults/fixture.js';
import { connect, console_, emit, login, receipt, startServer, type Harness } from './test/harness.js';

let h: Harness;
let closers: { close(): void }[] = [];
const track = <T extends { close(): void }>(c: T): T => (closers.push(c), c);
let tokens: { deputyId: string; token: string }[];

beforeEach(async () => {
  h = await startServer({ demoSize: 3, rateLimit: { perSecond: 5, burst: 20 } });
  tokens = await addFixture(h.app);
  await h.app.ctx.auth.addUser('op', 'operator', 'operator-pw');
});
afterEach(async () => {
  for (const c of closers) c.close();
  closers = [];
  await h.close();
});

const asDeputy = (i = 0) => track(connect<DeputyView>(h.url, NS.deputy, { token: tokens[i]?.token }));
const asScreen = () => track(connect<ScreenView>(h.url, NS.screen, { meetingId: FIXTURE_ID }));
const asConsole = (session: string) => track(console_(h.url, session, FIXTURE_ID));
const connected = async (c: { until(p: () => boolean): Promise<unknown> }) => void (await c.until(() => true));

const vote = (roundId: string) => ({ roundId, submissionId: `s${receipt()}`, receipt: receipt(), content: { kind: 'motion', choice: 'for' } });
/** One example of every command, aimed at the fixture meeting. */
const commands = (roundId: string): Record<string, unknown>[] => [
  { type: 'showItem', itemId: 'm' },
  { type: 'addTime', roundId, seconds: 30 },
  { type: 'pause', roundId },
  { type: 'resume', roundId },
  { type: 'reveal', roundId },
  { type: 'manualResult', itemId: 'p', counts: { kind: 'projects', votes: { p1: 1 } } },
  { type: 'checkIn', deputyId: 'd002' },
  { type: 'undoCheckIn', deputyId: 'd002' },
  { type: 'close', roundId },
  { type: 'void', roundId, reason: 'role test' },
  { type: 'startRound', itemId: 'r', countdownSec: 0, confirmNoQuorum: true },
];

async function openRound(session: string): Promise<string> {
  const con = asConsole(session);
  await connected(con);
  expect(await emit(con.socket, 'command', { type: 'startRound', itemId: 'm', countdownSec: 0, confirmNoQuorum: true })).toEqual({ ok: true });
  const v = await con.until((x) => x.activeRoundId !== null);
  return v.activeRoundId ?? '';
}

describe('[X1] role separation, for every event', () => {
  it('deputies and screens cannot run any console command; nothing changes', async () => {
    const admin = await login(h.url);
    const roundId = await openRound(admin);
    const before = await recordBytes(h.dataDir);
    const dep = asDeputy();
    const scr = asScreen();
    await Promise.all([connected(dep), connected(scr)]);
    for (const c of commands(roundId)) {
      expect(await emit(dep.socket, 'command', c)).toEqual({ ok: false, error: 'FORBIDDEN' });
      expect(await emit(scr.socket, 'command', c)).toEqual({ ok: false, error: 'FORBIDDEN' });
    }
    for (const ev of ['checkIn', 'vote']) expect(await emit(scr.socket, ev, ev === 'vote' ? vote(roundId) : {})).toEqual({ ok: false, error: 'FORBIDDEN' });
    expect(await recordBytes(h.dataDir)).toBe(before);
  });

  it('operators and administrators cannot vote or check in as a deputy', async () => {
    const roundId = await openRound(await login(h.url));
    const before = await recordBytes(h.dataDir);
    for (const session of [await login(h.url), await login(h.url, 'op', 'operator-pw')]) {
      const con = asConsole(session);
      await connected(con);
      expect(await emit(con.socket, 'vote', vote(roundId))).toEqual({ ok: false, error: 'FORBIDDEN' });
      expect(await emit(con.socket, 'checkIn', {})).toEqual({ ok: false, error: 'FORBIDDEN' });
    }
    expect(await recordBytes(h.dataDir)).toBe(before);
  });

  it('an operator and an administrator may run every command (answers are results)', async () => {
    for (const [user, pw] of [['admin', undefined], ['op', 'operator-pw']] as const) {
      const session = pw ? await login(h.url, user, pw) : await login(h.url);
      const roundId = await openRound(session);
      const con = asConsole(session);
      await connected(con);
      for (const c of commands(roundId)) {
        const a = await emit(con.socket, 'command', c);
        if (!a.ok) expect(a.error).not.toMatch(/FORBIDDEN|UNAUTHORIZED|BAD_REQUEST/);
      }
      const end = await con.until((v) => v.activeRoundId !== null && v.activeRoundId !== roundId);
      expect(await emit(con.socket, 'command', { type: 'void', roundId: end.activeRoundId, reason: 'next user' })).toEqual({ ok: true });
    }
  });

  it('a deputy link only ever acts for its own deputy and meeting', async () => {
    const roundId = await openRound(await login(h.url));
    const dep = asDeputy(0);
    await connected(dep);
    expect(await emit(dep.socket, 'checkIn', {})).toEqual({ ok: true });
    expect(await emit(dep.socket, 'vote', vote(roundId))).toMatchObject({ ok: true });
    // The ack is the phone's news of its own ballot; the snapshot on reconnect shows it too.
    dep.socket.disconnect();
    dep.socket.connect();
    const v = await dep.until((x) => x.mySubmission !== null);
    expect(v.me.id).toBe(tokens[0]?.deputyId);
    const other = asDeputy(1);
    const ov = await other.until(() => true);
    expect(ov.mySubmission).toBeNull();
  });

  it('HTTP: every console endpoint needs a session', async () => {
    for (const path of ['/api/me', '/api/meetings', `/api/meetings/${FIXTURE_ID}/links`]) {
      const res = await fetch(h.url + path);
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ ok: false, error: 'UNAUTHORIZED' });
      const forged = await fetch(h.url + path, { headers: { authorization: 'Bearer forged' } });
      expect(forged.status).toBe(401);
    }
  });
});

describe('[X1] HTTP roles', () => {
  it('an operator cannot list or create users; an administrator can', async () => {
    const op = await login(h.url, 'op', 'operator-pw');
    const admin = await login(h.url);
    const body = JSON.stringify({ username: 'clerk', password: 'a-long-Passw0rd', role: 'admin' });
    const post = (session: string) => fetch(`${h.url}/api/users`, { method: 'POST', headers: { authorization: `Bearer ${session}`, 'content-type': 'application/json' }, body });
    const asOp = await post(op);
    expect(asOp.status).toBe(403);
    expect(await asOp.json()).toMatchObject({ ok: false, error: 'FORBIDDEN' });
    expect((await fetch(`${h.url}/api/users`, { headers: { authorization: `Bearer ${op}` } })).status).toBe(403);
    expect(h.app.ctx.auth.user('clerk')).toBeUndefined();
    expect((await post(admin)).status).toBe(201);
    expect(h.app.ctx.auth.user('clerk')?.role).toBe('admin');
  });
});

describe('[X2] limits', () => {
  it('a connection flooding events is answered RATE_LIMITED and the server stays up', async () => {
    const dep = asDeputy();
    await connected(dep);
    const answers = await Promise.all(Array.from({ length: 60 }, () => emit(dep.socket, 'checkIn', {})));
    const limited = answers.filter((a) => !a.ok && a.error === 'RATE_LIMITED').length;
    expect(limited).toBeGreaterThanOrEqual(60 - 21);
    expect(answers.filter((a) => a.ok).length).toBeLessThanOrEqual(21);
    // Another connection is not affected, and after a pause this one may speak again.
    const other = asDeputy(1);
    await connected(other);
    expect(await emit(other.socket, 'checkIn', {})).toEqual({ ok: true });
    await new Promise((r) => setTimeout(r, 450));
    expect(await emit(dep.socket, 'checkIn', {})).toEqual({ ok: true });
  });

  it('a message over maxHttpBufferSize closes that connection only; nothing is stored', async () => {
    const roundId = await openRound(await login(h.url));
    const before = await recordBytes(h.dataDir);
    const dep = asDeputy();
    await connected(dep);
    const gone = new Promise<string>((resolve) => dep.socket.once('disconnect', resolve));
    dep.socket.emit('vote', { ...vote(roundId), pad: 'x'.repeat(200_000) }, () => undefined);
    expect(await gone).toMatch(/transport close|io server disconnect/);
    expect(await recordBytes(h.dataDir)).toBe(before);
    const health = await fetch(`${h.url}/api/health`);
    expect(health.status).toBe(200);
  });

  it('HTTP bodies that are too big or not JSON get a typed error', async () => {
    const post = (body: string) => fetch(`${h.url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const big = await post(JSON.stringify({ username: 'admin', password: 'x'.repeat(100_000) }));
    expect(big.status).toBe(413);
    expect(await big.json()).toEqual({ ok: false, error: 'TOO_LARGE' });
    const broken = await post('{"username": "admin", ');
    expect(broken.status).toBe(400);
    expect(await broken.json()).toEqual({ ok: false, error: 'BAD_REQUEST' });
  });
});

describe('[X3] Origin', () => {
  it('a socket from a page served elsewhere is refused; the same origin is let in', async () => {
    const port = new URL(h.url).port;
    const foreign = track(io(h.url + NS.screen, { auth: { v: PROTOCOL_VERSION }, transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: { origin: 'http://evil.example' } }));
    const e = await new Promise<Error>((resolve) => foreign.once('connect_error', resolve));
    expect(e).toBeInstanceOf(Error);
    expect(foreign.connected).toBe(false);
    const same = track(io(h.url + NS.screen, { auth: { v: PROTOCOL_VERSION }, transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: { origin: `http://127.0.0.1:${port}` } }));
    await new Promise<void>((resolve, reject) => (same.once('connect', resolve), same.once('connect_error', reject)));
    expect(same.connected).toBe(true);
  });
});

describe('[X4] a revoked link', () => {
  it('stops working at once, and on reconnect', async () => {
    const roundId = await openRound(await login(h.url));
    const dep = asDeputy(0);
    await connected(dep);
    expect(await emit(dep.socket, 'checkIn', {})).toEqual({ ok: true });
    const link = h.app.ctx.auth.link(tokens[0]?.token);
    if (!link) throw new Error('no link');
    link.revokedAt = Date.now();
    await h.app.ctx.db.write();
    const revoked = new Promise<void>((resolve) => dep.socket.once('revoked', () => resolve()));
    const before = await recordBytes(h.dataDir);
    const a: Ack = await emit(dep.socket, 'vote', vote(roundId)).catch(() => ({ ok: false, error: 'UNAUTHORIZED' }) as const);
    expect(a).toEqual({ ok: false, error: 'UNAUTHORIZED' });
    await revoked;
    expect(await recordBytes(h.dataDir)).toBe(before);
    const again = track(connect(h.url, NS.deputy, { token: tokens[0]?.token }));
    const e = await new Promise<Error & { data?: { code?: string } }>((resolve) => again.socket.once('connect_error', resolve));
    expect(e.data?.code).toBe('LINK_REVOKED');
  });
});
