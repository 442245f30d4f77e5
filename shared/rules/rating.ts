// 满意度测评: per subject, the count and share of each level, 满意率, 不满意率, the weighted
// score and the rectification flag. Rule ids: docs/SPEC.md (R1..R12).
import type { BallotContent, ManualCounts, RatingItem, ScaleId } from '../model.js';
import { err, ok, type Result } from '../result.js';
import { voidForQuorum, type BallotError, type RoundInput, type TurnoutInput } from './round-input.js';
import { scoreRanks, type RankBy } from './standing.js';
import { levelOf, pointsOf, scaleOf, weightsFor } from './scales.js';
import { unitRatings, type UnitRating } from '../suggestions/units.js';

export interface LevelCount {
  readonly level: string;
  readonly count: number;
  /** count / valid; 0 when nobody rated the subject. */
  readonly share: number;
}

export interface SubjectRating {
  readonly subjectId: string;
  /** Valid ballots that rated this subject: the denominator of every share (R4). */
  readonly valid: number;
  /** Valid ballots that left this subject unrated (R3). */
  readonly skipped: number;
  /** One entry per level of the scale, best first. */
  readonly levels: readonly LevelCount[];
  /** 满意 + 基本满意. */
  readonly satisfiedVotes: number;
  readonly unsatisfiedVotes: number;
  /** (满意 + 基本满意) / valid; null when nobody rated the subject. */
  readonly satisfactionRate: number | null;
  /** 不满意 / valid; null when nobody rated the subject. */
  readonly unsatisfiedRate: number | null;
  /** Weighted score on 0..100, two decimals; null when unknown (R7, R12). */
  readonly score: number | null;
  /** 不满意率 above settings.flagAbove: marked for rectification (整改). A flag, never an action. */
  readonly flagged: boolean;
  /** Rank within the item by score or 满意率 (rankBy, R10); null without a score. */
  readonly rank: number | null;
}

export interface RatingResult {
  readonly kind: 'rating';
  readonly scale: ScaleId;
  readonly manual: boolean;
  /** 整改 when 不满意率 is strictly above this (R9): printed with every score. */
  readonly flagAbove: number;
  /**
   * The weight of each level that produced the scores (R7), best level first; empty on the
   * score scale, whose score is the mean. Printed with every score.
   */
  readonly weights: readonly { readonly level: string; readonly weight: number }[];
  /** What the subjects are ranked by (R10). */
  readonly rankBy: RankBy;
  /** Q3: started without quorum and the item requires it: void, no flags, no ranks. */
  readonly noQuorum: boolean;
  readonly cast: number;
  readonly valid: number;
  readonly invalid: number;
  /** 未按: present deputies who cast nothing (never negative). */
  readonly notVoted: number;
  readonly roster: number;
  readonly present: number;
  /** In agenda order. */
  readonly subjects: readonly SubjectRating[];
  /** 代表建议办理满意度 only: each 主办单位 over all its suggestions, ranked (R16). */
  readonly units?: readonly UnitRating[];
}

/** R1, R2, R5: whether a ballot counts. The tally calls this too, so refused and invalid agree. */
/** The ballot's shape against the item's subjects and scale (a deputy's ballot, and an audience rating on a public edge, which holds only these two). */
export function checkRatingBallot(item: { readonly settings: { readonly scale: ScaleId }; readonly subjects: readonly { readonly id: string }[] }, content: BallotContent): Result<null, BallotError> {
  if (content.kind !== 'rating') return err('WRONG_KIND');
  const scale = scaleOf(item.settings.scale);
  const subjects = new Set(item.subjects.map((s) => s.id));
  const marked = Object.entries(content.ratings);
  if (marked.length === 0) return err('INCOMPLETE');
  if (marked.some(([id]) => !subjects.has(id))) return err('UNKNOWN_ID');
  if (marked.some(([, v]) => levelOf(scale, v) === null)) return err('BAD_VALUE');
  return ok(null);
}

/** R12: a hand count names every subject, and only levels of the item's scale. */
export function checkRatingManual(item: RatingItem, counts: ManualCounts): Result<null, BallotError> {
  if (counts.kind !== 'rating') return err('WRONG_KIND');
  const scale = scaleOf(item.settings.scale);
  const subjects = new Set(item.subjects.map((s) => s.id));
  const given = Object.entries(counts.counts);
  if (given.some(([id]) => !subjects.has(id))) return err('UNKNOWN_ID');
  if (given.some(([, levels]) => Object.keys(levels).some((l) => !scale.levels.includes(l)))) return err('BAD_VALUE');
  if (given.length < subjects.size) return err('INCOMPLETE');
  return ok(null);
}

interface Acc {
  readonly counts: Map<string, number>;
  valid: number;
  /** Sum of points; null once it cannot be known (a score-scale hand count has no scores). */
  points: number | null;
}

export function tallyRating(item: RatingItem, round: RoundInput, turnout: TurnoutInput): RatingResult {
  const scale = scaleOf(item.settings.scale);
  const weights = weightsFor(item.settings);
  const acc = new Map<string, Acc>(item.subjects.map((s) => [s.id, { counts: new Map(), valid: 0, points: 0 }]));
  const manual = round.manual?.kind === 'rating' ? round.manual : undefined;
  let cast = 0;
  let valid = 0;
  if (manual) {
    for (const [id, levels] of Object.entries(manual.counts)) {
      const a = acc.get(id);
      if (!a) continue;
      for (const [level, n] of Object.entries(levels)) {
        if (!scale.levels.includes(level)) continue;
        a.counts.set(level, (a.counts.get(level) ?? 0) + n);
        a.valid += n;
      }
      // The bands of the score scale say nothing about the mean: its score is unknown (R12).
      a.points = scale.id === 'score' ? null : [...a.counts].reduce((t, [l, n]) => t + n * (weights.get(l) ?? 0), 0);
      cast = Math.max(cast, a.valid);
    }
    valid = cast; // R12: hands raised for the most-rated subject stand for the ballots cast
  } else {
    for (const b of round.ballots) {
      cast += 1;
      if (b.content.kind !== 'rating' || !checkRatingBallot(item, b.content).ok) continue; // R5: invalid as a whole
      valid += 1;
      for (const [id, value] of Object.entries(b.content.ratings)) {
        const a = acc.get(id);
        const level = levelOf(scale, value);
        const points = pointsOf(scale, weights, value);
        if (!a || level === null || points === null) continue;
        a.counts.set(level, (a.counts.get(level) ?? 0) + 1);
        a.valid += 1;
        if (a.points !== null) a.points += points;
      }
    }
  }

  const flagAbove = item.settings.flagAbove;
  const rankBy = item.settings.rankBy ?? 'score';
  const noQuorum = voidForQuorum(item.settings, round);
  const subjects = item.subjects.map((s): Omit<SubjectRating, 'rank'> => {
    const a = acc.get(s.id) ?? { counts: new Map<string, number>(), valid: 0, points: null };
    const n = a.valid;
    const count = (level: string) => a.counts.get(level) ?? 0;
    const satisfiedVotes = count(scale.satisfied) + count(scale.basic);
    const unsatisfiedVotes = count(scale.unsatisfied);
    return {
      subjectId: s.id,
      valid: n,
      skipped: Math.max(0, valid - n),
      levels: scale.levels.map((level) => ({ level, count: count(level), share: n > 0 ? count(level) / n : 0 })),
      satisfiedVotes,
      unsatisfiedVotes,
      satisfactionRate: n > 0 ? satisfiedVotes / n : null,
      unsatisfiedRate: n > 0 ? unsatisfiedVotes / n : null,
      score: n > 0 && a.points !== null ? round2(a.points, n) : null,
      flagged: !noQuorum && n > 0 && unsatisfiedVotes / n > flagAbove,
    };
  });
  const ranks = scoreRanks(noQuorum ? [] : subjects, (s) => s.subjectId, rankBy);
  return {
    kind: 'rating',
    scale: scale.id,
    manual: manual !== undefined,
    flagAbove,
    weights: scale.id === 'score' ? [] : scale.levels.map((level) => ({ level, weight: weights.get(level) ?? 0 })),
    rankBy,
    noQuorum,
    cast,
    valid,
    invalid: cast - valid,
    notVoted: Math.max(0, turnout.present - cast),
    roster: turnout.roster,
    present: turnout.present,
    subjects: subjects.map((s) => ({ ...s, rank: ranks.get(s.subjectId) ?? null })),
    ...(item.suggestions?.length ? { units: unitRatings(item, subjects.map((x) => ({ ...x, points: acc.get(x.subjectId)?.points ?? null })), rankBy, noQuorum) } : {}),
  };
}

/**
 * R7: total / n to two decimals, half up. Dividing before rounding keeps integer totals exact:
 * equal fractions give equal scores, which ranking relies on (R10).
 */
export function round2(total: number, n: number): number {
  return Math.round((total * 100) / n) / 100;
}
