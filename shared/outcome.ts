// What an item decided across its rounds: the latest round that is neither voided nor a
// run-off, with the run-offs that followed it folded in (P13), and the meeting-wide ranking
// of rated subjects (R11). Pure functions of the state; `tally` is views.resultOf, passed in
// so that this file and views.ts do not import each other.
import type { AgendaItem } from './model.js';
import { mergeRunoff, rankSubjects, type ItemResult, type ProjectsResult, type ProjectsTie, type RankedSubject, type RatedItem } from './rules/index.js';
import { itemById, roundsOf, type MeetingState, type Round } from './state.js';

export type Tally = (s: MeetingState, r: Round) => ItemResult | null;

/**
 * The rounds that make up an item's result, oldest first: its latest round that is not
 * voided and not a run-off, then each run-off that follows the one before it. A run-off whose
 * round was voided since is not part of the chain.
 */
export function decisiveRounds(s: MeetingState, itemId: string): Round[] {
  const rs = roundsOf(s, itemId).filter((r) => r.status !== 'voided');
  let start = -1;
  for (let i = rs.length - 1; i >= 0; i--) {
    if (rs[i]?.purpose !== 'runoff') {
      start = i;
      break;
    }
  }
  const first = rs[start];
  if (!first) return [];
  const chain = [first];
  for (const r of rs.slice(start + 1)) {
    if (r.purpose === 'runoff' && r.follows === chain[chain.length - 1]?.id) chain.push(r);
  }
  return chain;
}

export interface Outcome {
  readonly itemId: string;
  /** The first round's result with every closed run-off merged in; null before any round. */
  readonly result: ItemResult | null;
  /** The last round folded into `result`: its visibility is the outcome's. */
  readonly lastRound: Round | null;
  /** Rounds in the chain, run-offs included (an open run-off is not folded in yet). */
  readonly rounds: readonly Round[];
  /** Some folded round was entered by hand (show of hands). */
  readonly manual: boolean;
}

/** The item's result: first round, then each closed run-off merged in order (P13). */
export function outcomeOf(s: MeetingState, itemId: string, tally: Tally): Outcome {
  const rounds = decisiveRounds(s, itemId);
  let result: ItemResult | null = null;
  let lastRound: Round | null = null;
  let manual = false;
  for (const r of rounds) {
    if (r.purpose === 'runoff' && r.status !== 'closed') break; // partial figures never decide a seat
    const t = tally(s, r);
    if (!t) break;
    if (result === null) result = t;
    else if (result.kind === 'projects' && t.kind === 'projects') result = mergeRunoff(result, t);
    lastRound = r;
    manual = manual || r.manual !== undefined;
  }
  return { itemId, result, lastRound, rounds, manual };
}

/**
 * What a run-off started now would run off from: the tie of the item's outcome, provided the
 * chain's last round is closed and folded in. null when there is nothing to run off.
 */
export function pendingTie(s: MeetingState, itemId: string, tally: Tally): { tie: ProjectsTie; from: Round } | null {
  const o = outcomeOf(s, itemId, tally);
  const last = o.rounds[o.rounds.length - 1];
  if (!last || last !== o.lastRound || last.status !== 'closed') return null;
  if (o.result?.kind !== 'projects' || !o.result.tie) return null;
  return { tie: o.result.tie, from: last };
}

export interface RankingRow extends RankedSubject {
  readonly itemTitle: string;
  readonly name: string;
  readonly person: string;
  readonly title: string;
  readonly manual: boolean;
}

/**
 * 排名: one row per subject of the meeting's rating items whose outcome may be shown
 * (`visible`), best first, by the rule of R11 (rules/ranking.ts). Aggregates only: no row ever
 * names a deputy.
 */
export function meetingRanking(s: MeetingState, tally: Tally, visible: (item: AgendaItem, r: Round) => boolean): RankingRow[] {
  const items: (RatedItem & { manual: boolean })[] = [];
  for (const item of s.agenda) {
    if (item.kind !== 'rating') continue;
    const o = outcomeOf(s, item.id, tally);
    if (o.result?.kind !== 'rating' || !o.lastRound || !visible(item, o.lastRound)) continue;
    items.push({
      itemId: item.id,
      result: o.result,
      manual: o.manual,
      // R16: suggestions are ranked by their units within the item, never as departments here.
      ranking: item.suggestions?.length ? 'item' : (item.settings.ranking ?? 'latest'),
      at: o.lastRound.closedAt ?? o.lastRound.startedAt,
      names: new Map(item.subjects.map((x) => [x.id, x.name])),
    });
  }
  const manualOf = new Map(items.map((i) => [i.itemId, i.manual]));
  return rankSubjects(items).map((row): RankingRow => {
    const item = itemById(s, row.itemId);
    const subject = item?.kind === 'rating' ? item.subjects.find((x) => x.id === row.subjectId) : undefined;
    return {
      ...row,
      itemTitle: item?.title ?? '',
      name: subject?.name ?? row.subjectId,
      person: subject?.person ?? '',
      title: subject?.title ?? '',
      manual: row.ratings.some((x) => manualOf.get(x.itemId) === true),
    };
  });
}

/** The projects outcome after at least one run-off, for the screen's final list; else null. */
export function mergedProjects(o: Outcome): ProjectsResult | null {
  return o.result?.kind === 'projects' && o.result.runoffsMerged > 0 ? o.result : null;
}
