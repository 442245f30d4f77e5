// The seam between the core (the single writer of a meeting's record: decide, reduce, journal,
// audit, timers) and its edges (the processes that hold sockets and fan views out). What
// crosses it is data, never a closure, so it can cross a process or a machine:
// - a request to the core ({id, meeting, role, actor, command}) answered by request id;
// - the core's records: each durable change of a meeting with its sequence number, folded by a
//   chamber edge with the same reducer (state.ts), which asks for a snapshot on a gap;
// - public records: the view that is on air (the big screen's), for public edges, which never
//   receive the meeting's record.
import { z } from 'zod';
import type { MeetingEvent } from './events.js';
import { Command, VotePayload, type Ack, type VoteAck } from './protocol.js';
import type { ScreenView } from './views.js';

const Id = z.string().min(1).max(64);

/** What an edge asks the core to do, on behalf of whom (the edge checked the link or session). */
export const CoreCommand = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('checkIn') }),
  z.strictObject({ type: z.literal('vote'), vote: VotePayload }),
  z.strictObject({ type: z.literal('console'), command: Command }),
]);
export type CoreCommand = z.infer<typeof CoreCommand>;

export const CoreRequest = z.strictObject({
  /** Unique per edge and request: the answer carries it back. */
  id: z.string().min(1).max(100),
  meeting: Id,
  /** deputy: actor is the deputy's id; console: actor is the console user's name. */
  role: z.enum(['deputy', 'console']),
  actor: z.string().min(1).max(100),
  command: CoreCommand,
  /** A deputy's link token, when a chamber edge process sends the request: the core checks the link is live at the moment it decides (SPEC Z6). */
  token: z.string().min(1).max(100).optional(),
});
export type CoreRequest = z.infer<typeof CoreRequest>;

/** The answer to a request: the ack its socket gets (a vote's carries what was recorded). */
export interface CoreReply {
  id: string;
  ack: Ack<Partial<VoteAck>>;
}

/** One durable change of a meeting, in order: seq counts a meeting's records from 1 (per core run). */
export interface CoreRecord {
  meeting: string;
  seq: number;
  events: readonly MeetingEvent[];
}

/** What is on air for a meeting, numbered like its records: a public edge keeps the newest. */
export interface PublicRecord {
  meeting: string;
  seq: number;
  view: ScreenView;
}

/** A record follows the last one folded, is one already folded, or leaves a gap (ask for a snapshot). */
export function recordOrder(lastSeq: number, seq: number): 'next' | 'old' | 'gap' {
  return seq === lastSeq + 1 ? 'next' : seq <= lastSeq ? 'old' : 'gap';
}

/**
 * The query parameter a client's socket.io connection names its namespace in (`?ns=/deputy`):
 * at the HTTP upgrade the namespace is not known yet, and this is what lets the core hand a
 * deputy's WebSocket to the chamber edge process (server/edge/chamber-host.ts, SPEC Z6). A
 * connection without it is served by the core itself.
 */
export const ROUTE_QUERY = 'ns';
