// Integration (docs/SPEC.md Z4, Z5): the chamber core, two public edges as separate processes
// and a real Redis (Debian's redis-server, server/test/redis.ts). Viewers of the screen view on
// either edge see the same views; an edge killed mid-stream loses its viewers to the other edge,
// where they see the current view; with Redis stopped the chamber votes on, acked and counted,
// and the edges' viewers catch up when it returns.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NS } from '../../shared/protocol.js';
import type { ConsoleView, ScreenView } from '../../shared/views.js';
import { checkedInDeputies, clientTracker, command, connect, console_, login, receipt, screen, startServer, vote, type Client, type Harness } from '../test/harness.js';
import { startEdgeProcess, type EdgeProc } from '../test/edges.js';
import { startRedis, type TestRedis } from '../test/redis.js';

/** What a viewer sees, without the instant it was built at. */
const seen = (v: ScreenView | undefined) => v && { ...v, serverNow: 0 };
const viewer = (edge: EdgeProc) => connect<ScreenView>(edge.url, NS.screen, { meetingId: 'demo' });

let redis: TestRedis;
let h: Harness;
let edges: EdgeProc[] = [];
const clients = clientTracker();
beforeEach(async () => {
  redis = await startRedis();
  h = await startServer({ demoSize: 5, redisUrl: redis.url });
  edges = await Promise.all([startEdgeProcess(redis.url), startEdgeProcess(redis.url)]);
}, 40_000);
afterEach(async () => {
  clients.closeAll();
  for (const e of edges) e.proc.kill('SIGKILL');
  await h.close();
  await redis.close();
});

async function openVote(): Promise<{ con: Client<ConsoleView>; roundId: string; deps: Awaited<ReturnType<typeof checkedInDeputies>> }> {
  const session = await login(h.url);
  const deps = await checkedInDeputies(h.url, session, clients.track);
  const con = clients.track(console_(h.url, session));
  await con.until(() => true);
  expect(await command(con, { type: 'startRound', itemId: 'motion-budget', countdownSec: 0 })).toEqual({ ok: true });
  const roundId = (await con.until((v) => v.activeRoundId !== null)).activeRoundId as string;
  return { con, roundId, deps };
}
const ballot = (roundId: string, i: number) => ({ roundId, submissionId: `s${i}`, receipt: receipt(), content: { kind: 'motion' as const, choice: 'for' as const } });

describe('[Z5] public edges on Redis: the same views on every edge', () => {
  it('a viewer on either edge sees what the chamber screen sees, vote by vote', async () => {
    const [a, b] = edges.map((e) => clients.track(viewer(e)));
    const chamber = clients.track(screen(h.url));
    const { roundId, deps } = await openVote();
    for (const [i, d] of deps.entries()) expect((await vote(d, ballot(roundId, i))).ok).toBe(true);
    const done = (v: ScreenView) => v.round?.id === roundId && v.round.voterCount === deps.length;
    const final = await chamber.until(done);
    expect(seen(await a!.until(done, 10_000))).toEqual(seen(final));
    expect(seen(await b!.until(done, 10_000))).toEqual(seen(final));
  }, 60_000);

  it('an edge killed mid-stream: its viewers reconnect to the other edge and see the current view', async () => {
    const onA = clients.track(viewer(edges[0]!));
    await onA.until((v) => v.turnout.present === 0);
    const { roundId, deps } = await openVote();
    for (const [i, d] of deps.slice(0, 2).entries()) expect((await vote(d, ballot(roundId, i))).ok).toBe(true);
    await onA.until((v) => v.round?.voterCount === 2, 10_000);
    edges[0]!.proc.kill('SIGKILL');
    // The rest of the votes while the viewer has no edge.
    for (const [i, d] of deps.slice(2).entries()) expect((await vote(d, ballot(roundId, i + 2))).ok).toBe(true);
    const moved = clients.track(viewer(edges[1]!)); // what a reconnecting page does: another edge behind the proxy
    const v = await moved.until((x) => x.round?.voterCount === deps.length, 10_000);
    expect(seen(v)).toEqual(seen(await clients.track(screen(h.url)).until((x) => x.round?.voterCount === deps.length)));
  }, 60_000);

  it('[Z4] Redis stopped: chamber votes are acked and counted; back: the edges\' viewers catch up', async () => {
    const [a, b] = edges.map((e) => clients.track(viewer(e)));
    const { con, roundId, deps } = await openVote();
    await a!.until((v) => v.round?.id === roundId, 10_000);
    await redis.stop('SIGKILL');
    const started = Date.now();
    for (const [i, d] of deps.entries()) expect(await vote(d, ballot(roundId, i))).toMatchObject({ ok: true, duplicate: false });
    expect(Date.now() - started).toBeLessThan(3_000); // no vote waited on Redis
    const counted = await con.until((v) => v.rounds.find((r) => r.id === roundId)?.voterCount === deps.length);
    expect(counted).toBeDefined();
    expect(a!.latest()?.round?.voterCount).toBe(0); // the public side is paused, not wrong
    await redis.start();
    const done = (v: ScreenView) => v.round?.voterCount === deps.length;
    const final = await clients.track(screen(h.url)).until(done);
    expect(seen(await a!.until(done, 15_000))).toEqual(seen(final));
    expect(seen(await b!.until(done, 15_000))).toEqual(seen(final));
  }, 60_000);
});
