// The one labelling function (L1..L4): an outcome is named by the rule that applied, and an
// empty seat by its cause. Replayed from a county congress: a project with 190 of 300 on a
// two-thirds item was printed 未过半数, and a seat left empty for want of votes was announced
// on the screen as waiting for a run-off.
import { describe, expect, it } from 'vitest';
import { motionLabel, projectLabel, ruleLabel, unfilledNotes } from './labels.js';
import { ProjectsItem } from './model.js';
import { tallyRound, type ProjectsResult } from './rules/index.js';

const item = (adopt: number, threshold: 'half' | 'twoThirds', n = 4) =>
  ProjectsItem.parse({ id: 'p', kind: 'projects', title: '民生实事', settings: { adopt, threshold }, projects: Array.from({ length: n }, (_, i) => ({ id: `p${i + 1}`, name: `项目${i + 1}` })) });
/** A hand count giving each project the votes listed, out of `roster` deputies present. */
function tally(adopt: number, threshold: 'half' | 'twoThirds', votes: number[], roster: number, round: { candidates?: string[]; seats?: number } = {}): ProjectsResult {
  const counts = Object.fromEntries(votes.map((v, j) => [`p${j + 1}`, v]).filter(([id]) => !round.candidates || round.candidates.includes(id as string)));
  const r = tallyRound(item(adopt, threshold, votes.length), { ballots: [], manual: { kind: 'projects', votes: counts }, ...round }, { roster, present: roster });
  if (r.kind !== 'projects') throw new Error('projects expected');
  return r;
}
const statusOf = (r: ProjectsResult, id: string) => projectLabel(r, r.projects.find((p) => p.projectId === id)!.status);

describe('labels (L1..L4)', () => {
  it('[O2] below a two-thirds threshold is 未达三分之二, below more-than-half 未过半数', () => {
    // 300 deputies, N = 4 (so the seats do not cut anyone off): 190 < 200 needed for two thirds.
    const two = tally(4, 'twoThirds', [250, 210, 190, 120], 300);
    expect(two.needed).toBe(200);
    expect(statusOf(two, 'p3')).toBe('belowTwoThirds');
    expect(statusOf(two, 'p1')).toBe('adopted');
    const half = tally(4, 'half', [250, 210, 150, 120], 300);
    expect(statusOf(half, 'p3')).toBe('belowHalf');
    const empty = tallyRound(item(1, 'half'), { ballots: [] }, { roster: 0, present: 0 }) as ProjectsResult;
    expect(statusOf(empty, 'p1')).toBe('belowNeeded');
  });

  it('[O4] seats empty because too few passed are 未达票数, seats held by a tie 同票: one note per cause', () => {
    // N = 3, only one project passes 151 of 300: two seats stay empty, no run-off can fill them.
    const few = tally(3, 'half', [200, 120, 100, 90], 300);
    expect(unfilledNotes(few)).toEqual([{ cause: 'belowThreshold', count: 2 }]);
    // N = 2: 200 passes, 180 and 180 tie for the last seat.
    const tie = tally(2, 'half', [200, 180, 180, 10], 300);
    expect(unfilledNotes(tie)).toEqual([{ cause: 'tie', count: 1 }]);
    // Both causes never meet in one round: a tie needs more eligible projects than seats.
  });

  it('[O3] a run-off is decided by its own rule: its candidates for its seats, most votes', () => {
    const ro = tally(2, 'twoThirds', [0, 20, 11, 0], 30, { candidates: ['p2', 'p3'], seats: 1 });
    expect(ro.projects.map((p) => p.projectId)).toEqual(['p2', 'p3']);
    expect(ruleLabel(ro)).toEqual({ key: 'runoff', candidates: 2, seats: 1 });
    expect(statusOf(ro, 'p3')).toBe('notAdopted');
    expect(ruleLabel(tally(2, 'twoThirds', [30, 20, 11, 0], 30))).toEqual({ key: 'twoThirds', base: 'roster', needed: 20 });
  });

  it('[O1] a motion is passed, not passed, or void for want of quorum', () => {
    expect(motionLabel({ passed: true, noQuorum: false })).toBe('passed');
    expect(motionLabel({ passed: false, noQuorum: false })).toBe('notPassed');
    expect(motionLabel({ passed: false, noQuorum: true })).toBe('noQuorum');
  });
});
