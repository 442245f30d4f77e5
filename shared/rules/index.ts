// The rules engine's entry points: validate a ballot or a hand count against its item, and
// tally a round. Everything here is a pure function of the item, the round's ballots and the
// turnout; the results are plain JSON, sent to screens as they are. Rule ids: docs/SPEC.md.
import type { AgendaItem, BallotContent, ManualCounts } from '../model.js';
import { err, ok, type Result } from '../result.js';
import { countMotion, motionResult, type MotionResult } from './motion.js';
import { checkProjectsBallot, checkProjectsManual, tallyProjects, type ProjectsResult } from './projects.js';
import { checkRatingBallot, checkRatingManual, tallyRating, type RatingResult } from './rating.js';
import { assertNever } from '../never.js';
import { voidForQuorum, type BallotError, type RoundInput, type TurnoutInput } from './round-input.js';

export type { MotionResult } from './motion.js';
export { mergeRunoff, type ProjectStatus, type ProjectTally, type ProjectsResult, type ProjectsTie } from './projects.js';
export { type LevelCount, type RatingResult, type SubjectRating } from './rating.js';
export { rankSubjects, type RankBy, type RankedSubject, type RankingRule, type RatedItem } from './ranking.js';

export type ItemResult = MotionResult | ProjectsResult | RatingResult;

export { voidForQuorum, type BallotError, type RoundInput, type TurnoutInput } from './round-input.js';

/**
 * Is this ballot acceptable for the item? Refused ballots are never stored. The tallies apply
 * the same checks, so a ballot that reaches a tally without passing here counts as invalid.
 */
export function validateBallot(
  item: AgendaItem,
  round: Pick<RoundInput, 'candidates' | 'seats'>,
  content: BallotContent,
): Result<null, BallotError> {
  switch (item.kind) {
    case 'motion':
      return content.kind === 'motion' ? ok(null) : err('WRONG_KIND');
    case 'projects':
      return checkProjectsBallot(item, round, content);
    case 'rating':
      return checkRatingBallot(item, content);
    case 'segment':
      return err('WRONG_KIND'); // a questioning segment takes no ballots; its rating item does
    default: {
      return assertNever(item, 'item');
    }
  }
}

/** Is this show-of-hands result complete and about this item? (M6, P14, R12) */
export function validateManual(item: AgendaItem, counts: ManualCounts): Result<null, BallotError> {
  switch (item.kind) {
    case 'motion':
      return counts.kind === 'motion' ? ok(null) : err('WRONG_KIND');
    case 'projects':
      return checkProjectsManual(item, counts);
    case 'rating':
      return checkRatingManual(item, counts);
    case 'segment':
      return err('WRONG_KIND');
    default: {
      return assertNever(item, 'item');
    }
  }
}

/**
 * The result of one round. A run-off's result covers the run-off alone: fold it into the
 * round it ran off from with mergeRunoff.
 */
export function tallyRound(item: AgendaItem, round: RoundInput, turnout: TurnoutInput): ItemResult {
  switch (item.kind) {
    case 'motion': {
      const m = round.manual;
      const counts = m && m.kind === 'motion' ? m : countMotion(round.ballots);
      return motionResult({ for: counts.for, against: counts.against, abstain: counts.abstain }, item.settings, turnout, voidForQuorum(item.settings, round));
    }
    case 'projects':
      return tallyProjects(item, round, turnout);
    case 'rating':
      return tallyRating(item, round, turnout);
    case 'segment':
      // decide.ts never starts a round on a segment (G1), so no round of one reaches a tally.
      throw new Error(`item ${item.id} is a questioning segment: it has no rounds`);
    default: {
      return assertNever(item, 'item');
    }
  }
}
