// Y10: the limits per source address count the client's address: the TCP peer's, or the one a
// trusted proxy (TRUST_PROXY) reports in X-Forwarded-For. A header forged by anyone else is
// ignored, on the core and on the public edges; with Redis the allowance is one per address
// across the core and every edge.
import { io, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AudienceView } from '../../shared/audience-view.js';
import { NS, PROTOCOL_VERSION, type Ack } from '../../shared/protocol.js';
import { command, console_, login, startServer, type Harness } from '../test/harness.js';
import { startEdgeProcess, TEST_AUDIENCE_SECRET, type EdgeProc } from '../test/edges.js';
import { startRedis, type TestRedis } from '../test/redis.js';

const sockets: Socket[] = [];
afterEach(() => {
  for (const s of sockets.splice(0)) s.close();
});

/** A page whose requests carry X-Forwarded-For: `forwarded` (as a proxy would add, or a script would forge). */
async function page(url: string, code: string, forwarded: string): Promise<{ socket: Socket; device: string; view: AudienceView }> {
  const socket = io(url + NS.live, { auth: { v: PROTOCOL_VERSION, code }, transports: ['websocket'], forceNew: true, extraHeaders: { 'X-Forwarded-For': forwarded } });
  sockets.push(socket);
  const view = new Promise<AudienceView>((resolve) => socket.once('view', resolve));
  const device = await new Promise<string>((resolve, reject) => {
    socket.once('device', resolve);
    setTimeout(() => reject(new Error('no device')), 5000);
  });
  return { socket, device, view: await view };
}

async function openPoll(h: Harness): Promise<{ pollId: string; ratings: Record<string, string> }> {
  const con = console_(h.url, await login(h.url));
  sockets.push(con.socket);
  await con.until(() => true);
  const ack = await command(con, { type: 'audienceOpen', itemId: 'rating-departments', group: 'online', seconds: 0 });
  if (!ack.ok) throw new Error(ack.error);
  const v = await con.until((x) => (x.preview.live.audience?.open.length ?? 0) > 0);
  const item = h.app.ctx.meetings.get('demo')?.agenda.find((i) => i.id === 'rating-departments');
  const ratings = Object.fromEntries((item?.kind === 'rating' ? item.subjects : []).map((x) => [x.id, 'satisfied']));
  return { pollId: v.preview.live.audience?.open[0]?.pollId ?? '', ratings };
}

/** Six pages, each claiming another address, rate once each; the answers in order. */
async function sixRatings(urls: string[], code: string, poll: { pollId: string; ratings: Record<string, string> }): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < 6; i++) {
    const p = await page(urls[i % urls.length] ?? '', code, `198.51.100.${i + 1}`);
    const a = (await p.socket.timeout(5000).emitWithAck('rate', { pollId: poll.pollId, device: p.device, ratings: poll.ratings })) as Ack;
    out.push(a.ok ? 'ok' : a.error);
  }
  return out;
}
const limited = ['ok', 'ok', 'ok', 'RATE_LIMITED', 'RATE_LIMITED', 'RATE_LIMITED'];

describe('[Y10] the core: X-Forwarded-For only from a trusted proxy', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });
  const audience = { limits: { devicesPerMinute: 100, ratingsPerMinute: 3 } };

  it('by default a forged header is ignored: every page counts as the peer it is', async () => {
    h = await startServer({ demoSize: 3, audience });
    expect(await sixRatings([h.url], h.app.ctx.audience?.code('demo') ?? '', await openPoll(h))).toEqual(limited);
  });

  it('behind a trusted proxy (TRUST_PROXY=loopback here) each client address has its own allowance', async () => {
    h = await startServer({ demoSize: 3, audience, trustProxy: 'loopback' });
    expect(await sixRatings([h.url], h.app.ctx.audience?.code('demo') ?? '', await openPoll(h))).toEqual(Array(6).fill('ok'));
  });
});

describe('[Y10] the public edges: one allowance per address in Redis, forged headers ignored', () => {
  let redis: TestRedis;
  let h: Harness;
  let edges: EdgeProc[] = [];
  beforeAll(async () => {
    redis = await startRedis();
    h = await startServer({ demoSize: 3, redisUrl: redis.url, audience: { redisUrl: redis.url, secret: TEST_AUDIENCE_SECRET, limits: { devicesPerMinute: 100, ratingsPerMinute: 3 } } });
    const env = { AUDIENCE_DEVICES_PER_MINUTE: '100', AUDIENCE_RATINGS_PER_MINUTE: '3' };
    edges = await Promise.all([startEdgeProcess(redis.url, env), startEdgeProcess(redis.url, env), startEdgeProcess(redis.url, { ...env, TRUST_PROXY: 'loopback' })]);
  }, 60_000);
  afterAll(async () => {
    for (const e of edges) e.proc.kill('SIGKILL');
    await h.close();
    await redis.close();
  });

  it('spread over two edges, forged addresses share the peer\'s one allowance; a trusting edge counts the forwarded address', async () => {
    const code = h.app.ctx.audience?.code('demo') ?? '';
    const poll = await openPoll(h);
    // The peer's allowance (3 a minute) is spent across both edges, whatever the header says.
    expect(await sixRatings([edges[0]!.url, edges[1]!.url], code, poll)).toEqual(limited);
    // The edge that trusts its proxy counts each forwarded address on its own (198.51.100.x are
    // new addresses in Redis's limiter, so their ratings go through; the peer's is spent).
    expect(await sixRatings([edges[2]!.url], code, poll)).toEqual(Array(6).fill('ok'));
  }, 60_000);
});
