// The conductor's side of the client processes: a fleet of deputy-client processes that act
// together (connect, check in, vote) and the screen process. Each child's clock pings are
// answered here, so every time reported back is on this process's clock.
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { startClient } from './procs.js';
import { wallNow, type FromScreen, type FromWorker, type ScreenFrame, type ToScreen, type ToWorker, type VotePlan, type VoteRecord } from './ipc.js';

type Msg = FromWorker | FromScreen;

/** One child with an inbox: `next(t)` resolves with its next message of type t. */
class Peer {
  private inbox: Msg[] = [];
  private waiters: { t: Msg['t']; resolve: (m: Msg) => void; reject: (e: Error) => void }[] = [];

  constructor(readonly child: ChildProcess) {
    child.on('message', (raw: unknown) => {
      const m = raw as Msg; // our own IPC, sent by worker.ts and screen.ts
      if (m.t === 'ping') return void child.send({ t: 'pong', sent: m.sent, now: wallNow() });
      const w = this.waiters.findIndex((x) => x.t === m.t);
      if (w >= 0) this.waiters.splice(w, 1)[0]?.resolve(m);
      else this.inbox.push(m);
    });
    child.once('exit', (code) => {
      for (const w of this.waiters) w.reject(new Error(`client process exited (code ${code}) while the bench waited for '${w.t}'`));
      this.waiters = [];
    });
  }

  send(m: ToWorker | ToScreen): void {
    this.child.send(m);
  }

  next<T extends Msg['t']>(t: T): Promise<Extract<Msg, { t: T }>> {
    const i = this.inbox.findIndex((m) => m.t === t);
    if (i >= 0) return Promise.resolve(this.inbox.splice(i, 1)[0] as Extract<Msg, { t: T }>);
    if (this.child.exitCode !== null) return Promise.reject(new Error(`client process already exited (code ${this.child.exitCode})`));
    return new Promise((resolve, reject) => this.waiters.push({ t, resolve: (m) => resolve(m as Extract<Msg, { t: T }>), reject }));
  }
}

export class Fleet {
  private constructor(
    private readonly peers: Peer[],
    /** Largest clock offset measured to any client process (and corrected for). */
    readonly clockSkewMs: number,
  ) {}

  static async start(dir: string, count: number): Promise<Fleet> {
    const peers = Array.from({ length: count }, () => new Peer(startClient(join(dir, 'worker.ts'))));
    const ready = await Promise.all(peers.map((p) => p.next('ready')));
    return new Fleet(peers, Math.max(...ready.map((r) => Math.abs(r.offsetMs))));
  }

  /** Connect one socket per token, split evenly over the processes; resolves when all are up. */
  async connect(url: string, tokens: readonly string[], concurrency: number): Promise<{ at: number; failed: number; firstError: string | null }> {
    const per = Math.ceil(tokens.length / this.peers.length);
    this.peers.forEach((p, k) =>
      p.send({ t: 'connect', url, tokens: tokens.slice(k * per, (k + 1) * per), first: k * per, total: tokens.length, concurrency }),
    );
    const done = await Promise.all(this.peers.map((p) => p.next('connected')));
    return {
      at: Math.max(...done.map((d) => d.at)),
      failed: done.reduce((n, d) => n + d.failed, 0),
      firstError: done.find((d) => d.firstError)?.firstError ?? null,
    };
  }

  async checkIn(): Promise<{ at: number; failed: number }> {
    for (const p of this.peers) p.send({ t: 'checkIn' });
    const done = await Promise.all(this.peers.map((p) => p.next('checkedIn')));
    return { at: Math.max(...done.map((d) => d.at)), failed: done.reduce((n, d) => n + d.failed, 0) };
  }

  /** Resolves when every phone shows the round open, with when the last one did. */
  async roundSeen(roundId: string): Promise<number> {
    for (const p of this.peers) p.send({ t: 'awaitRound', roundId });
    const done = await Promise.all(this.peers.map((p) => p.next('roundSeen')));
    return Math.max(...done.map((d) => d.at));
  }

  async vote(plan: VotePlan): Promise<VoteRecord[]> {
    for (const p of this.peers) p.send({ t: 'vote', plan });
    const done = await Promise.all(this.peers.map((p) => p.next('voted')));
    return done.flatMap((d) => d.records);
  }

  async disconnect(): Promise<void> {
    for (const p of this.peers) p.send({ t: 'disconnect' });
    await Promise.all(this.peers.map((p) => p.next('disconnected')));
  }
}

export class Screen {
  private constructor(private readonly peer: Peer) {}

  static async start(dir: string): Promise<Screen> {
    const peer = new Peer(startClient(join(dir, 'screen.ts')));
    await peer.next('ready');
    return new Screen(peer);
  }

  async connect(url: string): Promise<void> {
    this.peer.send({ t: 'connect', url });
    await this.peer.next('screenUp');
  }

  /** Every frame received since the last dump. */
  async frames(): Promise<ScreenFrame[]> {
    this.peer.send({ t: 'dump' });
    return (await this.peer.next('frames')).frames;
  }
}
