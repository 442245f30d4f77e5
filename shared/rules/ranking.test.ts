// The meeting's 排名 (R11): one row per subject, by a stated rule, and the rank-by setting
// (R10). The case that came from a replayed congress: a department rated with all the others
// and then again after its own questioning segment appeared twice, at #2 and #3.
import { describe, expect, it } from 'vitest';
import { RatingItem, type Ballot, type BallotContent } from '../model.js';
import { rankSubjects, tallyRound, type RatedItem, type RatingResult } from './index.js';

const rate = (ratings: Record<string, string>): BallotContent => ({ kind: 'rating', ratings });
const asBallots = (cs: readonly BallotContent[]): Ballot[] => cs.map((content, i) => ({ receipt: `b${i}`, content }));
const rep = <T,>(v: T, n: number): T[] => Array.from({ length: n }, () => v);

function rated(id: string, subjects: [string, string][], ballots: Record<string, string>[], settings: Partial<RatingItem['settings']> = {}, at = 0): RatedItem {
  const item = RatingItem.parse({ id, title: id, kind: 'rating', settings, subjects: subjects.map(([sid, name]) => ({ id: sid, name })) });
  const result = tallyRound(item, { ballots: asBallots(ballots.map(rate)) }, { roster: 20, present: 20 }) as RatingResult;
  return { itemId: id, result, ranking: item.settings.ranking ?? 'latest', at, names: new Map(item.subjects.map((x) => [x.id, x.name])) };
}

// All three departments rated together: housing 70, transport 80, health 90 (by 满意 shares).
const all = (settings: Partial<RatingItem['settings']> = {}) =>
  rated(
    'all',
    [['d-housing', '市住建局'], ['d-transport', '市交通运输局'], ['d-health', '市卫健委']],
    [
      ...rep({ 'd-housing': 'satisfied', 'd-transport': 'satisfied', 'd-health': 'satisfied' }, 3),
      ...rep({ 'd-housing': 'basic', 'd-transport': 'satisfied', 'd-health': 'satisfied' }, 1),
      ...rep({ 'd-housing': 'unsatisfied', 'd-transport': 'unsatisfied', 'd-health': 'basic' }, 1),
    ],
    settings,
    1,
  );
// Then housing again after its own segment, with its own subject id: 100.
const segment = (settings: Partial<RatingItem['settings']> = {}) =>
  rated('seg-housing', [['seg-housing-dept', '市住建局']], rep({ 'seg-housing-dept': 'satisfied' }, 4), settings, 2);

describe('the meeting ranking (R10, R11)', () => {
  it('[R11] a department rated in two items is one row: by default its latest rating', () => {
    const rows = rankSubjects([all(), segment()]);
    expect(rows.map((r) => [r.subjectId, r.score, r.rank])).toEqual([
      ['seg-housing-dept', 100, 1],
      ['d-health', 92, 2],
      ['d-transport', 80, 3],
    ]);
    expect(rows[0]?.ratings).toEqual([{ itemId: 'all', subjectId: 'd-housing' }, { itemId: 'seg-housing', subjectId: 'seg-housing-dept' }]);
    expect(rows[0]?.rule).toEqual({ combine: 'latest', rankBy: 'score' });
  });

  it('[R11] mean: the mean of the ratings scores and rates; the latest item sets the rule', () => {
    const rows = rankSubjects([all(), segment({ ranking: 'mean' })]);
    const housing = rows.find((r) => r.subjectId === 'seg-housing-dept');
    // housing: 72 in the first item ((3*100 + 60 + 0) / 5), 100 after its segment: mean 86.
    expect(housing).toMatchObject({ score: 86, satisfactionRate: 0.9, unsatisfiedRate: 0.1, valid: 9, rank: 2 });
    expect(rows.map((r) => r.rule.combine)).toEqual(['mean', 'mean', 'mean']);
  });

  it('[R11] item: an item set to rank on its own stays out of the meeting ranking', () => {
    const rows = rankSubjects([all(), segment({ ranking: 'item' })]);
    expect(rows.map((r) => [r.subjectId, r.score, r.rank])).toEqual([
      ['d-health', 92, 1],
      ['d-transport', 80, 2],
      ['d-housing', 72, 3],
    ]);
  });

  it('[R10] rankBy satisfaction orders by 满意率 first, then by score', () => {
    // transport: 4 of 5 satisfied (80%, 80); housing: 3 satisfied + 1 basic (80%, 72); health 100%.
    const item = all({ rankBy: 'satisfaction' });
    expect(item.result.subjects.map((s) => [s.subjectId, s.rank])).toEqual([['d-housing', 3], ['d-transport', 2], ['d-health', 1]]);
    const byScore = all();
    expect(byScore.result.subjects.map((s) => s.rank)).toEqual([3, 2, 1]);
    const tiedRate = rated('t', [['a', 'A'], ['b', 'B']], [{ a: 'satisfied', b: 'basic' }, { a: 'unsatisfied', b: 'unsatisfied' }], { rankBy: 'satisfaction' });
    // Both 50%: the higher score (a 50 against b 30) goes first.
    expect(tiedRate.result.subjects.map((s) => [s.score, s.rank])).toEqual([[50, 1], [30, 2]]);
  });

  it('[R7] [R9] every result and ranking row carries the weights and the 整改 threshold used', () => {
    const r = all({ weights: { basic: 80 }, flagAbove: 0.15 }).result;
    expect(r.weights).toEqual([{ level: 'satisfied', weight: 100 }, { level: 'basic', weight: 80 }, { level: 'unsatisfied', weight: 0 }]);
    expect(r.flagAbove).toBe(0.15);
    const rows = rankSubjects([all({ weights: { basic: 80 }, flagAbove: 0.15 })]);
    expect(rows[0]).toMatchObject({ flagAbove: 0.15, weights: r.weights });
    expect(rows.filter((x) => x.flagged).map((x) => x.subjectId)).toEqual(['d-transport', 'd-housing']);
  });
});
