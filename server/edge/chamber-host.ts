// The core's side of the chamber edge process (WZ_DEPUTY_EDGE=1, SPEC Z6). The core keeps the
// public port: a front listener reads each new connection's request line and hands a deputy's
// WebSocket upgrade (`/socket.io/?ns=/deputy&transport=websocket`) to the edge process, handle
// and bytes read, so the phone sees the same URL and port; everything else (pages, /api,
// screens, consoles, a deputy on the polling fallback) goes to the core's own HTTP server as
// before. While the edge is down (starting, killed, restarting) the core serves deputies
// itself: its own deputy namespace is always there.
import { fork, type ChildProcess } from 'node:child_process';
import type { Server as HttpServer } from 'node:http';
import { createServer, type AddressInfo, type Server as NetServer, type Socket as NetSocket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { NS } from '../../shared/protocol.js';
import { ROUTE_QUERY, type CoreRequest } from '../../shared/seam.js';
import type { ErrorCode } from '../../shared/protocol.js';
import type { Logger } from '../logger.js';
import { onLinksRevoked } from '../links.js';
import type { Core } from '../seam/core.js';
import { HEADS_EVERY_MS, serveEdge, type Port } from '../seam/transport.js';
import type { Ctx } from '../sockets/common.js';
import { admitDeputy } from '../sockets/deputy.js';
import { CHAMBER_ENV, type ChamberSettings, type FromChamber, type ToChamber } from './chamber-wire.js';

/** How long after the edge died a new one is started (the core serves deputies meanwhile). */
export const EDGE_RESTART_MS = 300;
/** Bytes read to find a connection's request line; a longer one goes to the core. */
const HEAD_MAX = 8 * 1024;
/** A connection that says nothing for this long is closed (the core's HTTP timeouts are not on it yet). */
const FIRST_BYTES_MS = 10_000;

export interface ChamberEdge {
  /** Listen on the public port in front of the core's HTTP server. */
  listen(port: number, host: string): Promise<number>;
  /** The edge process's pid while it is up and taking deputies (tests kill it). */
  readonly pid: number | null;
  /** Resolves when an edge process is up and taking deputies. */
  whenUp(): Promise<void>;
  close(): Promise<void>;
}

/** A deputy's WebSocket upgrade, from the request line: the edge serves those. */
export function isDeputyUpgrade(head: string): boolean {
  const line = head.slice(0, head.indexOf('\r\n'));
  const [method, target] = line.split(' ');
  if (method !== 'GET' || !target?.startsWith('/socket.io/')) return false;
  const q = new URL(target, 'http://x').searchParams;
  return q.get(ROUTE_QUERY) === NS.deputy && q.get('transport') === 'websocket';
}

/** A request from the chamber edge is a deputy's, carrying the link's token: live, and that deputy's own, or refused (SPEC Z6). */
export const vetChamberRequest =
  (ctx: Pick<Ctx, 'auth'>) =>
  (req: CoreRequest): ErrorCode | null => {
    if (req.role !== 'deputy') return 'UNAUTHORIZED';
    const link = ctx.auth.link(req.token);
    return link && link.revokedAt === null && link.meetingId === req.meeting && link.deputyId === req.actor ? null : 'UNAUTHORIZED';
  };

/**
 * Read a new connection's request line, then hand the socket to the edge (`handOver`, which
 * says whether it took it) or to the core's HTTP server. Before the hand-over the socket stops
 * reading: the core's copy of the descriptor stays open until the edge acknowledges the handle,
 * and a copy still reading would take the phone's next bytes (its socket.io CONNECT, sent as
 * soon as the edge answered the upgrade) and drop them. The phone then waited for an answer
 * that never came (the stalled connects of the N = 3,000 edge runs, docs/PERFORMANCE.md).
 */
export function routeConnection(socket: NetSocket, handOver: (socket: NetSocket, head: Buffer, text: string) => boolean, toCore: (socket: NetSocket, head: Buffer) => void): void {
  let head = Buffer.alloc(0);
  const idle = setTimeout(() => socket.destroy(), FIRST_BYTES_MS);
  const onData = (chunk: Buffer) => {
    head = Buffer.concat([head, chunk]);
    const text = head.toString('latin1');
    if (!text.includes('\r\n') && head.length < HEAD_MAX) return;
    clearTimeout(idle);
    socket.off('data', onData);
    socket.off('error', onError);
    socket.pause();
    stopReading(socket);
    if (handOver(socket, head, text)) return;
    toCore(socket, head);
  };
  const onError = () => {
    clearTimeout(idle);
    socket.destroy();
  };
  socket.on('data', onData);
  socket.on('error', onError);
  socket.resume();
}

/**
 * Stop the descriptor's reads in libuv: pause() alone stops the stream, not the reads (they go on
 * into the stream's buffer up to its high-water mark). resume() starts them again (toCore).
 */
function stopReading(socket: NetSocket): void {
  const handle = (socket as unknown as { _handle?: { reading?: boolean; readStop?: () => number } })._handle;
  if (handle?.readStop && handle.reading !== false) {
    handle.reading = false;
    handle.readStop();
  }
}

export function startChamberEdge(opts: { ctx: Ctx; core: Core; http: HttpServer; settings: ChamberSettings; log: Logger }): ChamberEdge {
  const { ctx, log } = opts;
  const self = fileURLToPath(import.meta.url);
  const underTsx = self.endsWith('.ts');
  // Under tsx, beside this file; built, dist/server/edge/chamber.js beside dist/server/main.js.
  const entry = fileURLToPath(underTsx ? new URL('./chamber.ts', import.meta.url) : new URL('./edge/chamber.js', import.meta.url));
  let child: ChildProcess | null = null;
  let up = false;
  let closing = false;
  let waiters: (() => void)[] = [];

  const post = (c: ChildProcess, msg: ToChamber | unknown, handle?: NetSocket): boolean => {
    if (!c.connected) return false;
    try {
      c.send(msg as never, handle as never, (e: Error | null) => {
        if (e && handle && !handle.destroyed) handle.destroy();
      });
      return true;
    } catch {
      return false;
    }
  };

  const vet = vetChamberRequest(ctx);

  const start = () => {
    const c = fork(entry, [], {
      execArgv: underTsx ? ['--import', 'tsx'] : process.execArgv,
      serialization: 'advanced',
      env: { ...process.env, [CHAMBER_ENV]: JSON.stringify(opts.settings) },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child = c;
    const port: Port = {
      post: (msg) => void post(c, msg),
      listen: (f) => {
        c.on('message', f);
        return () => c.off('message', f);
      },
    };
    const stopServing = serveEdge(opts.core, port, { vet });
    const clock = setInterval(() => post(c, { t: 'clock', now: ctx.clock() } satisfies ToChamber), HEADS_EVERY_MS);
    clock.unref();
    c.on('message', (raw: unknown) => {
      const m = raw as FromChamber;
      if (m?.t === 'ready') {
        up = true;
        log.info({ pid: c.pid }, 'chamber edge up: deputies\' WebSockets are served by it');
        for (const w of waiters) w();
        waiters = [];
      } else if (m?.t === 'admit' && typeof m.id === 'number') {
        const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
        void admitDeputy(ctx, str(m.token), str(m.device)).then((admission) => post(c, { t: 'admitted', id: m.id, admission, now: ctx.clock() } satisfies ToChamber));
      }
    });
    c.on('exit', (code, signal) => {
      up = false;
      if (child === c) child = null;
      stopServing();
      clearInterval(clock);
      if (closing) return;
      log.warn({ code, signal }, 'chamber edge exited: the core serves deputies until a new one is up');
      setTimeout(() => !closing && start(), EDGE_RESTART_MS).unref();
    });
  };

  onLinksRevoked(ctx, async (meetingId) => {
    const tokens = ctx.db.data.links.filter((l) => l.meetingId === meetingId && l.revokedAt !== null).map((l) => l.token);
    if (child && up) post(child, { t: 'revoked', meetingId, tokens } satisfies ToChamber);
  });

  const toCore = (socket: NetSocket, head: Buffer) => {
    opts.http.emit('connection', socket);
    socket.emit('data', head);
    socket.resume();
  };
  const handOver = (socket: NetSocket, head: Buffer, text: string): boolean =>
    child !== null && up && isDeputyUpgrade(text) && post(child, { t: 'conn', head } satisfies ToChamber, socket);
  const route = (socket: NetSocket) => routeConnection(socket, handOver, toCore);

  let front: NetServer | null = null;
  start();
  return {
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        const srv = createServer({ pauseOnConnect: true }, route);
        front = srv;
        srv.once('error', reject);
        srv.listen(port, host, () => resolve((srv.address() as AddressInfo).port));
      }),
    get pid() {
      return up ? (child?.pid ?? null) : null;
    },
    whenUp: () => (up ? Promise.resolve() : new Promise((resolve) => waiters.push(resolve))),
    close: async () => {
      closing = true;
      const c = child;
      // Not waited for: the connections it accepted belong to the core's HTTP server or the edge.
      front?.close();
      if (c && c.exitCode === null && c.signalCode === null) {
        const gone = new Promise<void>((resolve) => c.once('exit', () => resolve()));
        c.kill('SIGTERM');
        await gone;
      }
    },
  };
}
