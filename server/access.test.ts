// Integration: who may do what. Deputy links bound to one device, reissue cutting off a
// connected phone, and every HTTP route and console command tried with every role.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoAgenda } from './demo.js';
import { api, consoleOf, csv, phone, rosterRows } from './test/api.js';
import { command, console_, emit, links, login, screen, startServer, type Harness } from './test/harness.js';

let h: Harness;
let admin: string;
let clients: { close(): void }[] = [];
const track = <T extends { close(): void }>(c: T): T => (clients.push(c), c);

beforeEach(async () => {
  h = await startServer({ demoSize: 6 });
  admin = await login(h.url);
});
afterEach(async () => {
  for (const c of clients) c.close();
  clients = [];
  await h.close();
});

const OPERATOR_PASSWORD = 'desk-operator-2026';
async function operatorSession(): Promise<string> {
  const r = await api(h.url, 'POST', '/api/users', { session: admin, json: { username: 'desk1', password: OPERATOR_PASSWORD, role: 'operator' } });
  expect(r.status).toBe(201);
  return login(h.url, 'desk1', OPERATOR_PASSWORD);
}

const refusal = (c: { socket: { once(ev: 'connect_error', f: (e: Error & { data?: { code?: string } }) => void): unknown } }) =>
  new Promise<string | undefined>((resolve) => c.socket.once('connect_error', (e) => resolve(e.data?.code)));

describe('a link is bound to the first device that opens it', () => {
  it('[A5] another device is refused, the console shows the attempt, the first device comes back', async () => {
    const [l] = await links(h.url, admin);
    const a = track(phone(h.url, l!.url, 'device-a'));
    await a.until((v) => v.me.id === 'd001');
    const con = track(console_(h.url, admin));
    await con.until(() => true);
    expect(await refusal(track(phone(h.url, l!.url, 'device-b')))).toBe('DEVICE_MISMATCH');
    expect(await refusal(track(phone(h.url, l!.url)))).toBe('DEVICE_MISMATCH'); // leaving the id out does not help
    const v = await con.until((x) => x.refusedDevices.length > 0);
    expect(v.refusedDevices).toEqual([{ deputyId: 'd001', at: expect.any(Number) as number }]);
    a.socket.disconnect().connect();
    await new Promise<void>((r) => a.socket.once('connect', () => r()));
    expect(await emit(a.socket, 'checkIn', {})).toEqual({ ok: true });
  });

  it('[A6] the binding survives a restart', async () => {
    const [l] = await links(h.url, admin);
    const a = track(phone(h.url, l!.url, 'device-a'));
    await a.until(() => true);
    a.close();
    await h.restart();
    expect(await refusal(track(phone(h.url, l!.url, 'device-b')))).toBe('DEVICE_MISMATCH');
    await track(phone(h.url, l!.url, 'device-a')).until((v) => v.me.id === 'd001');
  });

  it('[A7] phones racing for one link: exactly one binds it, and the binding is the one stored', async () => {
    const [l] = await links(h.url, admin);
    const devices = ['device-a', 'device-b', 'device-c'];
    const outcome = (c: ReturnType<typeof phone>) =>
      new Promise<string>((resolve) => {
        c.socket.once('connect', () => resolve('in'));
        c.socket.once('connect_error', (e: Error & { data?: { code?: string } }) => resolve(e.data?.code ?? e.message));
      });
    const phones = devices.map((d) => track(phone(h.url, l!.url, d)));
    const results = await Promise.all(phones.map(outcome));
    expect(results.filter((r) => r === 'in')).toHaveLength(1);
    expect(results.filter((r) => r === 'DEVICE_MISMATCH')).toHaveLength(devices.length - 1);
    const winner = devices[results.indexOf('in')] ?? '';
    for (const c of phones) c.close();
    await h.restart();
    for (const d of devices.filter((x) => x !== winner)) expect(await refusal(track(phone(h.url, l!.url, d)))).toBe('DEVICE_MISMATCH');
    await track(phone(h.url, l!.url, winner)).until((v) => v.me.id === 'd001');
  });
});

describe('reissuing a link', () => {
  it('[A8] cuts off the phone already connected, refuses the old token, and the new link works on a new phone', async () => {
    const op = await operatorSession();
    const [l] = await links(h.url, admin);
    const old = track(phone(h.url, l!.url, 'lost-phone'));
    await old.until(() => true);
    const revoked = new Promise<void>((r) => old.socket.once('revoked', () => r()));
    const gone = new Promise<string>((r) => old.socket.once('disconnect', (reason) => r(reason)));
    expect(await refusal(track(phone(h.url, l!.url, 'new-phone')))).toBe('DEVICE_MISMATCH');
    const con = track(console_(h.url, admin));
    const before = (await con.until((v) => v.refusedDevices.length === 1)).linksVersion;

    const r = await api(h.url, 'POST', '/api/meetings/demo/links/d001/reissue', { session: op });
    expect(r.status).toBe(200);
    await revoked;
    expect(await gone).toBe('io server disconnect');
    old.socket.connect();
    expect(await refusal(old)).toBe('LINK_REVOKED');
    const fresh = track(phone(h.url, r.body.url as string, 'new-phone'));
    await fresh.until((v) => v.me.id === 'd001');
    expect(await emit(fresh.socket, 'checkIn', {})).toEqual({ ok: true });
    // Every console learns that links moved (its roster panel fetches them again).
    await con.until((v) => v.refusedDevices.length === 0 && v.turnout.present === 1 && v.linksVersion === before + 1);
    expect((await links(h.url, admin)).find((x) => x.deputyId === 'd001')?.url).toBe(r.body.url);
  });
});

describe('roles', () => {
  type Need = 'operator' | 'admin';
  const csvFile = csv(rosterRows(6));
  const routes: [string, string, Need, { json?: unknown; raw?: string }][] = [
    ['GET', '/api/me', 'operator', {}],
    ['GET', '/api/meetings', 'operator', {}],
    ['GET', '/api/meetings/demo', 'operator', {}],
    ['GET', '/api/meetings/demo/links', 'operator', {}],
    ['GET', '/api/meetings/demo/qr-sheet', 'operator', {}],
    ['GET', '/api/meetings/demo/qr-sheet.pdf', 'operator', {}],
    ['POST', '/api/meetings/demo/links/d002/reissue', 'operator', {}],
    ['POST', '/api/meetings', 'admin', { json: { title: '新会议' } }],
    ['PATCH', '/api/meetings/demo', 'admin', { json: { date: '明天' } }],
    ['POST', '/api/meetings/demo/duplicate', 'admin', { json: {} }],
    ['POST', '/api/meetings/demo/archive', 'admin', { json: { archived: false } }],
    ['POST', '/api/meetings/demo/activate', 'admin', {}],
    ['PUT', '/api/meetings/demo/agenda', 'admin', { json: { agenda: demoAgenda() } }],
    ['POST', '/api/meetings/demo/import/roster?filename=r.csv', 'admin', { raw: csvFile }],
    ['GET', '/api/users', 'admin', {}],
    ['POST', '/api/users', 'admin', { json: { username: 'desk2', password: 'another-desk-pw', role: 'operator' } }],
  ];

  it('[R1] every HTTP route: no session 401, a deputy link or screen has none, operator 403 on admin routes, admin allowed', async () => {
    const op = await operatorSession();
    const [l] = await links(h.url, admin);
    const deputyToken = l!.url.split('/d/')[1];
    for (const [method, path, need, body] of routes) {
      const as = (session?: string) => api(h.url, method, path, { ...body, ...(session ? { session } : {}) });
      expect((await as()).status, `${method} ${path} without a session`).toBe(401);
      expect((await as(deputyToken)).status, `${method} ${path} with a deputy token`).toBe(401);
      expect((await as(op)).status, `${method} ${path} as operator`).toBe(need === 'admin' ? 403 : 200);
      const asAdmin = await as(admin);
      expect(asAdmin.status, `${method} ${path} as admin: ${JSON.stringify(asAdmin.body)}`).toBeLessThan(300);
    }
  });

  it('[R2] user passwords follow the rules and names are unique', async () => {
    const post = (json: unknown) => api(h.url, 'POST', '/api/users', { session: admin, json });
    expect((await post({ username: 'desk3', password: 'short' })).body).toMatchObject({ error: 'WEAK_PASSWORD' });
    expect((await post({ username: 'desk3', password: 'desk3desk3desk3' })).body).toMatchObject({ error: 'WEAK_PASSWORD' });
    expect((await post({ username: 'desk3', password: 'aaaaaaaaaaaa' })).body).toMatchObject({ error: 'WEAK_PASSWORD' });
    expect((await post({ username: 'desk3', password: 'long enough pass' })).status).toBe(201);
    expect((await post({ username: 'desk3', password: 'long enough pass' })).body).toMatchObject({ error: 'USER_EXISTS' });
    expect((await post({ username: 'x', password: 'long enough pass' })).body).toMatchObject({ error: 'BAD_REQUEST' });
    const users = (await api(h.url, 'GET', '/api/users', { session: admin })).body.users;
    expect(users).toEqual([
      { username: 'admin', role: 'admin' },
      { username: 'desk3', role: 'operator' },
    ]);
  });

  it.each(['operator', 'admin'] as const)('[R3] every console command works for an %s', async (role) => {
    const session = role === 'admin' ? admin : await operatorSession();
    const con = track(consoleOf(h.url, session, 'demo'));
    await con.until(() => true);
    const ok = async (c: Record<string, unknown>) => expect(await command(con, c), JSON.stringify(c)).toEqual({ ok: true });
    await ok({ type: 'checkIn', deputyId: 'd001' });
    await ok({ type: 'showItem', itemId: 'motion-budget' });
    await ok({ type: 'startRound', itemId: 'motion-budget', countdownSec: 30, confirmNoQuorum: true });
    const roundId = (await con.until((v) => v.activeRoundId !== null)).activeRoundId!;
    await ok({ type: 'addTime', roundId, seconds: 30 });
    await ok({ type: 'pause', roundId });
    await ok({ type: 'resume', roundId });
    await ok({ type: 'close', roundId });
    await ok({ type: 'reveal', roundId });
    await ok({ type: 'void', roundId, reason: '设备故障' });
    await ok({ type: 'manualResult', itemId: 'motion-appoint', counts: { kind: 'motion', for: 4, against: 1, abstain: 1 } });
    await ok({ type: 'undoCheckIn', deputyId: 'd001' });
    await ok({ type: 'showItem', itemId: null });
  });

  it('[R4] deputies and screens have no console commands; a logged-out console is cut off', async () => {
    const [l] = await links(h.url, admin);
    const d = track(phone(h.url, l!.url, 'p1'));
    await d.until(() => true);
    const scr = track(screen(h.url));
    await scr.until(() => true);
    for (const s of [d.socket, scr.socket]) {
      const answer = await emit(s, 'command', { type: 'checkIn', deputyId: 'd002' }, 400).catch(() => null); // unanswered, or refused
      expect(answer?.ok ?? false).toBe(false);
    }
    const op = await operatorSession();
    const con = track(consoleOf(h.url, op, 'demo'));
    const v = await con.until(() => true);
    expect(v.turnout.present).toBe(0);
    await api(h.url, 'POST', '/api/logout', { session: op });
    // The server hangs up on a session that ended; the answer may not make it back first.
    const answer = await command(con, { type: 'checkIn', deputyId: 'd002' }).catch(() => null);
    expect(answer?.ok ?? false).toBe(false);
    await new Promise((r) => setTimeout(r, 100));
    expect(con.socket.connected).toBe(false);
    const admins = track(consoleOf(h.url, admin, 'demo'));
    expect((await admins.until(() => true)).turnout.present).toBe(0);
  });
});
