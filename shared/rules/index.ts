// The rules engine's entry points: validate a ballot against its item, and tally a round.
// Everything here is a pure function of the item, the round's ballots and the turnout.
import type { AgendaItem, Ballot, BallotContent, ManualCounts } from '../model.js';
import { err, ok, type Result } from '../result.js';
import { countMotion, motionResult, type MotionResult } from './motion.js';

export type ItemResult = MotionResult;

export type BallotError = 'WRONG_KIND' | 'UNKNOWN_ID' | 'TOO_MANY_PICKS' | 'INCOMPLETE' | 'BAD_VALUE';

/** The part of a round the rules need. */
export interface RoundInput {
  readonly ballots: readonly Ballot[];
  readonly manual?: ManualCounts;
  /** Run-off candidates: the only projects on the ballot. */
  readonly candidates?: readonly string[];
}

export interface TurnoutInput {
  readonly roster: number;
  readonly present: number;
}

/** Is this ballot acceptable for the item? Refused ballots are never stored. */
export function validateBallot(item: AgendaItem, round: Pick<RoundInput, 'candidates'>, content: BallotContent): Result<null, BallotError> {
  switch (item.kind) {
    case 'motion':
      return content.kind === 'motion' ? ok(null) : err('WRONG_KIND');
    case 'projects':
    case 'rating':
      void round;
      return err('WRONG_KIND');
    default: {
      const never: never = item;
      throw new Error(`unknown item ${JSON.stringify(never)}`);
    }
  }
}

export function tallyRound(item: AgendaItem, round: RoundInput, turnout: TurnoutInput): ItemResult {
  switch (item.kind) {
    case 'motion': {
      const m = round.manual;
      const counts = m && m.kind === 'motion' ? m : countMotion(round.ballots);
      return motionResult({ for: counts.for, against: counts.against, abstain: counts.abstain }, item.settings, turnout);
    }
    case 'projects':
    case 'rating':
      throw new Error(`tally for ${item.kind} is not built yet`);
    default: {
      const never: never = item;
      throw new Error(`unknown item ${JSON.stringify(never)}`);
    }
  }
}
