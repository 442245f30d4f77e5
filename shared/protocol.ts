// The socket protocol: namespaces, handshake, every event and its payload schema.
// docs/PROTOCOL.md describes the same thing for people; keep them in step.
import { z } from 'zod';
import { BallotContent, Hex64, Id, ManualCounts, Salt } from './model.js';
import { Scene } from './scene.js';
import { AudienceCommands } from './audience-state.js';
import type { BallotError } from './rules/index.js';
import type { ConsoleRosterRow, ConsoleWireView, DeputyView, ScreenView } from './views.js';

/** Bumped whenever a message changes shape. A client with another version is told to reload. */
export const PROTOCOL_VERSION = 3;

export const NS = { deputy: '/deputy', screen: '/screen', console: '/console', live: '/live' } as const;

/** socket.io handshake `auth`, sent again on every reconnect. */
export const Handshake = z.object({
  v: z.number().int(),
  /** deputy namespace: the personal link token. */
  token: z.string().max(100).optional(),
  /** console namespace: the session token from POST /api/login. */
  session: z.string().max(100).optional(),
  /** screen and console: the meeting to follow; default the active meeting. */
  meetingId: Id.optional(),
  /** deputy namespace: a stable id of this browser, for binding a link to one device. */
  device: z.string().max(100).optional(),
});
export type Handshake = z.infer<typeof Handshake>;

/** Codes sent with connect_error (err.data.code) when a handshake is refused. */
export type ConnectErrorCode =
  | 'PROTOCOL_MISMATCH'
  | 'BAD_LINK'
  | 'LINK_REVOKED'
  | 'UNAUTHORIZED'
  | 'NO_MEETING'
  /** The link is bound to another device: see the staff, who can reissue it. */
  | 'DEVICE_MISMATCH';

export type ErrorCode =
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'NOT_CHECKED_IN'
  | 'NO_OPEN_ROUND'
  | 'WRONG_ROUND'
  | 'ROUND_CLOSED'
  | 'ROUND_PAUSED'
  | 'ROUND_ACTIVE'
  | 'ALREADY_VOTED'
  | 'RECEIPT_TAKEN'
  /** A change quoting a ballot this phone cannot prove is its own (no or wrong change key, or another deputy's named ballot). */
  | 'WRONG_CHANGE_KEY'
  | 'NO_QUORUM'
  | 'NOT_CLOSED'
  | 'STORAGE_FAILED'
  | 'RATE_LIMITED'
  | 'INTERNAL'
  /** The meeting is archived: restore it first. */
  | 'ARCHIVED'
  /** The roster cannot change that way any more (a vote exists, or a checked-in deputy would go). */
  | 'ROSTER_LOCKED'
  /** An agenda item that has votes cannot be removed or change kind, settings or candidates. */
  | 'ITEM_LOCKED'
  /** Two deputies, items, projects or subjects share an id. */
  | 'DUPLICATE_ID'
  /** A rehearsal can start only on a prepared meeting: no round has been held yet. */
  | 'NOT_PREPARED'
  /** Audience rating cannot be counted now (Redis unreachable): 网络评议暂停. */
  | 'AUDIENCE_PAUSED'
  /** An audience rating without the short code the poll asks for, or with a wrong one. */
  | 'WRONG_CODE'
  /** A suggestions rating ballot naming a suggestion the deputy neither led nor joined (R14). */
  | 'NOT_YOUR_SUGGESTION'
  | BallotError;

/** Every ack is a result value: expected refusals are `{ ok: false, error }`, never exceptions. */
export type Ack<T extends object = object> = ({ ok: true } & T) | { ok: false; error: ErrorCode };
export type AckFn<T extends object = object> = (res: Ack<T>) => void;

// ---- deputy namespace ------------------------------------------------------------------------

export const VotePayload = z.strictObject({
  roundId: Id,
  /** Client-generated; a resend with the same id is a no-op that acks again. */
  submissionId: Id,
  /** Client-generated receipt code, published after close so the deputy can find their ballot. */
  receipt: z.string().regex(/^[A-Z2-9]{8}$/),
  content: BallotContent,
  /**
   * The ballot's commitment salt, made by the phone so it can check its own leaf in the published
   * list (H5). Absent: the server draws one (the ballot is as hidden; the phone cannot check its leaf).
   */
  salt: Salt.optional(),
  /** First ballot: SHA-256 of a change key the phone keeps; without it the ballot can never be changed (V6). */
  keyHash: Hex64.optional(),
  /** A change (allowChange): the key whose hash the ballot being replaced carries. */
  changeKey: z.string().regex(/^[0-9a-f]{32}$/).optional(),
});
export type VotePayload = z.infer<typeof VotePayload>;

export interface VoteAck {
  /** What the server recorded, echoed back for the phone to show. */
  recorded: { roundId: string; receipt: string; content: BallotContent };
  duplicate: boolean;
}

export interface DeputyClientEvents {
  checkIn: (payload: unknown, ack: AckFn) => void;
  vote: (payload: unknown, ack: AckFn<VoteAck>) => void;
  /** A heartbeat: answered at once, so a phone notices a dead link in seconds (#14). */
  echo: (payload: unknown, ack: AckFn) => void;
}
export interface DeputyServerEvents {
  view: (v: DeputyView) => void;
  /** This link was reissued or revoked; the socket is closed right after. */
  revoked: () => void;
}

// ---- screen namespace (read only) -----------------------------------------------------------

export type ScreenClientEvents = Record<string, never>;
export interface ScreenServerEvents {
  view: (v: ScreenView) => void;
}

// ---- console namespace ----------------------------------------------------------------------

export const Command = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('showItem'), itemId: Id.nullable() }),
  z.strictObject({
    type: z.literal('startRound'),
    itemId: Id,
    /** Countdown in seconds; 0 = none; omitted = the item's setting. */
    countdownSec: z.number().int().min(0).max(3600).optional(),
    /** Required to start when the quorum is not met; recorded in the log. */
    confirmNoQuorum: z.boolean().optional(),
  }),
  z.strictObject({ type: z.literal('addTime'), roundId: Id, seconds: z.number().int().min(-3600).max(3600) }),
  z.strictObject({ type: z.literal('pause'), roundId: Id }),
  z.strictObject({ type: z.literal('resume'), roundId: Id }),
  z.strictObject({ type: z.literal('close'), roundId: Id }),
  z.strictObject({ type: z.literal('reveal'), roundId: Id }),
  z.strictObject({ type: z.literal('void'), roundId: Id, reason: z.string().trim().max(200) }),
  z.strictObject({ type: z.literal('manualResult'), itemId: Id, counts: ManualCounts }),
  /**
   * 再次投票: a run-off among the projects tied at the last seat of `roundId`'s outcome (which
   * must be the item's latest round, closed). Without a tie to settle: NOT_FOUND.
   */
  z.strictObject({
    type: z.literal('runoff'),
    roundId: Id,
    countdownSec: z.number().int().min(0).max(3600).optional(),
    confirmNoQuorum: z.boolean().optional(),
  }),
  z.strictObject({ type: z.literal('checkIn'), deputyId: Id }),
  z.strictObject({ type: z.literal('undoCheckIn'), deputyId: Id }),
  // ---- questioning segments (shared/rundown-decide.ts) ----
  /**
   * Move the rundown to a segment's question and phase. 'question' and 'answer' start that
   * speaking countdown; 'rating' opens the linked rating item's vote. The same target twice
   * is a no-op, so a double click never skips a step.
   */
  z.strictObject({
    type: z.literal('segmentGo'),
    itemId: Id,
    questionIndex: z.number().int().min(0).max(49),
    phase: z.enum(['intro', 'evidence', 'question', 'answer', 'rating', 'done']),
    confirmNoQuorum: z.boolean().optional(),
  }),
  z.strictObject({ type: z.literal('timerPause'), timerId: Id }),
  z.strictObject({ type: z.literal('timerResume'), timerId: Id }),
  z.strictObject({ type: z.literal('timerAdd'), timerId: Id, seconds: z.number().int().min(-600).max(600).refine((n) => n !== 0) }),
  z.strictObject({ type: z.literal('timerReset'), timerId: Id }),
  z.strictObject({ type: z.literal('timerStop'), timerId: Id }),
  /** Play or pause the evidence video on the screens from this position (the console's controls). */
  z.strictObject({ type: z.literal('evidencePlayback'), playing: z.boolean(), positionMs: z.number().int().min(0).max(86_400_000) }),
  // ---- rehearsal (彩排, SPEC J) ----
  /** Run the meeting as a rehearsal. NOT_PREPARED once a round exists; again while rehearsing: no-op. */
  z.strictObject({ type: z.literal('startRehearsal') }),
  /** End it: the meeting goes back to its prepared state. ROUND_ACTIVE while a round is open; not rehearsing: no-op. */
  z.strictObject({ type: z.literal('endRehearsal') }),
  // ---- the big screen (shared/scene.ts, shared/scene-decide.ts) ----
  /** Cut every screen to this scene now; an item scene's itemId also makes that item current. */
  z.strictObject({ type: z.literal('setScene'), scene: Scene }),
  /** Prepare the next scene for the preview; null clears it. */
  z.strictObject({ type: z.literal('cueScene'), scene: Scene.nullable() }),
  /** Cut to the cued scene. NOT_FOUND when nothing is cued. */
  z.strictObject({ type: z.literal('take') }),
  /** Let the live data feed be read without a login (or stop it). */
  z.strictObject({ type: z.literal('setFeed'), enabled: z.boolean() }),
  // ---- audience polls (shared/audience.ts): open on a rating item or segment, close ----
  ...AudienceCommands,
]);
export type Command = z.infer<typeof Command>;

export interface ConsoleClientEvents {
  command: (payload: unknown, ack: AckFn) => void;
}
export interface ConsoleServerEvents {
  /** The console view without its roster; the roster comes first, and again only when it changes. */
  view: (v: ConsoleWireView) => void;
  roster: (rows: ConsoleRosterRow[]) => void;
  /** Something the operator must see at once, e.g. the data folder cannot be written. */
  alarm: (a: { code: 'STORAGE_FAILED' | 'STORAGE_OK' | 'OPEN_FILES_LOW' | 'OPEN_FILES_OK'; message: string }) => void;
}
