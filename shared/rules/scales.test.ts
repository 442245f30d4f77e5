import { describe, expect, it } from 'vitest';
import { COMPETENCE_LEVELS, FOUR_LEVELS, THREE_LEVELS, levelOf, pointsOf, scaleOf, weightsFor } from './scales.js';

describe('scales', () => {
  it('[R8] each scale names its levels best first and the levels behind each rate', () => {
    expect(scaleOf('three')).toMatchObject({ levels: THREE_LEVELS, satisfied: 'satisfied', basic: 'basic', unsatisfied: 'unsatisfied' });
    expect(scaleOf('four')).toMatchObject({ levels: FOUR_LEVELS, satisfied: 'satisfied', basic: 'fairlySatisfied', unsatisfied: 'unsatisfied' });
    expect(scaleOf('competence')).toMatchObject({ levels: COMPETENCE_LEVELS, satisfied: 'competent', basic: 'basic', unsatisfied: 'incompetent' });
    expect(scaleOf('score').levels).toEqual(THREE_LEVELS);
  });

  it('[R8] default weights are 100/60/0, 100/75/40/0 and 100/60/0', () => {
    expect([...weightsFor({ scale: 'three' })]).toEqual([['satisfied', 100], ['basic', 60], ['unsatisfied', 0]]);
    expect([...weightsFor({ scale: 'four' }).values()]).toEqual([100, 75, 40, 0]);
    expect([...weightsFor({ scale: 'competence' }).values()]).toEqual([100, 60, 0]);
    expect(weightsFor({ scale: 'score' }).size).toBe(0);
  });

  it('[R7] settings.weights override per level; keys off the scale are ignored', () => {
    const w = weightsFor({ scale: 'three', weights: { basic: 50, competent: 99 } });
    expect([...w]).toEqual([['satisfied', 100], ['basic', 50], ['unsatisfied', 0]]);
  });

  it('[R8] the score scale sorts scores into bands at 80 and 60', () => {
    const s = scaleOf('score');
    expect([100, 80, 79, 60, 59, 0].map((v) => levelOf(s, v))).toEqual(['satisfied', 'satisfied', 'basic', 'basic', 'unsatisfied', 'unsatisfied']);
    expect(pointsOf(s, weightsFor({ scale: 'score' }), 73)).toBe(73);
  });

  it('[R2] a value off the scale has no level', () => {
    const score = scaleOf('score');
    expect([101, -1, 59.5, 'basic'].map((v) => levelOf(score, v))).toEqual([null, null, null, null]);
    const three = scaleOf('three');
    expect(['competent', 'fairlySatisfied', 60].map((v) => levelOf(three, v))).toEqual([null, null, null]);
    expect(pointsOf(three, weightsFor({ scale: 'three' }), 'nope')).toBeNull();
    expect(levelOf(scaleOf('competence'), 'incompetent')).toBe('incompetent');
  });
});
