// What each role is allowed to see, as pure functions of the meeting state.
// Invariant: no view sent while a secret vote is open pairs a deputy with a choice, nor lets
// a change of its figures be put down to one ballot (shownResultOf, SPEC W7).
import type { ChainHead } from './chain-head.js';
import { chunkedGet } from './chunked.js';
import type { AgendaItem, MeetingInfo } from './model.js';
import { tallyRound, type ItemResult, type RoundInput } from './rules/index.js';
import { ballotsOf, hasQuorum, itemById, quorumNeeded, type MeetingState, type Round, type RoundStatus } from './state.js';
import { meetingRanking, outcomeOf, pendingTie, type RankingRow } from './outcome.js';
import { segmentLog, segmentView, type SegmentLog, type SegmentView } from './segment-view.js';
import type { Scene } from './scene.js';
import { roundCommitment } from './commitment.js';
import { disclosureRisk, type DisclosureRisk } from './disclosure.js';
import { agendaEntries, stateWithScene, type AgendaEntry } from './scene-view.js';
import { liveBatchOf, shownBallots } from './live-batch.js';
import { namedVotes, type NamedVoteRow } from './named-votes.js';
import { assertNever } from './never.js';
import type { AudienceScreenView } from './audience-figures.js';
import { isSuggestionItem, itemForDeputy, proposersOf } from './suggestions/rules.js';
import type { ConsoleAudience } from './audience-state.js';
import type { AudienceRecord } from './audience-report.js';

export interface TurnoutView {
  roster: number;
  present: number;
  absent: number;
  quorumNeeded: number;
  quorum: boolean;
}

export interface RoundView {
  id: string;
  itemId: string;
  purpose: Round['purpose'];
  status: RoundStatus;
  revealed: boolean;
  startedAt: number;
  endsAt: number | null;
  pausedRemainingMs: number | null;
  voterCount: number;
  candidates: string[] | null;
  manual: boolean;
  withoutQuorum: boolean;
  /** Run-off only: the seats it fills, which caps a select ballot's ticks (P12). */
  seats?: number | null;
  /** Closed rounds: the Merkle root over the salted ballots sorted by receipt (commitment.ts); show it with the result and in the report. */
  commitment?: string | null;
  /** A secret vote open with visibility live: its figures move in steps of this many ballots (W7); else null. */
  liveBatch?: number | null;
}

export interface DeputyView {
  serverNow: number;
  meeting: Pick<MeetingInfo, 'id' | 'title' | 'date'>;
  me: { id: string; name: string; group: string; seat: string; present: boolean };
  item: AgendaItem | null;
  round: RoundView | null;
  /** The submission id of my ballot in this round, or null. Never the choice. */
  mySubmission: string | null;
  /** A rehearsal (彩排) is running: its votes are practice and are cleared when it ends (SPEC J). */
  rehearsal?: { startedAt: number } | null;
}

export interface ScreenView {
  serverNow: number;
  meeting: Pick<MeetingInfo, 'id' | 'title' | 'date'>;
  turnout: TurnoutView;
  item: AgendaItem | null;
  round: RoundView | null;
  /** null until the item's visibility allows showing it. */
  result: ItemResult | null;
  /**
   * The item's result with every closed run-off merged in (P13), once the last merged round
   * may be shown; for an item without run-offs the same figures as `result` once closed.
   */
  outcome?: ItemResult | null;
  /** 排名 of every rated subject of the meeting whose result may be shown (R11). */
  ranking?: RankingRow[];
  /** The questioning segment the rundown is on, with its speaking timer (shared/segment-view.ts). */
  segment?: SegmentView | null;
  /** The scene every screen shows (shared/scene.ts); item scenes show `item`. */
  scene: Scene;
  /** The agenda overview scene's lines. */
  agenda: AgendaEntry[];
  /** Once the round shown is closed: the audit chain head, small print on the result scene to write down (chain-head.ts). */
  auditHead?: ChainHead | null;
  /**
   * 记名表决 scene only: each deputy's mark once the named round is closed and may be shown
   * (ballot contents left out); null otherwise and always for a secret round (N1).
   */
  named?: NamedVoteRow[] | null;
  /** A rehearsal (彩排) is running: its votes are practice and are cleared when it ends (SPEC J). */
  rehearsal?: { startedAt: number } | null;
  /** 网络评议 and 现场观众 (added by the server, which holds the live counts; SPEC Y4, Y5). */
  audience?: AudienceScreenView | null;
}

export interface ConsoleOutcome {
  itemId: string;
  /** First round with closed run-offs merged in; see outcome.ts. */
  result: ItemResult | null;
  /** Rounds in the chain, oldest first. */
  roundIds: string[];
  manual: boolean;
  /** A tie at the last seat that a run-off can settle now. */
  runoffReady: boolean;
}

export interface ConsoleRoundView extends RoundView {
  /**
   * The figures the moderator may see now (shownResultOf): the running tally of a named vote;
   * of an open secret vote only with visibility live, in steps of k; null otherwise (W7).
   */
  result: ItemResult | null;
  voidReason: string | null;
  /** Named votes only: who has voted. Secret votes: null (counts only). */
  voted: string[] | null;
  /** Secret votes: showing this result would reveal individual choices; warn before revealing. */
  disclosure?: DisclosureRisk | null;
  /** Named votes, once closed: every deputy with their choice (N1); null for a secret round. */
  named?: NamedVoteRow[] | null;
}

export type ConsoleRosterRow = { id: string; name: string; group: string; seat: string; present: boolean; by: 'self' | 'staff' | null };

export interface ConsoleView {
  serverNow: number;
  meeting: MeetingInfo;
  turnout: TurnoutView;
  /** On the wire it travels apart ('roster', only when it changes: ConsoleWireView); the client puts it back. */
  roster: ConsoleRosterRow[];
  agenda: AgendaItem[];
  currentItemId: string | null;
  activeRoundId: string | null;
  rounds: ConsoleRoundView[];
  /** Per agenda item with at least one round: its decisive result (run-offs merged in). */
  outcomes?: ConsoleOutcome[];
  /** 排名 of every rated subject, whether revealed or not (the moderator sees all). */
  ranking?: RankingRow[];
  /** The questioning: the segment on air and the log of every segment (shared/segment-view.ts). */
  rundown?: { segment: SegmentView | null; log: SegmentLog[] };
  archived: boolean;
  /** Refused attempts to open a link from a second device, oldest first; a reissue clears them. */
  refusedDevices: { deputyId: string; at: number }[];
  /** Counts link reissues: when it moves, links shown on a console are out of date. */
  linksVersion: number;
  /** The live data feed is readable without a login. */
  feedEnabled: boolean;
  /** A rehearsal (彩排) is running: its votes are practice and are cleared when it ends (SPEC J). */
  rehearsal?: { startedAt: number } | null;
  /** What the screens show now, and what they would show after 'take' (null: nothing cued). */
  preview: { live: ScreenView; next: ScreenView | null };
  /** Audience polls with their codes and counts (added by the server, SPEC Y1). */
  audience?: ConsoleAudience | null;
  /** Y20: the closed audience polls' figures of every rated item, for the printed report (added by the server). */
  audienceRecords?: AudienceRecord[];
  /** The audit chain head now (chain-head.ts): shown in the console's header and printed in the report. */
  auditHead?: ChainHead | null;
}

export function turnoutOf(s: MeetingState): TurnoutView {
  return {
    roster: s.roster.length,
    present: s.presentCount,
    absent: s.roster.length - s.presentCount,
    quorumNeeded: quorumNeeded(s),
    quorum: hasQuorum(s),
  };
}

function roundView(s: MeetingState, r: Round): RoundView {
  return {
    id: r.id,
    itemId: r.itemId,
    purpose: r.purpose,
    status: r.status,
    revealed: r.revealed,
    startedAt: r.startedAt,
    endsAt: r.endsAt,
    pausedRemainingMs: r.pausedRemainingMs,
    voterCount: r.voterCount,
    candidates: r.candidates ? [...r.candidates] : null,
    manual: r.manual !== undefined,
    withoutQuorum: r.withoutQuorum,
    seats: r.seats ?? null,
    commitment: roundCommitment(r),
    liveBatch: batchedNow(s, r) ? liveBatchOf(itemById(s, r.itemId)) : null,
  };
}

/**
 * Everything of a round its result depends on. A run-off's candidates and seats belong here:
 * its own result lists only its candidates, for its seats, under its own rule (P12); and a
 * round started without quorum may be void (Q3). Every surface takes results from resultOf.
 */
export function roundInput(r: Round): RoundInput {
  return {
    ballots: ballotsOf(r),
    ...(r.manual ? { manual: r.manual } : {}),
    ...(r.candidates ? { candidates: r.candidates } : {}),
    ...(r.seats !== undefined ? { seats: r.seats } : {}),
    withoutQuorum: r.withoutQuorum,
  };
}

// Tallies are recomputed only when a round's ballots change: rounds are immutable, so the
// round object itself is the cache key.
const tallyCache = new WeakMap<Round, { present: number; result: ItemResult }>();

/**
 * The turnout a tally divides: the meeting's, or for a suggestions item (R15) only the deputies
 * named on its suggestions, and those of them checked in (the others have nothing to rate).
 */
function turnoutFor(s: MeetingState, item: AgendaItem): { roster: number; present: number } {
  if (!isSuggestionItem(item)) return { roster: s.roster.length, present: s.presentCount };
  const ids = [...proposersOf(item)].map((id) => s.rosterIndex.get(id)).filter((i) => i !== undefined);
  return { roster: ids.length, present: ids.filter((i) => chunkedGet(s.present, i) != null).length };
}

export function resultOf(s: MeetingState, r: Round): ItemResult | null {
  const item = itemById(s, r.itemId);
  if (!item || item.kind === 'segment') return null;
  // Keyed by the present count the tally divides (a suggestions item's: its proposers present).
  const turnout = turnoutFor(s, item);
  const hit = tallyCache.get(r);
  if (hit && hit.present === turnout.present) return hit.result;
  const result = tallyRound(item, roundInput(r), turnout);
  tallyCache.set(r, { present: turnout.present, result });
  return result;
}

/** A secret vote, open or paused: what leaves the server of its tally is held back (W7). */
function secretOpen(s: MeetingState, r: Round): boolean {
  const item = itemById(s, r.itemId);
  return !!item && item.kind !== 'segment' && item.settings.secret && r.manual === undefined && (r.status === 'open' || r.status === 'paused');
}

/** Its figures move in steps of k ballots: secret, open, visibility live. */
function batchedNow(s: MeetingState, r: Round): boolean {
  const item = itemById(s, r.itemId);
  return secretOpen(s, r) && !!item && item.kind !== 'segment' && item.settings.visibility === 'live';
}

const batchCache = new WeakMap<object, { present: number; result: ItemResult }>();

/**
 * The figures of a round that may leave the server now, to anyone (console, screens, feed,
 * reports); resultOf stays inside (decisions, the audit record, verify). A named vote, a closed
 * or voided round, a hand count: the whole tally. A secret vote while open: with visibility
 * live the tally of the ballots counted k and more ballots ago, in steps of k (live-batch.ts);
 * otherwise nothing, to the moderator as well: each ballot moving the figures, seen next to the
 * moment a deputy voted, says how that deputy voted (SPEC W7).
 */
export function shownResultOf(s: MeetingState, r: Round): ItemResult | null {
  if (!secretOpen(s, r)) return resultOf(s, r);
  const item = itemById(s, r.itemId);
  if (!item || item.kind === 'segment' || !batchedNow(s, r)) return null;
  const key = r.live?.shown ?? r;
  const turnout = turnoutFor(s, item);
  const hit = batchCache.get(key);
  if (hit && hit.present === turnout.present) return hit.result;
  const result = tallyRound(item, { ballots: shownBallots(r) }, turnout);
  batchCache.set(key, { present: turnout.present, result });
  return result;
}

/** May the public (screen, overlay, feed) see this round's figures now? */
export function resultVisible(item: AgendaItem, r: Round): boolean {
  if (r.status === 'voided' || item.kind === 'segment') return false;
  if (r.revealed) return true;
  switch (item.settings.visibility) {
    case 'live':
      return true;
    case 'turnout':
      return r.status === 'closed';
    case 'hidden':
      return false;
    default: {
      return assertNever(item.settings.visibility, 'visibility');
    }
  }
}

/** The round a screen or phone follows: the active one, else the latest of the current item. */
export function focusRound(s: MeetingState): Round | null {
  if (s.activeRoundId) return s.rounds.get(s.activeRoundId) ?? null;
  if (!s.currentItemId) return null;
  for (let i = s.roundOrder.length - 1; i >= 0; i--) {
    const r = s.rounds.get(s.roundOrder[i] ?? '');
    if (r && r.itemId === s.currentItemId) return r;
  }
  return null;
}

const meetingHead = (s: MeetingState) => ({ id: s.info.id, title: s.info.title, date: s.info.date });

/**
 * [R15] What leaves for screens, the overlay, the feed and the public edges: a suggestions item's
 * result without its per-suggestion figures (one to a few raters each would say how they rated),
 * its units only (R16). The console and the report keep them.
 */
function onAir(item: AgendaItem | null, r: ItemResult | null): ItemResult | null {
  return r?.kind === 'rating' && isSuggestionItem(item) ? { ...r, subjects: [] } : r;
}

export function screenView(s: MeetingState, now: number): ScreenView {
  const r = focusRound(s);
  const item = itemById(s, r ? r.itemId : s.currentItemId) ?? null;
  return {
    serverNow: now,
    meeting: meetingHead(s),
    turnout: turnoutOf(s),
    item,
    round: r ? roundView(s, r) : null,
    result: onAir(item, r && item && resultVisible(item, r) ? shownResultOf(s, r) : null),
    outcome: onAir(item, item ? publicOutcome(s, item) : null),
    ranking: meetingRanking(s, shownResultOf, resultVisible),
    segment: segmentView(s, now),
    scene: s.scene,
    agenda: agendaEntries(s),
    named: s.scene.kind === 'named' && r && item && resultVisible(item, r) ? screenNamed(s, r) : null,
    rehearsal: s.rehearsal,
  };
}

/** The screen's seat list: marks only, not what a projects or rating ballot ticked. */
function screenNamed(s: MeetingState, r: Round): NamedVoteRow[] | null {
  return namedVotes(s, r)?.map((row) => ({ ...row, ballot: null })) ?? null;
}

function publicOutcome(s: MeetingState, item: AgendaItem): ItemResult | null {
  const o = outcomeOf(s, item.id, shownResultOf);
  if (!o.lastRound || o.lastRound.status !== 'closed' || !resultVisible(item, o.lastRound)) return null;
  return o.result;
}

function consoleOutcomes(s: MeetingState): ConsoleOutcome[] {
  return s.agenda.flatMap((item): ConsoleOutcome[] => {
    const o = outcomeOf(s, item.id, shownResultOf);
    if (o.rounds.length === 0) return [];
    return [
      {
        itemId: item.id,
        result: o.result,
        roundIds: o.rounds.map((r) => r.id),
        manual: o.manual,
        runoffReady: pendingTie(s, item.id, resultOf) !== null,
      },
    ];
  });
}

/** [R14] A suggestions item reaches a phone with that deputy's own suggestions only. */
const withOwn = (item: AgendaItem | undefined, deputyId: string): AgendaItem | null => (item ? itemForDeputy(item, deputyId) : null);

export function deputyView(s: MeetingState, deputyId: string, now: number): DeputyView | null {
  const i = s.rosterIndex.get(deputyId);
  const d = i === undefined ? undefined : s.roster[i];
  if (i === undefined || !d) return null;
  const r = focusRound(s);
  return {
    serverNow: now,
    meeting: meetingHead(s),
    me: { id: d.id, name: d.name, group: d.group, seat: d.seat, present: chunkedGet(s.present, i) != null },
    item: withOwn(itemById(s, r ? r.itemId : s.currentItemId), d.id),
    round: r ? roundView(s, r) : null,
    mySubmission: r ? (chunkedGet(r.submissions, i) ?? null) : null,
    rehearsal: s.rehearsal,
  };
}

/**
 * The console view as sent while things change: everything but the roster, which a chamber
 * of 3,000 makes most of the message and which changes only with check-ins and roster edits.
 */
export type ConsoleWireView = Omit<ConsoleView, 'roster'>;

export function consoleRoster(s: MeetingState): ConsoleRosterRow[] {
  return s.roster.map((d, i) => {
    const p = chunkedGet(s.present, i) ?? null;
    return { id: d.id, name: d.name, group: d.group, seat: d.seat, present: p !== null, by: p?.by ?? null };
  });
}

export function consoleView(s: MeetingState, now: number): ConsoleView {
  return { ...consoleWireView(s, now), roster: consoleRoster(s) };
}

export function consoleWireView(s: MeetingState, now: number): ConsoleWireView {
  const rounds: ConsoleRoundView[] = [];
  for (const id of s.roundOrder) {
    const r = s.rounds.get(id);
    const item = r && itemById(s, r.itemId);
    if (!r || !item || item.kind === 'segment') continue;
    rounds.push({
      ...roundView(s, r),
      result: shownResultOf(s, r),
      voidReason: r.voidReason ?? null,
      voted: item.settings.secret
        ? null
        : s.roster.filter((_, i) => chunkedGet(r.submissions, i) != null).map((d) => d.id),
      // Only once closed (reveal needs it closed): while open, the warning coming and going
      // would itself tell when a ballot broke (or kept) unanimity.
      disclosure: r.status === 'closed' ? disclosureRisk(item, r) : null,
      named: namedVotes(s, r),
    });
  }
  return {
    serverNow: now,
    meeting: s.info,
    turnout: turnoutOf(s),
    agenda: [...s.agenda],
    currentItemId: s.currentItemId,
    activeRoundId: s.activeRoundId,
    rounds,
    outcomes: consoleOutcomes(s),
    ranking: meetingRanking(s, shownResultOf, () => true),
    rundown: { segment: segmentView(s, now), log: segmentLog(s, (id) => outcomeOf(s, id, shownResultOf)) },
    archived: s.archived,
    refusedDevices: [...s.refusedDevices],
    linksVersion: s.linkReissues,
    feedEnabled: s.feedEnabled,
    rehearsal: s.rehearsal,
    preview: { live: screenView(s, now), next: s.cued ? screenView(stateWithScene(s, s.cued), now) : null },
  };
}
