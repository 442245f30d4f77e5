// A public edge (docs/DEPLOY.md): a process, on this machine or another, that serves viewers what
// is on air. It connects to Redis only; it never receives the meeting's record and has no
// command path and no login: what it holds is what the big screen and the audience page have
// shown (SPEC Z4, Y9). Two namespaces:
// - /screen: the big screen's view, from the core through Socket.IO's Redis Streams adapter;
// - /live: the audience page (server/audience/live.ts, with this edge's side, live-edge.ts):
//   its view from the core's AudienceRecord, and ratings, checked here and counted in Redis.
// It also serves the built /live page and its assets, so a viewer needs nothing from the chamber.
// A viewer that connects (or reconnects, after another edge died) gets the newest view at once.
import { existsSync } from 'node:fs';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import express from 'express';
import { createClient } from 'redis';
import { Server, type Namespace } from 'socket.io';
import { Handshake, NS, type ScreenServerEvents } from '../../shared/protocol.js';
import type { PublicRecord } from '../../shared/seam.js';
import { audienceLimiters, DEFAULT_AUDIENCE_LIMITS, type AudienceLimits } from '../audience/limits.js';
import { setupLive, type LiveNamespace } from '../audience/live.js';
import { RedisCounter } from '../audience/redis-counter.js';
import { compileTrust, type TrustProxy } from '../client-address.js';
import { liveFiles } from '../client-files.js';
import { securityHeaders } from '../headers.js';
import { memoryLogger, type Logger } from '../logger.js';
import { ACTIVE_KEY, AUDIENCE_EVENT, PUBLIC_STREAM, type PublicServerSide, reconnectStrategy, STREAM_MAX_LEN, viewKey } from '../seam/public.js';
import { versioned } from '../sockets/common.js';
import { DEFAULT_RATE_LIMIT, guardNamespace } from '../sockets/guard.js';
import { meetingGate } from '../sockets/meeting-gate.js';
import { screenRoom } from '../sockets/rooms.js';
import { EdgeLive } from './live-edge.js';
import { closeRedis } from '../seam/redis-close.js';

export interface Edge {
  readonly http: HttpServer;
  readonly port: number;
  close(): Promise<void>;
}

export interface EdgeOptions {
  redisUrl: string;
  port: number;
  host: string;
  /** The audience secret shared with the core (WZ_AUDIENCE_SECRET): signs and checks device ids. */
  secret: Buffer;
  /** TRUST_PROXY: which hops' X-Forwarded-For names the client (default: none). */
  trustProxy?: TrustProxy;
  limits?: AudienceLimits;
  /** The built client (dist/client): /live and its assets are served from it when present. */
  clientDir?: string;
  log?: Logger;
}

export async function startEdge(opts: EdgeOptions): Promise<Edge> {
  const log = opts.log ?? memoryLogger();
  const client = createClient({ url: opts.redisUrl, socket: { reconnectStrategy, connectTimeout: 2000 } });
  client.on('error', () => undefined); // reconnects on its own; viewers keep their last view meanwhile
  await client.connect();
  const counter = await RedisCounter.connect({ url: opts.redisUrl, log });
  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders());
  if (opts.clientDir && existsSync(join(opts.clientDir, 'index.html'))) app.use(liveFiles(opts.clientDir));
  app.use((_req, res) => void res.status(404).json({ ok: false, error: 'NOT_FOUND' }));
  const http = createServer(app);
  // WebSocket only: behind a load balancer no sticky sessions are needed (docs/DEPLOY.md).
  // Socket.IO's own ping timing (25 s + 20 s), not the chamber's quicker one: phones on mobile
  // networks, and a loaded edge with tens of thousands of pages, must not be dropped for a slow pong.
  const io = new Server(http, { serveClient: false, transports: ['websocket'], maxHttpBufferSize: 64 * 1024 });
  io.adapter(createAdapter(client, { streamName: PUBLIC_STREAM, maxLen: STREAM_MAX_LEN }));
  const nsp = io.of(NS.screen) as Namespace<Record<string, never>, ScreenServerEvents, Record<string, never>, { meetingId: string }>;

  // The meeting the screen names, else the one the core last said is active.
  nsp.use(meetingGate(versioned(Handshake), (hs) => hs.meetingId ?? client.get(ACTIVE_KEY)));
  nsp.on('connection', (socket) => {
    const { meetingId } = socket.data;
    void socket.join(screenRoom(meetingId));
    client.get(viewKey(meetingId)).then(
      (text) => {
        if (text && socket.connected) socket.emit('view', (JSON.parse(text) as PublicRecord).view);
      },
      () => undefined,
    );
  });

  // The audience page (SPEC Y9): limits per address shared with the core and the other edges in Redis.
  const live = io.of(NS.live) as LiveNamespace;
  const side = new EdgeLive(client, counter, opts.secret, audienceLimiters(opts.limits ?? DEFAULT_AUDIENCE_LIMITS, counter.store), compileTrust(opts.trustProxy ?? false), log);
  side.attach(live);
  // The core's records arrive as a server-side event of the same namespace (seam/public.ts).
  (io.of(NS.live) as Namespace<Record<string, never>, Record<string, never>, PublicServerSide>).on(AUDIENCE_EVENT, (rec) => side.receive(rec));
  let wasReady = true;
  client.on('end', () => (wasReady = false));
  client.on('error', () => (wasReady = false));
  client.on('ready', () => {
    if (!wasReady) side.reloadAll();
    wasReady = true;
  });
  guardNamespace(live, DEFAULT_RATE_LIMIT, log);
  setupLive(live, side);

  await new Promise<void>((resolve) => http.listen(opts.port, opts.host, resolve));
  return {
    http,
    port: (http.address() as AddressInfo).port,
    close: async () => {
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await counter.close();
      await closeRedis(client);
    },
  };
}
