import { describe, expect, it } from 'vitest';
import { ProjectsItem, type Ballot, type BallotContent } from '../model.js';
import { mergeRunoff, tallyRound, validateBallot, validateManual, type ProjectsResult, type RoundInput } from './index.js';

function item(count: number, settings: Partial<ProjectsItem['settings']> & { adopt: number }): ProjectsItem {
  const projects = Array.from({ length: count }, (_, i) => ({ id: `p${i + 1}`, name: `project ${i + 1}` }));
  return ProjectsItem.parse({ id: 'it', title: 'projects', kind: 'projects', settings, projects });
}
const select = (...picks: string[]): BallotContent => ({ kind: 'select', picks });
const each = (choices: Record<string, 'for' | 'against' | 'abstain'>): BallotContent => ({ kind: 'each', choices });
const asBallots = (cs: readonly BallotContent[]): Ballot[] => cs.map((content, i) => ({ receipt: `b${i}`, content }));
/** Select ballots giving each project the votes listed, one tick per ballot. */
const votes = (...vs: number[]): Ballot[] => asBallots(vs.flatMap((n, i) => Array.from({ length: n }, () => select(`p${i + 1}`))));

function tally(it: ProjectsItem, round: RoundInput, roster = 10, present = roster): ProjectsResult {
  const r = tallyRound(it, round, { roster, present });
  if (r.kind !== 'projects') throw new Error('expected a projects result');
  return r;
}
const refused = (error: string) => ({ ok: false, error });
const accepted = { ok: true, value: null };
/** Base 'present' with one deputy present: one vote meets the threshold, so adoption alone shows. */
const low = { base: 'present', adopt: 3 } as const;
const ranked = (it: ProjectsItem, round: RoundInput) => tally(it, round, 100, 1);

describe('projects: ballots', () => {
  it('[P1] a select item takes select ballots and an each item each ballots', () => {
    expect(validateBallot(item(3, { adopt: 2 }), {}, each({ p1: 'for', p2: 'for', p3: 'for' }))).toEqual(refused('WRONG_KIND'));
    expect(validateBallot(item(3, { adopt: 2, form: 'each' }), {}, select('p1'))).toEqual(refused('WRONG_KIND'));
    expect(validateBallot(item(3, { adopt: 2 }), {}, { kind: 'motion', choice: 'for' })).toEqual(refused('WRONG_KIND'));
  });

  it('[P2] a ballot names only projects on the ballot; a run-off only its candidates', () => {
    const it3 = item(3, { adopt: 2 });
    expect(validateBallot(it3, {}, select('p1', 'p9'))).toEqual(refused('UNKNOWN_ID'));
    expect(validateBallot(it3, { candidates: ['p2', 'p3'], seats: 1 }, select('p1'))).toEqual(refused('UNKNOWN_ID'));
    expect(validateBallot(it3, { candidates: ['p2', 'p3'], seats: 1 }, select('p3'))).toEqual(accepted);
    const e = item(3, { adopt: 2, form: 'each' });
    expect(validateBallot(e, {}, each({ p1: 'for', p2: 'for', p3: 'for', p4: 'for' }))).toEqual(refused('UNKNOWN_ID'));
  });

  it('[P3] a project ticked twice makes the ballot invalid', () => {
    const it3 = item(3, { adopt: 3 });
    expect(validateBallot(it3, {}, select('p1', 'p1'))).toEqual(refused('BAD_VALUE'));
    const r = tally(it3, { ballots: asBallots([select('p1', 'p1'), select('p1')]) });
    expect(r).toMatchObject({ cast: 2, valid: 1, invalid: 1 });
    expect(r.projects.find((p) => p.projectId === 'p1')?.votes).toBe(1);
  });

  it('[P4] a select-N ballot with more than N ticks is invalid', () => {
    const it4 = item(4, { adopt: 2 });
    expect(validateBallot(it4, {}, select('p1', 'p2', 'p3'))).toEqual(refused('TOO_MANY_PICKS'));
    // One that reached the tally anyway is counted as cast and invalid, and for no project.
    const r = tally(it4, { ballots: asBallots([select('p1', 'p2', 'p3'), select('p1', 'p2')]) });
    expect(r).toMatchObject({ cast: 2, valid: 1, invalid: 1 });
    expect(r.projects.map((p) => [p.projectId, p.votes])).toEqual([['p1', 1], ['p2', 1], ['p3', 0], ['p4', 0]]);
  });

  it('[P5] fewer than N ticks is valid, none at all included', () => {
    const it4 = item(4, { adopt: 3 });
    expect(validateBallot(it4, {}, select('p4'))).toEqual(accepted);
    expect(validateBallot(it4, {}, select())).toEqual(accepted);
    const r = tally(it4, { ballots: asBallots([select(), select('p2')]) }, 10, 5);
    expect(r).toMatchObject({ cast: 2, valid: 2, invalid: 0, notVoted: 3 });
  });

  it('[P6] an each ballot marks every project with for, against or abstain', () => {
    const e = item(3, { adopt: 2, form: 'each' });
    expect(validateBallot(e, {}, each({ p1: 'for', p2: 'against' }))).toEqual(refused('INCOMPLETE'));
    expect(validateBallot(e, {}, each({ p1: 'for', p2: 'against', p3: 'abstain' }))).toEqual(accepted);
    const odd = { kind: 'each', choices: { p1: 'for', p2: 'for', p3: 'maybe' } } as unknown as BallotContent; // as a forged payload would
    expect(validateBallot(e, {}, odd)).toEqual(refused('BAD_VALUE'));
  });

  it('[P7] the first failing check names the refusal: kind, ids, values, count', () => {
    const it2 = item(2, { adopt: 1 });
    expect(validateBallot(it2, {}, select('p1', 'zz', 'p1'))).toEqual(refused('UNKNOWN_ID'));
    expect(validateBallot(it2, {}, select('p1', 'p1', 'p2'))).toEqual(refused('BAD_VALUE'));
    const e = item(3, { adopt: 2, form: 'each' });
    expect(validateBallot(e, {}, each({ zz: 'for' }))).toEqual(refused('UNKNOWN_ID'));
  });

  it('[P8] the tally counts a ballot exactly when validateBallot accepts it', () => {
    const it3 = item(3, { adopt: 2 });
    const cs = [select('p1'), select('p1', 'p2', 'p3'), select('x'), { kind: 'motion', choice: 'for' } as const, select('p2', 'p2'), select()];
    const r = tally(it3, { ballots: asBallots(cs) });
    expect(r.valid).toBe(cs.filter((c) => validateBallot(it3, {}, c).ok).length);
    expect(r).toMatchObject({ cast: 6, valid: 2, invalid: 4 });
  });
});

describe('projects: adoption', () => {
  it('[P9] a project needs votes >= votesNeeded over the base to be eligible', () => {
    const it3 = item(3, { adopt: 3 }); // more than half of the roster of 10: 6
    const r = tally(it3, { ballots: votes(6, 5, 0) });
    expect(r).toMatchObject({ base: 10, needed: 6, adopted: ['p1'], unfilled: 2 });
    expect(r.projects.map((p) => p.status)).toEqual(['adopted', 'belowThreshold', 'belowThreshold']);
  });

  it('[P9] with base cast, invalid ballots count in the base', () => {
    const it2 = item(2, { adopt: 1, base: 'cast' });
    const r = tally(it2, { ballots: [...votes(2), ...asBallots([select('p1', 'p2')])] });
    expect(r).toMatchObject({ cast: 3, invalid: 1, base: 3, needed: 2, adopted: ['p1'] });
  });

  it('[P9] in the each form votes are the 赞成 only', () => {
    const e = item(2, { adopt: 2, form: 'each', base: 'cast' });
    const ballots = asBallots([each({ p1: 'for', p2: 'against' }), each({ p1: 'for', p2: 'abstain' }), each({ p1: 'against', p2: 'for' })]);
    const r = tally(e, { ballots });
    expect(r.projects).toMatchObject([
      { projectId: 'p1', votes: 2, against: 1, abstain: 0, status: 'adopted' },
      { projectId: 'p2', votes: 1, against: 1, abstain: 1, status: 'belowThreshold' },
    ]);
  });

  it('[P10] the N eligible projects with most votes are adopted, listed by votes', () => {
    const it5 = item(5, { ...low, adopt: 3 });
    const r = ranked(it5, { ballots: votes(4, 9, 7, 1, 8) });
    expect(r.adopted).toEqual(['p2', 'p5', 'p3']);
    expect(r.projects.map((p) => [p.projectId, p.votes, p.status])).toEqual([
      ['p2', 9, 'adopted'],
      ['p5', 8, 'adopted'],
      ['p3', 7, 'adopted'],
      ['p1', 4, 'notAdopted'],
      ['p4', 1, 'notAdopted'],
    ]);
    expect(r).toMatchObject({ tie: null, unfilled: 0, seats: 3 });
  });

  it('[P10] seats no eligible project reaches stay unfilled', () => {
    const r = tally(item(4, { adopt: 3 }), { ballots: votes(6, 6, 2, 0) });
    expect(r).toMatchObject({ adopted: ['p1', 'p2'], tie: null, unfilled: 1 });
  });

  it('[P11] a tie at the N-th place adopts none of the tied and reports the seats it leaves', () => {
    const r = ranked(item(5, { ...low, adopt: 3 }), { ballots: votes(10, 9, 8, 8, 2) });
    expect(r.adopted).toEqual(['p1', 'p2']);
    expect(r.tie).toEqual({ projectIds: ['p3', 'p4'], votes: 8, seats: 1 });
    expect(r.unfilled).toBe(1);
    expect(r.projects.filter((p) => p.status === 'tied').map((p) => p.projectId)).toEqual(['p3', 'p4']);
  });

  it('[P11] a tie above the last seat is no tie, and a tie can span every seat', () => {
    expect(ranked(item(4, { ...low, adopt: 3 }), { ballots: votes(10, 9, 9, 8) })).toMatchObject({ adopted: ['p1', 'p2', 'p3'], tie: null });
    expect(ranked(item(3, { ...low, adopt: 3 }), { ballots: votes(5, 5, 5) })).toMatchObject({ adopted: ['p1', 'p2', 'p3'], tie: null });
    const all = ranked(item(3, { ...low, adopt: 2 }), { ballots: votes(5, 5, 5) });
    expect(all).toMatchObject({ adopted: [], tie: { projectIds: ['p1', 'p2', 'p3'], votes: 5, seats: 2 }, unfilled: 2 });
  });
});

describe('projects: run-offs and hand counts', () => {
  const first = ranked(item(5, { ...low, adopt: 3 }), { ballots: votes(10, 9, 8, 8, 8) });

  it('[P12] a run-off takes candidates only, at most its seats ticks, and applies no threshold', () => {
    const it5 = item(5, { ...low, adopt: 3 });
    const round = { candidates: ['p3', 'p4', 'p5'], seats: 1 };
    expect(validateBallot(it5, round, select('p3', 'p4'))).toEqual(refused('TOO_MANY_PICKS'));
    expect(validateBallot(it5, round, select('p1'))).toEqual(refused('UNKNOWN_ID'));
    const r = ranked(it5, { ...round, ballots: asBallots([select('p4'), select('p4'), select('p5'), select('p3', 'p4')]) });
    expect(r).toMatchObject({ runoff: true, seats: 1, needed: 0, adopted: ['p4'], tie: null, invalid: 1 });
    expect(r.projects.map((p) => p.projectId)).toEqual(['p4', 'p5', 'p3']);
  });

  it('[P12] a run-off nobody votes in ties again', () => {
    const r = ranked(item(5, { ...low, adopt: 3 }), { candidates: ['p3', 'p4'], seats: 1, ballots: asBallots([select()]) });
    expect(r.tie).toEqual({ projectIds: ['p3', 'p4'], votes: 0, seats: 1 });
  });

  it('[P13] mergeRunoff adopts the run-off winners after the clearly adopted', () => {
    expect(first.tie).toEqual({ projectIds: ['p3', 'p4', 'p5'], votes: 8, seats: 1 });
    const ro = ranked(item(5, { ...low, adopt: 3 }), { candidates: ['p3', 'p4', 'p5'], seats: 1, ballots: votes(0, 0, 3, 7, 1) });
    const m = mergeRunoff(first, ro);
    expect(m).toMatchObject({ adopted: ['p1', 'p2', 'p4'], tie: null, unfilled: 0, runoffsMerged: 1, cast: first.cast });
    expect(m.projects.map((p) => [p.projectId, p.runoffVotes, p.status, p.rank])).toEqual([
      ['p1', [], 'adopted', 1],
      ['p2', [], 'adopted', 2],
      ['p4', [7], 'adopted', 3],
      ['p3', [3], 'notAdopted', 4],
      ['p5', [1], 'notAdopted', 5],
    ]);
  });

  it('[P13] a tie in the run-off goes on to the next run-off, merged the same way', () => {
    const wide = ranked(item(5, { ...low, adopt: 4 }), { ballots: votes(10, 8, 8, 8, 8) });
    expect(wide.tie).toEqual({ projectIds: ['p2', 'p3', 'p4', 'p5'], votes: 8, seats: 3 });
    const it5 = item(5, { ...low, adopt: 4 });
    const ro1 = ranked(it5, { candidates: ['p2', 'p3', 'p4', 'p5'], seats: 3, ballots: votes(0, 9, 5, 5, 5) });
    const m1 = mergeRunoff(wide, ro1);
    expect(m1).toMatchObject({ adopted: ['p1', 'p2'], tie: { projectIds: ['p3', 'p4', 'p5'], votes: 5, seats: 2 }, unfilled: 2 });
    expect(m1.projects.map((p) => p.status)).toEqual(['adopted', 'adopted', 'tied', 'tied', 'tied']);
    const ro2 = ranked(it5, { candidates: ['p3', 'p4', 'p5'], seats: 2, ballots: votes(0, 0, 2, 4, 1) });
    const m2 = mergeRunoff(m1, ro2);
    expect(m2).toMatchObject({ adopted: ['p1', 'p2', 'p4', 'p3'], tie: null, unfilled: 0, runoffsMerged: 2 });
    expect(m2.projects.map((p) => [p.projectId, p.runoffVotes, p.status])).toEqual([
      ['p1', [], 'adopted'],
      ['p2', [9], 'adopted'],
      ['p4', [5, 4], 'adopted'],
      ['p3', [5, 2], 'adopted'],
      ['p5', [5, 1], 'notAdopted'],
    ]);
  });

  it('[P13] a result without a tie is returned unchanged', () => {
    const done = ranked(item(2, { ...low, adopt: 1 }), { ballots: votes(3, 1) });
    expect(mergeRunoff(done, first)).toBe(done);
  });

  it('[P14] a hand count gives votes per project; everyone present counts as voting', () => {
    const e = item(3, { adopt: 2, form: 'each' });
    const counts = { kind: 'projects' as const, votes: { p1: 60, p2: 80, p3: 20 } };
    expect(validateManual(e, counts)).toEqual(accepted);
    expect(validateManual(e, { kind: 'projects', votes: { p1: 1, p2: 2 } })).toEqual(refused('INCOMPLETE'));
    expect(validateManual(e, { kind: 'projects', votes: { p1: 1, p2: 2, p3: 3, p9: 4 } })).toEqual(refused('UNKNOWN_ID'));
    expect(validateManual(e, { kind: 'rating', counts: {} })).toEqual(refused('WRONG_KIND'));
    const r = tally(e, { ballots: [], manual: counts }, 100, 90);
    expect(r).toMatchObject({ manual: true, cast: 90, valid: 90, invalid: 0, notVoted: 0, needed: 51, adopted: ['p2', 'p1'] });
    expect(r.projects[0]).toMatchObject({ projectId: 'p2', votes: 80, against: null, abstain: null });
  });

  it('[P15] projects are listed by votes then agenda order, with competition ranks', () => {
    const r = ranked(item(5, { ...low, adopt: 2 }), { ballots: votes(3, 7, 3, 7, 1) });
    expect(r.projects.map((p) => [p.projectId, p.rank])).toEqual([['p2', 1], ['p4', 1], ['p1', 3], ['p3', 3], ['p5', 5]]);
  });
});
