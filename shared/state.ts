// Meeting state and the pure reducer that folds events into it.
// Invariant: reduce() never mutates its input; per-deputy data are arrays indexed by roster
// position so that one vote copies a flat array (fast memcpy), not a 3,000-key object.
import { chunkedEmpty, chunkedFilled, chunkedFrom, chunkedGet, chunkedPush, chunkedSet, chunkedToArray, type Chunked } from './chunked.js';
import { receiptAt, receiptIndex, withoutReceipt, withReceipt, type ReceiptIndex } from './receipts.js';
import type { EventOf, MeetingEvent } from './events.js';
import type { AgendaItem, Ballot, Deputy, ManualCounts, MeetingInfo } from './model.js';
import { EMPTY_RUNDOWN, reduceRundown, type Rundown } from './rundown.js';
import { followScene, initialSceneState, type SceneState } from './scene-state.js';
import { TITLE_SCENE } from './scene.js';
import { reduceAudience, type AudiencePolls } from './audience-state.js';
import { liveBatchOf, stepSnapshots, type LiveSnapshots } from './live-batch.js';
import { assertNever } from './never.js';

export type RoundStatus = 'open' | 'paused' | 'closed' | 'voided';

export interface Round {
  readonly id: string;
  readonly itemId: string;
  readonly purpose: 'vote' | 'revote' | 'runoff';
  readonly follows?: string;
  readonly candidates?: readonly string[];
  /** Run-off only: the seats it fills, which caps a select ballot's ticks (rules/projects.ts). */
  readonly seats?: number;
  readonly status: RoundStatus;
  readonly revealed: boolean;
  readonly startedAt: number;
  /** When the countdown ends; null without a countdown or while paused. */
  readonly endsAt: number | null;
  /** Countdown left when paused (ms); null when running or without a countdown. */
  readonly pausedRemainingMs: number | null;
  readonly closedAt: number | null;
  readonly withoutQuorum: boolean;
  readonly voidReason?: string;
  /** By roster index: the submission id of the deputy's ballot, or null if they did not vote. */
  readonly submissions: Chunked<string | null>;
  readonly voterCount: number;
  /**
   * Counted ballots in arrival order (memory only; the store keeps no order for secret votes).
   * Persistent (a vote copies a chunk, not the list): read them with ballotsOf(round).
   */
  readonly ballots: Chunked<Ballot>;
  /** Receipt -> position in `ballots`. */
  readonly receipts: ReceiptIndex;
  /** Show-of-hands counts entered by the moderator; the round then has no ballots. */
  readonly manual?: ManualCounts;
  /** Snapshots for the running tally of a secret vote, in steps of k ballots (live-batch.ts). */
  readonly live?: LiveSnapshots;
}

export interface CheckIn {
  readonly at: number;
  readonly by: 'self' | 'staff';
}

/** A refused attempt to open a deputy's link from a second device. */
export interface DeviceRefusal {
  readonly deputyId: string;
  readonly at: number;
}

/** The console keeps the latest refusals only; the journal keeps them all. */
export const MAX_REFUSALS = 50;

/** The screen's scene, the cued scene and the feed switch live in SceneState (scene-state.ts). */
export interface MeetingState extends SceneState {
  readonly info: MeetingInfo;
  readonly roster: readonly Deputy[];
  /** deputy id -> roster index; built once per roster. */
  readonly rosterIndex: ReadonlyMap<string, number>;
  readonly agenda: readonly AgendaItem[];
  /** By roster index (chunked: a check-in copies 64 slots, not the roster's length). */
  readonly present: Chunked<CheckIn | null>;
  readonly presentCount: number;
  readonly currentItemId: string | null;
  readonly rounds: ReadonlyMap<string, Round>;
  /** Round ids in start order. */
  readonly roundOrder: readonly string[];
  /** The round that is open or paused, if any (at most one per meeting). */
  readonly activeRoundId: string | null;
  /** Number of events folded in: a cheap version for change detection. */
  readonly version: number;
  /** The questioning's rundown: cursor, speaking timer, time used (shared/rundown.ts). */
  readonly rundown: Rundown;
  /** Archived: hidden from the default list, refuses commands (shared/prepare.ts). */
  readonly archived: boolean;
  /** Refused second-device attempts not yet dealt with (a reissue clears the deputy's), oldest first. */
  readonly refusedDevices: readonly DeviceRefusal[];
  /** Links reissued so far: a console showing links fetches them again when it moves. */
  readonly linkReissues: number;
  /** A rehearsal (彩排) is running: its check-ins, rounds and results are cleared when it ends. */
  readonly rehearsal: { readonly startedAt: number } | null;
  /** Ids of rounds that past rehearsals cleared: never reused, and their ballot boxes are known. */
  readonly rehearsalRounds: readonly string[];
  /** Those of them that were secret votes: who voted in them stays hidden in the audit log (W8). */
  readonly rehearsalSecret: readonly string[];
  /** Audience polls (网络评议, 现场观众): counted apart, never part of a round (audience.ts). */
  readonly audience: AudiencePolls;
}

export function initialState(e: EventOf<'meeting.created'>): MeetingState {
  return {
    info: e.meeting,
    roster: e.roster,
    rosterIndex: new Map(e.roster.map((d, i) => [d.id, i])),
    agenda: e.agenda,
    present: chunkedFilled<CheckIn | null>(e.roster.length, null),
    presentCount: 0,
    currentItemId: null,
    rounds: new Map(),
    roundOrder: [],
    activeRoundId: null,
    version: 1,
    rundown: EMPTY_RUNDOWN,
    archived: false,
    refusedDevices: [],
    linkReissues: 0,
    rehearsal: null,
    rehearsalRounds: [],
    rehearsalSecret: [],
    audience: [],
    ...initialSceneState,
  };
}

function withRound(s: MeetingState, id: string, f: (r: Round) => Round): MeetingState {
  const r = s.rounds.get(id);
  if (!r) return s; // events are validated by decide(); a stray one is ignored, never fatal
  const rounds = new Map(s.rounds);
  rounds.set(id, f(r));
  return { ...s, rounds };
}

function endRound(s: MeetingState, id: string): MeetingState {
  return s.activeRoundId === id ? { ...s, activeRoundId: null } : s;
}

/** Fold one event into the state. `state` is undefined only before meeting.created. */
export function reduce(state: MeetingState | undefined, e: MeetingEvent): MeetingState {
  if (e.t === 'meeting.created') return initialState(e);
  if (!state) throw new Error(`event ${e.t} before meeting.created`);
  const inner = reduceInner(state, e);
  // reduceInner returns its input (no change) or a state of its own making that nobody holds
  // yet: that one takes the version in place instead of being copied again (twice per vote).
  const s = inner === state ? { ...state, version: state.version + 1 } : Object.assign(inner as { version: number }, { version: state.version + 1 }) as MeetingState;
  return followScene(s, e);
}

function reduceInner(s: MeetingState, e: Exclude<MeetingEvent, { t: 'meeting.created' }>): MeetingState {
  switch (e.t) {
    case 'checkin':
    case 'checkin.undone': {
      const i = s.rosterIndex.get(e.deputyId);
      if (i === undefined) return s;
      const was = chunkedGet(s.present, i) != null;
      const now = e.t === 'checkin';
      if (was === now) return s;
      const present = chunkedSet(s.present, i, now ? { at: e.at, by: e.t === 'checkin' ? e.by : 'self' } : null);
      return { ...s, present, presentCount: s.presentCount + (now ? 1 : -1) };
    }
    case 'item.shown':
      return { ...s, currentItemId: e.itemId };
    case 'meeting.updated':
      return { ...s, info: e.meeting };
    case 'roster.set':
      return withRoster(s, e.roster);
    case 'agenda.set': {
      const shown = s.currentItemId !== null && e.agenda.some((it) => it.id === s.currentItemId);
      return { ...s, agenda: e.agenda, currentItemId: shown ? s.currentItemId : null };
    }
    case 'meeting.archived':
      return { ...s, archived: e.archived };
    case 'device.refused':
      return { ...s, refusedDevices: [...s.refusedDevices, { deputyId: e.deputyId, at: e.at }].slice(-MAX_REFUSALS) };
    case 'link.reissued':
      return { ...s, refusedDevices: s.refusedDevices.filter((r) => r.deputyId !== e.deputyId), linkReissues: s.linkReissues + 1 };
    case 'rehearsal.started':
      return { ...s, rehearsal: { startedAt: e.at } };
    case 'rehearsal.ended':
      return afterRehearsal(s);
    case 'scene.set':
    case 'scene.cued':
    case 'feed.enabled':
      return s; // folded by followScene (scene-state.ts)
    case 'audience.opened':
    case 'audience.closed':
      return { ...s, audience: reduceAudience(s.audience, e) };
    case 'round.started': {
      const round: Round = {
        id: e.roundId,
        itemId: e.itemId,
        purpose: e.purpose,
        ...(e.follows !== undefined ? { follows: e.follows } : {}),
        ...(e.candidates !== undefined ? { candidates: e.candidates } : {}),
        ...(e.seats !== undefined ? { seats: e.seats } : {}),
        status: 'open',
        revealed: false,
        startedAt: e.at,
        endsAt: e.endsAt,
        pausedRemainingMs: null,
        closedAt: null,
        withoutQuorum: e.withoutQuorum ?? false,
        submissions: chunkedFilled<string | null>(s.roster.length, null),
        voterCount: 0,
        ballots: chunkedEmpty<Ballot>(),
        receipts: receiptIndex(s.roster.length),
      };
      const rounds = new Map(s.rounds);
      rounds.set(round.id, round);
      return {
        ...s,
        rounds,
        roundOrder: [...s.roundOrder, round.id],
        activeRoundId: round.id,
        currentItemId: e.itemId,
      };
    }
    case 'round.timer':
      return withRound(s, e.roundId, (r) =>
        r.status === 'paused' ? { ...r, pausedRemainingMs: e.endsAt === null ? null : e.endsAt - e.at } : { ...r, endsAt: e.endsAt },
      );
    case 'round.paused':
      return withRound(s, e.roundId, (r) => ({
        ...r,
        status: 'paused',
        pausedRemainingMs: r.endsAt === null ? null : Math.max(0, r.endsAt - e.at),
        endsAt: null,
      }));
    case 'round.resumed':
      return withRound(s, e.roundId, (r) => ({
        ...r,
        status: 'open',
        endsAt: r.pausedRemainingMs === null ? null : e.at + r.pausedRemainingMs,
        pausedRemainingMs: null,
      }));
    case 'round.closed':
      return endRound(
        withRound(s, e.roundId, (r) => ({ ...r, status: 'closed', closedAt: e.at, endsAt: null, pausedRemainingMs: null })),
        e.roundId,
      );
    case 'round.revealed':
      return withRound(s, e.roundId, (r) => ({ ...r, revealed: true }));
    case 'round.voided':
      return endRound(
        withRound(s, e.roundId, (r) => ({
          ...r,
          status: 'voided',
          voidReason: e.reason,
          closedAt: r.closedAt ?? e.at,
          endsAt: null,
          pausedRemainingMs: null,
        })),
        e.roundId,
      );
    case 'round.manual': {
      // A show-of-hands result is a round of its own, closed at once and shown as manual.
      const round: Round = {
        id: e.roundId,
        itemId: e.itemId,
        purpose: 'vote',
        status: 'closed',
        revealed: false,
        startedAt: e.at,
        endsAt: null,
        pausedRemainingMs: null,
        closedAt: e.at,
        withoutQuorum: false,
        submissions: chunkedFilled<string | null>(s.roster.length, null),
        voterCount: 0,
        ballots: chunkedEmpty<Ballot>(),
        receipts: receiptIndex(0),
        manual: e.counts,
      };
      const rounds = new Map(s.rounds);
      rounds.set(round.id, round);
      return { ...s, rounds, roundOrder: [...s.roundOrder, round.id], currentItemId: e.itemId };
    }
    case 'segment.cursor':
    case 'timer.started':
    case 'timer.paused':
    case 'timer.resumed':
    case 'timer.adjusted':
    case 'timer.reset':
    case 'timer.stopped':
    case 'evidence.playback':
      return { ...s, rundown: reduceRundown(s.rundown, e) };
    case 'voted': {
      const i = s.rosterIndex.get(e.deputyId);
      if (i === undefined) return s;
      // A changed ballot (allowChange) records its new submission id; the count moves only once.
      return withRound(s, e.roundId, (r) => ({
        ...r,
        submissions: chunkedSet(r.submissions, i, e.submissionId),
        voterCount: r.voterCount + (chunkedGet(r.submissions, i) == null ? 1 : 0),
      }));
    }
    case 'ballot':
      return withRound(s, e.roundId, (r) => stepSnapshots(r, ballotInto(r, e), liveBatchOf(itemById(s, r.itemId))));
    default: {
      return assertNever(e, 'event');
    }
  }
}

/** The round with a ballot counted: a new one appended, a changed one in its old place (S3). */
function ballotInto(r: Round, e: EventOf<'ballot'>): Round {
  const ballot: Ballot = {
    receipt: e.receipt,
    content: e.content,
    ...(e.deputyId !== undefined ? { deputyId: e.deputyId } : {}),
    ...(e.salt !== undefined ? { salt: e.salt } : {}),
    ...(e.keyHash !== undefined ? { keyHash: e.keyHash } : {}),
  };
  const at = e.replaces !== undefined ? receiptAt(r.receipts, e.replaces) : undefined;
  if (at !== undefined) {
    const receipts = withReceipt(e.replaces === e.receipt ? r.receipts : withoutReceipt(r.receipts, e.replaces ?? ''), e.receipt, at);
    return { ...r, ballots: chunkedSet(r.ballots, at, ballot), receipts };
  }
  return { ...r, ballots: chunkedPush(r.ballots, ballot), receipts: withReceipt(r.receipts, e.receipt, r.ballots.length) };
}

/**
 * A new roster: check-ins follow the deputy id, not the position. Rounds keep their
 * per-index arrays, which is why prepare.ts refuses a new roster once any round exists.
 */
function withRoster(s: MeetingState, roster: readonly Deputy[]): MeetingState {
  const present = roster.map((d) => {
    const old = s.rosterIndex.get(d.id);
    return old === undefined ? null : (chunkedGet(s.present, old) ?? null);
  });
  return {
    ...s,
    roster,
    rosterIndex: new Map(roster.map((d, i) => [d.id, i])),
    present: chunkedFrom(present),
    presentCount: present.filter((p) => p !== null).length,
    refusedDevices: s.refusedDevices.filter((r) => roster.some((d) => d.id === r.deputyId)),
  };
}

/**
 * Back to the prepared state (彩排 J2): no rounds, no check-ins, no current item, the title on the
 * screen, the rundown at its start. Roster, agenda, settings, links, refused devices and the feed
 * switch are preparation and stay.
 */
function afterRehearsal(s: MeetingState): MeetingState {
  return {
    ...s,
    present: chunkedFilled<CheckIn | null>(s.roster.length, null),
    presentCount: 0,
    currentItemId: null,
    rounds: new Map(),
    roundOrder: [],
    activeRoundId: null,
    rundown: EMPTY_RUNDOWN,
    rehearsal: null,
    rehearsalRounds: [...s.rehearsalRounds, ...s.roundOrder],
    rehearsalSecret: [...s.rehearsalSecret, ...s.roundOrder.filter((id) => isSecret(s, id))],
    scene: TITLE_SCENE,
    cued: null,
    audience: [],
  };
}

function isSecret(s: MeetingState, roundId: string): boolean {
  const r = s.rounds.get(roundId);
  const item = r && itemById(s, r.itemId);
  return !!item && item.kind !== 'segment' && item.settings.secret && r.manual === undefined;
}

export function replay(events: Iterable<MeetingEvent>): MeetingState | undefined {
  let s: MeetingState | undefined;
  for (const e of events) s = reduce(s, e);
  return s;
}

// ---- small derived facts -------------------------------------------------------------------

/** A round's counted ballots, in arrival order (computed once per version of the round). */
export function ballotsOf(r: Round): readonly Ballot[] {
  return chunkedToArray(r.ballots);
}

/** The counted ballot with this receipt, if any: O(1). */
export function ballotByReceipt(r: Round, receipt: string): Ballot | undefined {
  const at = receiptAt(r.receipts, receipt);
  return at === undefined ? undefined : chunkedGet(r.ballots, at);
}

// An agenda never changes once made (a new one comes with agenda.set), so its index by id is
// built once: every vote and every screen frame looks its item up.
const agendaIndex = new WeakMap<readonly AgendaItem[], ReadonlyMap<string, AgendaItem>>();

export function itemById(s: MeetingState, id: string | null): AgendaItem | undefined {
  if (id === null) return undefined;
  let ix = agendaIndex.get(s.agenda);
  if (!ix) {
    const m = new Map<string, AgendaItem>();
    for (const it of s.agenda) if (!m.has(it.id)) m.set(it.id, it); // the first, as find() gave
    agendaIndex.set(s.agenda, (ix = m));
  }
  return ix.get(id);
}

export function quorumNeeded(s: MeetingState): number {
  const n = s.roster.length;
  return s.info.settings.quorum === 'half' ? Math.floor(n / 2) + 1 : Math.ceil((2 * n) / 3);
}

export function hasQuorum(s: MeetingState): boolean {
  return s.presentCount >= quorumNeeded(s);
}

/** The rounds of an item, oldest first. */
export function roundsOf(s: MeetingState, itemId: string): Round[] {
  const out: Round[] = [];
  for (const id of s.roundOrder) {
    const r = s.rounds.get(id);
    if (r && r.itemId === itemId) out.push(r);
  }
  return out;
}

/** The round whose result counts for an item: the latest one not voided. */
export function latestRound(s: MeetingState, itemId: string): Round | undefined {
  const rs = roundsOf(s, itemId).filter((r) => r.status !== 'voided');
  return rs[rs.length - 1];
}
