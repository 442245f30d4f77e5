// The votes namespace holds the same keys in both languages, every level of every scale has a
// word, and every project status has a label.
import { describe, expect, it } from 'vitest';
import { scaleOf } from '../../../shared/rules/scales.js';
import { votesResources } from './votes.js';

function keysOf(o: unknown, prefix = ''): string[] {
  if (typeof o !== 'object' || o === null) return [prefix];
  return Object.entries(o).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k));
}

describe('votes locale files', () => {
  it('hold the same keys in zh-CN and en', () => {
    expect(keysOf(votesResources.en).sort()).toEqual(keysOf(votesResources['zh-CN']).sort());
  });

  it('name every level of every scale and every project status', () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const levels: Record<string, Record<string, string>> = votesResources[lang].level;
      for (const scale of ['three', 'four', 'competence', 'score'] as const) {
        for (const level of scaleOf(scale).levels) expect(levels[scale]?.[level], `${lang} ${scale} ${level}`).toMatch(/\S/);
      }
      expect(Object.keys(votesResources[lang].status).sort()).toEqual(['adopted', 'belowThreshold', 'notAdopted', 'tied']);
    }
  });
});
