import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunkedFilled, chunkedFrom, chunkedGet, chunkedSet, chunkedToArray } from './chunked.js';

describe('Chunked', () => {
  it('behaves like a copied array under any sequence of sets, and never changes an older version', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.array(fc.tuple(fc.integer({ min: -5, max: 405 }), fc.string()), { maxLength: 60 }), (n, sets) => {
        let c = chunkedFilled<string | null>(n, null);
        let ref: (string | null)[] = new Array<string | null>(n).fill(null);
        const versions: { c: typeof c; ref: (string | null)[] }[] = [];
        for (const [i, v] of sets) {
          versions.push({ c, ref });
          c = chunkedSet(c, i, v);
          if (i >= 0 && i < n) ref = ref.map((x, j) => (j === i ? v : x));
        }
        expect(chunkedToArray(c)).toEqual(ref);
        for (let i = -2; i < n + 2; i++) expect(chunkedGet(c, i)).toBe(i >= 0 && i < n ? ref[i] : undefined);
        for (const old of versions) expect(chunkedToArray(old.c)).toEqual(old.ref);
      }),
      { numRuns: 200 },
    );
  });

  it('chunkedFrom holds the same values as the array it was made from, in chunks like chunkedFilled', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.string()), { maxLength: 300 }), (xs) => {
        const c = chunkedFrom(xs);
        expect(chunkedToArray(c)).toEqual(xs);
        expect(c.chunks.map((k) => k.length)).toEqual(chunkedFilled(xs.length, null).chunks.map((k) => k.length));
        xs.forEach((x, i) => expect(chunkedGet(c, i)).toBe(x));
      }),
      { numRuns: 200 },
    );
  });
});
