// Rating scales: which levels a ballot may name, how they weigh, and which of them make up
// 满意率 and 不满意率. Keys only: the words on screen live in the client's locale files.
import type { RatingSettings, ScaleId } from '../model.js';

/**
 * A scale as the tally sees it. Every scale sorts a ballot's value into one of `levels`
 * (best first); the score scale does so by bands so that its counts read like the others'.
 * 满意率 = (satisfied + basic) / valid; 不满意率 = unsatisfied / valid.
 */
export interface Scale {
  readonly id: ScaleId;
  readonly levels: readonly string[];
  /** The level counted as 满意 (or 称职). */
  readonly satisfied: string;
  /** The level counted as 基本满意 (or 较满意, 基本称职): also part of 满意率. */
  readonly basic: string;
  /** The level counted as 不满意 (or 不称职): 不满意率 and the rectification flag. */
  readonly unsatisfied: string;
  /** Default weight of each level for the weighted score; empty for the score scale. */
  readonly weights: Readonly<Record<string, number>>;
}

export const THREE_LEVELS = ['satisfied', 'basic', 'unsatisfied'] as const;
/** 满意 / 较满意 / 较不满意 / 不满意. */
export const FOUR_LEVELS = ['satisfied', 'fairlySatisfied', 'fairlyUnsatisfied', 'unsatisfied'] as const;
/** 称职 / 基本称职 / 不称职 (述职评议). */
export const COMPETENCE_LEVELS = ['competent', 'basic', 'incompetent'] as const;
/** The score scale's bands reuse the three-level keys: >= 80, 60..79, < 60. */
export const SCORE_BANDS = THREE_LEVELS;

export const SCORE_MIN = 0;
export const SCORE_MAX = 100;
/** A score at or above this is 满意 (band 'satisfied'). */
export const SCORE_SATISFIED_FROM = 80;
/** A score at or above this, and below SCORE_SATISFIED_FROM, is 基本满意; below it, 不满意. */
export const SCORE_PASS_FROM = 60;

const SCALES: Readonly<Record<ScaleId, Scale>> = {
  three: {
    id: 'three',
    levels: THREE_LEVELS,
    satisfied: 'satisfied',
    basic: 'basic',
    unsatisfied: 'unsatisfied',
    weights: { satisfied: 100, basic: 60, unsatisfied: 0 },
  },
  // 较不满意 weighs 40, not the midpoint 50: a lukewarm-negative answer should pull the score
  // below a pass (60) on its own. 较不满意 counts in neither rate: only the clear verdicts do.
  four: {
    id: 'four',
    levels: FOUR_LEVELS,
    satisfied: 'satisfied',
    basic: 'fairlySatisfied',
    unsatisfied: 'unsatisfied',
    weights: { satisfied: 100, fairlySatisfied: 75, fairlyUnsatisfied: 40, unsatisfied: 0 },
  },
  score: {
    id: 'score',
    levels: SCORE_BANDS,
    satisfied: 'satisfied',
    basic: 'basic',
    unsatisfied: 'unsatisfied',
    weights: {},
  },
  competence: {
    id: 'competence',
    levels: COMPETENCE_LEVELS,
    satisfied: 'competent',
    basic: 'basic',
    unsatisfied: 'incompetent',
    weights: { competent: 100, basic: 60, incompetent: 0 },
  },
};

export function scaleOf(id: ScaleId): Scale {
  return SCALES[id];
}

/**
 * The level a ballot value names, or null when the value does not belong to the scale
 * (a level key of another scale, a number on a level scale, a score out of range or not whole).
 */
export function levelOf(scale: Scale, value: string | number): string | null {
  if (scale.id === 'score') {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < SCORE_MIN || value > SCORE_MAX) return null;
    if (value >= SCORE_SATISFIED_FROM) return 'satisfied';
    return value >= SCORE_PASS_FROM ? 'basic' : 'unsatisfied';
  }
  return typeof value === 'string' && scale.levels.includes(value) ? value : null;
}

/**
 * The weight of every level: settings.weights where given, the scale's default otherwise.
 * Keys in settings.weights that are not levels of the scale are ignored. Empty for the score
 * scale, whose weighted score is the mean of the scores themselves.
 */
export function weightsFor(settings: Pick<RatingSettings, 'scale' | 'weights'>): ReadonlyMap<string, number> {
  const scale = scaleOf(settings.scale);
  const out = new Map<string, number>();
  if (scale.id === 'score') return out;
  const custom = new Map(Object.entries(settings.weights ?? {}));
  for (const level of scale.levels) out.set(level, custom.get(level) ?? scale.weights[level] ?? 0);
  return out;
}

/** The points one ballot value adds to a subject's weighted total; null for a value off the scale. */
export function pointsOf(scale: Scale, weights: ReadonlyMap<string, number>, value: string | number): number | null {
  const level = levelOf(scale, value);
  if (level === null) return null;
  if (scale.id === 'score') return typeof value === 'number' ? value : null;
  return weights.get(level) ?? 0;
}
