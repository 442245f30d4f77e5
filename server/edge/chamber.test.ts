// The chamber edge process (SPEC Z6): deputies' WebSockets handed from the core's port to a child
// process that forwards their requests to the core as data; killed mid-burst, nothing acked is
// lost or counted twice, and the core serves deputies itself until a new edge is up.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { VoteAck, Ack } from '../../shared/protocol.js';
import type { DeputyView } from '../../shared/views.js';
import { command, console_, deputy, emit, links, receipt, serverPerTest, type Client } from '../test/harness.js';
import { MessageChannel, type MessagePort as WorkerPort } from 'node:worker_threads';
import { RemoteCore, serveEdge, type Port } from '../seam/transport.js';
import { isDeputyUpgrade, vetChamberRequest } from './chamber-host.js';

const t = serverPerTest({ demoSize: 40, deputyEdge: true });
const { track } = t;

const coreDeputySockets = () => t.h.app.io.of('/deputy').sockets.size;

async function sitting(n: number) {
  const con = track(console_(t.h.url, t.session));
  await con.until(() => true);
  const deps: Client<DeputyView>[] = [];
  for (const l of (await links(t.h.url, t.session)).slice(0, n)) {
    const d = track(deputy(t.h.url, l.url));
    await d.until(() => true);
    expect(await emit(d.socket, 'checkIn', {})).toEqual({ ok: true });
    deps.push(d);
  }
  expect(await command(con, { type: 'startRound', itemId: 'motion-budget', countdownSec: 0, confirmNoQuorum: true })).toEqual({ ok: true });
  const roundId = (await con.until((v) => v.activeRoundId !== null)).activeRoundId as string;
  return { con, deps, roundId };
}

/** Votes until acked: a lost connection or an INTERNAL answer is retried with the same submission. */
async function voteUntilAcked(d: Client<DeputyView>, payload: object, acked: (a: Ack<VoteAck>) => void): Promise<void> {
  for (let i = 0; i < 40; i++) {
    const a = await emit<VoteAck>(d.socket, 'vote', payload, 1500).catch(() => null);
    if (a?.ok) return acked(a);
    if (a && a.error !== 'INTERNAL') throw new Error(`vote refused: ${a.error}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('never acked');
}

describe('[Z6] deputies served by the chamber edge process', () => {
  it('routes only a deputy WebSocket upgrade to the edge', () => {
    expect(isDeputyUpgrade('GET /socket.io/?EIO=4&transport=websocket&ns=%2Fdeputy HTTP/1.1\r\nHost: x\r\n')).toBe(true);
    expect(isDeputyUpgrade('GET /socket.io/?EIO=4&transport=polling&ns=%2Fdeputy HTTP/1.1\r\n')).toBe(false);
    expect(isDeputyUpgrade('GET /socket.io/?EIO=4&transport=websocket&ns=%2Fscreen HTTP/1.1\r\n')).toBe(false);
    expect(isDeputyUpgrade('GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\n')).toBe(false);
    expect(isDeputyUpgrade('POST /api/login?ns=%2Fdeputy&transport=websocket HTTP/1.1\r\n')).toBe(false);
  });

  it('a phone on the same port is served by the edge: the core holds none of its sockets, and its vote is journaled', async () => {
    const { deps, roundId } = await sitting(3);
    expect(t.h.app.chamber?.pid).toBeGreaterThan(0);
    expect(coreDeputySockets()).toBe(0);
    const a = await emit<VoteAck>(deps[0]!.socket, 'vote', { roundId, submissionId: 's1', receipt: receipt(), content: { kind: 'motion', choice: 'for' } });
    expect(a).toMatchObject({ ok: true, duplicate: false });
    const journal = await readFile(join(t.h.dataDir, 'journal.jsonl'), 'utf8');
    expect(journal).toContain('"submissionId":"s1"');
  });

  it('[Z7] killed mid-burst: every acked vote is stored once, phones resend and nothing is counted twice', async () => {
    const n = 40;
    const { con, deps, roundId } = await sitting(n);
    const pid = t.h.app.chamber?.pid;
    expect(pid).toBeGreaterThan(0);
    const acks = new Map<string, Ack<VoteAck>>();
    const payloads = deps.map((_, i) => ({ roundId, submissionId: `b${i}`, receipt: receipt(), content: { kind: 'motion' as const, choice: i % 3 === 0 ? ('against' as const) : ('for' as const) } }));
    const burst = deps.map((d, i) => voteUntilAcked(d, payloads[i]!, (a) => acks.set(`b${i}`, a)));
    // Killed while the burst is in flight: some votes are acked, some decided but not acked, some never sent.
    await new Promise((r) => setTimeout(r, 15));
    process.kill(pid!, 'SIGKILL');
    await Promise.all(burst);
    expect(acks.size).toBe(n);
    // A console command still works, and closing counts each deputy once.
    expect(await command(con, { type: 'close', roundId })).toEqual({ ok: true });
    const v = await con.until((x) => x.rounds[0]?.status === 'closed');
    const against = payloads.filter((p) => p.content.choice === 'against').length;
    expect(v.rounds[0]?.result).toMatchObject({ cast: n, for: n - against, against });
    const journal = (await readFile(join(t.h.dataDir, 'journal.jsonl'), 'utf8')).split('\n').filter(Boolean);
    const voted = journal.flatMap((l) => (JSON.parse(l) as { events: { t: string; roundId?: string; deputyId?: string }[] }).events).filter((e) => e.t === 'voted' && e.roundId === roundId);
    expect(voted).toHaveLength(n);
    expect(new Set(voted.map((e) => e.deputyId)).size).toBe(n);
    // A new edge comes up and takes new phones again.
    await t.h.app.chamber!.whenUp();
    expect(t.h.app.chamber?.pid).not.toBe(pid);
  });

  it('[Z7] while the edge restarts, the core serves deputies itself: a phone connects, checks in and votes', async () => {
    const { con, roundId } = await sitting(1);
    const pid = t.h.app.chamber?.pid;
    process.kill(pid!, 'SIGKILL');
    while (t.h.app.chamber?.pid !== null) await new Promise((r) => setTimeout(r, 5));
    const l = (await links(t.h.url, t.session))[5]!;
    const d = track(deputy(t.h.url, l.url));
    await d.until(() => true);
    expect(coreDeputySockets()).toBe(1);
    expect(await emit(d.socket, 'checkIn', {})).toEqual({ ok: true });
    expect(await emit(d.socket, 'vote', { roundId, submissionId: 'x1', receipt: receipt(), content: { kind: 'motion', choice: 'for' } })).toMatchObject({ ok: true });
    expect(await command(con, { type: 'close', roundId })).toEqual({ ok: true });
    await t.h.app.chamber!.whenUp();
    expect(t.h.app.chamber?.pid).not.toBe(pid);
  });

  it('the core decides an edge\'s request only with the deputy\'s own live link token; requests of one turn go in one message', async () => {
    const { roundId } = await sitting(2);
    const channel = new MessageChannel();
    const portOf = (p: WorkerPort, seen?: unknown[]): Port => ({
      post: (msg) => (seen?.push(msg), p.postMessage(msg)),
      listen: (f) => {
        p.on('message', f);
        return () => p.off('message', f);
      },
    });
    const sent: unknown[] = [];
    const stop = serveEdge(t.h.app.core, portOf(channel.port1), { vet: vetChamberRequest(t.h.app.ctx) });
    const edge = new RemoteCore(portOf(channel.port2, sent));
    try {
      const [a, b] = t.h.app.ctx.db.data.links.filter((l) => l.meetingId === 'demo');
      const vote = (i: number) => ({ type: 'vote' as const, vote: { roundId, submissionId: `v${i}`, receipt: receipt(), content: { kind: 'motion' as const, choice: 'for' as const } } });
      const ask = (token: string | undefined, actor: string, i: number) => edge.request({ id: edge.newId(), meeting: 'demo', role: 'deputy', actor, command: vote(i), ...(token ? { token } : {}) });
      const [other, none, own] = await Promise.all([ask(b!.token, a!.deputyId, 1), ask(undefined, a!.deputyId, 2), ask(a!.token, a!.deputyId, 3)]);
      expect(other.ack).toEqual({ ok: false, error: 'UNAUTHORIZED' });
      expect(none.ack).toEqual({ ok: false, error: 'UNAUTHORIZED' });
      expect(own.ack).toMatchObject({ ok: true, duplicate: false });
      expect(sent.filter((m) => (m as { t: string }).t === 'requests')).toHaveLength(1);
      const console_ = await edge.request({ id: edge.newId(), meeting: 'demo', role: 'console', actor: 'admin', command: { type: 'console', command: { type: 'close', roundId } } });
      expect(console_.ack).toEqual({ ok: false, error: 'UNAUTHORIZED' });
      // A revoked link stops at once, though the edge still holds the phone.
      a!.revokedAt = Date.now();
      expect((await ask(a!.token, a!.deputyId, 4)).ack).toEqual({ ok: false, error: 'UNAUTHORIZED' });
    } finally {
      stop();
      edge.close();
      channel.port1.close();
      channel.port2.close();
    }
  });
});
