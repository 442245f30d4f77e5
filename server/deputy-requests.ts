// What a deputy may ask of the core: check in and vote, as requests to the core (shared/seam.ts).
// The one path for the phone's socket (sockets/deputy.ts) and the plain page's forms
// (plain/routes.ts), so both are held to the same rules, journal and ballot box.
import { VotePayload, type Ack, type VoteAck } from '../shared/protocol.js';
import { err } from '../shared/result.js';
import { requestId } from './seam/transport.js';
import type { Ctx } from './sockets/common.js';

/**
 * A deputy checks in: the one path for the socket and the plain page (server/plain/).
 * actor null: a deputy is not a console user.
 */
export async function selfCheckIn(ctx: Pick<Ctx, 'core'>, meetingId: string, deputyId: string, token?: string): Promise<Ack> {
  const { ack } = await ctx.core.request({ id: requestId(), meeting: meetingId, role: 'deputy', actor: deputyId, command: { type: 'checkIn' }, ...(token !== undefined ? { token } : {}) });
  return ack.ok ? { ok: true } : ack;
}

/**
 * A deputy's vote, `unknown` until VotePayload accepts it: the one path for the socket and the
 * plain page (and the chamber edge process, which passes the link token for the core to check),
 * so all are held to the same rules (decideVote), journal and ballot box.
 */
export async function castVote(ctx: Pick<Ctx, 'core'>, meetingId: string, deputyId: string, payload: unknown, token?: string): Promise<Ack<VoteAck>> {
  const p = VotePayload.safeParse(payload);
  if (!p.success) return err('BAD_REQUEST');
  const { ack } = await ctx.core.request({ id: requestId(), meeting: meetingId, role: 'deputy', actor: deputyId, command: { type: 'vote', vote: p.data }, ...(token !== undefined ? { token } : {}) });
  if (!ack.ok) return ack;
  if (!ack.recorded || ack.duplicate === undefined) return err('INTERNAL');
  return { ok: true, recorded: ack.recorded, duplicate: ack.duplicate };
}
