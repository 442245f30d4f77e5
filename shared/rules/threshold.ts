import type { Base, Threshold } from '../model.js';
import { assertNever } from '../never.js';

/** The counts a pass rule can divide. */
export interface Turnout {
  /** 应到: deputies on the roster. */
  readonly roster: number;
  /** 实到: deputies checked in. */
  readonly present: number;
  /** Ballots cast (valid or not) in the round. */
  readonly cast: number;
}

export function baseCount(base: Base, t: Turnout): number {
  switch (base) {
    case 'roster':
      return t.roster;
    case 'present':
      return t.present;
    case 'cast':
      return t.cast;
    default: {
      return assertNever(base, 'base');
    }
  }
}

/**
 * The smallest number of votes that meets the threshold over `base` voters.
 * half = more than half (过半数): floor(base / 2) + 1.
 * twoThirds = two thirds or more (三分之二以上, which in Chinese statute includes the bound): ceil(2 * base / 3).
 * A base of 0 needs 1, so nothing passes on an empty roster.
 */
export function votesNeeded(threshold: Threshold, base: number): number {
  if (base <= 0) return 1;
  switch (threshold) {
    case 'half':
      return Math.floor(base / 2) + 1;
    case 'twoThirds':
      return Math.ceil((2 * base) / 3);
    default: {
      return assertNever(threshold, 'threshold');
    }
  }
}
