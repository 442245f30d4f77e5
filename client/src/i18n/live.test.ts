// The audience page's words exist in both languages, key for key.
import { describe, expect, it } from 'vitest';
import { liveResources } from './live.js';

const keysOf = (o: object, prefix = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keysOf(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));

describe('live i18n', () => {
  it('zh-CN and en hold the same keys', () => {
    expect(keysOf(liveResources.en).sort()).toEqual(keysOf(liveResources['zh-CN']).sort());
  });
});
