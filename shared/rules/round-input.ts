// What the rules take from a round and the turnout, and the quorum rule they share (Q3): below
// index.ts, projects.ts and rating.ts, which all import it.
import type { Ballot, ManualCounts } from '../model.js';

export type BallotError = 'WRONG_KIND' | 'UNKNOWN_ID' | 'TOO_MANY_PICKS' | 'INCOMPLETE' | 'BAD_VALUE';

/** The part of a round the rules need. A state Round fits as it is. */
export interface RoundInput {
  readonly ballots: readonly Ballot[];
  readonly manual?: ManualCounts;
  /** Run-off candidates: the only projects on the ballot. */
  readonly candidates?: readonly string[];
  /** Run-off seats: a select ballot may tick at most this many (default: the item's N). */
  readonly seats?: number;
  /** Started without quorum (Q2): not valid unless the item's quorumRequired is false (Q3). */
  readonly withoutQuorum?: boolean;
}

/** Q3: the round started without quorum and the item's rule makes such a vote void. */
export function voidForQuorum(settings: { readonly quorumRequired?: boolean | undefined }, round: Pick<RoundInput, 'withoutQuorum'>): boolean {
  return round.withoutQuorum === true && settings.quorumRequired !== false;
}

export interface TurnoutInput {
  readonly roster: number;
  readonly present: number;
}
