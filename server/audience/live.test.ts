// The public page's namespace against the real server (SPEC Y2, Y3, Y4, Y6, Y8): real sockets,
// real disk, and for Y6 a real redis-server stopped and started under a running meeting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import type { AudienceView } from '../../shared/audience-view.js';
import { NS, type Command } from '../../shared/protocol.js';
import type { ConsoleView } from '../../shared/views.js';
import { checkedInDeputies, command, connect, console_, emit, login, receipt, screen, serverPerTest, startServer, vote, type Client, type Harness } from '../test/harness.js';
import { startRedis, type TestRedis } from '../test/redis.js';
import { issueDevice } from './device.js';

type Phone = Client<AudienceView> & { device(): Promise<string> };

function phone(url: string, code: string, device?: string): Phone {
  const c = connect<AudienceView>(url, NS.live, { code, ...(device !== undefined ? { device } : {}) });
  let token: string | undefined = device;
  const got = new Promise<string>((resolve) => {
    if (device !== undefined) resolve(device);
    c.socket.on('device', (t: string) => {
      token = t;
      resolve(t);
    });
  });
  return Object.assign(c, { device: () => (token !== undefined ? Promise.resolve(token) : got) });
}
const rate = (s: Socket, payload: unknown) => emit(s, 'rate', payload);
const codeOf = (h: Harness) => h.app.ctx.audience?.code('demo') ?? '';
/** The demo rating item's subjects, each given `level`. */
function all(h: Harness, level: string): Record<string, string> {
  const item = h.app.ctx.meetings.get('demo')?.agenda.find((i) => i.id === 'rating-departments');
  return Object.fromEntries((item?.kind === 'rating' ? item.subjects : []).map((x) => [x.id, level]));
}

async function openPoll(con: Client<ConsoleView>, c: Partial<Extract<Command, { type: 'audienceOpen' }>> = {}) {
  const ack = await command(con, { type: 'audienceOpen', itemId: 'rating-departments', group: 'online', seconds: 0, ...c });
  if (!ack.ok) throw new Error(ack.error);
  const v = await con.until((x) => (x.preview.live.audience?.open.length ?? 0) > 0);
  return v.preview.live.audience?.open[0]?.pollId ?? '';
}

describe('/live: the audience page', () => {
  const t = serverPerTest({ demoSize: 5, audience: { limits: { devicesPerMinute: 100, ratingsPerMinute: 8 } } });

  it('[Y8] a page reads the view and gets a signed device; it cannot send the meeting any command', async () => {
    const p = t.track(phone(t.h.url, codeOf(t.h)));
    const v = await p.until(() => true);
    expect(v.meeting.title).toContain('演示会议');
    expect(await p.device()).toMatch(/^[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}$/);
    const before = t.h.app.ctx.meetings.get('demo')?.version;
    for (const [event, payload] of [
      ['command', { type: 'showItem', itemId: 'motion-budget' }],
      ['command', { type: 'audienceOpen', itemId: 'rating-departments', group: 'online' }],
      ['vote', {}],
      ['checkIn', {}],
    ] as const) {
      expect(await emit(p.socket, event, payload)).toEqual({ ok: false, error: 'FORBIDDEN' });
    }
    expect(t.h.app.ctx.meetings.get('demo')?.version).toBe(before);
    const wrong = connect<AudienceView>(t.h.url, NS.live, { code: 'demo' }); // the meeting id is not its public code
    t.track(wrong);
    await expect(new Promise((_, reject) => wrong.socket.once('connect_error', reject))).rejects.toThrow('NO_MEETING');
  });

  it('[Y3] one rating per device per poll; forged devices, wrong codes and floods are refused', async () => {
    const con = t.track(console_(t.h.url, t.session));
    await con.until(() => true);
    const pollId = await openPoll(con, { withCode: true });
    const code = t.h.app.ctx.meetings.get('demo')?.audience[0]?.code ?? '';
    const p = t.track(phone(t.h.url, codeOf(t.h)));
    const device = await p.device();
    const ratings = all(t.h, 'satisfied');
    const [first = ''] = Object.keys(ratings);
    expect(await rate(p.socket, { pollId, device, ratings })).toEqual({ ok: false, error: 'WRONG_CODE' });
    expect(await rate(p.socket, { pollId, device, code: code === '0000' ? '0001' : '0000', ratings })).toEqual({ ok: false, error: 'WRONG_CODE' });
    expect(await rate(p.socket, { pollId, device, code, ratings })).toEqual({ ok: true });
    expect(await rate(p.socket, { pollId, device, code, ratings: { [first]: 'unsatisfied' } })).toEqual({ ok: false, error: 'ALREADY_VOTED' });
    const [id] = device.split('.');
    expect(await rate(p.socket, { pollId, device: `${id}.${'A'.repeat(22)}`, code, ratings })).toEqual({ ok: false, error: 'FORBIDDEN' });
    expect(await rate(p.socket, { pollId, device: 'made-up-device-id', code, ratings })).toEqual({ ok: false, error: 'FORBIDDEN' });
    // Signed by another server's secret: refused too.
    expect(await rate(p.socket, { pollId, device: issueDevice(Buffer.alloc(32, 7)), code, ratings })).toEqual({ ok: false, error: 'FORBIDDEN' });
    expect(await rate(p.socket, { pollId, device, code, ratings: { [first]: 'splendid' } })).toEqual({ ok: false, error: 'BAD_VALUE' });
    // Per source address (8 a minute here): new devices from one address run out of ratings.
    const outcomes: string[] = [];
    for (let i = 0; i < 6; i++) {
      const q = t.track(phone(t.h.url, codeOf(t.h)));
      const a = await rate(q.socket, { pollId, device: await q.device(), code, ratings });
      outcomes.push(a.ok ? 'ok' : a.error);
    }
    expect(outcomes).toContain('RATE_LIMITED');
    const screenView = await t.track(screen(t.h.url)).until((v) => (v.audience?.open[0]?.n ?? 0) >= 1, 3000);
    expect(screenView.audience?.open[0]?.code).toBe(code);
  });

  it('[Y4] the close journals the final count; the figure shows with the revealed result and survives a restart', async () => {
    const con = t.track(console_(t.h.url, t.session));
    await con.until(() => true);
    const deps = await checkedInDeputies(t.h.url, t.session, t.track);
    const pollId = await openPoll(con);
    const phones = [0, 1, 2].map(() => t.track(phone(t.h.url, codeOf(t.h))));
    for (const [i, p] of phones.entries()) expect(await rate(p.socket, { pollId, device: await p.device(), ratings: all(t.h, i < 2 ? 'satisfied' : 'unsatisfied') })).toEqual({ ok: true });
    expect((await command(con, { type: 'startRound', itemId: 'rating-departments' })).ok).toBe(true);
    const roundId = (await con.until((v) => v.activeRoundId !== null)).activeRoundId ?? '';
    for (const d of deps) expect((await vote(d, { roundId, submissionId: `s${receipt()}`, receipt: receipt(), content: { kind: 'rating', ratings: all(t.h, 'basic') } })).ok).toBe(true);
    expect(await command(con, { type: 'audienceClose', pollId })).toEqual({ ok: true });
    expect(await command(con, { type: 'close', roundId })).toEqual({ ok: true });
    const watcher = t.track(phone(t.h.url, codeOf(t.h)));
    const hidden = await watcher.until((v) => v.open.length === 0);
    expect(hidden.figures).toEqual([]);
    expect(await command(con, { type: 'reveal', roundId })).toEqual({ ok: true });
    const shown = await watcher.until((v) => v.figures.length > 0, 3000);
    expect(shown.figures[0]).toMatchObject({ group: 'online', n: 3 });
    expect(shown.figures[0]?.subjects[0]).toMatchObject({ rated: 3, satisfactionRate: 2 / 3 });
    // The deputies' figure is theirs alone: 5 ballots of 基本满意, nothing of the audience's.
    expect(shown.result?.kind === 'rating' && shown.result.subjects[0]).toMatchObject({ valid: 5, satisfactionRate: 1 });
    t.closeClients();
    await t.h.restart();
    const again = t.track(screen(t.h.url));
    const after = await again.until(() => true);
    expect(after.audience?.figures[0]).toMatchObject({ n: 3 });
  });
});

describe('/live on Redis: stopped and started under a running meeting', () => {
  let redis: TestRedis;
  let h: Harness;
  const clients: { close(): void }[] = [];
  const track = <T extends { close(): void }>(c: T) => (clients.push(c), c);
  beforeAll(async () => {
    redis = await startRedis();
    h = await startServer({ demoSize: 3, audience: { redisUrl: redis.url } });
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await h.close();
    await redis.close();
  });

  it('[Y6] Redis away: rating paused (the page and screen say so), chamber voting untouched; back: resumes, nothing lost', async () => {
    const session = await login(h.url);
    const con = track(console_(h.url, session));
    await con.until(() => true);
    const deps = await checkedInDeputies(h.url, session, track);
    const pollId = await openPoll(con);
    const ratings = all(h, 'satisfied');
    const code = h.app.ctx.audience?.code('demo') ?? '';
    const [a, b, c] = [0, 1, 2].map(() => track(phone(h.url, code)));
    if (!a || !b || !c) throw new Error('phones');
    expect(await rate(a.socket, { pollId, device: await a.device(), ratings })).toEqual({ ok: true });
    expect(await rate(b.socket, { pollId, device: await b.device(), ratings })).toEqual({ ok: true });
    // Stopped, not crashed: Redis writes its append-only file on the way down. A crash (SIGKILL) with
    // appendfsync everysec may lose the last second or two it acknowledged (docs/SECURITY.md).
    await redis.stop('SIGTERM');
    const paused = await c.until((v) => v.paused, 5000);
    expect(paused.paused).toBe(true);
    expect(await rate(c.socket, { pollId, device: await c.device(), ratings })).toEqual({ ok: false, error: 'AUDIENCE_PAUSED' });
    const scr = track(screen(h.url));
    expect((await scr.until((v) => v.audience?.paused === true)).audience?.paused).toBe(true);
    // Chamber voting goes on: a motion's round starts, takes every vote and closes.
    expect((await command(con, { type: 'startRound', itemId: 'motion-budget' })).ok).toBe(true);
    const roundId = (await con.until((v) => v.activeRoundId !== null)).activeRoundId ?? '';
    for (const d of deps) expect((await vote(d, { roundId, submissionId: `s${receipt()}`, receipt: receipt(), content: { kind: 'motion', choice: 'for' } })).ok).toBe(true);
    expect(await command(con, { type: 'close', roundId })).toEqual({ ok: true });
    // Closing the poll needs its final count: refused while Redis is away.
    expect(await command(con, { type: 'audienceClose', pollId })).toEqual({ ok: false, error: 'AUDIENCE_PAUSED' });
    await redis.start();
    await c.until((v) => !v.paused, 10_000);
    expect(await rate(c.socket, { pollId, device: await c.device(), ratings })).toEqual({ ok: true });
    expect(await rate(a.socket, { pollId, device: await a.device(), ratings })).toEqual({ ok: false, error: 'ALREADY_VOTED' });
    expect(await command(con, { type: 'audienceClose', pollId })).toEqual({ ok: true });
    expect(h.app.ctx.meetings.get('demo')?.audience[0]?.tally?.n).toBe(3);
  });
});
