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

type ScoreKey = Pick<SubjectRating, 'score' | 'valid' | 'satisfiedVotes' | 'unsatisfiedVotes'>;

/**
 * R10: higher published score first; then higher 满意率, then lower 不满意率 (both compared
 * exactly, by cross-multiplying counts). Subjects nobody rated have no score and come last.
 */
export function compareScores(a: ScoreKey, b: ScoreKey): number {
  if (a.score === null || b.score === null) return (a.score === null ? 1 : 0) - (b.score === null ? 1 : 0);
  if (a.score !== b.score) return b.score - a.score;
  const sat = b.satisfiedVotes * a.valid - a.satisfiedVotes * b.valid;
  if (sat !== 0) return sat;
  return a.unsatisfiedVotes * b.valid - b.unsatisfiedVotes * a.valid;
}

/** Ranks by compareScores, keyed by `key`; subjects without a score get none. */
export function scoreRanks<T extends ScoreKey>(xs: readonly T[], key: (x: T) => string): Map<string, number | null> {
  const ranks: Map<string, number | null> = competitionRanks(
    xs.filter((x) => x.score !== null).sort(compareScores),
    compareScores,
    key,
  );
  for (const x of xs) if (x.score === null) ranks.set(key(x), null);
  return ranks;
}

export interface RankedSubject {
  readonly itemId: string;
  readonly subjectId: string;
  /** null for a subject nobody rated. */
  readonly rank: number | null;
  readonly score: number | null;
  readonly satisfactionRate: number | null;
  readonly unsatisfiedRate: number | null;
  readonly valid: number;
  readonly flagged: boolean;
}

/**
 * R11: 排名 across the rating items of a meeting, e.g. 17 departments each rated after its own
 * segment. Every scale scores on 0..100, so items with different scales rank together.
 * Best first; agenda order (the order given) among equals.
 */
export function rankSubjects(items: readonly { readonly itemId: string; readonly result: RatingResult }[]): RankedSubject[] {
  const rows = items.flatMap(({ itemId, result }) => result.subjects.map((s) => ({ itemId, s })));
  const key = (r: { itemId: string; s: SubjectRating }) => `${r.itemId}/${r.s.subjectId}`;
  const ranks = scoreRanks(
    rows.map((r) => ({ ...r.s, key: key(r) })),
    (x) => x.key,
  );
  const ordered = rows
    .map((r, order) => ({ ...r, order }))
    .sort((a, b) => compareScores(a.s, b.s) || a.order - b.order);
  return ordered.map(({ itemId, s }) => ({
    itemId,
    subjectId: s.subjectId,
    rank: ranks.get(`${itemId}/${s.subjectId}`) ?? null,
    score: s.score,
    satisfactionRate: s.satisfactionRate,
    unsatisfiedRate: s.unsatisfiedRate,
    valid: s.valid,
    flagged: s.flagged,
  }));
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
