// Clients for the fault tests that behave like the real phones and console: they keep their
// socket.io connection (reconnecting by themselves) and resend a request until it is answered.
import { io, type Socket } from 'socket.io-client';
import { NS, PROTOCOL_VERSION, type Ack } from '../../shared/protocol.js';
import type { ConsoleView } from '../../shared/views.js';

export interface RetryingClient {
  readonly socket: Socket;
  /** Send until an answer arrives (a lost connection or a timeout means: send again). */
  request<T extends object = object>(event: string, payload: unknown, opts?: { deadlineMs?: number; retryOn?: readonly string[] }): Promise<Ack<T>>;
  close(): void;
}

function waitConnected(s: Socket, ms: number): Promise<void> {
  if (s.connected) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => (s.off('connect', on), reject(new Error('not connected in time'))), ms);
    const on = () => (clearTimeout(t), resolve());
    s.once('connect', on);
  });
}

/** One attempt: the answer, or null if the connection dropped or nothing came back in time. */
function once<T extends object>(s: Socket, event: string, payload: unknown, ms: number): Promise<Ack<T> | null> {
  return new Promise((resolve) => {
    const done = (v: Ack<T> | null) => {
      clearTimeout(t);
      s.off('disconnect', lost);
      resolve(v);
    };
    const lost = () => done(null);
    const t = setTimeout(() => done(null), ms);
    s.once('disconnect', lost);
    s.emit(event, payload, (a: Ack<T>) => done(a));
  });
}

export function retryingClient(url: string, ns: string, auth: Record<string, unknown>): RetryingClient {
  const socket = io(url + ns, {
    auth: { v: PROTOCOL_VERSION, ...auth },
    transports: ['websocket'],
    forceNew: true,
    reconnectionDelay: 30,
    reconnectionDelayMax: 250,
    randomizationFactor: 0.5,
    timeout: 3000,
  });
  return {
    socket,
    request: async <T extends object>(event: string, payload: unknown, opts: { deadlineMs?: number; retryOn?: readonly string[] } = {}) => {
      const deadline = Date.now() + (opts.deadlineMs ?? 60_000);
      const retryOn = opts.retryOn ?? ['STORAGE_FAILED', 'INTERNAL'];
      while (Date.now() < deadline) {
        await waitConnected(socket, Math.max(1, deadline - Date.now()));
        const a = await once<T>(socket, event, payload, 2000);
        if (a && (a.ok || !retryOn.includes(a.error))) return a;
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error(`${event}: no answer before the deadline`);
    },
    close: () => socket.close(),
  };
}

/** A console client that also remembers the latest view. */
export function consoleClient(url: string, session: string): RetryingClient & { latest(): ConsoleView | undefined; until(p: (v: ConsoleView) => boolean, ms?: number): Promise<ConsoleView> } {
  const c = retryingClient(url, NS.console, { session });
  let view: ConsoleView | undefined;
  c.socket.on('view', (v: ConsoleView) => (view = v));
  return {
    ...c,
    latest: () => view,
    until: async (p, ms = 10_000) => {
      const deadline = Date.now() + ms;
      while (Date.now() < deadline) {
        if (view && p(view)) return view;
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error(`console view: condition not met in ${ms} ms`);
    },
  };
}

export async function loginAt(url: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password }),
  });
  const body: unknown = await res.json();
  const session = typeof body === 'object' && body !== null && 'session' in body ? body.session : undefined;
  if (typeof session !== 'string') throw new Error(`login failed: ${JSON.stringify(body)}`);
  return session;
}

export async function linkTokens(url: string, session: string, meetingId = 'demo'): Promise<{ deputyId: string; token: string }[]> {
  const res = await fetch(`${url}/api/meetings/${meetingId}/links`, { headers: { authorization: `Bearer ${session}` } });
  const body = (await res.json()) as { links: { deputyId: string; url: string | null }[] };
  return body.links.flatMap((l) => (l.url ? [{ deputyId: l.deputyId, token: l.url.split('/d/')[1] ?? '' }] : []));
}
