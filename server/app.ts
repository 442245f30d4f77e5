// The server as a factory with its dependencies injected: tests start the real thing on
// port 0 with a temporary data folder, a fake clock if they like, and real sockets.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, open, rename } from 'node:fs/promises';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Server } from 'socket.io';
import { NS } from '../shared/protocol.js';
import { ok } from '../shared/result.js';
import { Auth } from './auth.js';
import type { LoginLimits } from './login-guard.js';
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
import { sameOrigin } from './sockets/origin.js';
import type { Ctx } from './sockets/common.js';
import { Core } from './seam/core.js';
import { warmVotePath } from './warm-up.js';
import { inProcess } from './seam/transport.js';
import { publishPublic } from './seam/public.js';
import { screenViewWithHead } from './head-views.js';
import { startChamberEdge, type ChamberEdge } from './edge/chamber-host.js';
import { setupDeputy, type DeputyNamespace } from './sockets/deputy.js';
import { setupScreen, type ScreenNamespace } from './sockets/screen.js';
import { DEFAULT_RATE_LIMIT, guardNamespace, type RateLimit } from './sockets/guard.js';
import { createHttp } from './http.js';
import { httpErrors } from './http-errors.js';
import { FdBudget } from './limits/budget.js';
import { DEFAULT_MAX_CONNECTIONS_PER_ADDRESS, limitConnections, type ConnectionLimiter } from './limits/connections.js';
import { readOpenFileLimit, type OpenFileLimit } from './limits/open-files.js';
import { capSocketsPerLink, DEFAULT_MAX_SOCKETS_PER_LINK } from './limits/per-link.js';
import { DATA_FORMAT, ensureFormat } from './ops/format.js';
import { SUPERVISION_FILE, SupervisionJournal } from './supervision/journal.js';
import { Supervision } from './supervision/service.js';
import { MemoryCounter, type AudienceCounter } from './audience/counter.js';
import { RedisCounter } from './audience/redis-counter.js';
import { loadSecret } from './audience/device.js';
import { AudienceHub } from './audience/hub.js';
import { setupLive, type LiveNamespace } from './audience/live.js';
import { audienceLimiters, DEFAULT_AUDIENCE_LIMITS, type AudienceLimits } from './audience/limits.js';
import { coreLiveSide } from './audience/core-side.js';
import { livePolls } from '../shared/audience-public.js';
import { compileTrust } from './client-address.js';
import { wireAudience } from './audience/broadcast.js';

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
  /** Per-connection socket event limit (and per deputy link); default DEFAULT_RATE_LIMIT. */
  rateLimit?: RateLimit;
  /** Login throttles; default DEFAULT_LOGIN_LIMITS (login-guard.ts). */
  loginLimits?: LoginLimits;
  /** Which proxy hops' X-Forwarded-For to believe (express `trust proxy`); default none. */
  trustProxy?: boolean | number | string;
  /** Anonymous TCP connections per source address (screens, page loads); default 50. */
  maxConnectionsPerAddress?: number;
  /** Sockets open at once on one deputy link (the newest wins); default 3. */
  maxSocketsPerLink?: number;
  /** The open-file limit; default read from /proc/self/limits (null: unknown, not checked). */
  openFileLimit?: OpenFileLimit | null;
  /** Redis for the public side (WZ_REDIS_URL): the view on air goes out to public edges. Unset: no Redis, one process. */
  redisUrl?: string;
  /** Audience rating (网络评议, server/audience/): where it is counted and its limits. */
  audience?: AudienceOptions;
  /** Deputies' WebSockets served by a chamber edge process (WZ_DEPUTY_EDGE=1, server/edge/chamber-host.ts). */
  deputyEdge?: boolean;
  /** Compile the vote path before the first vote (server/warm-up.ts): on in production; tests start without it. */
  warmUp?: boolean;
}

export interface AudienceOptions {
  /** Count in this Redis (shared with edge processes); default: in memory, this process only. */
  redisUrl?: string;
  /** A counter made by the caller (tests); wins over redisUrl. */
  counter?: AudienceCounter;
  /** The HMAC secret for device ids and public codes; default: `audience-secret` in the data folder. */
  secret?: Buffer;
  limits?: AudienceLimits;
  /** How long a sealed poll's keys stay in Redis, in seconds (WZ_AUDIENCE_KEY_DAYS); default a week. */
  keyTtlSec?: number;
  /** Base URL of the public page (/live/<code>) for the QR code; default: the deputies' base URL. */
  publicUrl?: string;
}

/** In the data folder: the audience HMAC secret (device ids, public codes), owner-only. */
export const AUDIENCE_SECRET_FILE = 'audience-secret';

export interface App {
  readonly http: HttpServer;
  readonly io: Server;
  readonly ctx: Ctx;
  /** The single writer's side of the seam: edges in other processes are served from it (server/seam/). */
  readonly core: Core;
  /** Set when this start created the admin account with a generated password: show it once. */
  readonly initialAdminPassword: string | null;
  /** The owner-only file holding the password generated at first start, while it exists. */
  readonly adminPasswordFile: string | null;
  readonly fds: FdBudget;
  readonly connections: ConnectionLimiter;
  /** The chamber edge process serving deputies' WebSockets, when deputyEdge is set. */
  readonly chamber: ChamberEdge | null;
  listen(port: number, host: string): Promise<number>;
  close(): Promise<void>;
}

/** In the data folder: the password generated at first start, readable by the owner only. */
export const ADMIN_PASSWORD_FILE = 'admin-password.txt';

async function writeOwnerOnly(path: string, text: string): Promise<void> {
  const tmp = `${path}.tmp`;
  const fh = await open(tmp, 'w', 0o600);
  try {
    await fh.chmod(0o600); // the mode above is masked by the umask; this is not
    await fh.writeFile(text);
    await fh.sync();
  } finally {
    await fh.close();
  }
  await rename(tmp, path);
}

/** How long requests in progress may take to finish when the server stops. */
export const SHUTDOWN_GRACE_MS = 2000;

export { sameOrigin } from './sockets/origin.js';

export async function createApp(opts: AppOptions): Promise<App> {
  const clock = opts.clock ?? Date.now;
  const log = opts.logger ?? consoleLogger();
  const fileLimit = opts.openFileLimit === undefined ? readOpenFileLimit() : opts.openFileLimit;
  await mkdir(opts.dataDir, { recursive: true });
  const format = await ensureFormat(opts.dataDir); // refuses a newer folder; migrates an older one
  if (format.keptCopy) log.warn({ from: format.was, to: DATA_FORMAT, keptCopy: format.keptCopy }, 'data folder migrated; the old files were copied first');
  const db = await openDb(join(opts.dataDir, 'db.json'));
  const opened = await Journal.open(join(opts.dataDir, 'journal.jsonl'), log);
  const { journal, lines: openedLines } = opened;
  let records = opened.records;
  let lines = openedLines;
  // A last batch a power loss left half-written was never acknowledged: cut it, so the ballot
  // boxes (which discard its ballots) and the journal agree (store/boxes.ts).
  const partialFrom = partialBatchFrom(records, await readBoxFiles(opts.dataDir));
  if (partialFrom !== null) {
    const bytes = await journal.dropFrom(partialFrom);
    log.warn({ fromSeq: partialFrom, bytes, records: records.filter((r) => r.seq >= partialFrom).length }, 'journal: the last batch was only partly written (a power loss before its fsync; never acknowledged); cut back');
    const kept = records.findIndex((r) => r.seq >= partialFrom);
    records = records.slice(0, kept);
    lines = lines.slice(0, kept);
  }
  const boxes = new BallotBoxes(opts.dataDir, log);
  const meetings = new Meetings(journal, clock, log, boxes);
  // The audit log first: what it recorded at each close is what the ballot boxes are checked against.
  const audit = await AuditLog.open(join(opts.dataDir, AUDIT_FILE), clock, log);
  await meetings.load(records, audit.recordedCloses);
  if (opts.warmUp) {
    const t0 = performance.now();
    const warm = warmVotePath();
    log.info({ votes: warm.accepted, refused: warm.refused, ms: Math.round(performance.now() - t0) }, 'vote path compiled before the first vote');
  }
  let onDisk: DataDirContents | null = null; // read only if the audit log must catch up
  await audit.catchUp(records, lines, async (meetingId, seq) => stateAt((onDisk ??= await readDataDir(opts.dataDir)), meetingId, seq));
  meetings.onRecord((r) => audit.record(r, r.state, r.actor));
  // The year's supervision record outlives meetings: its own journal beside theirs (docs/ARCHITECTURE.md).
  const sv = await SupervisionJournal.open(join(opts.dataDir, SUPERVISION_FILE), log);
  const supervision = new Supervision(sv.journal, sv.records, clock, log);
  const auth = new Auth(db, clock, log, opts.loginLimits);
  let listenUrl = 'http://127.0.0.1:3000';
  const aud = opts.audience ?? {};
  const counter = aud.counter ?? (aud.redisUrl ? await RedisCounter.connect({ url: aud.redisUrl, log, ...(aud.keyTtlSec !== undefined ? { keyTtlSec: aud.keyTtlSec } : {}) }) : new MemoryCounter());
  const audienceSecret = aud.secret ?? (await loadSecret(join(opts.dataDir, AUDIENCE_SECRET_FILE)));
  const hub = new AudienceHub(meetings, counter, audienceSecret, clock, log, () => aud.publicUrl ?? opts.publicUrl ?? listenUrl);
  const core = new Core(meetings, clock, log, (meetingId, pollId) => hub.finalCount(meetingId, pollId));
  const ctx: Ctx = { meetings, core: inProcess(core), auth, db, clock, log, auditHead: () => audit.head, audience: hub };

  let initialAdminPassword: string | null = null;
  const passwordFile = join(opts.dataDir, ADMIN_PASSWORD_FILE);
  if (db.data.users.length === 0) {
    let password = opts.adminPassword;
    if (password === undefined) {
      password = initialAdminPassword = randomBytes(12).toString('base64url');
      // On disk before the account exists: if this start dies later (port taken), the
      // password is not lost with it, and the next start points to the file.
      await writeOwnerOnly(passwordFile, `admin\n${password}\n`);
    }
    await auth.addUser('admin', 'admin', password);
  }
  const adminPasswordFile = existsSync(passwordFile) ? passwordFile : null;
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
  // Too few descriptors for the rosters held: refuse to start now, not fail votes later.
  const fds = new FdBudget(fileLimit, meetings, boxes, log);
  try {
    fds.assertEnough();
  } catch (e) {
    meetings.stop();
    await hub.close();
    await journal.close();
    await boxes.close();
    await audit.close();
    await supervision.close();
    throw e;
  }
  fds.watch();

  const app = createHttp(ctx, { clientDir: opts.clientDir ?? null, publicUrl: () => opts.publicUrl ?? listenUrl, mediaDir: join(opts.dataDir, 'media'), audit, supervision, ...(opts.trustProxy !== undefined ? { trustProxy: opts.trustProxy } : {}) });
  app.use(httpErrors(log));
  const http = createServer(app);
  const trust = compileTrust(opts.trustProxy ?? false);
  const connections = limitConnections(
    http,
    {
      perAddress: opts.maxConnectionsPerAddress ?? DEFAULT_MAX_CONNECTIONS_PER_ADDRESS,
      total: () => fds.maxConnections(),
      proxy: (address) => trust(address, 0),
    },
    log,
  );
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
    live: io.of(NS.live) as LiveNamespace,
  };
  const rate = opts.rateLimit ?? DEFAULT_RATE_LIMIT;
  // A deputy's sockets share one allowance per link as well as one per connection.
  guardNamespace(ns.deputy, rate, log, (s) => (s.data as { token?: string }).token);
  for (const nsp of [ns.screen, ns.console, ns.live]) guardNamespace(nsp, rate, log);
  capSocketsPerLink(ns.deputy, opts.maxSocketsPerLink ?? DEFAULT_MAX_SOCKETS_PER_LINK, (s) => (s.data as { token: string }).token, log);
  // A signed-in socket's connection no longer counts against its address (connections.ts).
  for (const nsp of [ns.deputy, ns.console]) nsp.on('connection', (s) => connections.vouch(s.request.socket));
  setupDeputy(ns.deputy, ctx);
  setupScreen(ns.screen, ctx);
  setupConsole(ns.console, ctx);
  // With Redis, the limits per address are kept there, shared with the public edges (Y9).
  const limiters = audienceLimiters(aud.limits ?? DEFAULT_AUDIENCE_LIMITS, counter instanceof RedisCounter ? counter.store : undefined);
  setupLive(ns.live, coreLiveSide({ meetings, hub, limiters, trust, clock, log }));
  const { touchScreens } = wireBroadcasts(ctx, meetings, ns);
  wireAudience(meetings, hub, ns.live, touchScreens);
  const filesAlarm = () =>
    fds.low
      ? { code: 'OPEN_FILES_LOW' as const, message: `open-file limit ${fds.limit?.soft ?? '?'} is below the ${fds.needed} the roster needs` }
      : { code: 'OPEN_FILES_OK' as const, message: 'open-file limit is enough' };
  fds.onChange(() => ns.console.emit('alarm', filesAlarm()));
  ns.console.on('connection', (s) => {
    if (fds.low) s.emit('alarm', filesAlarm());
  });

  const publicSide = opts.redisUrl
    ? await publishPublic({ url: opts.redisUrl, meetings, log, active: () => db.data.activeMeetingId, view: (m) => {
        const s = meetings.get(m);
        return s && screenViewWithHead(ctx, s);
      }, audience: {
        // The audience page for the public edges (SPEC Y9): its view and the polls a rating is checked against.
        record: (m) => {
          const s = meetings.get(m);
          return s && { code: hub.code(m), view: hub.view(s), polls: livePolls(s) };
        },
        onLive: (f) => hub.onLive(f),
      } })
    : null;

  const maxSocketsPerLink = opts.maxSocketsPerLink ?? DEFAULT_MAX_SOCKETS_PER_LINK;
  const chamber = opts.deputyEdge ? startChamberEdge({ ctx, core, http, settings: { rateLimit: rate, maxSocketsPerLink }, log }) : null;

  let closing: Promise<void> | null = null;
  const shutdown = async (): Promise<void> => {
    meetings.stop();
    await publicSide?.close();
    // Requests still running (a big screen streaming an evidence video, a half-sent request)
    // get a moment to finish, then are cut: stopping must not wait on a client.
    const grace = setTimeout(() => http.closeAllConnections(), SHUTDOWN_GRACE_MS);
    await new Promise<void>((resolve) => io.close(() => resolve()));
    clearTimeout(grace);
    await chamber?.close();
    await hub.close();
    await journal.close();
    await boxes.close();
    await audit.close();
    await supervision.close();
  };

  return {
    http,
    io,
    ctx,
    core,
    initialAdminPassword,
    adminPasswordFile,
    fds,
    connections,
    chamber,
    listen: (port, host) =>
      chamber ? chamber.listen(port, host).then((p) => {
        listenUrl = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${p}`;
        return p;
      }) : new Promise((resolve, reject) => {
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
