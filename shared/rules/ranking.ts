// Orderings: projects by votes (with top-N adoption and tie detection) and rated subjects by
// score (排名). Ranks are competition ranks (1, 2, 2, 4): equal standing, equal rank.
import type { ProjectStatus, ProjectsTie } from './projects.js';
import type { RatingResult, SubjectRating } from './rating.js';

// ---- projects ------------------------------------------------------------------------------

export interface Standing {
  readonly id: string;
  readonly votes: number;
  /** Votes in each run-off the project went through, oldest first. */
  readonly runoffVotes: readonly number[];
  /** Agenda order: breaks display ties only, never decides a seat. */
  readonly order: number;
}

/**
 * Run-off votes compare one run-off at a time: a project decided in an earlier run-off was
 * ahead of, or behind, the whole group that went on to the next one.
 */
function compareMerit(a: Standing, b: Standing): number {
  if (a.votes !== b.votes) return b.votes - a.votes;
  const n = Math.max(a.runoffVotes.length, b.runoffVotes.length);
  for (let i = 0; i < n; i++) {
    const x = a.runoffVotes[i] ?? -1;
    const y = b.runoffVotes[i] ?? -1;
    if (x !== y) return y - x;
  }
  return 0;
}

/** Best first; agenda order among equals. */
export function compareStanding(a: Standing, b: Standing): number {
  return compareMerit(a, b) || a.order - b.order;
}

export function standingRanks(xs: readonly Standing[]): Map<string, number> {
  return competitionRanks([...xs].sort(compareStanding), compareMerit, (s) => s.id);
}

export interface Adoption {
  readonly adopted: string[];
  readonly tie: ProjectsTie | null;
  readonly status: ReadonlyMap<string, ProjectStatus>;
}

/**
 * P9..P11: the projects with at least `needed` votes are eligible; the `seats` eligible ones
 * with most votes are adopted. If the last seat's vote count is shared by more projects than
 * seats remain, none of them is adopted: they are the tie, and its seats stay unfilled.
 */
export function adoptTop(xs: readonly Standing[], seats: number, needed: number): Adoption {
  const status = new Map<string, ProjectStatus>(xs.map((s) => [s.id, 'belowThreshold']));
  const eligible = xs.filter((s) => s.votes >= needed).sort(compareStanding);
  for (const s of eligible) status.set(s.id, 'notAdopted');
  const last = eligible[seats - 1];
  const next = eligible[seats];
  const cutoff = last !== undefined && next !== undefined && next.votes === last.votes ? last.votes : null;
  const adopted: string[] = [];
  for (const s of eligible.slice(0, seats)) {
    if (cutoff !== null && s.votes <= cutoff) break;
    adopted.push(s.id);
    status.set(s.id, 'adopted');
  }
  if (cutoff === null) return { adopted, tie: null, status };
  const tied = eligible.filter((s) => s.votes === cutoff).sort((a, b) => a.order - b.order);
  for (const s of tied) status.set(s.id, 'tied');
  return { adopted, tie: { projectIds: tied.map((s) => s.id), votes: cutoff, seats: seats - adopted.length }, status };
}

// ---- rated subjects ------------------------------------------------------------------------

/** What subjects are ranked by (an item setting; local practice differs). */
export type RankBy = 'score' | 'satisfaction';

type ScoreKey = Pick<SubjectRating, 'score' | 'satisfactionRate' | 'unsatisfiedRate'>;

const higher = (a: number | null, b: number | null) => (a === null || b === null ? (a === null ? 1 : 0) - (b === null ? 1 : 0) : b - a);

/** Can this subject be ranked by rankBy: a score, or (by 满意率) at least one rating. */
export function rankable(x: ScoreKey, rankBy: RankBy): boolean {
  return rankBy === 'score' ? x.score !== null : x.satisfactionRate !== null;
}

/**
 * R10: by published score, higher first, then higher 满意率, then lower 不满意率; or, by 满意率,
 * higher 满意率 first, then higher score, then lower 不满意率. Rates are ratios of counts up to
 * 100,000, so comparing them as doubles is exact: equal ratios give the same double. Subjects
 * that cannot be ranked come last.
 */
export function compareScores(a: ScoreKey, b: ScoreKey, rankBy: RankBy = 'score'): number {
  const ra = rankable(a, rankBy);
  const rb = rankable(b, rankBy);
  if (!ra || !rb) return (ra ? 0 : 1) - (rb ? 0 : 1);
  const first = rankBy === 'score' ? higher(a.score, b.score) : higher(a.satisfactionRate, b.satisfactionRate);
  if (first !== 0) return first;
  const second = rankBy === 'score' ? higher(a.satisfactionRate, b.satisfactionRate) : higher(a.score, b.score);
  if (second !== 0) return second;
  return -higher(a.unsatisfiedRate, b.unsatisfiedRate);
}

/** Ranks by compareScores, keyed by `key`; subjects that cannot be ranked get none. */
export function scoreRanks<T extends ScoreKey>(xs: readonly T[], key: (x: T) => string, rankBy: RankBy = 'score'): Map<string, number | null> {
  const cmp = (a: T, b: T) => compareScores(a, b, rankBy);
  const ranks: Map<string, number | null> = competitionRanks(xs.filter((x) => rankable(x, rankBy)).sort(cmp), cmp, key);
  for (const x of xs) if (!rankable(x, rankBy)) ranks.set(key(x), null);
  return ranks;
}

/** How a subject rated in several items enters the meeting ranking (R11). */
export type Combine = 'latest' | 'mean';

/** The rule the meeting ranking followed, carried by every row so surfaces can print it. */
export interface RankingRule {
  readonly combine: Combine;
  readonly rankBy: RankBy;
}

/** A rating item's outcome as the meeting ranking takes it. */
export interface RatedItem {
  readonly itemId: string;
  readonly result: RatingResult;
  /** The item's `ranking` setting: `item` keeps it out of the meeting ranking. */
  readonly ranking: Combine | 'item';
  /** When its decisive round closed: orders "latest". */
  readonly at: number;
  /** Subject id -> the subject's name, its identity across items (one row per subject). */
  readonly names: ReadonlyMap<string, string>;
}

export interface RankedSubject {
  /** The item and subject of the latest rating that entered the row. */
  readonly itemId: string;
  readonly subjectId: string;
  /** Every rating combined into the row, oldest first. */
  readonly ratings: readonly { readonly itemId: string; readonly subjectId: string }[];
  /** null for a subject that cannot be ranked. */
  readonly rank: number | null;
  readonly score: number | null;
  readonly satisfactionRate: number | null;
  readonly unsatisfiedRate: number | null;
  readonly valid: number;
  readonly flagged: boolean;
  /** The weights and 整改 threshold of the latest rating's item (R7, R9). */
  readonly weights: RatingResult['weights'];
  readonly flagAbove: number;
  readonly rule: RankingRule;
}

const mean = (xs: readonly (number | null)[]): number | null => {
  const known = xs.filter((x): x is number => x !== null);
  return known.length === 0 ? null : known.reduce((a, b) => a + b, 0) / known.length;
};

/**
 * R11: 排名 across the rating items of a meeting, one row per subject, a subject being known by
 * its name (the department), since each item has its own subject ids. Items whose `ranking`
 * is `item` stay out; so do void ones (Q3). The latest item to enter (by close time, then
 * agenda order) sets the rule for the whole ranking: `latest` ranks each subject by its latest
 * rating, `mean` by the mean of its ratings' scores and rates (score to two decimals, half
 * up), and rankBy orders them (R10). Best first; among equals, agenda order of first rating.
 */
export function rankSubjects(items: readonly RatedItem[]): RankedSubject[] {
  const inRanking = items
    .map((x, order) => ({ ...x, order }))
    .filter((x) => x.ranking !== 'item' && !x.result.noQuorum)
    .sort((a, b) => a.at - b.at || a.order - b.order);
  const last = inRanking[inRanking.length - 1];
  if (!last) return [];
  const rule: RankingRule = { combine: last.ranking === 'mean' ? 'mean' : 'latest', rankBy: last.result.rankBy };
  const groups = new Map<string, { item: (typeof inRanking)[number]; s: SubjectRating }[]>();
  for (const item of inRanking) {
    for (const s of item.result.subjects) {
      const name = item.names.get(s.subjectId) ?? s.subjectId;
      const g = groups.get(name) ?? [];
      g.push({ item, s });
      groups.set(name, g);
    }
  }
  const firstOrder = (g: { item: { order: number } }[]) => Math.min(...g.map((x) => x.item.order));
  const rows = [...groups.values()].map((g) => {
    const latest = g[g.length - 1] as (typeof g)[number];
    const rated = g.filter((x) => x.s.valid > 0);
    const combined =
      rule.combine === 'latest' || rated.length <= 1
        ? (rated[rated.length - 1] ?? latest).s
        : {
            score: ((m) => (m === null ? null : Math.round(m * 100) / 100))(mean(rated.map((x) => x.s.score))),
            satisfactionRate: mean(rated.map((x) => x.s.satisfactionRate)),
            unsatisfiedRate: mean(rated.map((x) => x.s.unsatisfiedRate)),
            valid: rated.reduce((n, x) => n + x.s.valid, 0),
          };
    const unsatisfied = combined.unsatisfiedRate;
    return {
      itemId: latest.item.itemId,
      subjectId: latest.s.subjectId,
      ratings: g.map((x) => ({ itemId: x.item.itemId, subjectId: x.s.subjectId })),
      score: combined.score,
      satisfactionRate: combined.satisfactionRate,
      unsatisfiedRate: unsatisfied,
      valid: combined.valid,
      flagged: unsatisfied !== null && combined.valid > 0 && unsatisfied > latest.item.result.flagAbove,
      weights: latest.item.result.weights,
      flagAbove: latest.item.result.flagAbove,
      rule,
      order: firstOrder(g),
      key: `${latest.item.itemId}/${latest.s.subjectId}`,
    };
  });
  const ranks = scoreRanks(rows, (r) => r.key, rule.rankBy);
  return rows
    .sort((a, b) => compareScores(a, b, rule.rankBy) || a.order - b.order)
    .map(({ order: _o, key, ...r }) => ({ ...r, rank: ranks.get(key) ?? null }));
}

/** Competition ranks over a sorted list: an element equal to the one before shares its rank. */
function competitionRanks<T>(sorted: readonly T[], cmp: (a: T, b: T) => number, key: (x: T) => string): Map<string, number> {
  const out = new Map<string, number>();
  let rank = 0;
  sorted.forEach((x, i) => {
    const prev = sorted[i - 1];
    if (prev === undefined || cmp(prev, x) !== 0) rank = i + 1;
    out.set(key(x), rank);
  });
  return out;
}
