// [R16] Per handling unit (主办单位): its suggestions, the ratings of all of them pooled, 满意率,
// 不满意率, score and rank; and [R17] how many go back for a second reply (再次办理). Pure; called
// by the rating tally, so every surface (console, screen, feed, report, exports) gets one set.
import type { RatingItem } from '../model.js';
import { scoreRanks, type RankBy } from '../rules/standing.js';

export interface UnitRating {
  readonly unit: string;
  /** Suggestions it handled as 主办单位, in agenda order. */
  readonly subjectIds: readonly string[];
  /** Ratings of all its suggestions (the pooled base). */
  readonly valid: number;
  readonly satisfiedVotes: number;
  readonly unsatisfiedVotes: number;
  readonly satisfactionRate: number | null;
  readonly unsatisfiedRate: number | null;
  /** Σ points / Σ ratings over its suggestions, two decimals, half up (R7's weights). */
  readonly score: number | null;
  /** Its suggestions flagged by R9: each goes back for 再次办理. */
  readonly reopened: number;
  readonly rank: number | null;
}

export interface SubjectPool {
  readonly subjectId: string;
  readonly valid: number;
  readonly satisfiedVotes: number;
  readonly unsatisfiedVotes: number;
  /** Sum of the points of its ratings; null when unknown (a score-scale hand count). */
  readonly points: number | null;
  readonly flagged: boolean;
}

export function unitRatings(item: RatingItem, subjects: readonly SubjectPool[], rankBy: RankBy, noQuorum: boolean): UnitRating[] {
  const byId = new Map(subjects.map((x) => [x.subjectId, x]));
  const units = new Map<string, string[]>();
  for (const g of item.suggestions ?? []) for (const u of new Set(g.units)) units.set(u, [...(units.get(u) ?? []), g.subjectId]);
  const rows = [...units].map(([unit, subjectIds]): Omit<UnitRating, 'rank'> => {
    const pool = subjectIds.map((id) => byId.get(id)).filter((x) => x !== undefined);
    const valid = pool.reduce((t, x) => t + x.valid, 0);
    const satisfiedVotes = pool.reduce((t, x) => t + x.satisfiedVotes, 0);
    const unsatisfiedVotes = pool.reduce((t, x) => t + x.unsatisfiedVotes, 0);
    const rated = pool.filter((x) => x.valid > 0);
    const points = rated.some((x) => x.points === null) ? null : rated.reduce((t, x) => t + (x.points ?? 0), 0);
    return {
      unit,
      subjectIds,
      valid,
      satisfiedVotes,
      unsatisfiedVotes,
      satisfactionRate: valid > 0 ? satisfiedVotes / valid : null,
      unsatisfiedRate: valid > 0 ? unsatisfiedVotes / valid : null,
      // R7's rounding (rules/rating.ts round2), repeated: rating.ts imports this file.
      score: valid > 0 && points !== null ? Math.round((points * 100) / valid) / 100 : null,
      reopened: pool.filter((x) => x.flagged).length,
    };
  });
  const ranks = scoreRanks(noQuorum ? [] : rows, (x) => x.unit, rankBy);
  return rows
    .map((x) => ({ ...x, rank: ranks.get(x.unit) ?? null }))
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
}
