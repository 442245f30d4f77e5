// The bench's audience mode (issue 17 §5): as many /live sockets as the machine holds, on the
// public page's protocol, then a rating burst from all of them. Checks: 0 lost (every rating
// acknowledged ok and in the count), 0 duplicated (the count equals the acks; a second rating
// from the same devices is refused), and the big screen's view showing the full count at most
// 1 s after the last ack. Reports RSS per 1,000 viewers. `--short` (CI): 300 viewers.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { io } from 'socket.io-client';
import { NS, PROTOCOL_VERSION } from '../../shared/protocol.js';
import type { ScreenView } from '../../shared/views.js';
import type { FromAudienceWorker, ToAudienceWorker } from './audience-worker.js';
import { fdLimits, freePort, startServer, stop, waitHealthy } from './procs.js';
import { Console, login } from './server-api.js';

const PASSWORD = 'bench-audience-password';
/** Descriptors the server keeps for its files, the screen and console, and spare. */
const SERVER_SPARE_FDS = 400;

export interface AudienceOptions {
  viewers: number;
  workers: number;
  tmp: string;
  serverEntry: string;
  log: (line: string) => void;
}

export interface AudienceResult {
  text: string;
  ok: boolean;
}

class Worker {
  private inbox: FromAudienceWorker[] = [];
  private waiters: { t: FromAudienceWorker['t']; resolve: (m: FromAudienceWorker) => void }[] = [];
  constructor(readonly child: ChildProcess) {
    child.on('message', (raw: unknown) => {
      const m = raw as FromAudienceWorker; // our own IPC, sent by audience-worker.ts
      const i = this.waiters.findIndex((w) => w.t === m.t);
      if (i >= 0) this.waiters.splice(i, 1)[0]?.resolve(m);
      else this.inbox.push(m);
    });
  }
  send(m: ToAudienceWorker): void {
    this.child.send(m);
  }
  next<T extends FromAudienceWorker['t']>(t: T): Promise<Extract<FromAudienceWorker, { t: T }>> {
    const i = this.inbox.findIndex((m) => m.t === t);
    if (i >= 0) return Promise.resolve(this.inbox.splice(i, 1)[0] as Extract<FromAudienceWorker, { t: T }>);
    return new Promise((resolve) => this.waiters.push({ t, resolve: (m) => resolve(m as Extract<FromAudienceWorker, { t: T }>) }));
  }
}

/** A client process with its own open-file limit (each socket is a descriptor). */
function startWorker(dir: string, fds: number): Worker {
  const { soft, hard } = fdLimits();
  const want = Math.min(hard, Math.max(soft, fds));
  const child = spawn('sh', ['-c', `ulimit -n ${want} && exec "$0" "$@"`, process.execPath, '--import', 'tsx', join(dir, 'audience-worker.ts')], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Worker(child);
}

const rssOf = (pid: number | undefined): number => {
  if (pid === undefined) return 0;
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : 0;
};
const sum = (xs: Record<string, number>[], key: string) => xs.reduce((a, x) => a + (x[key] ?? 0), 0);

export async function runAudience(o: AudienceOptions): Promise<AudienceResult> {
  const { hard } = fdLimits();
  const viewers = Math.min(o.viewers, hard - SERVER_SPARE_FDS);
  if (viewers < o.viewers) o.log(`open-file hard limit ${hard}: one server process holds at most ${viewers} viewers here (asked ${o.viewers})`);
  const url = `http://127.0.0.1:${await freePort()}`;
  const env = {
    DEMO: '1',
    DEMO_SIZE: '30',
    DATA_DIR: join(o.tmp, 'audience-data'),
    PORT: url.split(':')[2] ?? '',
    HOST: '127.0.0.1',
    ADMIN_PASSWORD: PASSWORD,
    PUBLIC_URL: url,
    CLIENT_DIR: join(o.tmp, 'no-client'),
    // Every viewer of the bench comes from 127.0.0.1: the per-address limits would stop it.
    MAX_CONNECTIONS_PER_ADDRESS: '1000000',
    AUDIENCE_DEVICES_PER_MINUTE: '1000000',
    AUDIENCE_RATINGS_PER_MINUTE: '1000000',
  };
  const server = startServer({ entry: o.serverEntry, env, needFds: Math.min(hard, viewers + SERVER_SPARE_FDS), logFile: join(o.tmp, 'audience-server.log') });
  const workers: Worker[] = [];
  try {
    await waitHealthy(url, server);
    const session = await login(url, PASSWORD);
    const con = await Console.open(url, session);
    const code = (await con.until((v) => !!v.audience?.link)).audience?.link?.code ?? '';
    const rss0 = rssOf(server.pid);

    const dir = import.meta.dirname;
    const per = Math.ceil(viewers / o.workers);
    for (let k = 0; k < o.workers; k++) workers.push(startWorker(dir, per + 200));
    await Promise.all(workers.map((w) => w.next('ready')));
    o.log(`audience: connecting ${viewers} viewers on /live from ${o.workers} processes`);
    const t0 = Date.now();
    workers.forEach((w, k) => w.send({ t: 'connect', url, code, count: Math.max(0, Math.min(per, viewers - k * per)), concurrency: 200 }));
    const conn = await Promise.all(workers.map((w) => w.next('connected')));
    const held = conn.reduce((a, c) => a + c.ok, 0);
    const failed = conn.reduce((a, c) => a + c.failed, 0);
    const connectS = (Date.now() - t0) / 1000;
    await new Promise((r) => setTimeout(r, 1000));
    const rss1 = rssOf(server.pid);
    o.log(`audience: ${held} held, ${failed} failed (${conn.find((c) => c.firstError)?.firstError ?? 'no error'}), ${connectS.toFixed(1)} s`);

    // The screen watches the count; the moderator opens rating on a segment's rating item.
    const screen = io(url + NS.screen, { auth: { v: PROTOCOL_VERSION }, transports: ['websocket'], forceNew: true });
    // Every count the screen was shown, with when: the first that holds every ack is the one.
    const seen: { at: number; n: number }[] = [];
    screen.on('view', (v: ScreenView) => seen.push({ at: Date.now(), n: v.audience?.open[0]?.n ?? 0 }));
    const shownAt = (expected: number) => seen.find((x) => x.n >= expected)?.at ?? 0;
    await con.command({ type: 'audienceOpen', itemId: 'rating-seg-housing', group: 'online', seconds: 0 });
    const pollId = (await con.until((v) => (v.audience?.polls.length ?? 0) > 0)).audience?.polls[0]?.id ?? '';
    const repeats = Math.min(100, per);
    workers.forEach((w) => w.send({ t: 'rate', pollId, subjectId: 'seg-housing-dept', repeats }));
    const rated = await Promise.all(workers.map((w) => w.next('rated')));
    const acked = sum(rated.map((r) => r.acks), 'ok');
    const lastAck = Math.max(...rated.map((r) => r.lastAckAt));
    const firstSent = Math.min(...rated.map((r) => r.firstSentAt));
    const until = Date.now() + 5000;
    while (shownAt(acked) === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    await con.command({ type: 'audienceClose', pollId });
    const closed = await con.until((v) => v.audience?.polls[0]?.status === 'closed');
    const counted = closed.audience?.polls[0]?.n ?? -1;
    const refusedAgain = sum(rated.map((r) => r.repeats), 'ALREADY_VOTED');
    const repeatsSent = rated.reduce((a, r) => a + Object.values(r.repeats).reduce((x, y) => x + y, 0), 0);
    const otherAcks = rated.flatMap((r) => Object.entries(r.acks).filter(([k]) => k !== 'ok'));
    const lost = held - acked + Math.max(0, acked - counted);
    const duplicated = Math.max(0, counted - acked) + (repeatsSent - refusedAgain);
    const screenLagMs = shownAt(acked) === 0 ? null : Math.max(0, shownAt(acked) - lastAck);
    screen.close();
    con.close();
    const perK = held > 0 ? (rss1 - rss0) / (held / 1000) : 0;
    const ok = failed === 0 && lost === 0 && duplicated === 0 && screenLagMs !== null && screenLagMs <= 1000;
    const lines = [
      `Audience (/live), one server process, ${o.workers} client processes`,
      `  viewers held            ${held} of ${viewers} asked (${failed} failed), connected in ${connectS.toFixed(1)} s`,
      `  server RSS              ${(rss0 / 2 ** 20).toFixed(0)} MB idle -> ${(rss1 / 2 ** 20).toFixed(0)} MB; ${(perK / 2 ** 20).toFixed(1)} MB per 1,000 viewers`,
      `  rating burst            ${acked} acked ok in ${((lastAck - firstSent) / 1000).toFixed(2)} s; refused: ${otherAcks.map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}`,
      `  counted at close        ${counted} (lost ${lost}, duplicated ${duplicated}); second rating from ${repeatsSent} devices: ${refusedAgain} refused ALREADY_VOTED`,
      `  screen shows the count  ${screenLagMs === null ? 'NOT within 5 s' : `${screenLagMs} ms after the last ack`} (target ≤ 1,000 ms)`,
    ];
    return { text: lines.join('\n'), ok };
  } finally {
    for (const w of workers) if (w.child.exitCode === null) w.send({ t: 'disconnect' });
    await Promise.all(workers.map((w) => stop(w.child, 5000)));
    await stop(server);
  }
}
