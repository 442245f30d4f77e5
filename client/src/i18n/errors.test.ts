// Every error code has a human message in both languages, and the two files hold the same keys.
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from './errors.js';
import { resources } from './resources.js';

function keysOf(o: unknown, prefix = ''): string[] {
  if (typeof o !== 'object' || o === null) return [prefix];
  return Object.entries(o).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k));
}

describe('locale files', () => {
  it('give every error code a message in zh-CN and en', () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const errors: Record<string, string> = resources[lang].common.errors;
      for (const code of ERROR_CODES) expect(errors[code], `${lang} ${code}`).toMatch(/\S/);
    }
  });

  it('hold the same keys in zh-CN and en for every area', () => {
    for (const ns of ['common', 'deputy', 'screen', 'console', 'receipts'] as const) {
      expect(keysOf(resources.en[ns]).sort()).toEqual(keysOf(resources['zh-CN'][ns]).sort());
    }
  });
});
