// The audience poll's schemas and its part of the reducer, apart from audience.ts (decisions)
// so that events.ts, protocol.ts and state.ts can import them without a cycle.
import { z } from 'zod';
import { AudienceTally } from './audience-tally.js';
import { Id } from './model.js';
import { assertNever } from './never.js';

/** online: the public watching the broadcast (网络评议); onsite: the audience in the hall (现场观众). */
export const AudienceGroup = z.enum(['online', 'onsite']);
export type AudienceGroup = z.infer<typeof AudienceGroup>;

/** The short code a rating must carry when the poll asks for one (shown on TV or in the hall). */
export const AudienceCode = z.string().regex(/^[0-9]{4}$/);

const At = z.number().int().nonnegative();

export const AudienceEvents = [
  z.strictObject({
    t: z.literal('audience.opened'),
    at: At,
    pollId: Id,
    itemId: Id,
    group: AudienceGroup,
    endsAt: At.nullable(),
    code: AudienceCode.optional(),
  }),
  /** Closed by the moderator or its countdown; `tally` is the counter's final count (Y4). */
  z.strictObject({ t: z.literal('audience.closed'), at: At, pollId: Id, by: z.enum(['moderator', 'timer']), tally: AudienceTally }),
] as const;

export const AudienceCommands = [
  z.strictObject({
    type: z.literal('audienceOpen'),
    /** A rating item, or a segment (its linked rating item). */
    itemId: Id,
    group: AudienceGroup,
    /** Countdown; 0 = none; omitted = the rating item's countdownSec. */
    seconds: z.number().int().min(0).max(3600).optional(),
    /** Require a short code shown on TV (online) or in the hall (onsite). */
    withCode: z.boolean().optional(),
  }),
  z.strictObject({ type: z.literal('audienceClose'), pollId: Id }),
] as const;

export interface AudiencePoll {
  readonly id: string;
  readonly itemId: string;
  readonly group: AudienceGroup;
  readonly openedAt: number;
  readonly endsAt: number | null;
  readonly code: string | null;
  readonly status: 'open' | 'closed';
  readonly closedAt: number | null;
  /** The final count, set at close. */
  readonly tally: AudienceTally | null;
}

/** Polls in the order opened; a meeting holds a few, so a list is enough. */
export type AudiencePolls = readonly AudiencePoll[];

export type AudienceEvent = z.infer<(typeof AudienceEvents)[number]>;

export function reduceAudience(polls: AudiencePolls, e: AudienceEvent): AudiencePolls {
  switch (e.t) {
    case 'audience.opened':
      return [
        ...polls,
        { id: e.pollId, itemId: e.itemId, group: e.group, openedAt: e.at, endsAt: e.endsAt, code: e.code ?? null, status: 'open', closedAt: null, tally: null },
      ];
    case 'audience.closed':
      return polls.map((p) => (p.id === e.pollId && p.status === 'open' ? { ...p, status: 'closed', closedAt: e.at, tally: e.tally } : p));
    default:
      return assertNever(e, 'audience event');
  }
}

/** What the console sees of the audience polls (the live counts are the server's). */
export interface ConsoleAudience {
  polls: (Omit<AudiencePoll, 'tally'> & { n: number | null })[];
  paused: boolean;
  link: { code: string; url: string } | null;
}
