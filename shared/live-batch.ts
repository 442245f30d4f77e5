// The running tally of a secret vote, as far as anyone outside the ballot box may see it while
// the vote is open (SPEC W7): only with visibility 'live', and only in steps of k ballots, so a
// change of the figures can never be put down to one ballot. Two snapshots of the round's
// ballots ride along in the state: `held`, taken when the count of ballots last reached a
// multiple of k, and `shown`, the one taken k ballots before it. The figures shown are those of
// `shown`: each change adds k new ballots from k deputies (and any ballot changed meanwhile), and
// the figures at close differ from the last ones shown by at least k ballots too, so the final,
// partial batch is never one ballot on its own. Snapshots are persistent arrays (chunked.ts):
// keeping one costs a reference, not a copy.
import { chunkedEmpty, chunkedToArray, type Chunked } from './chunked.js';
import { LIVE_BATCH_DEFAULT, type AgendaItem, type Ballot } from './model.js';

export interface LiveSnapshots {
  /** The ballots as the figures shown count them. */
  readonly shown: Chunked<Ballot>;
  /** The ballots when their count last reached a multiple of k: shown at the next step. */
  readonly held: Chunked<Ballot>;
}

/** The part of a round (state.ts Round) the snapshots follow: structural, so state.ts imports this file and not the other way round. */
interface LiveRound {
  readonly ballots: Chunked<Ballot>;
  readonly live?: LiveSnapshots;
}

/** k for an item: its `liveBatch` setting, else the default. */
export function liveBatchOf(item: AgendaItem | undefined): number {
  return (item && item.kind !== 'segment' ? item.settings.liveBatch : undefined) ?? LIVE_BATCH_DEFAULT;
}

/**
 * After a ballot event turned `before` into `after`: when the count of ballots reached a
 * multiple of k (a new ballot, not a changed one), the snapshots move on by one step.
 */
export function stepSnapshots<R extends LiveRound>(before: R, after: R, k: number): R {
  const n = after.ballots.length;
  if (n === before.ballots.length || n % k !== 0) return after;
  const held = before.live?.held ?? chunkedEmpty<Ballot>();
  return { ...after, live: { shown: held, held: after.ballots } };
}

/** The ballots the shown figures count (none before the second step), in no meaningful order. */
export function shownBallots(r: Pick<LiveRound, 'live'>): readonly Ballot[] {
  return r.live ? chunkedToArray(r.live.shown) : [];
}
