// The meeting ranking (排名): rated subjects across items, by the orderings of standing.ts.
import type { RatingResult, SubjectRating } from './rating.js';
import { compareScores, scoreRanks, type RankBy } from './standing.js';

export type { RankBy } from './standing.js';

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
