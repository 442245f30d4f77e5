// The deputies' namespace as the chamber edge process serves it: the same protocol as the core's
// (sockets/deputy.ts), with the link checked by the core at the handshake (admit), every request
// sent to the core as data with the link's token (the core checks it is live when it decides,
// SPEC Z6), and views built here from the folded record (EdgeFold), so neither the socket I/O
// nor the views cost the core's thread anything.
import { type Ack, type VoteAck } from '../../shared/protocol.js';
import { err } from '../../shared/result.js';
import type { MeetingEvent } from '../../shared/events.js';
import type { MeetingState } from '../../shared/state.js';
import { deputyView } from '../../shared/views.js';
import { castVote, selfCheckIn } from '../deputy-requests.js';
import { deputyCommonKey, sameKey, socketsInRoom, touchedDeputies, viewPump } from '../broadcast.js';
import type { Logger } from '../logger.js';
import type { EdgeFold } from '../seam/edge-fold.js';
import type { CoreTransport } from '../seam/transport.js';
import { connectError, handle, readHandshake } from '../sockets/common.js';
import { deputyRoom, type Admission, type DeputyNamespace, type DeputySocket } from '../sockets/deputy.js';

export interface ChamberDeputyEnv {
  core: CoreTransport;
  fold: EdgeFold;
  admit(token: string | undefined, device: string | undefined): Promise<Admission>;
  /** The core's clock (views carry it). */
  now(): number;
  log: Logger;
}

export interface ChamberDeputies {
  /** A folded change: phones whose page it changes get a view (as broadcast.ts does in the core). */
  changed(meeting: string, state: MeetingState, events: readonly MeetingEvent[]): void;
  /** Links revoked by the core: their phones are told and hung up. */
  revoked(meetingId: string, tokens: readonly string[]): void;
}

export function setupChamberDeputy(nsp: DeputyNamespace, env: ChamberDeputyEnv): ChamberDeputies {
  const revokedTokens = new Set<string>();
  const send = (socket: DeputySocket) => {
    const s = env.fold.get(socket.data.meetingId);
    const v = s && deputyView(s, socket.data.deputyId, env.now());
    if (v) socket.emit('view', v);
  };

  nsp.use((socket, next) => {
    const h = readHandshake(socket);
    if (!h.ok) return next(h.error);
    // Every path ends in next(): a handshake left without an answer hangs the phone's socket
    // (socket.io's connect timeout covers only the transport). The core not answering
    // (restarting) is an error without a code, so the phone retries.
    env.admit(h.hs.token, h.hs.device)
      .then(async (a) => {
        if (!a.ok) return next(connectError(a.code));
        await env.fold.follow(a.data.meetingId); // the first view is sent from the folded state
        socket.data = a.data;
        next();
      })
      .catch((e: unknown) => {
        env.log.warn({ err: String(e) }, 'chamber edge: a deputy handshake failed');
        next(new Error('core unavailable'));
      });
  });

  nsp.on('connection', (socket) => {
    const { meetingId, deputyId, token } = socket.data;
    void socket.join([deputyRoom(meetingId), deputyRoom(meetingId, deputyId)]);
    send(socket);
    const stillValid = () => (revokedTokens.has(token) ? (cutOff(socket), false) : true);
    // The core refuses a request whose link is no longer live (UNAUTHORIZED): the phone is told at once.
    const checked = <T extends object>(a: Ack<T>): Ack<T> => {
      if (!a.ok && a.error === 'UNAUTHORIZED') cutOff(socket);
      return a;
    };
    handle<object>(socket, 'checkIn', env.log, async () => (stillValid() ? checked(await selfCheckIn(env, meetingId, deputyId, token)) : err('UNAUTHORIZED')));
    handle<object>(socket, 'echo', env.log, () => ({ ok: true }));
    handle<VoteAck>(socket, 'vote', env.log, async (payload) => (stillValid() ? checked(await castVote(env, meetingId, deputyId, payload, token)) : err('UNAUTHORIZED')));
  });

  const socketsIn = (room: string) => socketsInRoom(nsp, room);
  const owe = viewPump<DeputySocket>(send); // as broadcast.ts: each phone once, DEPUTY_SLICE per turn, after the acks
  const keys = new Map<string, readonly unknown[]>();

  return {
    changed: (meeting, state, events) => {
      const key = deputyCommonKey(state);
      const before = keys.get(meeting);
      keys.set(meeting, key);
      if (!before || !sameKey(key, before)) owe(socketsIn(deputyRoom(meeting)));
      else for (const id of touchedDeputies(events)) owe(socketsIn(deputyRoom(meeting, id)));
    },
    revoked: (meetingId, tokens) => {
      for (const t of tokens) revokedTokens.add(t);
      for (const socket of socketsIn(deputyRoom(meetingId))) if (revokedTokens.has(socket.data.token)) cutOff(socket);
    },
  };
}

function cutOff(socket: DeputySocket): void {
  socket.emit('revoked');
  socket.disconnect(true);
}
