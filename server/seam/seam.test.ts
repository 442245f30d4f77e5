// The seam between the core and its edges (docs/SPEC.md Z1-Z3): requests as data across a real
// structured-clone boundary (a worker MessageChannel, as a child process's IPC channel with
// serialization 'advanced' carries them), answered by id; records folded by an edge with the
// same reducer give the core's views; a lost record is healed by a snapshot.
import { fork } from 'node:child_process';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CoreRecord, CoreRequest } from '../../shared/seam.js';
import { consoleWireView, screenView } from '../../shared/views.js';
import { receipt, startServer, type Harness } from '../test/harness.js';
import { EdgeFold } from './edge-fold.js';
import { inProcess, RemoteCore, serveEdge, type CoreTransport, type Port } from './transport.js';
import type { ScreenView } from '../../shared/views.js';

const portOf = (p: MessagePort, drop: (msg: unknown) => boolean = () => false): Port => ({
  post: (msg) => {
    // A message carrying several (one turn's records and answers) loses the dropped ones only.
    const m = msg as { t: string; msgs?: unknown[] };
    if (m.t === 'many' && m.msgs) p.postMessage({ ...m, msgs: m.msgs.filter((x) => !drop(x)) });
    else if (!drop(msg)) p.postMessage(msg);
  },
  listen: (f) => {
    p.on('message', f);
    return () => p.off('message', f);
  },
});

let h: Harness;
let channel: MessageChannel;
beforeEach(async () => {
  h = await startServer({ demoSize: 5 });
  channel = new MessageChannel();
});
afterEach(async () => {
  channel.port1.close();
  channel.port2.close();
  await h.close();
});

const deputies = (): string[] => h.app.ctx.meetings.get('demo')!.roster.map((d) => d.id);
let n = 0;
const req = (role: CoreRequest['role'], actor: string, command: CoreRequest['command']): CoreRequest => ({ id: `t${++n}`, meeting: 'demo', role, actor, command });

/** A meeting's life through the seam: check-ins, a secret vote started, cast by all, closed and revealed. */
async function sitting(core: CoreTransport): Promise<void> {
  for (const d of deputies()) expect((await core.request(req('deputy', d, { type: 'checkIn' }))).ack).toEqual({ ok: true });
  expect((await core.request(req('console', 'admin', { type: 'console', command: { type: 'startRound', itemId: 'motion-budget', countdownSec: 0 } }))).ack).toEqual({ ok: true });
  const roundId = h.app.ctx.meetings.get('demo')!.activeRoundId!;
  const choices = ['for', 'for', 'against', 'abstain', 'for'] as const;
  for (const [i, d] of deputies().entries()) {
    const vote = { roundId, submissionId: `s${i}`, receipt: receipt(), content: { kind: 'motion' as const, choice: choices[i]! } };
    const { ack } = await core.request(req('deputy', d, { type: 'vote', vote }));
    expect(ack).toMatchObject({ ok: true, duplicate: false, recorded: { roundId, content: vote.content } });
  }
  for (const type of ['close', 'reveal'] as const) expect((await core.request(req('console', 'admin', { type: 'console', command: { type, roundId } }))).ack).toEqual({ ok: true });
}

describe('[Z1] a request to the core is data, answered by its id', () => {
  it('crosses a structured-clone boundary and comes back by id; what does not parse is refused; a deputy cannot send a console command', async () => {
    serveEdge(h.app.core, portOf(channel.port1));
    const core = new RemoteCore(portOf(channel.port2));
    // Two at once: each answer finds its own request.
    const [a, b] = await Promise.all([
      core.request(req('deputy', deputies()[0]!, { type: 'checkIn' })),
      core.request({ ...req('deputy', 'nobody', { type: 'checkIn' }) }),
    ]);
    expect(a).toEqual({ id: `t${n - 1}`, ack: { ok: true } });
    expect(b).toEqual({ id: `t${n}`, ack: { ok: false, error: 'NOT_FOUND' } });
    expect(h.app.ctx.meetings.get('demo')!.presentCount).toBe(1);
    const bad = await core.request({ ...req('deputy', 'd1', { type: 'checkIn' }), command: { type: 'launch' } } as unknown as CoreRequest);
    expect(bad.ack).toEqual({ ok: false, error: 'BAD_REQUEST' });
    const smuggled = await core.request(req('deputy', deputies()[1]!, { type: 'console', command: { type: 'showItem', itemId: null } }));
    expect(smuggled.ack).toEqual({ ok: false, error: 'UNAUTHORIZED' });
    core.close();
  });
});

describe('[Z2] an edge folds the core\'s records with the same reducer', () => {
  it('has the core\'s state after a whole sitting: the same screen and console views, records numbered one after another', async () => {
    serveEdge(h.app.core, portOf(channel.port1));
    const core = new RemoteCore(portOf(channel.port2));
    const seqs: number[] = [];
    core.onRecord((r) => seqs.push(r.seq));
    const edge = new EdgeFold((m) => core.snapshot(m));
    core.onRecord((r) => edge.apply(r));
    await edge.follow('demo');
    await sitting(core);
    await expect.poll(() => edge.seq('demo')).toBe(h.app.core.snapshot('demo')!.seq);
    const mine = h.app.ctx.meetings.get('demo')!;
    const theirs = edge.get('demo')!;
    expect(theirs).not.toBe(mine); // a copy, folded on the other side
    expect(screenView(theirs, 1_000)).toEqual(screenView(mine, 1_000));
    expect(consoleWireView(theirs, 1_000)).toEqual(consoleWireView(mine, 1_000));
    expect(screenView(theirs, 1_000).result).not.toBeNull();
    // Consecutive, after the one the snapshot held (the demo meeting's creation at start).
    expect(seqs).toEqual(seqs.map((_, i) => i + 2));
    expect(edge.snapshots).toBe(1); // the one it started from
    core.close();
  });
});

describe('[Z3] a lost record is a gap: the edge fetches a snapshot and folds what came meanwhile', () => {
  it('converges on the core\'s state when records go missing, and ignores one it has folded', async () => {
    // The core's port loses every seventh record on its way out.
    const drop = (msg: unknown) => (msg as { t: string; record?: CoreRecord }).t === 'record' && (msg as { record: CoreRecord }).record.seq % 7 === 0;
    serveEdge(h.app.core, portOf(channel.port1, drop));
    const core = new RemoteCore(portOf(channel.port2));
    const edge = new EdgeFold((m) => core.snapshot(m));
    const got: CoreRecord[] = [];
    core.onHead((m, seq) => edge.head(m, seq));
    core.onRecord((r) => {
      got.push(r);
      edge.apply(r);
    });
    await edge.follow('demo');
    await sitting(core);
    const last = h.app.core.snapshot('demo')!.seq;
    expect(last).toBeGreaterThanOrEqual(14); // 7 and 14 lost: the last one too, which only the core's heartbeat reveals
    await expect.poll(() => edge.seq('demo')).toBe(last);
    expect(edge.snapshots).toBeGreaterThan(1);
    expect(screenView(edge.get('demo')!, 1_000)).toEqual(screenView(h.app.ctx.meetings.get('demo')!, 1_000));
    // A record folded already (a resend) changes nothing.
    const before = edge.get('demo');
    edge.apply(got[0]!);
    expect(edge.get('demo')).toBe(before);
    core.close();
  });
});

describe('[Z2] across a process: a child process folds the records it is sent over IPC', () => {
  it('builds the screen view the core has, from a snapshot and the records after it', async () => {
    const child = fork(new URL('../test/fold-edge.ts', import.meta.url).pathname, [], { execArgv: ['--import', 'tsx'], serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    try {
      let last: { seq: number; view: ScreenView } | null = null;
      const port: Port = {
        post: (msg) => {
          if (child.connected) child.send(msg as never);
        },
        listen: (f) => {
          const g = (msg: unknown) => {
            const m = msg as { t: string; seq: number; view: ScreenView };
            if (m.t === 'probe') last = m;
            else f(msg);
          };
          child.on('message', g);
          return () => child.off('message', g);
        },
      };
      serveEdge(h.app.core, port);
      await expect.poll(() => last?.seq, { timeout: 15_000 }).toBe(h.app.core.snapshot('demo')!.seq);
      // The sitting's requests go in process this time; the child sees them only as records.
      await sitting(inProcess(h.app.core));
      const seq = h.app.core.snapshot('demo')!.seq;
      await expect.poll(() => last?.seq, { timeout: 15_000 }).toBe(seq);
      expect(last!.view).toEqual(screenView(h.app.ctx.meetings.get('demo')!, 1_000));
      expect(last!.view.result).not.toBeNull();
    } finally {
      child.kill();
    }
  }, 60_000);
});

describe('[Z3] following a meeting', () => {
  it('a second follow while the first snapshot is on its way resolves only once the state is here', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const edge = new EdgeFold(async (m) => {
      await gate;
      return h.app.core.snapshot(m) ?? null;
    });
    const first = edge.follow('demo');
    let second = false;
    const p = edge.follow('demo').then(() => (second = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(second).toBe(false);
    release();
    await Promise.all([first, p]);
    expect(edge.get('demo')?.roster).toHaveLength(5);
  });
});
