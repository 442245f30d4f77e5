// A public edge (docs/DEPLOY.md): a process, on this machine or another, that serves viewers the
// view on air. It connects to Redis only; it never receives the meeting's record, takes no vote
// and has no login: what it holds is what the big screen has shown (SPEC Z4). Views from the
// core reach its sockets through Socket.IO's Redis Streams adapter; a viewer that connects (or
// reconnects, after another edge died) gets the newest view from Redis at once.
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient } from 'redis';
import { Server } from 'socket.io';
import { Handshake, NS, PROTOCOL_VERSION, type ScreenServerEvents } from '../../shared/protocol.js';
import type { PublicRecord } from '../../shared/seam.js';
import { ACTIVE_KEY, PUBLIC_STREAM, reconnectStrategy, STREAM_MAX_LEN, viewKey } from '../seam/public.js';
import { connectError } from '../sockets/common.js';
import { screenRoom } from '../sockets/screen.js';

export interface Edge {
  readonly http: HttpServer;
  readonly port: number;
  close(): Promise<void>;
}

export async function startEdge(opts: { redisUrl: string; port: number; host: string }): Promise<Edge> {
  const client = createClient({ url: opts.redisUrl, socket: { reconnectStrategy, connectTimeout: 2000 } });
  client.on('error', () => undefined); // reconnects on its own; viewers keep their last view meanwhile
  await client.connect();
  const http = createServer((_req, res) => {
    res.writeHead(404).end();
  });
  // WebSocket only: behind a load balancer no sticky sessions are needed (docs/DEPLOY.md).
  const io = new Server<Record<string, never>, ScreenServerEvents, Record<string, never>, { meetingId: string }>(http, { serveClient: false, transports: ['websocket'] });
  io.adapter(createAdapter(client, { streamName: PUBLIC_STREAM, maxLen: STREAM_MAX_LEN }));
  const nsp = io.of(NS.screen);

  nsp.use((socket, next) => {
    const hs = Handshake.safeParse(socket.handshake.auth);
    if (!hs.success || hs.data.v !== PROTOCOL_VERSION) return next(connectError('PROTOCOL_MISMATCH'));
    const named = hs.data.meetingId;
    void (named !== undefined ? Promise.resolve(named) : client.get(ACTIVE_KEY)).then(
      (meetingId) => {
        if (!meetingId) return next(connectError('NO_MEETING'));
        socket.data = { meetingId };
        next();
      },
      () => next(connectError('NO_MEETING')),
    );
  });
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

  await new Promise<void>((resolve) => http.listen(opts.port, opts.host, resolve));
  return {
    http,
    port: (http.address() as AddressInfo).port,
    close: async () => {
      await new Promise<void>((resolve) => io.close(() => resolve()));
      client.destroy();
    },
  };
}
