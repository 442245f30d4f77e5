// The /live namespace: the public audience page. It reads the audience view and may send one
// thing, a rating (SPEC Y8): it is given no command path into the meeting. A rating is checked
// here (signed device, limits per source address, the poll open, the code, the marks on the
// item's scale) and then counted by the counter, never by the meeting's reducer (Y2).
// The same handler runs on the core (its side reads the meeting's state) and on a public edge
// (its side holds only what the core published, server/edge/live-edge.ts), SPEC Y9.
import type { Namespace, Socket } from 'socket.io';
import { ratingMarks, type LivePoll } from '../../shared/audience-public.js';
import type { AudienceView } from '../../shared/audience-view.js';
import { LiveHandshake, RatePayload, type LiveClientEvents, type LiveServerEvents } from '../../shared/live-protocol.js';
import type { Ack } from '../../shared/protocol.js';
import { err } from '../../shared/result.js';
import type { Logger } from '../logger.js';
import { handle, versioned } from '../sockets/common.js';
import { meetingGate } from '../sockets/meeting-gate.js';
import type { AudienceCounter } from './counter.js';
import { issueDevice, verifyDevice } from './device.js';
import type { AudienceLimiters } from './limits.js';
import { assertNever } from '../../shared/never.js';

export type LiveNamespace = Namespace<LiveClientEvents, LiveServerEvents, Record<string, never>, { meetingId: string }>;
export const liveRoom = (meetingId: string) => `live:${meetingId}`;

/** Where the page's meeting, view and open polls come from: the core's state, or an edge's published records. */
export interface LiveSide {
  /** The meeting whose public code this is. */
  meetingOf(code: string): Promise<string | undefined>;
  /** The page's view now (undefined: nothing to show yet). */
  view(meetingId: string): AudienceView | undefined;
  /** The meeting's polls as a rating is checked against them. */
  polls(meetingId: string): readonly LivePoll[] | undefined;
  readonly counter: AudienceCounter;
  readonly secret: Buffer;
  readonly limiters: AudienceLimiters;
  /** The source address a limit counts against (server/client-address.ts: TRUST_PROXY). */
  address(socket: Socket): string;
  clock(): number;
  readonly log: Logger;
}

export function setupLive(nsp: LiveNamespace, side: LiveSide): void {
  nsp.use(meetingGate(versioned(LiveHandshake), (hs) => side.meetingOf(hs.code)));
  nsp.on('connection', (socket) => {
    const { meetingId } = socket.data;
    void socket.join(liveRoom(meetingId));
    const v = side.view(meetingId);
    if (v) socket.emit('view', v);
    if (verifyDevice(side.secret, (socket.handshake.auth as { device?: unknown }).device) === null) {
      void side.limiters.issue(side.address(socket)).then((allowed) => {
        // Over the limit: no id, so this page cannot rate (it says so); it can still watch.
        if (allowed && socket.connected) socket.emit('device', issueDevice(side.secret));
      });
    }
    handle<object>(socket, 'rate', side.log, async (payload): Promise<Ack> => {
      const p = RatePayload.safeParse(payload);
      if (!p.success) return err('BAD_REQUEST');
      const device = verifyDevice(side.secret, p.data.device);
      if (device === null) return err('FORBIDDEN');
      if (!(await side.limiters.rate(side.address(socket)))) return err('RATE_LIMITED');
      const polls = side.polls(meetingId);
      if (!polls) return err('NOT_FOUND');
      const marks = ratingMarks(polls, p.data, side.clock());
      if (!marks.ok) return err(marks.error);
      const outcome = await side.counter.rate({ meetingId, pollId: p.data.pollId, device, marks: marks.value });
      switch (outcome) {
        case 'counted':
          return { ok: true };
        case 'duplicate':
          return err('ALREADY_VOTED');
        case 'sealed':
          return err('ROUND_CLOSED');
        case 'unavailable':
          return err('AUDIENCE_PAUSED');
        default:
          return assertNever(outcome, 'rating outcome');
      }
    });
  });
}
