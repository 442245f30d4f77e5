import type { Ballot, Base, MotionSettings, Threshold } from '../model.js';
import { baseCount, votesNeeded, type Turnout } from './threshold.js';

export interface MotionResult {
  readonly kind: 'motion';
  readonly for: number;
  readonly against: number;
  readonly abstain: number;
  /** Ballots cast. */
  readonly cast: number;
  /** 未按: present deputies who pressed nothing (never negative). */
  readonly notVoted: number;
  readonly roster: number;
  readonly present: number;
  /** The count the threshold divides, per settings.base. */
  readonly base: number;
  /** 赞成 needed to pass. */
  readonly needed: number;
  /** The rule that applied (for its label): the threshold over which base. */
  readonly threshold: Threshold;
  readonly baseRule: Base;
  /** Q3: started without quorum and the item requires it: not valid, neither passed nor failed. */
  readonly noQuorum: boolean;
  /** false whenever noQuorum. */
  readonly passed: boolean;
}

export interface MotionCounts {
  readonly for: number;
  readonly against: number;
  readonly abstain: number;
}

export function countMotion(ballots: readonly Ballot[]): MotionCounts {
  const c = { for: 0, against: 0, abstain: 0 };
  for (const b of ballots) {
    if (b.content.kind === 'motion') c[b.content.choice] += 1;
  }
  return c;
}

/** The motion rule: 赞成 must reach votesNeeded(threshold, base). Pure in counts and settings. */
export function motionResult(
  counts: MotionCounts,
  settings: Pick<MotionSettings, 'base' | 'threshold'>,
  turnout: Pick<Turnout, 'roster' | 'present'>,
  noQuorum = false,
): MotionResult {
  const cast = counts.for + counts.against + counts.abstain;
  const base = baseCount(settings.base, { ...turnout, cast });
  const needed = votesNeeded(settings.threshold, base);
  return {
    kind: 'motion',
    ...counts,
    cast,
    notVoted: Math.max(0, turnout.present - cast),
    roster: turnout.roster,
    present: turnout.present,
    base,
    needed,
    threshold: settings.threshold,
    baseRule: settings.base,
    noQuorum,
    passed: !noQuorum && counts.for >= needed,
  };
}
