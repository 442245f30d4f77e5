// The screen namespace: read only. Screens see only what the item's visibility allows,
// so no login is needed to open one.
import type { Namespace } from 'socket.io';
import { Handshake, type ScreenClientEvents, type ScreenServerEvents } from '../../shared/protocol.js';
import { screenViewWithHead } from '../head-views.js';
import { resolveMeeting, versioned, type Ctx } from './common.js';
import { meetingGate } from './meeting-gate.js';
import { screenRoom } from './rooms.js';

export type ScreenNamespace = Namespace<ScreenClientEvents, ScreenServerEvents, Record<string, never>, { meetingId: string }>;
export function setupScreen(nsp: ScreenNamespace, ctx: Ctx): void {
  nsp.use(meetingGate(versioned(Handshake), (hs) => resolveMeeting(ctx, hs.meetingId)));
  nsp.on('connection', (socket) => {
    const { meetingId } = socket.data;
    void socket.join(screenRoom(meetingId));
    const s = ctx.meetings.get(meetingId);
    if (s) socket.emit('view', screenViewWithHead(ctx, s));
  });
}
