// The year page's, the dashboard's and the publishing words exist in both languages, key for key.
import { describe, expect, it } from 'vitest';
import { yearResources } from './year.js';

const keysOf = (o: object, prefix = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keysOf(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));

describe('year i18n', () => {
  it('zh-CN and en hold the same keys', () => {
    expect(keysOf(yearResources.en).sort()).toEqual(keysOf(yearResources['zh-CN']).sort());
  });
});
