// Start the real server on 127.0.0.1:0 with a temporary data folder, and connect real
// socket.io-client sockets to it. Used by the integration tests.
import { mkdtemp, rm } from 'node:fs/promises';
import { afterEach, beforeEach } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import type { EventOf } from '../../shared/events.js';
import { NS, PROTOCOL_VERSION, type Ack, type Command, type VoteAck } from '../../shared/protocol.js';
import { ok } from '../../shared/result.js';
import { ROUTE_QUERY } from '../../shared/seam.js';
import type { ConsoleView, DeputyView, ScreenView } from '../../shared/views.js';
import { createApp, type App, type AppOptions } from '../app.js';
import { memoryLogger, type MemoryLogger } from '../logger.js';

export const ADMIN_PASSWORD = 'test-admin-pw';

export interface Harness {
  app: App;
  url: string;
  dataDir: string;
  log: MemoryLogger;
  restart(): Promise<void>;
  close(): Promise<void>;
}

/**
 * WZ_TEST_DEPUTY_EDGE=1: every server a test starts serves deputies' WebSockets from a chamber
 * edge process (server/edge/chamber-suites.test.ts runs the deputy suites so).
 */
export const deputyEdgeFromEnv = (): boolean => process.env.WZ_TEST_DEPUTY_EDGE === '1';

export async function startServer(opts: Partial<AppOptions> = {}, dataDir?: string): Promise<Harness> {
  const dir = dataDir ?? (await mkdtemp(join(tmpdir(), 'wz-test-')));
  const log = memoryLogger();
  const boot = async () => {
    const app = await createApp({ dataDir: dir, logger: log, demo: true, adminPassword: ADMIN_PASSWORD, clientDir: null, ...(deputyEdgeFromEnv() ? { deputyEdge: true } : {}), ...opts });
    const port = await app.listen(0, '127.0.0.1');
    // Deputies connect only once the edge takes them (before, the core would serve them itself).
    await app.chamber?.whenUp();
    return { app, url: `http://127.0.0.1:${port}` };
  };
  let cur = await boot();
  const h: Harness = {
    get app() {
      return cur.app;
    },
    get url() {
      return cur.url;
    },
    dataDir: dir,
    log,
    restart: async () => {
      await cur.app.close();
      cur = await boot();
    },
    close: async () => {
      await cur.app.close();
      if (!dataDir) await rm(dir, { recursive: true, force: true });
    },
  };
  return h;
}

export async function login(url: string, username = 'admin', password = ADMIN_PASSWORD): Promise<string> {
  const res = await fetch(`${url}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const body = (await res.json()) as { ok: boolean; session?: string };
  if (!body.session) throw new Error(`login failed: ${JSON.stringify(body)}`);
  return body.session;
}

export async function links(url: string, session: string, meetingId = 'demo'): Promise<{ deputyId: string; url: string }[]> {
  const res = await fetch(`${url}/api/meetings/${meetingId}/links`, { headers: { authorization: `Bearer ${session}` } });
  const body = (await res.json()) as { links: { deputyId: string; url: string }[] };
  return body.links;
}

/** A client socket that remembers the latest view it was sent. */
export interface Client<V> {
  socket: Socket;
  latest(): V | undefined;
  /** Resolves with the first view (already received or future) that satisfies pred. */
  until(pred: (v: V) => boolean, ms?: number): Promise<V>;
  close(): void;
}

export function connect<V>(url: string, ns: string, auth: Record<string, unknown>, shape: (wire: V) => V = (v) => v): Client<V> {
  // The query names the namespace as the app's client does (a deputy's WebSocket may be served by the chamber edge).
  const socket = io(url + ns, { auth: { v: PROTOCOL_VERSION, ...auth }, query: { [ROUTE_QUERY]: ns }, transports: ['websocket'], forceNew: true, reconnection: true });
  let view: V | undefined;
  let waiters: { pred: (v: V) => boolean; resolve: (v: V) => void }[] = [];
  socket.on('view', (wire: V) => {
    const v = shape(wire);
    view = v;
    waiters = waiters.filter((w) => (w.pred(v) ? (w.resolve(v), false) : true));
  });
  return {
    socket,
    latest: () => view,
    until: (pred, ms = 5000) =>
      new Promise((resolve, reject) => {
        if (view !== undefined && pred(view)) return resolve(view);
        const t = setTimeout(() => reject(new Error(`timed out waiting for a view on ${ns}; last: ${JSON.stringify(view)?.slice(0, 400)}`)), ms);
        waiters.push({ pred, resolve: (v) => (clearTimeout(t), resolve(v)) });
      }),
    close: () => socket.close(),
  };
}

export const deputy = (url: string, linkUrl: string) => connect<DeputyView>(url, NS.deputy, { token: linkUrl.split('/d/')[1] });
export const screen = (url: string) => connect<ScreenView>(url, NS.screen, {});
/** A console: the roster comes apart from the view and only when it changes; put back as the app does. */
export function console_(url: string, session: string, meetingId?: string): Client<ConsoleView> {
  let roster: ConsoleView['roster'] = [];
  const c = connect<ConsoleView>(url, NS.console, { session, ...(meetingId !== undefined ? { meetingId } : {}) }, (v) => ({ ...v, roster }));
  c.socket.on('roster', (rows: ConsoleView['roster']) => {
    roster = rows;
  });
  return c;
}

export function emit<T extends object = object>(s: Socket, event: string, payload: unknown, ms = 5000): Promise<Ack<T>> {
  return s.timeout(ms).emitWithAck(event, payload) as Promise<Ack<T>>;
}
export const command = (c: Client<ConsoleView>, cmd: Command | Record<string, unknown>) => emit(c.socket, 'command', cmd);
export const vote = (d: Client<DeputyView>, payload: unknown) => emit<VoteAck>(d.socket, 'vote', payload);

let n = 0;
/** A fresh receipt code of the right form. */
export function receipt(): string {
  n += 1;
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  let x = n * 7919 + Math.floor(Math.random() * 1e6);
  let out = '';
  for (let i = 0; i < 8; i++) {
    out += alphabet[x % alphabet.length];
    x = Math.floor(x / alphabet.length) + i * 31;
  }
  return out;
}

/**
 * A fresh server (demo meeting, temporary data folder) and an admin session for every test,
 * and the client sockets a test opened closed after it. Register at the top of a test file.
 */
export function serverPerTest(opts: Partial<AppOptions> = { demoSize: 5 }) {
  let h: Harness | undefined;
  let session = '';
  let clients: { close(): void }[] = [];
  beforeEach(async () => {
    h = await startServer(opts);
    session = await login(h.url);
  });
  afterEach(async () => {
    closeClients();
    await h?.close();
  });
  function closeClients(): void {
    for (const c of clients) c.close();
    clients = [];
  }
  return {
    get h(): Harness {
      if (!h) throw new Error('serverPerTest: no server outside a test');
      return h;
    },
    get session(): string {
      return session;
    },
    /** Close this client after the test. */
    track: <T extends { close(): void }>(c: T): T => (clients.push(c), c),
    closeClients,
  };
}

/**
 * A meeting made ready the way a prepared one is (one `meeting.created`, outside the console)
 * with its deputies' personal links issued; for tests that need their own roster and agenda.
 */
export async function prepareMeeting(h: Harness, created: Omit<EventOf<'meeting.created'>, 't' | 'at'> & { at?: number }): Promise<void> {
  const event: EventOf<'meeting.created'> = { t: 'meeting.created', at: created.at ?? 1, meeting: created.meeting, roster: created.roster, agenda: created.agenda };
  const r = await h.app.ctx.meetings.commit(created.meeting.id, () => ok({ events: [event] }), null);
  if (!r.ok) throw new Error(r.error);
  await h.app.ctx.auth.ensureLinks(created.meeting.id, created.roster.map((d) => d.id));
}

/** Clients a test opens, closed together after it. */
export function clientTracker() {
  let clients: { close(): void }[] = [];
  return {
    track: <T extends { close(): void }>(c: T): T => (clients.push(c), c),
    closeAll(): void {
      for (const c of clients) c.close();
      clients = [];
    },
  };
}

/** Every deputy of the meeting connected by their own link and checked in (refused: throws); each client goes to `keep`, to be closed after. */
export async function checkedInDeputies(url: string, session: string, keep: (c: { close(): void }) => void, meetingId = 'demo'): Promise<Client<DeputyView>[]> {
  const deps: Client<DeputyView>[] = [];
  for (const l of await links(url, session, meetingId)) {
    const d = deputy(url, l.url);
    keep(d);
    await d.until(() => true);
    const ack = await emit(d.socket, 'checkIn', {});
    if (!ack.ok) throw new Error(`check-in refused: ${ack.error}`);
    deps.push(d);
  }
  return deps;
}
