// Integration (docs/SPEC.md Y9, Y12): the chamber core, two public edges as separate processes
// and a real Redis (server/test/redis.ts). The audience page on either edge shows the same view
// as the core's; a device rating on both edges is counted once; an edge SIGKILLed mid-burst
// loses nothing acked and counts nothing twice; Redis stopped and started: the chamber votes on,
// the edges' pages say paused, then resume with every count kept. Each edge also serves the
// built /live page itself.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AudienceView } from '../../shared/audience-view.js';
import { NS, type Ack } from '../../shared/protocol.js';
import type { ConsoleView } from '../../shared/views.js';
import { checkedInDeputies, clientTracker, command, connect, console_, emit, login, receipt, screen, startServer, vote, type Client, type Harness } from '../test/harness.js';
import { startEdgeProcess, TEST_AUDIENCE_SECRET, type EdgeProc } from '../test/edges.js';
import { startRedis, type TestRedis } from '../test/redis.js';

type Phone = Client<AudienceView> & { device(): Promise<string> };

function phone(url: string, code: string, device?: string): Phone {
  const c = connect<AudienceView>(url, NS.live, { code, ...(device !== undefined ? { device } : {}) });
  const got = new Promise<string>((resolve) => {
    if (device !== undefined) resolve(device);
    c.socket.on('device', (t: string) => resolve(t));
  });
  return Object.assign(c, { device: () => got });
}
const rate = (s: Socket, payload: unknown) => emit(s, 'rate', payload);
/** What a page sees, without the instant it was built at, nor the participant count (it moves on
 *  its own cadence: read every 250 ms, sent to pages at most every 10 s; checked on the screen). */
const seen = (v: AudienceView | undefined) => v && { ...v, serverNow: 0, open: v.open.map((p) => ({ ...p, n: null })) };

let clientDir: string;
beforeAll(async () => {
  // A built client as the edge finds it (dist/client): the page and one hashed asset.
  clientDir = await mkdtemp(join(tmpdir(), 'wz-client-'));
  await mkdir(join(clientDir, 'assets'));
  await writeFile(join(clientDir, 'index.html'), '<!doctype html><html><head><title>问政</title></head><body>live-page</body></html>');
  await writeFile(join(clientDir, 'assets', 'live-abc123.js'), 'console.log("live")');
});
afterAll(async () => {
  await rm(clientDir, { recursive: true, force: true });
});

let redis: TestRedis;
let h: Harness;
let edges: EdgeProc[] = [];
let session = '';
const clients = clientTracker();
const MANY = '100000';
beforeEach(async () => {
  redis = await startRedis();
  h = await startServer({ demoSize: 5, redisUrl: redis.url, audience: { redisUrl: redis.url, secret: TEST_AUDIENCE_SECRET, limits: { devicesPerMinute: 100_000, ratingsPerMinute: 100_000 } } });
  const env = { CLIENT_DIR: clientDir, AUDIENCE_DEVICES_PER_MINUTE: MANY, AUDIENCE_RATINGS_PER_MINUTE: MANY };
  edges = await Promise.all([startEdgeProcess(redis.url, env), startEdgeProcess(redis.url, env)]);
  session = await login(h.url);
}, 60_000);
afterEach(async () => {
  clients.closeAll();
  for (const e of edges) e.proc.kill('SIGKILL');
  await h.close();
  await redis.close();
});

const code = () => h.app.ctx.audience?.code('demo') ?? '';
/** The demo rating item's subjects, each given `level`. */
function all(level: string): Record<string, string> {
  const item = h.app.ctx.meetings.get('demo')?.agenda.find((i) => i.id === 'rating-departments');
  return Object.fromEntries((item?.kind === 'rating' ? item.subjects : []).map((x) => [x.id, level]));
}
async function openPoll(): Promise<{ con: Client<ConsoleView>; pollId: string }> {
  const con = clients.track(console_(h.url, session));
  await con.until(() => true);
  const ack = await command(con, { type: 'audienceOpen', itemId: 'rating-departments', group: 'online', seconds: 0 });
  if (!ack.ok) throw new Error(ack.error);
  const v = await con.until((x) => (x.preview.live.audience?.open.length ?? 0) > 0);
  return { con, pollId: v.preview.live.audience?.open[0]?.pollId ?? '' };
}
/** Close the poll: the core seals it and journals the count it read from Redis (Y4). */
async function closedCount(con: Client<ConsoleView>, pollId: string): Promise<number | undefined> {
  expect(await command(con, { type: 'audienceClose', pollId })).toEqual({ ok: true });
  return h.app.ctx.meetings.get('demo')?.audience.find((p) => p.id === pollId)?.tally?.n;
}
const screenCount = (n: number) => clients.track(screen(h.url)).until((v) => v.audience?.open[0]?.n === n, 10_000);

describe('[Y9] the audience page on the public edges', () => {
  it('a page on either edge sees the core\'s audience view; the edge serves the /live page and its assets, nothing else', async () => {
    const { pollId } = await openPoll();
    const [a, b] = edges.map((e) => clients.track(phone(e.url, code())));
    const core = clients.track(phone(h.url, code()));
    const open = (v: AudienceView) => v.open.length === 1;
    const want = seen(await core.until(open));
    expect(seen(await a!.until(open, 10_000))).toEqual(want);
    expect(seen(await b!.until(open, 10_000))).toEqual(want);
    expect(want?.open[0]?.code).toBeNull(); // the page never shows the code (Y3)
    // A device the edge issued rates there, and the big screen in the chamber counts it.
    expect(await rate(a!.socket, { pollId, device: await a!.device(), ratings: all('satisfied') })).toEqual({ ok: true });
    await screenCount(1);
    // The page itself, from the edge: a viewer needs nothing from the chamber.
    const page = await fetch(`${edges[0]!.url}/live/${code()}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('live-page');
    expect((await fetch(`${edges[0]!.url}/assets/live-abc123.js`)).status).toBe(200);
    for (const path of ['/console', '/screen', '/d/abc', '/api/health', '/assets/gone-1.js']) expect((await fetch(`${edges[0]!.url}${path}`)).status).toBe(404);
    // An unknown code is no meeting, on an edge as on the core.
    const wrong = clients.track(connect<AudienceView>(edges[1]!.url, NS.live, { code: 'nosuch' }));
    await expect(new Promise((_, reject) => wrong.socket.once('connect_error', reject))).rejects.toThrow('NO_MEETING');
    // No command path from an edge's page (Y8).
    expect(await emit(b!.socket, 'command', { type: 'audienceClose', pollId })).toEqual({ ok: false, error: 'FORBIDDEN' });
  }, 60_000);

  it('the same devices rating on both edges at once are counted once each; the big screen shows the total', async () => {
    const { con, pollId } = await openPoll();
    const N = 20;
    const onA = Array.from({ length: N }, () => clients.track(phone(edges[0]!.url, code())));
    const devices = await Promise.all(onA.map((p) => p.device()));
    const onB = devices.map((d) => clients.track(phone(edges[1]!.url, code(), d)));
    await Promise.all(onB.map((p) => p.until(() => true, 10_000)));
    const acks = await Promise.all(
      devices.map((device, i) =>
        Promise.all([rate(onA[i]!.socket, { pollId, device, ratings: all('satisfied') }), rate(onB[i]!.socket, { pollId, device, ratings: all('unsatisfied') })]),
      ),
    );
    for (const pair of acks) expect(pair.map((x) => (x.ok ? 'ok' : x.error)).sort()).toEqual(['ALREADY_VOTED', 'ok']);
    await screenCount(N);
    expect(await closedCount(con, pollId)).toBe(N);
  }, 60_000);
});

describe('[Y12] the public edges under faults', () => {
  it('an edge SIGKILLed mid-burst: its pages move to the other edge; every acked rating counted, none twice', async () => {
    const { con, pollId } = await openPoll();
    const N = 150;
    const onA = Array.from({ length: N }, () => clients.track(phone(edges[0]!.url, code())));
    const devices = await Promise.all(onA.map((p) => p.device()));
    const acked = new Set<number>();
    let killed = false;
    // A paced burst: the kill lands while ratings are still on their way.
    for (const [i, p] of onA.entries()) {
      p.socket.emit('rate', { pollId, device: devices[i], ratings: all('satisfied') }, (a: Ack) => {
        if (a.ok && !killed) acked.add(i);
      });
      if (i === 40) {
        while (acked.size < 20) await new Promise((r) => setTimeout(r, 5));
        edges[0]!.proc.kill('SIGKILL');
        killed = true;
      }
      if (i % 10 === 0) await new Promise((r) => setTimeout(r, 2));
    }
    const before = new Set(acked);
    expect(before.size).toBeGreaterThanOrEqual(20);
    expect(before.size).toBeLessThan(N);
    // The pages reconnect (behind the proxy: to the other edge) with their device and send again.
    const onB = devices.map((d) => clients.track(phone(edges[1]!.url, code(), d)));
    const again = await Promise.all(onB.map((p, i) => rate(p.socket, { pollId, device: devices[i], ratings: all('satisfied') })));
    for (const i of before) expect(again[i]).toEqual({ ok: false, error: 'ALREADY_VOTED' }); // acked before: counted, and not again
    for (const a of again) expect(a.ok || a.error === 'ALREADY_VOTED').toBe(true);
    await screenCount(N);
    expect(await closedCount(con, pollId)).toBe(N);
  }, 90_000);

  it('Redis stopped: chamber votes acked and counted, the edges\' pages say paused; back: rating resumes, counts kept', async () => {
    const { con, pollId } = await openPoll();
    const deps = await checkedInDeputies(h.url, session, clients.track);
    const [a, b] = edges.map((e) => clients.track(phone(e.url, code())));
    const [a2] = [clients.track(phone(edges[0]!.url, code()))];
    for (const p of [a!, b!]) expect(await rate(p.socket, { pollId, device: await p.device(), ratings: all('satisfied') })).toEqual({ ok: true });
    const late = await a2!.device();
    await screenCount(2);
    // Stopped, not crashed: Redis writes its append-only file on the way down (server/test/redis.ts: AOF on).
    await redis.stop('SIGTERM');
    for (const p of [a!, b!]) expect((await p.until((v) => v.paused, 10_000)).paused).toBe(true);
    expect(await rate(a2!.socket, { pollId, device: late, ratings: all('basic') })).toEqual({ ok: false, error: 'AUDIENCE_PAUSED' });
    // The chamber votes on: a motion's round takes every vote, acked and counted, none waiting on Redis.
    expect((await command(con, { type: 'startRound', itemId: 'motion-budget', countdownSec: 0 })).ok).toBe(true);
    const roundId = (await con.until((v) => v.activeRoundId !== null)).activeRoundId ?? '';
    const t0 = Date.now();
    for (const [i, d] of deps.entries()) expect(await vote(d, { roundId, submissionId: `s${i}`, receipt: receipt(), content: { kind: 'motion', choice: 'for' } })).toMatchObject({ ok: true, duplicate: false });
    expect(Date.now() - t0).toBeLessThan(3000);
    expect((await con.until((v) => v.rounds.find((r) => r.id === roundId)?.voterCount === deps.length)).activeRoundId).toBe(roundId);
    await redis.start();
    for (const p of [a!, b!]) await p.until((v) => !v.paused, 15_000);
    expect(await rate(a2!.socket, { pollId, device: late, ratings: all('basic') })).toEqual({ ok: true });
    expect(await rate(b!.socket, { pollId, device: await a!.device(), ratings: all('basic') })).toEqual({ ok: false, error: 'ALREADY_VOTED' });
    await screenCount(3);
    expect(await closedCount(con, pollId)).toBe(3);
  }, 90_000);
});
