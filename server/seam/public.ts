// The core's public side (docs/DEPLOY.md): what is on air (the big screen's view, SPEC Z4) goes
// out to Redis, and public edges (server/edge/) fan it out to their viewers through Socket.IO's
// Redis Streams adapter. The core only connects out; nothing from the internet reaches it.
// Views are latest-wins: while Redis is away nothing is queued (the votes go on untouched, they
// never wait on Redis), and when it is back every meeting's current view is published again.
import { randomBytes } from 'node:crypto';
import { Server, type Namespace } from 'socket.io';
import type { AudienceRecord } from '../../shared/audience-public.js';
import { NS, type ScreenServerEvents } from '../../shared/protocol.js';
import type { PublicRecord } from '../../shared/seam.js';
import type { ScreenView } from '../../shared/views.js';
import { AUDIENCE_BUDGET, AUDIENCE_COUNT_FRAME_MS, AUDIENCE_FRAME_MS } from '../audience/broadcast.js';
import { coalesce, SCREEN_FRAME_MS } from '../frames.js';
import type { Logger } from '../logger.js';
import type { Meetings } from '../meetings.js';
import { screenRoom } from '../sockets/rooms.js';
import { closeRedis } from './redis-close.js';

/** Names shared by the core and its public edges. */
export const PUBLIC_STREAM = 'wz:screen';
export const viewKey = (meeting: string) => `wz:view:${meeting}`;
export const ACTIVE_KEY = 'wz:active';
/** The audience page's newest record of a meeting (SPEC Y9), and which meeting a public code names. */
export const audienceKey = (meeting: string) => `wz:live:${meeting}`;
export const liveCodeKey = (code: string) => `wz:livecode:${code}`;
/** The server-side event that carries an AudienceRecord to the public edges (through the adapter). */
export const AUDIENCE_EVENT = 'audience';
export interface PublicServerSide {
  [AUDIENCE_EVENT]: (rec: AudienceRecord) => void;
}
/** Entries kept in the adapter's stream: enough for an edge that blinked to catch up. */
export const STREAM_MAX_LEN = 1000;

/** Reconnect soon, then every 2 s at most: Redis is back within seconds of its return. */
export const reconnectStrategy = (retries: number) => Math.min(50 * 2 ** retries, 2000);

export interface PublicSide {
  /** Connected to Redis now. */
  readonly ready: boolean;
  close(): Promise<void>;
}

export async function publishPublic(opts: {
  url: string;
  meetings: Meetings;
  view: (meeting: string) => ScreenView | undefined;
  active: () => string | null;
  log: Logger;
  /** The audience page (SPEC Y9): what the public edges serve on /live and check ratings against. */
  audience?: {
    record(meeting: string): Omit<AudienceRecord, 'meeting' | 'seq' | 'run'> | undefined;
    /** Called when the live counts or the counter's availability moved. */
    onLive(f: (meeting: string, what: 'counts' | 'availability') => void): void;
  };
}): Promise<PublicSide> {
  const { meetings, log } = opts;
  // Loaded only here: the Redis client alone takes about half a second to load on a busy
  // machine, which a chamber without a public side (the default) should not wait for at start.
  const [{ createClient }, { createAdapter }] = await Promise.all([import('redis'), import('@socket.io/redis-streams-adapter')]);
  const client = createClient({ url: opts.url, socket: { reconnectStrategy, connectTimeout: 2000 } });
  let down = false;
  let closed = false;
  client.on('error', (e: unknown) => {
    if (!down) log.warn({ err: e instanceof Error ? e.message : String(e) }, 'redis unreachable: the public side is paused, chamber voting goes on');
    down = true;
  });
  let io: Server | null = null;
  let nsp: Namespace<Record<string, never>, ScreenServerEvents> | null = null;
  let live: Namespace<Record<string, never>, Record<string, never>, PublicServerSide> | null = null;
  const seqs = new Map<string, number>();
  const slots = new Map<string, () => void>();
  // A core run's records are numbered from 1; an edge takes a new run's first record as the newest.
  const run = randomBytes(6).toString('base64url');
  const audSeqs = new Map<string, number>();
  const audSlots = new Map<string, { state: () => void; count: () => void }>();

  /** What was last sent per meeting, without the instant: a vote moves the state but not the page. */
  const lastSent = new Map<string, string>();
  const publishAudience = (meeting: string) => {
    const got = opts.audience?.record(meeting);
    if (!got || !live || !client.isReady || closed) return; // published again in full on 'ready'
    // Every vote changes the meeting's state, rarely the audience page (no tallies there, Y7):
    // an unchanged page is not sent to tens of thousands of viewers again.
    const body = JSON.stringify({ ...got, view: { ...got.view, serverNow: 0 } });
    if (lastSent.get(meeting) === body) return;
    lastSent.set(meeting, body);
    const seq = (audSeqs.get(meeting) ?? 0) + 1;
    audSeqs.set(meeting, seq);
    const rec: AudienceRecord = { meeting, seq, run, ...got };
    client.set(audienceKey(meeting), JSON.stringify(rec)).catch(() => undefined);
    client.set(liveCodeKey(rec.code), meeting).catch(() => undefined);
    // One message through Redis; each edge sends the view to its own viewers (edge/live-edge.ts).
    live.serverSideEmit(AUDIENCE_EVENT, rec);
  };
  /** As on the core's own /live (audience/broadcast.ts): a change at most every 500 ms, a moving count alone every 10 s. */
  const scheduleAudience = (meeting: string, what: 'state' | 'count' | 'again') => {
    if (!opts.audience) return;
    if (what === 'again') lastSent.delete(meeting);
    let f = audSlots.get(meeting);
    if (!f) {
      const go = () => publishAudience(meeting);
      audSlots.set(meeting, (f = { state: coalesce(AUDIENCE_FRAME_MS, go, AUDIENCE_BUDGET), count: coalesce(AUDIENCE_COUNT_FRAME_MS, go, AUDIENCE_BUDGET) }));
    }
    f[what === 'count' ? 'count' : 'state']();
  };

  const publish = (meeting: string) => {
    const view = opts.view(meeting);
    if (!view || !nsp || !client.isReady || closed) return; // published again in full on 'ready'
    const seq = (seqs.get(meeting) ?? 0) + 1;
    seqs.set(meeting, seq);
    const rec: PublicRecord = { meeting, seq, view };
    client.set(viewKey(meeting), JSON.stringify(rec)).catch(() => undefined);
    const active = opts.active();
    if (active) client.set(ACTIVE_KEY, active).catch(() => undefined);
    nsp.to(screenRoom(meeting)).emit('view', view);
  };
  const schedule = (meeting: string) => {
    let f = slots.get(meeting);
    if (!f) slots.set(meeting, (f = coalesce(SCREEN_FRAME_MS, () => publish(meeting))));
    f();
  };

  meetings.onChange((meeting) => {
    schedule(meeting);
    scheduleAudience(meeting, 'state');
  });
  opts.audience?.onLive((meeting, what) => scheduleAudience(meeting, what === 'availability' ? 'state' : 'count'));
  client.on('ready', () => {
    if (down) log.info({}, 'redis reachable again: public views resume');
    down = false;
    // The adapter is made once the first connection stands: before it, its readers would
    // fail and retry in a loop (they queue, once the client has connected once).
    if (!io) {
      io = new Server(undefined, { serveClient: false });
      io.adapter(createAdapter(client, { streamName: PUBLIC_STREAM, maxLen: STREAM_MAX_LEN }));
      nsp = io.of(NS.screen);
      if (opts.audience) live = io.of(NS.live) as unknown as NonNullable<typeof live>;
    }
    for (const id of meetings.ids()) {
      schedule(id);
      scheduleAudience(id, 'again');
    }
  });
  client.connect().catch(() => undefined); // retried by reconnectStrategy; the core starts regardless

  return {
    get ready() {
      return client.isReady;
    },
    close: async () => {
      // No engine to close (this Server listens nowhere): closing the adapter stops its readers.
      closed = true; // no record is published while the client closes
      await nsp?.adapter.close();
      await live?.adapter.close();
      await closeRedis(client);
    },
  };
}
