import { describe, expect, it } from 'vitest';
import { randomHex } from './random-pool.js';

describe('randomHex', () => {
  it('hands out each drawn byte once: 10,000 salts across many pool refills are all distinct and well formed', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 10_000; i++) {
      const s = randomHex(16);
      expect(s).toMatch(/^[0-9a-f]{32}$/);
      seen.add(s);
    }
    expect(seen.size).toBe(10_000);
  });

  it('crosses the end of the pool without reusing or truncating (odd sizes)', () => {
    const xs = Array.from({ length: 2_000 }, () => randomHex(7));
    for (const x of xs) expect(x).toHaveLength(14);
    expect(new Set(xs).size).toBe(xs.length);
  });

  it('refuses sizes it cannot serve', () => {
    expect(() => randomHex(0)).toThrow(RangeError);
    expect(() => randomHex(4097)).toThrow(RangeError);
    expect(() => randomHex(1.5)).toThrow(RangeError);
  });

  it('the bits look uniform: each hex digit near 1/16 over 320,000 digits', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 10_000; i++) for (const c of randomHex(16)) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).toBe(16);
    for (const n of counts.values()) expect(Math.abs(n / 320_000 - 1 / 16)).toBeLessThan(0.004);
  });
});
