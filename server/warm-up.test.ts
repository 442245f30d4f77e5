import { describe, expect, it } from 'vitest';
import { warmVotePath } from './warm-up.js';
import { demoAgenda } from './demo.js';

describe('warmVotePath', () => {
  it('folds scratch votes of every kind through the accepting branch of the vote path', () => {
    const kinds = demoAgenda().filter((it) => it.kind !== 'segment').length;
    const r = warmVotePath(1);
    expect(r.refused).toBe(0);
    expect(r.accepted).toBe(300 * kinds);
  });
});
