// One deputy-client process of the bench: owns a slice of the chamber's sockets (real
// socket.io-client, websocket transport), and on the conductor's word connects, checks in
// and votes. Times are reported on the conductor's clock (see ipc.ts).
import { io, type Socket } from 'socket.io-client';
import { NS, PROTOCOL_VERSION } from '../../shared/protocol.js';
import { ROUTE_QUERY } from '../../shared/seam.js';
import type { DeputyView } from '../../shared/views.js';
import { send, syncClock, wallNow, type ToWorker, type VotePlan, type VoteRecord } from './ipc.js';
import { assertNever } from '../../shared/never.js';

const ACK_TIMEOUT_MS = 30_000;
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const CHOICES = ['for', 'against', 'abstain'] as const;

let offset = 0;
const now = () => wallNow() + offset;

let sockets: Socket[] = [];
let first = 0;

// The open round each phone was last shown: a deputy can vote only once the phone shows it.
const openRound = new WeakMap<Socket, string>();
let waiting: { roundId: string; left: Set<Socket> } | null = null;

function settle(): void {
  if (!waiting) return;
  const w = waiting;
  for (const s of w.left) if (openRound.get(s) === w.roundId) w.left.delete(s);
  if (w.left.size > 0) return;
  waiting = null;
  send({ t: 'roundSeen', at: now() });
}

/** A receipt unique per (salt, deputy): 8 characters of the receipt alphabet. */
export function receiptOf(salt: number, i: number): string {
  let x = salt * 1_000_000 + i;
  let out = '';
  for (let k = 0; k < 8; k++) {
    out = (ALPHABET[x % 32] ?? 'A') + out;
    x = Math.floor(x / 32);
  }
  return out;
}

async function connectAll(url: string, tokens: string[], concurrency: number): Promise<void> {
  let failed = 0;
  let firstError: string | null = null;
  sockets = [];
  let next = 0;
  // Each phone sends a stable device id, as the real client does (the link binds to it).
  const one = (token: string, device: string) =>
    new Promise<void>((resolve) => {
      const auth = { v: PROTOCOL_VERSION, token, device };
      // The query names the namespace as the app's client does: the server may hand the socket to its chamber edge.
      const s = io(url + NS.deputy, { auth, query: { [ROUTE_QUERY]: NS.deputy }, transports: ['websocket'], forceNew: true, reconnection: false });
      s.on('view', (v: DeputyView) => {
        if (v.round?.status === 'open') openRound.set(s, v.round.id);
        if (waiting) settle();
      });
      let connected = false;
      s.once('connect', () => {
        connected = true;
        sockets.push(s);
        resolve();
      });
      // Closed before its namespace answered (the server gave up on the handshake): a failure to
      // count, not a phone to wait for forever.
      s.once('disconnect', (reason: string) => {
        if (connected) return;
        failed += 1;
        firstError ??= `closed before connecting: ${reason}`;
        s.close();
        resolve();
      });
      s.once('connect_error', (e: Error) => {
        failed += 1;
        firstError ??= e.message;
        s.close();
        resolve();
      });
    });
  // A few connects in flight per process, like phones waking up, not a SYN flood.
  const lane = async () => {
    while (next < tokens.length) {
      const k = next++;
      await one(tokens[k] ?? '', `bench-device-${first + k}`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  send({ t: 'connected', at: now(), failed, firstError });
}

async function checkInAll(): Promise<void> {
  const results = await Promise.all(
    sockets.map((s) =>
      s
        .timeout(ACK_TIMEOUT_MS)
        .emitWithAck('checkIn', {})
        .then((a: { ok?: boolean }) => a.ok === true, () => false),
    ),
  );
  send({ t: 'checkedIn', at: now(), failed: results.filter((x) => !x).length });
}

function voteOnce(s: Socket, i: number, plan: VotePlan): Promise<VoteRecord> {
  const receipt = receiptOf(plan.salt, i);
  const payload = {
    roundId: plan.roundId,
    submissionId: `b${plan.salt}-${i}`,
    receipt,
    content: { kind: 'motion', choice: CHOICES[i % 3] },
  };
  const sentAt = now();
  return s
    .timeout(ACK_TIMEOUT_MS)
    .emitWithAck('vote', payload)
    .then(
      (a: { ok?: boolean; duplicate?: boolean; error?: string }) => ({
        i,
        receipt,
        sentAt,
        ackAt: now(),
        ok: a.ok === true,
        duplicate: a.duplicate === true,
        error: a.ok === true ? null : (a.error ?? 'NO_CODE'),
      }),
      (e: unknown) => ({ i, receipt, sentAt, ackAt: now(), ok: false, duplicate: false, error: e instanceof Error ? e.message : 'ERROR' }),
    );
}

async function voteAll(plan: VotePlan, total: number): Promise<void> {
  const pending: Promise<VoteRecord>[] = [];
  if (plan.mode === 'burst') {
    await sleepUntil(plan.at);
    sockets.forEach((s, k) => pending.push(voteOnce(s, first + k, plan)));
  } else {
    // Deputy i votes at at + i/total * spreadMs: the whole chamber interleaves evenly.
    await Promise.all(
      sockets.map(async (s, k) => {
        const i = first + k;
        await sleepUntil(plan.at + (i / total) * plan.spreadMs);
        pending.push(voteOnce(s, i, plan));
      }),
    );
  }
  send({ t: 'voted', records: await Promise.all(pending) });
}

function sleepUntil(t: number): Promise<void> {
  const wait = t - now();
  return wait <= 0 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, wait));
}

let total = 0;
process.on('message', (raw: unknown) => {
  const m = raw as ToWorker; // our own IPC, sent by conductor.ts
  switch (m.t) {
    case 'pong':
      return; // handled by syncClock
    case 'connect':
      first = m.first;
      total = m.total;
      void connectAll(m.url, m.tokens, m.concurrency);
      return;
    case 'checkIn':
      void checkInAll();
      return;
    case 'awaitRound':
      waiting = { roundId: m.roundId, left: new Set(sockets) };
      settle();
      return;
    case 'vote':
      void voteAll(m.plan, total);
      return;
    case 'disconnect':
      for (const s of sockets) s.close();
      sockets = [];
      send({ t: 'disconnected' });
      return;
    default: {
      return assertNever(m, 'message');
    }
  }
});
process.on('disconnect', () => process.exit(0)); // the conductor went away: never linger

const sync = await syncClock();
offset = sync.offsetMs;
send({ t: 'ready', ...sync });
