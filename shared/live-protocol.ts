// The public audience page's socket protocol (namespace /live, docs/PROTOCOL.md): a view to
// read, a device token to keep, and one thing to send, an audience rating. Nothing else the
// page may send reaches the meeting (SPEC Y8).
import { z } from 'zod';
import { AudienceCode } from './audience-state.js';
import { Id } from './model.js';
import type { AckFn } from './protocol.js';
import type { AudienceView } from './audience-view.js';

export const LiveHandshake = z.object({
  v: z.number().int(),
  /** The meeting's public code from /live/<code>. */
  code: z.string().min(1).max(64),
  /** The signed device token this browser was given before, if any. */
  device: z.string().max(100).optional(),
});
export type LiveHandshake = z.infer<typeof LiveHandshake>;

export const RatePayload = z.strictObject({
  pollId: Id,
  /** The signed device token (the `device` event). */
  device: z.string().max(100),
  code: AudienceCode.optional(),
  /** subject id -> level key, or a whole score 0..100 on the score scale (as a deputy's rating ballot). */
  ratings: z.record(Id, z.union([z.string().min(1).max(20), z.number().int().min(0).max(100)])),
});
export type RatePayload = z.infer<typeof RatePayload>;

export interface LiveClientEvents {
  rate: (payload: unknown, ack: AckFn) => void;
}
export interface LiveServerEvents {
  view: (v: AudienceView) => void;
  /** A new signed device token: sent when the handshake carried none, or one the server did not sign. */
  device: (token: string) => void;
}
