// Logins from the chamber LAN: throttles keyed by source and name, failed logins in the log,
// session tokens never written in clear. Other sources are other loopback addresses
// (127.0.0.2 is this machine too), bound with localAddress.
import { readFile, writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { api } from './test/api.js';
import { ADMIN_PASSWORD, console_, login, startServer, type Harness } from './test/harness.js';
import { loginFrom } from './test/login.js';

let h: Harness | undefined;
const extra: string[] = [];
afterEach(async () => {
  await h?.close();
  h = undefined;
  for (const d of extra.splice(0)) await rm(d, { recursive: true, force: true });
});

const ATTACKER = '127.0.0.2';

describe('lockout', () => {
  it('wrong passwords for admin from another address lock that address out, not the control desk', async () => {
    h = await startServer({ demoSize: 3 });
    const answers = [];
    for (let i = 0; i < 7; i++) answers.push(await loginFrom(h.url, 'admin', `guess-${i}`, { localAddress: ATTACKER }));
    expect(answers.slice(0, 5).map((a) => a.status)).toEqual([401, 401, 401, 401, 401]);
    expect(answers.slice(5).map((a) => a.status)).toEqual([429, 429]);
    expect(Number(answers[5]?.retryAfter)).toBeGreaterThan(500); // about ten minutes
    // Locked means locked for that address, even with the right password...
    expect((await loginFrom(h.url, 'admin', ADMIN_PASSWORD, { localAddress: ATTACKER })).status).toBe(429);
    // ...while the control desk gets in.
    const desk = await loginFrom(h.url, 'admin', ADMIN_PASSWORD, { localAddress: '127.0.0.1' });
    expect(desk.status).toBe(200);
    expect(desk.body.session).toEqual(expect.any(String));
  });

  it('the lock ends after its time, and the right password then gets in from that address too', async () => {
    h = await startServer({ demoSize: 3, loginLimits: { attemptsPerName: 2, lockSeconds: 1, unknownPerSource: 10, unknownWindowSeconds: 60, concurrency: 1, queue: [4, 8, 8], recogniseMs: 60_000 } });
    for (let i = 0; i < 3; i++) await loginFrom(h.url, 'admin', `guess-${i}`, { localAddress: ATTACKER });
    expect((await loginFrom(h.url, 'admin', ADMIN_PASSWORD, { localAddress: ATTACKER })).status).toBe(429);
    await new Promise((r) => setTimeout(r, 1200));
    expect((await loginFrom(h.url, 'admin', ADMIN_PASSWORD, { localAddress: ATTACKER })).status).toBe(200);
  });

  it('names that are no account are throttled per address without hashing each one', async () => {
    h = await startServer({ demoSize: 3 });
    const statuses = [];
    for (let i = 0; i < 9; i++) statuses.push((await loginFrom(h.url, `nobody${i}`, 'x', { localAddress: ATTACKER })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429, 429]);
    // Another address, and an account from the same address, are not held by it.
    expect((await loginFrom(h.url, 'nobody-else', 'x', { localAddress: '127.0.0.3' })).status).toBe(401);
    expect((await loginFrom(h.url, 'admin', ADMIN_PASSWORD, { localAddress: ATTACKER })).status).toBe(200);
    const throttled = h.log.lines.filter((l) => l.msg === 'login attempts from this source throttled');
    expect(throttled).toHaveLength(1); // said once, not once per refused attempt
    expect(throttled[0]?.fields.source).toBe(ATTACKER);
  });

  it('past the waiting places, an attempt is answered 429 with Retry-After at once, not queued', async () => {
    h = await startServer({ demoSize: 3, loginLimits: { attemptsPerName: 5, lockSeconds: 600, unknownPerSource: 5, unknownWindowSeconds: 60, concurrency: 1, queue: [0, 0, 0], recogniseMs: 60_000 } });
    const url = h.url;
    const answers = await Promise.all([0, 1, 2].map((i) => loginFrom(url, 'admin', `at-once-${i}`, { localAddress: ATTACKER })));
    const busy = answers.filter((a) => a.status === 429);
    expect(answers.filter((a) => a.status === 401)).toHaveLength(answers.length - busy.length);
    expect(busy.length).toBeGreaterThanOrEqual(1);
    for (const b of busy) expect(Number(b.retryAfter)).toBeGreaterThanOrEqual(1);
    // An attempt refused as busy was never tried: it does not count towards the lock.
    const tried = answers.length - busy.length;
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await loginFrom(url, 'admin', `guess-${i}`, { localAddress: ATTACKER })).status);
    expect(statuses).toEqual([...Array<number>(5 - tried).fill(401), ...Array<number>(1 + tried).fill(429)]);
  });

  it('X-Forwarded-For is ignored unless a proxy is trusted', async () => {
    h = await startServer({ demoSize: 3 });
    // Spoofing a new "source" per guess does not get around the lock.
    for (let i = 0; i < 6; i++) await loginFrom(h.url, 'admin', `guess-${i}`, { localAddress: ATTACKER, headers: { 'x-forwarded-for': `192.0.2.${i + 1}` } });
    expect((await loginFrom(h.url, 'admin', ADMIN_PASSWORD, { localAddress: ATTACKER, headers: { 'x-forwarded-for': '192.0.2.99' } })).status).toBe(429);
    await h.close();
    h = await startServer({ demoSize: 3, trustProxy: 'loopback' });
    // Behind a trusted proxy on this machine, the forwarded address is the source.
    for (let i = 0; i < 6; i++) await loginFrom(h.url, 'admin', `guess-${i}`, { headers: { 'x-forwarded-for': '192.0.2.7' } });
    expect((await loginFrom(h.url, 'admin', ADMIN_PASSWORD, { headers: { 'x-forwarded-for': '192.0.2.7' } })).status).toBe(429);
    expect((await loginFrom(h.url, 'admin', ADMIN_PASSWORD, { headers: { 'x-forwarded-for': '192.0.2.8' } })).status).toBe(200);
  });
});

describe('failed logins in the log', () => {
  it('name and source address, never the password', async () => {
    h = await startServer({ demoSize: 3 });
    await loginFrom(h.url, 'admin', 'not-the-password-7', { localAddress: ATTACKER });
    await loginFrom(h.url, 'someone', 'also-wrong-8', { localAddress: ATTACKER });
    await loginFrom(h.url, 'admin', ADMIN_PASSWORD);
    const failed = h.log.lines.filter((l) => l.msg === 'login failed');
    expect(failed.map((l) => l.fields)).toEqual([
      { username: 'admin', source: ATTACKER, account: true },
      { username: 'someone', source: ATTACKER, account: false },
    ]);
    expect(failed.every((l) => l.level === 'warn')).toBe(true);
    const all = JSON.stringify(h.log.lines);
    for (const pw of ['not-the-password-7', 'also-wrong-8', ADMIN_PASSWORD]) expect(all).not.toContain(pw);
  });
});

describe('session tokens at rest', () => {
  it('db.json never holds the bearer token, and the token still works', async () => {
    h = await startServer({ demoSize: 3 });
    const token = await login(h.url);
    const dbText = () => readFile(join(h?.dataDir ?? '', 'db.json'), 'utf8');
    expect(await dbText()).not.toContain(token);
    expect((await api(h.url, 'GET', '/api/me', { session: token })).status).toBe(200);
    const con = console_(h.url, token);
    await con.until(() => true);
    con.close();
    await h.restart();
    expect((await api(h.url, 'GET', '/api/me', { session: token })).status).toBe(200);
    expect(await dbText()).not.toContain(token);
    await api(h.url, 'POST', '/api/logout', { session: token });
    expect((await api(h.url, 'GET', '/api/me', { session: token })).status).toBe(401);
    expect(await dbText()).not.toContain(token);
  });

  it('a db.json from before holds clear tokens: they are hashed at start and keep working', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wz-old-'));
    extra.push(dir);
    const first = await startServer({ demoSize: 3 }, dir);
    await first.close();
    const path = join(dir, 'db.json');
    const db = JSON.parse(await readFile(path, 'utf8')) as { sessions: unknown[] };
    const oldToken = 'old-clear-token-0123456789abcdef0123456789';
    db.sessions = [{ token: oldToken, username: 'admin', expiresAt: Date.now() + 3_600_000 }];
    await writeFile(path, JSON.stringify(db));
    h = await startServer({ demoSize: 3 }, dir);
    expect(await readFile(path, 'utf8')).not.toContain(oldToken);
    expect((await api(h.url, 'GET', '/api/me', { session: oldToken })).body).toMatchObject({ ok: true, username: 'admin' });
  });
});
