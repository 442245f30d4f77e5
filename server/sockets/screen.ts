// The screen namespace: read only. Screens see only what the item's visibility allows,
// so no login is needed to open one.
import type { Namespace } from 'socket.io';
import type { ScreenClientEvents, ScreenServerEvents } from '../../shared/protocol.js';
import { screenViewWithHead } from '../head-views.js';
import { connectError, readHandshake, resolveMeeting, type Ctx } from './common.js';

export type ScreenNamespace = Namespace<ScreenClientEvents, ScreenServerEvents, Record<string, never>, { meetingId: string }>;
export const screenRoom = (meetingId: string) => `screens:${meetingId}`;

export function setupScreen(nsp: ScreenNamespace, ctx: Ctx): void {
  nsp.use((socket, next) => {
    const h = readHandshake(socket);
    if (!h.ok) return next(h.error);
    const meetingId = resolveMeeting(ctx, h.hs.meetingId);
    if (!meetingId) return next(connectError('NO_MEETING'));
    socket.data = { meetingId };
    next();
  });
  nsp.on('connection', (socket) => {
    const { meetingId } = socket.data;
    void socket.join(screenRoom(meetingId));
    const s = ctx.meetings.get(meetingId);
    if (s) socket.emit('view', screenViewWithHead(ctx, s));
  });
}
