// 民生实事项目票决: which ballots count, how votes add up, which projects are adopted,
// how a tie at the last seat is reported and how a run-off settles it. Rule ids: docs/SPEC.md.
import type { BallotContent, Base, ManualCounts, ProjectsItem, Threshold } from '../model.js';
import { err, ok, type Result } from '../result.js';
import { voidForQuorum, type BallotError, type RoundInput, type TurnoutInput } from './round-input.js';
import { adoptTop, compareStanding, standingRanks, type Adoption, type ProjectStatus, type ProjectsTie, type Standing } from './standing.js';
import { baseCount, votesNeeded } from './threshold.js';

export type { ProjectStatus, ProjectsTie };

export interface ProjectTally {
  readonly projectId: string;
  /** Ticks (select form) or 赞成 (each form) on valid ballots, or the hand count. */
  readonly votes: number;
  /** Each form with ballots only; null for the select form and for hand counts. */
  readonly against: number | null;
  readonly abstain: number | null;
  /** Votes in each run-off this project went through, oldest first; empty if none. */
  readonly runoffVotes: readonly number[];
  /** Competition rank (1, 2, 2, 4) by votes, then run-off votes. */
  readonly rank: number;
  readonly status: ProjectStatus;
}

export interface ProjectsResult {
  readonly kind: 'projects';
  readonly form: 'select' | 'each';
  readonly manual: boolean;
  /** This round is a run-off among candidates: no threshold applies (P12). */
  readonly runoff: boolean;
  /** Run-offs folded into this result by mergeRunoff. */
  readonly runoffsMerged: number;
  /** Seats this round fills: N, or a run-off's seats. */
  readonly seats: number;
  readonly cast: number;
  readonly valid: number;
  readonly invalid: number;
  /** 未按: present deputies who cast nothing (never negative). */
  readonly notVoted: number;
  readonly roster: number;
  readonly present: number;
  /** The count the threshold divides, per settings.base. */
  readonly base: number;
  /** Votes a project needs to be eligible; 0 in a run-off, which applies no threshold. */
  readonly needed: number;
  /** The item's rule (for labels); a run-off applies none of it (P12). */
  readonly threshold: Threshold;
  readonly baseRule: Base;
  /** Q3: started without quorum and the item requires it: void, nothing adopted. */
  readonly noQuorum: boolean;
  /** Every project on the ballot, best first: votes, then run-off votes, then agenda order. */
  readonly projects: readonly ProjectTally[];
  /** Adopted project ids in published order. */
  readonly adopted: readonly string[];
  readonly tie: ProjectsTie | null;
  /** seats - adopted: the tie's seats plus seats no project qualified for. */
  readonly unfilled: number;
}

type ProjectsRound = Pick<RoundInput, 'candidates' | 'seats'>;

/** The ids on this round's ballot, in agenda order: all projects, or a run-off's candidates. */
export function projectsOnBallot(item: ProjectsItem, round: ProjectsRound): string[] {
  const ids = item.projects.map((p) => p.id);
  if (round.candidates === undefined) return ids;
  const only = new Set(round.candidates);
  return ids.filter((id) => only.has(id));
}

/** At most this many ticks on a select ballot: N, or the seats of a run-off (P4, P12). */
export function seatsOf(item: ProjectsItem, round: ProjectsRound): number {
  return round.seats ?? item.settings.adopt;
}

/** P1..P7: whether a ballot counts. The tally calls this too, so refused and invalid agree. */
export function checkProjectsBallot(item: ProjectsItem, round: ProjectsRound, content: BallotContent): Result<null, BallotError> {
  const onBallot = new Set(projectsOnBallot(item, round));
  if (item.settings.form === 'select') {
    if (content.kind !== 'select') return err('WRONG_KIND');
    if (content.picks.some((id) => !onBallot.has(id))) return err('UNKNOWN_ID');
    if (new Set(content.picks).size !== content.picks.length) return err('BAD_VALUE');
    if (content.picks.length > seatsOf(item, round)) return err('TOO_MANY_PICKS');
    return ok(null);
  }
  if (content.kind !== 'each') return err('WRONG_KIND');
  const marked = Object.entries(content.choices);
  if (marked.some(([id]) => !onBallot.has(id))) return err('UNKNOWN_ID');
  if (marked.some(([, c]) => c !== 'for' && c !== 'against' && c !== 'abstain')) return err('BAD_VALUE');
  if (marked.length < onBallot.size) return err('INCOMPLETE');
  return ok(null);
}

/** P14: a hand count names every project on the ballot and nothing else. */
export function checkProjectsManual(item: ProjectsItem, counts: ManualCounts): Result<null, BallotError> {
  if (counts.kind !== 'projects') return err('WRONG_KIND');
  const onBallot = new Set(projectsOnBallot(item, {}));
  const given = Object.keys(counts.votes);
  if (given.some((id) => !onBallot.has(id))) return err('UNKNOWN_ID');
  if (given.length < onBallot.size) return err('INCOMPLETE');
  return ok(null);
}

/** Q3: a void round adopts nothing and rejects nothing. */
function voidAdoption(xs: readonly Standing[]): Adoption {
  return { adopted: [], tie: null, status: new Map(xs.map((x) => [x.id, 'noQuorum'])) };
}

interface Counts {
  votes: number;
  against: number;
  abstain: number;
}

export function tallyProjects(item: ProjectsItem, round: RoundInput, turnout: TurnoutInput): ProjectsResult {
  const ids = projectsOnBallot(item, round);
  const counts = new Map<string, Counts>(ids.map((id) => [id, { votes: 0, against: 0, abstain: 0 }]));
  const manual = round.manual?.kind === 'projects' ? round.manual : undefined;
  let cast = 0;
  let valid = 0;
  if (manual) {
    // P14: a show of hands has no ballots; everyone present is taken to have voted, or more
    // if a project got more hands than the check-in list has names.
    cast = turnout.present;
    for (const [id, n] of Object.entries(manual.votes)) {
      const c = counts.get(id);
      if (!c) continue;
      c.votes = n;
      cast = Math.max(cast, n);
    }
    valid = cast;
  } else {
    for (const b of round.ballots) {
      cast += 1;
      if (!checkProjectsBallot(item, round, b.content).ok) continue; // P8: invalid, counted for nobody
      valid += 1;
      if (b.content.kind === 'select') {
        for (const id of b.content.picks) {
          const c = counts.get(id);
          if (c) c.votes += 1;
        }
      } else if (b.content.kind === 'each') {
        for (const [id, choice] of Object.entries(b.content.choices)) {
          const c = counts.get(id);
          if (!c) continue;
          if (choice === 'for') c.votes += 1;
          else c[choice] += 1;
        }
      }
    }
  }

  const runoff = round.candidates !== undefined;
  const base = baseCount(item.settings.base, { roster: turnout.roster, present: turnout.present, cast });
  const needed = runoff ? 0 : votesNeeded(item.settings.threshold, base);
  const seats = seatsOf(item, round);
  const standings: Standing[] = ids.map((id, order) => ({ id, votes: counts.get(id)?.votes ?? 0, runoffVotes: [], order }));
  const noQuorum = voidForQuorum(item.settings, round);
  const decision = noQuorum ? voidAdoption(standings) : adoptTop(standings, seats, needed);
  const detailed = item.settings.form === 'each' && !manual;
  const ranks = standingRanks(standings);
  const projects = [...standings].sort(compareStanding).map(
    (s): ProjectTally => ({
      projectId: s.id,
      votes: s.votes,
      against: detailed ? (counts.get(s.id)?.against ?? 0) : null,
      abstain: detailed ? (counts.get(s.id)?.abstain ?? 0) : null,
      runoffVotes: [],
      rank: ranks.get(s.id) ?? 0,
      status: decision.status.get(s.id) ?? 'belowThreshold',
    }),
  );
  return {
    kind: 'projects',
    form: item.settings.form,
    manual: manual !== undefined,
    runoff,
    runoffsMerged: 0,
    seats,
    cast,
    valid,
    invalid: cast - valid,
    notVoted: Math.max(0, turnout.present - cast),
    roster: turnout.roster,
    present: turnout.present,
    base,
    needed,
    threshold: item.settings.threshold,
    baseRule: item.settings.base,
    noQuorum,
    projects,
    adopted: decision.adopted,
    tie: decision.tie,
    unfilled: seats - decision.adopted.length,
  };
}

/**
 * P13: settle a tie with the run-off that followed it. The seats the tie left go to the tied
 * projects with most run-off votes (no threshold); a tie again leaves them for the next
 * run-off, which merges into this function's result the same way. Turnout figures stay the
 * first round's. A result without a tie is returned as is.
 */
export function mergeRunoff(prev: ProjectsResult, runoff: ProjectsResult): ProjectsResult {
  const tie = prev.tie;
  // A run-off void for want of quorum (Q3) settles nothing: the tie stands, to be run off again.
  if (!tie || runoff.noQuorum) return prev;
  const tied = new Set(tie.projectIds);
  // A tied project missing from the run-off's ballot got no votes in it.
  const ro = new Map(runoff.projects.map((p) => [p.projectId, p.votes]));
  const roVotes = (id: string) => ro.get(id) ?? 0;
  const decision = adoptTop(
    tie.projectIds.map((id, order): Standing => ({ id, votes: roVotes(id), runoffVotes: [], order })),
    tie.seats,
    0,
  );
  const adopted = [...prev.adopted, ...decision.adopted];
  const updated = prev.projects.map(
    (p): ProjectTally =>
      tied.has(p.projectId)
        ? { ...p, runoffVotes: [...p.runoffVotes, roVotes(p.projectId)], status: decision.status.get(p.projectId) ?? 'notAdopted' }
        : p,
  );
  const standings = updated.map((p, order): Standing => ({ id: p.projectId, votes: p.votes, runoffVotes: p.runoffVotes, order }));
  const ranks = standingRanks(standings);
  const byId = new Map(updated.map((p) => [p.projectId, p]));
  const projects = [...standings].sort(compareStanding).flatMap((s): ProjectTally[] => {
    const p = byId.get(s.id);
    return p ? [{ ...p, rank: ranks.get(s.id) ?? p.rank }] : [];
  });
  return {
    ...prev,
    runoffsMerged: prev.runoffsMerged + 1,
    projects,
    adopted,
    tie: decision.tie,
    unfilled: prev.seats - adopted.length,
  };
}
