// What an outcome is called, as keys: the one labelling function every surface uses (screen,
// console, overlay, feed, report, exports, audit). The words for the keys live in the
// client's locale files (common.json `label`, `unfilled`, `ruleShort`) and, for the Chinese
// record, in server/results/labels.ts, which a test holds equal to zh-CN. Rule ids: docs/SPEC.md.
import type { Base } from './model.js';
import type { MotionResult, ProjectStatus, ProjectsResult } from './rules/index.js';
import { assertNever } from './never.js';

/** O1: a motion is passed, not passed, or (void for want of quorum, Q3) neither. */
export type MotionLabel = 'passed' | 'notPassed' | 'noQuorum';

export function motionLabel(r: Pick<MotionResult, 'passed' | 'noQuorum'>): MotionLabel {
  if (r.noQuorum) return 'noQuorum';
  return r.passed ? 'passed' : 'notPassed';
}

/**
 * O2: a project's status, named by the rule that applied: below a "more than half" threshold
 * is 未过半数, below two thirds 未达三分之二, below the one vote an empty base needs (T3)
 * 未达所需票数; a void round (Q3) 未达法定人数.
 */
export type ProjectLabel = 'adopted' | 'tied' | 'notAdopted' | 'belowHalf' | 'belowTwoThirds' | 'belowNeeded' | 'noQuorum';

export function projectLabel(r: Pick<ProjectsResult, 'threshold' | 'base'>, status: ProjectStatus): ProjectLabel {
  switch (status) {
    case 'adopted':
    case 'tied':
    case 'notAdopted':
    case 'noQuorum':
      return status;
    case 'belowThreshold':
      if (r.base <= 0) return 'belowNeeded';
      return r.threshold === 'twoThirds' ? 'belowTwoThirds' : 'belowHalf';
    default: {
      return assertNever(status, 'status');
    }
  }
}

/** O3: the rule a result was decided by, for the line under the figures. */
export type RuleLabel =
  | { readonly key: 'half' | 'twoThirds'; readonly base: Base; readonly needed: number }
  /** A run-off (P12): `candidates` projects for `seats` seats, most votes win, no threshold. */
  | { readonly key: 'runoff'; readonly candidates: number; readonly seats: number };

export function ruleLabel(r: MotionResult | ProjectsResult): RuleLabel {
  if (r.kind === 'projects' && r.runoff) return { key: 'runoff', candidates: r.projects.length, seats: r.seats };
  return { key: r.threshold, base: r.baseRule, needed: r.needed };
}

/**
 * O4: why seats stay empty, one note per cause: too few projects met the threshold (空缺 n 个
 * 名额（未达票数）, which no run-off can fill, P10), or a tie at the last seat (n 个名额待再次
 * 投票（同票）, P11). A void round (Q3) has no notes: it decided nothing.
 */
export interface UnfilledNote {
  readonly cause: 'belowThreshold' | 'tie';
  readonly count: number;
}

export function unfilledNotes(r: Pick<ProjectsResult, 'unfilled' | 'tie' | 'noQuorum'>): UnfilledNote[] {
  if (r.noQuorum) return [];
  const tie = r.tie?.seats ?? 0;
  const below = r.unfilled - tie;
  const notes: UnfilledNote[] = [];
  if (below > 0) notes.push({ cause: 'belowThreshold', count: below });
  if (tie > 0) notes.push({ cause: 'tie', count: tie });
  return notes;
}
