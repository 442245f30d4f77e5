import { describe, expect, it } from 'vitest';
import { baseCount, votesNeeded } from './threshold.js';

describe('thresholds', () => {
  it('[T1] more than half of b needs floor(b / 2) + 1', () => {
    expect(votesNeeded('half', 100)).toBe(51);
    expect(votesNeeded('half', 99)).toBe(50);
    expect(votesNeeded('half', 1)).toBe(1);
    expect(votesNeeded('half', 2)).toBe(2);
  });

  it('[T1] half never passes with exactly half', () => {
    for (let b = 1; b <= 500; b++) {
      const n = votesNeeded('half', b);
      expect(2 * n).toBeGreaterThan(b);
      expect(2 * (n - 1)).toBeLessThanOrEqual(b);
    }
  });

  it('[T2] two thirds includes the bound itself', () => {
    expect(votesNeeded('twoThirds', 3)).toBe(2);
    expect(votesNeeded('twoThirds', 100)).toBe(67);
    expect(votesNeeded('twoThirds', 99)).toBe(66);
    for (let b = 1; b <= 500; b++) {
      const n = votesNeeded('twoThirds', b);
      expect(3 * n).toBeGreaterThanOrEqual(2 * b);
      expect(3 * (n - 1)).toBeLessThan(2 * b);
    }
  });

  it('[T3] a base of 0 needs 1 vote, so nothing passes on an empty base', () => {
    expect(votesNeeded('half', 0)).toBe(1);
    expect(votesNeeded('twoThirds', 0)).toBe(1);
  });

  it('[T4] the base is the roster, those present or the ballots cast', () => {
    const t = { roster: 300, present: 280, cast: 270 };
    expect(baseCount('roster', t)).toBe(300);
    expect(baseCount('present', t)).toBe(280);
    expect(baseCount('cast', t)).toBe(270);
  });
});
