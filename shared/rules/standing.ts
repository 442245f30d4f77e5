// The orderings under the rules: projects by votes (top-N adoption, ties) and rated subjects by
// score or 满意率. Ranks are competition ranks (1, 2, 2, 4): equal standing, equal rank. Kept
// below projects.ts, rating.ts and ranking.ts, which all use them, so none imports another
// round a circle.

/** noQuorum: the round is void for want of quorum (Q3); no project is adopted or rejected. */
export type ProjectStatus = 'adopted' | 'tied' | 'notAdopted' | 'belowThreshold' | 'noQuorum';

export interface ProjectsTie {
  /** Tied at the last seat, in agenda order: the candidates of a run-off. */
  readonly projectIds: readonly string[];
  readonly votes: number;
  /** Seats the tie leaves unfilled: what a run-off among projectIds fills. */
  readonly seats: number;
}

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

/** The figures of a rated subject that order it (rating.ts SubjectRating has them). */
export interface ScoreKey {
  readonly score: number | null;
  readonly satisfactionRate: number | null;
  readonly unsatisfiedRate: number | null;
}

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

/** Competition ranks over a sorted list: an element equal to the one before shares its rank. */
export function competitionRanks<T>(sorted: readonly T[], cmp: (a: T, b: T) => number, key: (x: T) => string): Map<string, number> {
  const out = new Map<string, number>();
  let rank = 0;
  sorted.forEach((x, i) => {
    const prev = sorted[i - 1];
    if (prev === undefined || cmp(prev, x) !== 0) rank = i + 1;
    out.set(key(x), rank);
  });
  return out;
}
