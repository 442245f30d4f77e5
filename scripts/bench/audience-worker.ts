// An audience client process for the bench's audience mode: holds its share of /live sockets
// (the public page's protocol), keeps each one's signed device token, and on the conductor's word
// sends every socket's rating at once, then a second rating from some of them (to be refused).
import { io, type Socket } from 'socket.io-client';
import { NS, PROTOCOL_VERSION } from '../../shared/protocol.js';

export type ToAudienceWorker =
  | { t: 'connect'; url: string; code: string; count: number; concurrency: number }
  | { t: 'rate'; pollId: string; subjectId: string; repeats: number }
  | { t: 'disconnect' };

export type FromAudienceWorker =
  | { t: 'ready' }
  | { t: 'connected'; ok: number; failed: number; firstError: string | null }
  | { t: 'rated'; acks: Record<string, number>; repeats: Record<string, number>; firstSentAt: number; lastAckAt: number };

const send = (m: FromAudienceWorker) => process.send?.(m);
const sockets: { s: Socket; device: string }[] = [];

function connectOne(url: string, code: string): Promise<{ s: Socket; device: string }> {
  return new Promise((resolve, reject) => {
    const s = io(url + NS.live, { auth: { v: PROTOCOL_VERSION, code }, transports: ['websocket'], forceNew: true, reconnection: false, timeout: 60_000 });
    const t = setTimeout(() => reject(new Error('no device token within 60 s')), 60_000);
    s.once('device', (device: string) => {
      clearTimeout(t);
      resolve({ s, device });
    });
    s.once('connect_error', (e: Error) => {
      clearTimeout(t);
      reject(e);
    });
  });
}

async function connect(m: Extract<ToAudienceWorker, { t: 'connect' }>): Promise<void> {
  let next = 0;
  let failed = 0;
  let firstError: string | null = null;
  const lane = async () => {
    while (next < m.count) {
      next += 1;
      try {
        sockets.push(await connectOne(m.url, m.code));
      } catch (e) {
        failed += 1;
        firstError ??= e instanceof Error ? e.message : String(e);
      }
    }
  };
  await Promise.all(Array.from({ length: m.concurrency }, lane));
  send({ t: 'connected', ok: sockets.length, failed, firstError });
}

async function rate(m: Extract<ToAudienceWorker, { t: 'rate' }>): Promise<void> {
  const acks: Record<string, number> = {};
  const repeats: Record<string, number> = {};
  let lastAckAt = 0;
  const firstSentAt = Date.now();
  const one = ({ s, device }: { s: Socket; device: string }, level: string): Promise<string> =>
    (s.timeout(60_000).emitWithAck('rate', { pollId: m.pollId, device, ratings: { [m.subjectId]: level } }) as Promise<{ ok: boolean; error?: string }>).then(
      (a) => (a.ok ? 'ok' : (a.error ?? '?')),
      () => 'TIMEOUT',
    );
  await Promise.all(
    sockets.map(async (x, i) => {
      const r = await one(x, ['satisfied', 'basic', 'unsatisfied'][i % 3] ?? 'satisfied');
      lastAckAt = Math.max(lastAckAt, Date.now());
      acks[r] = (acks[r] ?? 0) + 1;
    }),
  );
  // The same devices again: each must be refused (ALREADY_VOTED), never counted twice.
  await Promise.all(
    sockets.slice(0, m.repeats).map(async (x) => {
      const r = await one(x, 'unsatisfied');
      repeats[r] = (repeats[r] ?? 0) + 1;
    }),
  );
  send({ t: 'rated', acks, repeats, firstSentAt, lastAckAt });
}

process.on('message', (raw: unknown) => {
  const m = raw as ToAudienceWorker; // our own IPC, from audience.ts
  if (m.t === 'connect') void connect(m);
  else if (m.t === 'rate') void rate(m);
  else {
    for (const x of sockets) x.s.close();
    process.exit(0);
  }
});
send({ t: 'ready' });
process.on('disconnect', () => process.exit(0)); // the conductor went away: never linger
