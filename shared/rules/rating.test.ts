import { describe, expect, it } from 'vitest';
import { RatingItem, type Ballot, type BallotContent } from '../model.js';
import { rankSubjects, tallyRound, validateBallot, validateManual, type RatingResult, type RoundInput, type SubjectRating } from './index.js';

function item(subjects: number, settings: Partial<RatingItem['settings']> = {}, id = 'it'): RatingItem {
  const list = Array.from({ length: subjects }, (_, i) => ({ id: `s${i + 1}`, name: `department ${i + 1}` }));
  return RatingItem.parse({ id, title: 'rating', kind: 'rating', settings, subjects: list });
}
const rate = (ratings: Record<string, string | number>): BallotContent => ({ kind: 'rating', ratings });
const asBallots = (cs: readonly BallotContent[]): Ballot[] => cs.map((content, i) => ({ receipt: `b${i}`, content }));
/** One single-subject ballot per value, all for subject s1. */
const s1 = (...values: (string | number)[]): Ballot[] => asBallots(values.map((v) => rate({ s1: v })));

function tally(it: RatingItem, round: RoundInput, roster = 20, present = roster): RatingResult {
  const r = tallyRound(it, round, { roster, present });
  if (r.kind !== 'rating') throw new Error('expected a rating result');
  return r;
}
function subject(r: RatingResult, id = 's1'): SubjectRating {
  const s = r.subjects.find((x) => x.subjectId === id);
  if (!s) throw new Error(`no subject ${id}`);
  return s;
}
const refused = (error: string) => ({ ok: false, error });
const accepted = { ok: true, value: null };
const rep = <T,>(v: T, n: number): T[] => Array.from({ length: n }, () => v);

describe('rating: ballots', () => {
  it('[R1] a rating ballot names subjects of the item and at least one of them', () => {
    const it2 = item(2);
    expect(validateBallot(it2, {}, { kind: 'motion', choice: 'for' })).toEqual(refused('WRONG_KIND'));
    expect(validateBallot(it2, {}, rate({ s9: 'satisfied' }))).toEqual(refused('UNKNOWN_ID'));
    expect(validateBallot(it2, {}, rate({}))).toEqual(refused('INCOMPLETE'));
  });

  it('[R2] a value must be a level of the item scale, or a whole score 0..100', () => {
    expect(validateBallot(item(1), {}, rate({ s1: 'competent' }))).toEqual(refused('BAD_VALUE'));
    expect(validateBallot(item(1), {}, rate({ s1: 80 }))).toEqual(refused('BAD_VALUE'));
    expect(validateBallot(item(1, { scale: 'score' }), {}, rate({ s1: 101 }))).toEqual(refused('BAD_VALUE'));
    expect(validateBallot(item(1, { scale: 'score' }), {}, rate({ s1: 'satisfied' }))).toEqual(refused('BAD_VALUE'));
    expect(validateBallot(item(1, { scale: 'score' }), {}, rate({ s1: 0 }))).toEqual(accepted);
    expect(validateBallot(item(1, { scale: 'four' }), {}, rate({ s1: 'fairlyUnsatisfied' }))).toEqual(accepted);
  });

  it('[R3] a ballot may leave subjects unrated; they count as skipped', () => {
    const it3 = item(3);
    expect(validateBallot(it3, {}, rate({ s2: 'basic' }))).toEqual(accepted);
    const r = tally(it3, { ballots: asBallots([rate({ s1: 'satisfied', s2: 'basic' }), rate({ s2: 'unsatisfied' })]) });
    expect([1, 2, 3].map((i) => [subject(r, `s${i}`).valid, subject(r, `s${i}`).skipped])).toEqual([[1, 1], [2, 0], [0, 2]]);
  });

  it('[R4] each level has a count and a share of the ballots that rated the subject', () => {
    const r = tally(item(1), { ballots: s1(...rep('satisfied', 6), ...rep('basic', 3), 'unsatisfied') });
    expect(subject(r).levels).toEqual([
      { level: 'satisfied', count: 6, share: 0.6 },
      { level: 'basic', count: 3, share: 0.3 },
      { level: 'unsatisfied', count: 1, share: 0.1 },
    ]);
    expect(subject(r).valid).toBe(10);
  });

  it('[R5] a ballot with one bad value is invalid as a whole and counts for no subject', () => {
    const bad = { kind: 'rating', ratings: { s1: 'satisfied', s2: 'superb' } } as const;
    const r = tally(item(2), { ballots: asBallots([bad, rate({ s1: 'basic' }), { kind: 'motion', choice: 'for' }]) }, 20, 5);
    expect(r).toMatchObject({ cast: 3, valid: 1, invalid: 2, notVoted: 2 });
    expect(subject(r).levels.map((l) => l.count)).toEqual([0, 1, 0]);
  });
});

describe('rating: figures', () => {
  it('[R6] 满意率 = (满意 + 基本满意) / valid and 不满意率 = 不满意 / valid; null without ratings', () => {
    const r = tally(item(2), { ballots: s1(...rep('satisfied', 5), ...rep('basic', 3), 'unsatisfied', 'unsatisfied') });
    expect(subject(r)).toMatchObject({ satisfiedVotes: 8, unsatisfiedVotes: 2, satisfactionRate: 0.8, unsatisfiedRate: 0.2 });
    expect(subject(r, 's2')).toMatchObject({ valid: 0, satisfactionRate: null, unsatisfiedRate: null, score: null, rank: null });
    expect(subject(r, 's2').levels.every((l) => l.share === 0)).toBe(true);
  });

  it('[R6] on the four-level scale 较不满意 counts in neither rate', () => {
    const r = tally(item(1, { scale: 'four' }), { ballots: s1('satisfied', 'fairlySatisfied', 'fairlyUnsatisfied', 'unsatisfied') });
    expect(subject(r)).toMatchObject({ satisfactionRate: 0.5, unsatisfiedRate: 0.25, score: 53.75 });
  });

  it('[R7] the weighted score is Σ count × weight / valid, two decimals, half up', () => {
    expect(subject(tally(item(1), { ballots: s1(...rep('satisfied', 6), ...rep('basic', 3), 'unsatisfied') })).score).toBe(78);
    expect(subject(tally(item(1), { ballots: s1('satisfied', 'satisfied', 'unsatisfied') })).score).toBe(66.67);
    const custom = item(1, { weights: { satisfied: 90, basic: 70 } });
    expect(subject(tally(custom, { ballots: s1('satisfied', 'basic') })).score).toBe(80);
  });

  it('[R7] on the score scale the score is the mean; 满意率 is the share of scores >= 60', () => {
    const r = tally(item(1, { scale: 'score' }), { ballots: s1(100, 85, 84, 80, 80, 80, 80, 80) });
    expect(subject(r).score).toBe(83.63); // 669 / 8 = 83.625, half up
    const mixed = tally(item(1, { scale: 'score' }), { ballots: s1(95, 70, 59, 60) });
    expect(subject(mixed)).toMatchObject({ satisfactionRate: 0.75, unsatisfiedRate: 0.25, score: 71 });
    expect(subject(mixed).levels.map((l) => l.count)).toEqual([1, 2, 1]);
  });

  it('[R9] a subject is flagged when 不满意率 is strictly above flagAbove', () => {
    const it1 = item(1, { flagAbove: 0.2 });
    expect(subject(tally(it1, { ballots: s1(...rep('satisfied', 8), 'unsatisfied', 'unsatisfied') })).flagged).toBe(false);
    expect(subject(tally(it1, { ballots: s1(...rep('satisfied', 7), ...rep('unsatisfied', 3)) })).flagged).toBe(true);
    expect(subject(tally(item(1, { scale: 'competence', flagAbove: 0 }), { ballots: s1('competent', 'incompetent') })).flagged).toBe(true);
    expect(subject(tally(item(1, { flagAbove: 0 }), { ballots: [] })).flagged).toBe(false);
  });
});

describe('rating: ranking and hand counts', () => {
  it('[R10] subjects rank by score, then 满意率, then 不满意率; equals share a rank', () => {
    // With basic weighing 50, a 50 comes from two basics (满意率 1) or from satisfied + unsatisfied (满意率 0.5).
    const it4 = item(4, { weights: { basic: 50 } });
    const ballots = asBallots([
      rate({ s1: 'satisfied', s2: 'basic', s3: 'basic' }),
      rate({ s1: 'unsatisfied', s2: 'basic', s3: 'basic' }),
    ]);
    const r = tally(it4, { ballots });
    expect(r.subjects.map((s) => [s.subjectId, s.score, s.rank])).toEqual([['s1', 50, 3], ['s2', 50, 1], ['s3', 50, 1], ['s4', null, null]]);
    const four = item(2, { scale: 'four', weights: { fairlySatisfied: 50, fairlyUnsatisfied: 50 } });
    const r4 = tally(four, { ballots: asBallots([rate({ s1: 'satisfied', s2: 'fairlySatisfied' }), rate({ s1: 'unsatisfied', s2: 'fairlyUnsatisfied' })]) });
    expect(r4.subjects.map((s) => s.rank)).toEqual([2, 1]);
  });

  it('[R11] rankSubjects ranks the subjects of several items together, across scales', () => {
    const a = tally(item(2, {}, 'a'), { ballots: asBallots([rate({ s1: 'satisfied', s2: 'basic' })]) });
    const b = tally(item(2, { scale: 'score' }, 'b'), { ballots: asBallots([rate({ s1: 60, s2: 90 })]) });
    // Distinct departments per item here: R11a covers a department rated in two items.
    const named = (itemId: string, n: number) => new Map(Array.from({ length: n }, (_, i) => [`s${i + 1}`, `${itemId} department ${i + 1}`]));
    const rows = rankSubjects([
      { itemId: 'a', result: a, ranking: 'latest', at: 1, names: named('a', 2) },
      { itemId: 'b', result: b, ranking: 'latest', at: 2, names: named('b', 2) },
      { itemId: 'c', result: tally(item(1, {}, 'c'), { ballots: [] }), ranking: 'latest', at: 3, names: named('c', 1) },
    ]);
    expect(rows.map((x) => [x.itemId, x.subjectId, x.score, x.rank])).toEqual([
      ['a', 's1', 100, 1],
      ['b', 's2', 90, 2],
      ['a', 's2', 60, 3],
      ['b', 's1', 60, 3],
      ['c', 's1', null, null],
    ]);
  });

  it('[R12] a hand count gives counts per subject and level; the score scale then has no score', () => {
    const it2 = item(2);
    const counts = { kind: 'rating' as const, counts: { s1: { satisfied: 30, basic: 10, unsatisfied: 10 }, s2: { satisfied: 20 } } };
    expect(validateManual(it2, counts)).toEqual(accepted);
    expect(validateManual(it2, { kind: 'rating', counts: { s1: {} } })).toEqual(refused('INCOMPLETE'));
    expect(validateManual(it2, { kind: 'rating', counts: { s1: {}, s2: {}, s3: {} } })).toEqual(refused('UNKNOWN_ID'));
    expect(validateManual(it2, { kind: 'rating', counts: { s1: { competent: 1 }, s2: {} } })).toEqual(refused('BAD_VALUE'));
    expect(validateManual(it2, { kind: 'motion', for: 1, against: 0, abstain: 0 })).toEqual(refused('WRONG_KIND'));
    const r = tally(it2, { ballots: [], manual: counts }, 60, 55);
    expect(r).toMatchObject({ manual: true, cast: 50, valid: 50, invalid: 0, notVoted: 5 });
    expect(subject(r)).toMatchObject({ valid: 50, score: 72, satisfactionRate: 0.8, rank: 2 });
    expect(subject(r, 's2')).toMatchObject({ valid: 20, skipped: 30, score: 100, rank: 1 });
    const score = tally(item(1, { scale: 'score' }), { ballots: [], manual: { kind: 'rating', counts: { s1: { satisfied: 3, unsatisfied: 1 } } } });
    expect(subject(score)).toMatchObject({ valid: 4, satisfactionRate: 0.75, score: null, rank: null });
  });
});
