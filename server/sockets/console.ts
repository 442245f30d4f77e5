// The console namespace: the moderator's laptop. The session is checked at connect and
// again on every command, so a logout or an expired session stops the console at once.
import type { Namespace } from 'socket.io';
import { randomBytes } from 'node:crypto';
import { decideCommand } from '../../shared/decide.js';
import { Command, type ConsoleClientEvents, type ConsoleServerEvents } from '../../shared/protocol.js';
import { err } from '../../shared/result.js';
import { consoleRoster } from '../../shared/views.js';
import { consoleViewWithHead } from '../head-views.js';
import { connectError, handle, readHandshake, resolveMeeting, type Ctx } from './common.js';

export type ConsoleNamespace = Namespace<
  ConsoleClientEvents,
  ConsoleServerEvents,
  Record<string, never>,
  { meetingId: string; session: string; username: string }
>;
export const consoleRoom = (meetingId: string) => `console:${meetingId}`;

const newRoundId = () => 'r' + randomBytes(6).toString('hex');

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
      // The same ids when the command is decided again (meetings.ts: after a ballot box opened).
      const ids: string[] = [];
      let taken = 0;
      const roundId = () => ids[taken++] ?? (ids.push(newRoundId()), ids[taken - 1] ?? '');
      // Closing an audience poll journals its final count: sealed and read first (SPEC U4).
      const final = c.data.type === 'audienceClose' ? await ctx.audience?.finalCount(meetingId, c.data.pollId) : undefined;
      const r = await ctx.meetings.commit(meetingId, (st) => {
        if (!st) return err('NOT_FOUND');
        taken = 0;
        const d = decideCommand(st, c.data, ctx.clock(), roundId, () => final);
        return d.ok ? { ok: true, value: { events: d.value } } : d;
      }, user.username);
      if (r.ok) ctx.log.info({ meetingId, user: user.username, command: c.data.type }, 'console command');
      return r.ok ? { ok: true } : r;
    });
  });
}
