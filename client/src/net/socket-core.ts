// The connection life cycle every role shares: connect to one namespace with the versioned
// handshake, keep the latest view (each view is a full snapshot, so the newest one wins),
// track the server clock offset, and turn refused handshakes into a state the page can show.
import { useEffect, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION, type ConnectErrorCode, type Handshake } from '../../../shared/protocol.js';
import { ROUTE_QUERY } from '../../../shared/seam.js';
import { startHeartbeat } from './heartbeat.js';
import { reloadOnceForNewVersion } from './reload-guard.js';

export type ConnState = 'connecting' | 'online' | 'offline';
/** Why this page cannot go on; the page shows a "see staff" or sign-in screen instead. */
export type Fatal = 'BAD_LINK' | 'LINK_REVOKED' | 'DEVICE_MISMATCH' | 'revoked' | 'UNAUTHORIZED' | 'PROTOCOL_MISMATCH';
/** The handshake refusals this client understands (DEVICE_MISMATCH: link bound to another phone). */
export type KnownConnectError = ConnectErrorCode | 'DEVICE_MISMATCH';

export interface SocketState<V> {
  view: V | null;
  /** serverNow - Date.now() when the latest view arrived: add it to Date.now() for server time. */
  offset: number;
  conn: ConnState;
  fatal: Fatal | null;
  /** Waiting for a meeting to exist (screen, console): the socket keeps retrying. */
  noMeeting: boolean;
}

/** socket.io puts the middleware's error payload on err.data; read it without trusting it. */
export function connectErrorCode(err: unknown): KnownConnectError | null {
  if (typeof err !== 'object' || err === null || !('data' in err)) return null;
  const data: unknown = err.data;
  if (typeof data !== 'object' || data === null || !('code' in data)) return null;
  const code: unknown = data.code;
  switch (code) {
    case 'PROTOCOL_MISMATCH':
    case 'BAD_LINK':
    case 'LINK_REVOKED':
    case 'UNAUTHORIZED':
    case 'NO_MEETING':
    case 'DEVICE_MISMATCH':
      return code;
    default:
      return null;
  }
}

export function openSocket<L extends object, E extends object>(ns: string, auth: Omit<Handshake, 'v'>): Socket<L, E> {
  // websocket first; polling when a proxy or an old in-app browser blocks websockets.
  const socket: Socket<L, E> = io(ns, {
    auth: { v: PROTOCOL_VERSION, ...auth },
    // Which namespace this connection carries, for the server's router (a deputy's WebSocket may be served by the chamber edge process).
    query: { [ROUTE_QUERY]: ns },
    transports: ['websocket', 'polling'],
    tryAllTransports: true,
    reconnectionDelay: 500,
    reconnectionDelayMax: 4000,
    timeout: 8000,
  });
  return socket;
}

const NO_MEETING_RETRY_MS = 3000;

export interface CoreOptions {
  /** Ask the server for an echo every second and treat silence as a lost link (heartbeat.ts). */
  heartbeat?: boolean;
}

/**
 * Drive one socket made by `make` (null = not yet: e.g. no session). `bind` subscribes the
 * namespace's own events ('view', and e.g. 'revoked' or 'alarm'); it must not connect.
 */
export function useSocketCore<V extends { serverNow: number }, S extends Socket>(
  make: (() => S) | null,
  bind: (socket: S, onView: (v: V) => void, onFatal: (f: Fatal) => void) => void,
  deps: readonly unknown[],
  opts: CoreOptions = {},
): SocketState<V> & { socket: S | null } {
  // The state is tagged with the `make` it belongs to: the render right after `make` changes
  // (a new session, say) must not show the previous socket's view or refusal.
  const initial: SocketState<V> = { view: null, offset: 0, conn: 'connecting', fatal: null, noMeeting: false };
  const [tagged, setTagged] = useState<{ owner: unknown; state: SocketState<V>; socket: S | null }>({ owner: make, state: initial, socket: null });

  useEffect(() => {
    if (!make) return undefined;
    const setState = (f: (p: SocketState<V>) => SocketState<V>) =>
      setTagged((t) => (t.owner === make ? { ...t, state: f(t.state) } : { owner: make, state: f(initial), socket: s }));
    const s = make();
    let retry: ReturnType<typeof setTimeout> | undefined;
    const fatal = (f: Fatal) => {
      s.disconnect();
      setState((p) => ({ ...p, fatal: f, conn: 'offline' }));
    };
    bind(
      s,
      (v) => setState((p) => ({ ...p, view: v, offset: v.serverNow - Date.now(), noMeeting: false })),
      fatal,
    );
    s.on('connect', () => setState((p) => ({ ...p, conn: 'online', noMeeting: false })));
    s.on('disconnect', () => setState((p) => ({ ...p, conn: 'offline' })));
    s.on('connect_error', (err: unknown) => {
      const code = connectErrorCode(err);
      if (code === 'PROTOCOL_MISMATCH') {
        // A phone holding a cached old page: reload once to fetch the new one.
        if (reloadOnceForNewVersion()) return;
        fatal('PROTOCOL_MISMATCH');
      } else if (code === 'BAD_LINK' || code === 'LINK_REVOKED' || code === 'DEVICE_MISMATCH' || code === 'UNAUTHORIZED') {
        fatal(code);
      } else if (code === 'NO_MEETING') {
        // A refused handshake is not retried by socket.io itself; try again shortly.
        setState((p) => ({ ...p, conn: 'offline', noMeeting: true }));
        retry = setTimeout(() => s.connect(), NO_MEETING_RETRY_MS);
      } else {
        setState((p) => ({ ...p, conn: 'offline' }));
      }
    });
    const stopBeat = opts.heartbeat
      ? startHeartbeat(s as unknown as Parameters<typeof startHeartbeat>[0], () => {
          setState((p) => ({ ...p, conn: 'offline' }));
          // Close the silent transport: socket.io then reconnects (with its jittered backoff)
          // instead of waiting out engine.io's own ping timeout on a dead link.
          s.io.engine.close();
        })
      : () => undefined;
    setTagged((t) => ({ owner: make, state: t.owner === make ? t.state : initial, socket: s }));
    return () => {
      stopBeat();
      if (retry) clearTimeout(retry);
      s.removeAllListeners();
      s.disconnect();
    };
    // The caller names what the socket depends on (token, session, meeting).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);

  const state = tagged.owner === make ? tagged.state : initial;
  return { ...state, socket: tagged.owner === make ? tagged.socket : null };
}
