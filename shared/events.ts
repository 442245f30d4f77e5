// The event log: everything that ever happens to a meeting, as the journal stores it.
// State is a left fold of these through reduce() (state.ts); nothing else changes state.
import { z } from 'zod';
import { AgendaItem, BallotContent, Deputy, Hex64, Id, ManualCounts, MeetingInfo, Salt } from './model.js';
import { Scene } from './scene.js';
import { AudienceEvents } from './audience-state.js';

const At = z.number().int().nonnegative(); // ms since epoch, from the server clock

export const MeetingEvent = z.discriminatedUnion('t', [
  z.strictObject({
    t: z.literal('meeting.created'),
    at: At,
    meeting: MeetingInfo,
    roster: z.array(Deputy),
    agenda: z.array(AgendaItem),
  }),
  z.strictObject({ t: z.literal('checkin'), at: At, deputyId: Id, by: z.enum(['self', 'staff']) }),
  z.strictObject({ t: z.literal('checkin.undone'), at: At, deputyId: Id }),
  z.strictObject({ t: z.literal('item.shown'), at: At, itemId: Id.nullable() }),
  z.strictObject({
    t: z.literal('round.started'),
    at: At,
    roundId: Id,
    itemId: Id,
    endsAt: At.nullable(),
    /** For a run-off: the only projects on the ballot. */
    candidates: z.array(Id).optional(),
    /** For a run-off: the seats it fills (the tie's unfilled seats); a select ballot may tick at most this many. */
    seats: z.number().int().min(1).max(200).optional(),
    /** The round this one re-runs (after a void) or runs off from (after a tie). */
    follows: Id.optional(),
    purpose: z.enum(['vote', 'revote', 'runoff']),
    /** true when the moderator confirmed starting without quorum. */
    withoutQuorum: z.boolean().optional(),
  }),
  z.strictObject({ t: z.literal('round.timer'), at: At, roundId: Id, endsAt: At.nullable() }),
  z.strictObject({ t: z.literal('round.paused'), at: At, roundId: Id }),
  z.strictObject({ t: z.literal('round.resumed'), at: At, roundId: Id }),
  z.strictObject({ t: z.literal('round.closed'), at: At, roundId: Id, by: z.enum(['moderator', 'timer']) }),
  z.strictObject({ t: z.literal('round.revealed'), at: At, roundId: Id }),
  z.strictObject({ t: z.literal('round.voided'), at: At, roundId: Id, reason: z.string().max(200) }),
  z.strictObject({ t: z.literal('round.manual'), at: At, roundId: Id, itemId: Id, counts: ManualCounts }),
  // ---- preparation (shared/prepare.ts decides these) ----
  /** Title, date or settings changed. */
  z.strictObject({ t: z.literal('meeting.updated'), at: At, meeting: MeetingInfo }),
  /** The whole roster replaced; check-ins of deputies kept by id survive. */
  z.strictObject({ t: z.literal('roster.set'), at: At, roster: z.array(Deputy) }),
  /** The whole agenda replaced: add, edit, reorder and remove are all this one event. */
  z.strictObject({ t: z.literal('agenda.set'), at: At, agenda: z.array(AgendaItem) }),
  /** Archived meetings leave the default list and refuse every command; false restores. */
  z.strictObject({ t: z.literal('meeting.archived'), at: At, archived: z.boolean() }),
  // ---- rehearsal (彩排): shared/decide.ts decides these ----
  /** A rehearsal begins with the real roster and rundown; everything until rehearsal.ended is practice. */
  z.strictObject({ t: z.literal('rehearsal.started'), at: At }),
  /**
   * The rehearsal is over: rounds, check-ins, scene and rundown progress go back to the prepared
   * state. The events before it stay in the journal and audit log (the rehearsal's record).
   */
  z.strictObject({ t: z.literal('rehearsal.ended'), at: At }),
  // ---- access (recorded so the console and the audit log show them) ----
  /** A second device tried to open a deputy's link bound to another device, and was refused. */
  z.strictObject({ t: z.literal('device.refused'), at: At, deputyId: Id }),
  /** Staff reissued a deputy's link: the old token stopped working. */
  z.strictObject({ t: z.literal('link.reissued'), at: At, deputyId: Id }),
  // ---- the big screen and the TV feed (shared/scene.ts; decided by shared/scene-decide.ts) ----
  /** Cut: every screen shows this scene now. */
  z.strictObject({ t: z.literal('scene.set'), at: At, scene: Scene }),
  /** The scene the moderator prepared as the next one (preview); null clears it. */
  z.strictObject({ t: z.literal('scene.cued'), at: At, scene: Scene.nullable() }),
  /** The live data feed (/api/feed/<meeting>.json|.csv) readable without a login, or not. */
  z.strictObject({ t: z.literal('feed.enabled'), at: At, enabled: z.boolean() }),
  // ---- questioning segments (shared/rundown.ts folds these, rundown-decide.ts decides them) ----
  /** The rundown moved: which segment, which question, which phase is on. */
  z.strictObject({
    t: z.literal('segment.cursor'),
    at: At,
    itemId: Id,
    questionIndex: z.number().int().min(0).max(49),
    phase: z.enum(['intro', 'evidence', 'question', 'answer', 'rating', 'done']),
  }),
  /** A speaking countdown for a question or its answer; an instant on the server clock. */
  z.strictObject({
    t: z.literal('timer.started'),
    at: At,
    timerId: Id,
    itemId: Id,
    questionIndex: z.number().int().min(0).max(49),
    kind: z.enum(['question', 'answer']),
    endsAt: At,
  }),
  z.strictObject({ t: z.literal('timer.paused'), at: At, timerId: Id }),
  z.strictObject({ t: z.literal('timer.resumed'), at: At, timerId: Id }),
  /** Time added (or taken, when negative) to the countdown. */
  z.strictObject({ t: z.literal('timer.adjusted'), at: At, timerId: Id, deltaMs: z.number().int().min(-3_600_000).max(3_600_000) }),
  /** Back to the full time allowed, paused, nothing used. */
  z.strictObject({ t: z.literal('timer.reset'), at: At, timerId: Id }),
  /** The speaker finished: the time used goes into the segment log. */
  z.strictObject({ t: z.literal('timer.stopped'), at: At, timerId: Id, usedMs: z.number().int().min(0) }),
  /** The console played or paused the evidence video on the screens, from this position. */
  // ---- audience polls (网络评议, 现场观众; shared/audience.ts decides them, SPEC Y1..Y8) ----
  ...AudienceEvents,
  z.strictObject({ t: z.literal('evidence.playback'), at: At, playing: z.boolean(), positionMs: z.number().int().min(0).max(86_400_000) }),
  /** Participation: who voted, and with which submission id. Never carries the choice. */
  z.strictObject({ t: z.literal('voted'), roundId: Id, deputyId: Id, submissionId: Id }),
  /** The ballot. deputyId only for named votes; no timestamp, so its place says nothing. */
  z.strictObject({
    t: z.literal('ballot'),
    roundId: Id,
    receipt: Id,
    content: BallotContent,
    deputyId: Id.optional(),
    /** The receipt of the ballot this one replaces (allowChange). */
    replaces: Id.optional(),
    /** The commitment leaf's salt (optional: records from before salts have none). */
    salt: Salt.optional(),
    /** The hash of the phone's change key (allowChange). */
    keyHash: Hex64.optional(),
  }),
]);
export type MeetingEvent = z.infer<typeof MeetingEvent>;
export type EventOf<T extends MeetingEvent['t']> = Extract<MeetingEvent, { t: T }>;

/** One journal record: the events of one command for one meeting, committed atomically. */
export const JournalRecord = z.strictObject({
  seq: z.number().int().positive(),
  meetingId: Id,
  /** The console user who caused it (absent for deputies, timers and start-up): an audit entry rebuilt from the journal keeps it. */
  actor: z.string().max(100).optional(),
  events: z.array(MeetingEvent).min(1),
});
export type JournalRecord = z.infer<typeof JournalRecord>;
