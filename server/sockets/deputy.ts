// The deputy namespace: a phone opened from a personal link. It can check in and vote,
// nothing else; the link is re-checked on every event, so a revoked link stops at once.
import type { Namespace, Socket } from 'socket.io';
import { type ConnectErrorCode, type DeputyClientEvents, type DeputyServerEvents, type VoteAck } from '../../shared/protocol.js';
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
export type DeputySocket = Socket<DeputyClientEvents, DeputyServerEvents, Record<string, never>, DeputyData>;

export const deputyRoom = (meetingId: string, deputyId?: string) =>
  deputyId === undefined ? `deputies:${meetingId}` : `deputy:${meetingId}:${deputyId}`;

export function sendDeputyView(ctx: Ctx, socket: DeputySocket): void {
  const s = ctx.meetings.get(socket.data.meetingId);
  const v = s && deputyView(s, socket.data.deputyId, ctx.clock());
  if (v) socket.emit('view', v);
}

export type Admission = { ok: true; data: DeputyData } | { ok: false; code: ConnectErrorCode };

/**
 * Whether a phone may open this link: the one check for the core's namespace and for the
 * chamber edge process, which asks the core (server/edge/chamber-host.ts). Settles once a new
 * device binding is on disk.
 */
export async function admitDeputy(ctx: Ctx, token: string | undefined, device: string | undefined): Promise<Admission> {
  const link = ctx.auth.link(token);
  if (!link) return { ok: false, code: 'BAD_LINK' };
  if (link.revokedAt !== null) return { ok: false, code: 'LINK_REVOKED' };
  if (!ctx.meetings.get(link.meetingId)) return { ok: false, code: 'NO_MEETING' };
  const bound = checkDevice(ctx, link, device);
  if (bound === 'refused') {
    void recordRefusal(ctx, link);
    return { ok: false, code: 'DEVICE_MISMATCH' };
  }
  await bound; // a new binding is on disk before the phone is let in
  return { ok: true, data: { token: link.token, meetingId: link.meetingId, deputyId: link.deputyId } };
}

export function setupDeputy(nsp: DeputyNamespace, ctx: Ctx): void {
  nsp.use((socket, next) => {
    const h = readHandshake(socket);
    if (!h.ok) return next(h.error);
    void admitDeputy(ctx, h.hs.token, h.hs.device).then((a) => {
      if (!a.ok) return next(connectError(a.code));
      socket.data = a.data;
      next();
    });
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
