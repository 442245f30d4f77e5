// The console namespace: the moderator's laptop. The session is checked at connect and
// again on every command, so a logout or an expired session stops the console at once.
import type { Namespace } from 'socket.io';
import { Command, type ConsoleClientEvents, type ConsoleServerEvents } from '../../shared/protocol.js';
import { err } from '../../shared/result.js';
import { consoleRoster } from '../../shared/views.js';
import { consoleViewWithHead } from '../head-views.js';
import { requestId } from '../seam/transport.js';
import { connectError, handle, readHandshake, resolveMeeting, type Ctx } from './common.js';

export type ConsoleNamespace = Namespace<
  ConsoleClientEvents,
  ConsoleServerEvents,
  Record<string, never>,
  { meetingId: string; session: string; username: string }
>;
export const consoleRoom = (meetingId: string) => `console:${meetingId}`;

export function setupConsole(nsp: ConsoleNamespace, ctx: Ctx): void {
  nsp.use((socket, next) => {
    const h = readHandshake(socket);
    if (!h.ok) return next(h.error);
    const user = ctx.auth.sessionUser(h.hs.session);
    if (!user || !h.hs.session) return next(connectError('UNAUTHORIZED'));
    const meetingId = resolveMeeting(ctx, h.hs.meetingId);
    if (!meetingId) return next(connectError('NO_MEETING'));
    socket.data = { meetingId, session: h.hs.session, username: user.username };
    next();
  });

  nsp.on('connection', (socket) => {
    const { meetingId } = socket.data;
    void socket.join(consoleRoom(meetingId));
    const s = ctx.meetings.get(meetingId);
    if (s) {
      socket.emit('roster', consoleRoster(s));
      socket.emit('view', consoleViewWithHead(ctx, s));
    }
    if (!ctx.meetings.storageHealthy) socket.emit('alarm', { code: 'STORAGE_FAILED', message: 'data folder cannot be written' });

    handle<object>(socket, 'command', ctx.log, async (payload) => {
      const user = ctx.auth.sessionUser(socket.data.session);
      if (!user) {
        socket.disconnect(true);
        return err('UNAUTHORIZED');
      }
      const c = Command.safeParse(payload);
      if (!c.success) return err('BAD_REQUEST');
      const { ack } = await ctx.core.request({ id: requestId(), meeting: meetingId, role: 'console', actor: user.username, command: { type: 'console', command: c.data } });
      return ack.ok ? { ok: true } : ack;
    });
  });
}
