// The /live namespace: the public audience page. It reads the audience view and may send one
// thing, a rating (SPEC Y8): it is given no command path into the meeting. A rating is checked
// here (signed device, limits per source address, the poll open, the code, the marks on the
// item's scale) and then counted by the counter, never by the meeting's reducer (Y2).
import type { Namespace, Socket } from 'socket.io';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { AudienceMark } from '../../shared/audience-tally.js';
import { audienceRatingRefusal } from '../../shared/audience.js';
import { LiveHandshake, RatePayload, type LiveClientEvents, type LiveServerEvents } from '../../shared/live-protocol.js';
import { PROTOCOL_VERSION, type Ack } from '../../shared/protocol.js';
import { err } from '../../shared/result.js';
import { checkRatingBallot } from '../../shared/rules/rating.js';
import { levelOf, scaleOf } from '../../shared/rules/scales.js';
import { itemById } from '../../shared/state.js';
import { connectError, handle, type Ctx } from '../sockets/common.js';
import { issueDevice, verifyDevice } from './device.js';
import type { AudienceHub } from './hub.js';
import { assertNever } from '../../shared/never.js';

export type LiveNamespace = Namespace<LiveClientEvents, LiveServerEvents, Record<string, never>, { meetingId: string }>;
export const liveRoom = (meetingId: string) => `live:${meetingId}`;

export interface AudienceLimits {
  /** New device ids handed to one source address per minute. */
  readonly devicesPerMinute: number;
  /** Ratings accepted from one source address per minute (all devices behind it together). */
  readonly ratingsPerMinute: number;
}

/**
 * Generous enough for a household or a small office behind one address; a carrier's NAT (many
 * phones on one address) needs them raised (docs/SECURITY.md, docs/DEPLOY.md).
 */
export const DEFAULT_AUDIENCE_LIMITS: AudienceLimits = { devicesPerMinute: 60, ratingsPerMinute: 120 };

/** The source address a limit counts against. */
const addressOf = (socket: Socket) => socket.handshake.address;

export function setupLive(nsp: LiveNamespace, ctx: Ctx, hub: AudienceHub, limits: AudienceLimits = DEFAULT_AUDIENCE_LIMITS): void {
  const issued = new RateLimiterMemory({ points: limits.devicesPerMinute, duration: 60 });
  const rated = new RateLimiterMemory({ points: limits.ratingsPerMinute, duration: 60 });
  const take = (l: RateLimiterMemory, key: string) => l.consume(key).then(() => true, () => false);

  nsp.use((socket, next) => {
    const hs = LiveHandshake.safeParse(socket.handshake.auth);
    if (!hs.success || hs.data.v !== PROTOCOL_VERSION) return next(connectError('PROTOCOL_MISMATCH'));
    const meetingId = hub.meetingOf(hs.data.code);
    if (!meetingId) return next(connectError('NO_MEETING'));
    socket.data = { meetingId };
    next();
  });

  nsp.on('connection', (socket) => {
    const { meetingId } = socket.data;
    void socket.join(liveRoom(meetingId));
    const s = ctx.meetings.get(meetingId);
    if (s) socket.emit('view', hub.view(s));
    if (verifyDevice(hub.secret, (socket.handshake.auth as { device?: unknown }).device) === null) {
      void take(issued, addressOf(socket)).then((allowed) => {
        // Over the limit: no id, so this page cannot rate (it says so); it can still watch.
        if (allowed && socket.connected) socket.emit('device', issueDevice(hub.secret));
      });
    }

    handle<object>(socket, 'rate', ctx.log, async (payload): Promise<Ack> => {
      const p = RatePayload.safeParse(payload);
      if (!p.success) return err('BAD_REQUEST');
      const device = verifyDevice(hub.secret, p.data.device);
      if (device === null) return err('FORBIDDEN');
      if (!(await take(rated, addressOf(socket)))) return err('RATE_LIMITED');
      const st = ctx.meetings.get(meetingId);
      if (!st) return err('NOT_FOUND');
      const refusal = audienceRatingRefusal(st, p.data.pollId, p.data.code, ctx.clock());
      if (refusal) return err(refusal);
      const poll = st.audience.find((x) => x.id === p.data.pollId);
      const item = poll && itemById(st, poll.itemId);
      if (!poll || item?.kind !== 'rating') return err('NOT_FOUND');
      const content = { kind: 'rating' as const, ratings: p.data.ratings };
      const valid = checkRatingBallot(item, content);
      if (!valid.ok) return err(valid.error);
      const scale = scaleOf(item.settings.scale);
      const marks: AudienceMark[] = Object.entries(p.data.ratings).map(([subjectId, v]) => ({
        subjectId,
        level: levelOf(scale, v) ?? '',
        value: scale.id === 'score' && typeof v === 'number' ? v : 0,
      }));
      const outcome = await hub.counter.rate({ meetingId, pollId: poll.id, device, marks });
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
