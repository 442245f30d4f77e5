// The server as a factory with its dependencies injected: tests start the real thing on
// port 0 with a temporary data folder, a fake clock if they like, and real sockets.
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { createServer, type Server as HttpServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Server } from 'socket.io';
import { NS } from '../shared/protocol.js';
import { ok } from '../shared/result.js';
import { Auth } from './auth.js';
import { wireBroadcasts } from './broadcast.js';
import { demoMeeting } from './demo.js';
import { consoleLogger, type Logger } from './logger.js';
import { Meetings } from './meetings.js';
import { openDb } from './store/db.js';
import { Journal } from './store/journal.js';
import { BallotBoxes, partialBatchFrom } from './store/boxes.js';
import { AUDIT_FILE, AuditLog } from './audit/audit-log.js';
import { readBoxFiles, readDataDir, stateAt, type DataDirContents } from './store/load.js';
import { setupConsole, type ConsoleNamespace } from './sockets/console.js';
import type { Ctx } from './sockets/common.js';
import { setupDeputy, type DeputyNamespace } from './sockets/deputy.js';
import { setupScreen, type ScreenNamespace } from './sockets/screen.js';
import { DEFAULT_RATE_LIMIT, guardNamespace, type RateLimit } from './sockets/guard.js';
import { createHttp } from './http.js';
import { httpErrors } from './http-errors.js';

export interface AppOptions {
  dataDir: string;
  clock?: () => number;
  logger?: Logger;
  /** Built client to serve; null for API only (tests). */
  clientDir?: string | null;
  /** Base URL for deputy links; default: the address the server listens on. */
  publicUrl?: string;
  /** Password for the first admin account; random (and reported) when not given. */
  adminPassword?: string;
  /** Create the demo meeting when there is no meeting yet. */
  demo?: boolean;
  /** Roster size of the demo meeting. */
  demoSize?: number;
  /** Per-connection socket event limit; default DEFAULT_RATE_LIMIT. */
  rateLimit?: RateLimit;
}

export interface App {
  readonly http: HttpServer;
  readonly io: Server;
  readonly ctx: Ctx;
  /** Set when this start created the admin account: the password to show once. */
  readonly initialAdminPassword: string | null;
  listen(port: number, host: string): Promise<number>;
  close(): Promise<void>;
}

/** How long requests in progress may take to finish when the server stops. */
export const SHUTDOWN_GRACE_MS = 2000;

/** Refuse socket.io requests from pages served elsewhere (cross-site WebSocket hijacking). */
export function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (!origin) return true; // not a browser: native clients and tests
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

export async function createApp(opts: AppOptions): Promise<App> {
  const clock = opts.clock ?? Date.now;
  const log = opts.logger ?? consoleLogger();
  await mkdir(opts.dataDir, { recursive: true });
  const db = await openDb(join(opts.dataDir, 'db.json'));
  const opened = await Journal.open(join(opts.dataDir, 'journal.jsonl'), log);
  const { journal } = opened;
  let records = opened.records;
  // A last batch a power loss left half-written was never acknowledged: cut it, so the ballot
  // boxes (which discard its ballots) and the journal agree (store/boxes.ts).
  const partialFrom = partialBatchFrom(records, await readBoxFiles(opts.dataDir));
  if (partialFrom !== null) {
    const bytes = await journal.dropFrom(partialFrom);
    log.warn({ fromSeq: partialFrom, bytes, records: records.filter((r) => r.seq >= partialFrom).length }, 'journal: the last batch was only partly written (a power loss before its fsync; never acknowledged); cut back');
    records = records.filter((r) => r.seq < partialFrom);
  }
  const boxes = new BallotBoxes(opts.dataDir, log);
  const meetings = new Meetings(journal, clock, log, boxes);
  await meetings.load(records);
  const audit = await AuditLog.open(join(opts.dataDir, AUDIT_FILE), clock, log);
  let onDisk: DataDirContents | null = null; // read only if the audit log must catch up
  await audit.catchUp(records, async (meetingId, seq) => stateAt((onDisk ??= await readDataDir(opts.dataDir)), meetingId, seq));
  meetings.onRecord((r) => audit.record(r.meetingId, r.seq, r.events, r.state, r.actor));
  const auth = new Auth(db, clock);
  const ctx: Ctx = { meetings, auth, db, clock, log };

  let initialAdminPassword: string | null = null;
  if (db.data.users.length === 0) {
    initialAdminPassword = opts.adminPassword ?? randomBytes(9).toString('base64url');
    await auth.addUser('admin', 'admin', initialAdminPassword);
  }
  if (opts.demo && meetings.ids().length === 0) {
    const created = demoMeeting(clock(), opts.demoSize);
    const r = await meetings.commit('demo', () => ok({ events: [created] }), null);
    if (!r.ok) throw new Error(`could not create the demo meeting: ${r.error}`);
    await auth.ensureLinks('demo', created.roster.map((d) => d.id));
  }
  if (db.data.activeMeetingId === null && meetings.ids().length > 0) {
    db.data.activeMeetingId = meetings.ids()[0] ?? null;
    await db.write();
  }

  let listenUrl = 'http://127.0.0.1:3000';
  const app = createHttp(ctx, { clientDir: opts.clientDir ?? null, publicUrl: () => opts.publicUrl ?? listenUrl, mediaDir: join(opts.dataDir, 'media'), audit });
  app.use(httpErrors(log));
  const http = createServer(app);
  const io = new Server(http, {
    serveClient: false,
    maxHttpBufferSize: 64 * 1024,
    allowRequest: (req, cb) => cb(null, sameOrigin(req)),
    pingInterval: 10_000,
    pingTimeout: 8_000,
  });
  const ns = {
    deputy: io.of(NS.deputy) as DeputyNamespace,
    screen: io.of(NS.screen) as ScreenNamespace,
    console: io.of(NS.console) as ConsoleNamespace,
  };
  for (const nsp of [ns.deputy, ns.screen, ns.console]) guardNamespace(nsp, opts.rateLimit ?? DEFAULT_RATE_LIMIT, log);
  setupDeputy(ns.deputy, ctx);
  setupScreen(ns.screen, ctx);
  setupConsole(ns.console, ctx);
  wireBroadcasts(ctx, meetings, ns);

  let closing: Promise<void> | null = null;
  const shutdown = async (): Promise<void> => {
    meetings.stop();
    // Requests still running (a big screen streaming an evidence video, a half-sent request)
    // get a moment to finish, then are cut: stopping must not wait on a client.
    const grace = setTimeout(() => http.closeAllConnections(), SHUTDOWN_GRACE_MS);
    await new Promise<void>((resolve) => io.close(() => resolve()));
    clearTimeout(grace);
    await journal.close();
    await boxes.close();
    await audit.close();
  };

  return {
    http,
    io,
    ctx,
    initialAdminPassword,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        http.once('error', reject);
        http.listen(port, host, () => {
          const p = (http.address() as AddressInfo).port;
          listenUrl = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${p}`;
          resolve(p);
        });
      }),
    close: () => (closing ??= shutdown()),
  };
}
