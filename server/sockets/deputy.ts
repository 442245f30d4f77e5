// The deputy namespace: a phone opened from a personal link. It can check in and vote,
// nothing else; the link is re-checked on every event, so a revoked link stops at once.
import type { Namespace, Socket } from 'socket.io';
import { type DeputyClientEvents, type DeputyServerEvents, type VoteAck } from '../../shared/protocol.js';
import { err } from '../../shared/result.js';
import { castVote, selfCheckIn } from '../deputy-requests.js';
import { deputyView } from '../../shared/views.js';
import { connectError, handle, readHandshake, type Ctx } from './common.js';
import { checkDevice, onLinksRevoked, recordRefusal } from '../links.js';

export interface DeputyData {
  token: string;
  meetingId: string;
  deputyId: string;
}
export type DeputyNamespace = Namespace<DeputyClientEvents, DeputyServerEvents, Record<string, never>, DeputyData>;
type DeputySocket = Socket<DeputyClientEvents, DeputyServerEvents, Record<string, never>, DeputyData>;

export const deputyRoom = (meetingId: string, deputyId?: string) =>
  deputyId === undefined ? `deputies:${meetingId}` : `deputy:${meetingId}:${deputyId}`;

export function sendDeputyView(ctx: Ctx, socket: DeputySocket): void {
  const s = ctx.meetings.get(socket.data.meetingId);
  const v = s && deputyView(s, socket.data.deputyId, ctx.clock());
  if (v) socket.emit('view', v);
}

export function setupDeputy(nsp: DeputyNamespace, ctx: Ctx): void {
  nsp.use((socket, next) => {
    const h = readHandshake(socket);
    if (!h.ok) return next(h.error);
    const link = ctx.auth.link(h.hs.token);
    if (!link) return next(connectError('BAD_LINK'));
    if (link.revokedAt !== null) return next(connectError('LINK_REVOKED'));
    if (!ctx.meetings.get(link.meetingId)) return next(connectError('NO_MEETING'));
    const bound = checkDevice(ctx, link, h.hs.device);
    if (bound === 'refused') {
      void recordRefusal(ctx, link);
      return next(connectError('DEVICE_MISMATCH'));
    }
    socket.data = { token: link.token, meetingId: link.meetingId, deputyId: link.deputyId };
    void bound.then(() => next()); // a new binding is on disk before the phone is let in
  });

  onLinksRevoked(ctx, (meetingId) => cutOffRevoked(nsp, ctx, meetingId));

  nsp.on('connection', (socket) => {
    const { meetingId, deputyId } = socket.data;
    void socket.join([deputyRoom(meetingId), deputyRoom(meetingId, deputyId)]);
    // Every (re)connect gets the full truth at once: a reloaded phone converges.
    sendDeputyView(ctx, socket);

    const stillValid = (): boolean => {
      const link = ctx.auth.link(socket.data.token);
      if (link && link.revokedAt === null) return true;
      socket.emit('revoked');
      socket.disconnect(true);
      return false;
    };

    handle<object>(socket, 'checkIn', ctx.log, async () => {
      if (!stillValid()) return err('UNAUTHORIZED');
      return selfCheckIn(ctx, meetingId, deputyId);
    });

    // The phone's heartbeat: engine.io's own ping (10 s + 8 s) is far too slow to tell a deputy
    // within 3 s that the chamber Wi-Fi is gone. No state, no lookup: it costs one packet.
    handle<object>(socket, 'echo', ctx.log, () => ({ ok: true }));

    handle<VoteAck>(socket, 'vote', ctx.log, async (payload) => {
      if (!stillValid()) return err('UNAUTHORIZED');
      return castVote(ctx, meetingId, deputyId, payload);
    });
  });
}

/** Tell every phone of a meeting whose link stopped working (reissued, revoked), and hang up. */
async function cutOffRevoked(nsp: DeputyNamespace, ctx: Ctx, meetingId: string): Promise<void> {
  for (const socket of await nsp.in(deputyRoom(meetingId)).fetchSockets()) {
    const link = ctx.auth.link(socket.data.token);
    if (link && link.revokedAt === null) continue;
    socket.emit('revoked');
    socket.disconnect(true);
  }
}
