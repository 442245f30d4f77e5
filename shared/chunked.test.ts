import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunkedEmpty, chunkedFilled, chunkedFrom, chunkedGet, chunkedPush, chunkedSet, chunkedToArray } from './chunked.js';
import { receiptAt, receiptIndex, withoutReceipt, withReceipt } from './receipts.js';

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

  it('grows by push like an array, interleaved with sets, and never changes an older version', () => {
    type Op = { push: number } | { set: [number, number] };
    const op: fc.Arbitrary<Op> = fc.oneof(fc.record({ push: fc.integer() }), fc.record({ set: fc.tuple(fc.integer({ min: -2, max: 300 }), fc.integer()) }));
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        let c = chunkedEmpty<number>();
        let ref: number[] = [];
        const versions: { c: typeof c; ref: number[] }[] = [];
        for (const o of ops) {
          versions.push({ c, ref });
          if ('push' in o) {
            c = chunkedPush(c, o.push);
            ref = [...ref, o.push];
          } else {
            const [i, v] = o.set;
            c = chunkedSet(c, i, v);
            if (i >= 0 && i < ref.length) ref = ref.map((x, j) => (j === i ? v : x));
          }
        }
        expect(c.length).toBe(ref.length);
        expect(chunkedToArray(c)).toEqual(ref);
        for (const old of versions) expect(chunkedToArray(old.c)).toEqual(old.ref);
      }),
      { numRuns: 200 },
    );
  });
});

describe('ReceiptIndex', () => {
  it('answers like a Map under any sequence of adds and removes, and never changes an older version', () => {
    const receipt = fc.stringMatching(/^[A-C2]{1,3}$/); // few distinct values: collisions and repeats are common
    const op = fc.tuple(fc.boolean(), receipt, fc.nat(1000));
    fc.assert(
      fc.property(fc.nat(40), fc.array(op, { maxLength: 120 }), (expected, ops) => {
        let ix = receiptIndex(expected);
        let ref = new Map<string, number>();
        const versions: { ix: typeof ix; ref: Map<string, number> }[] = [];
        for (const [add, r, at] of ops) {
          versions.push({ ix, ref });
          ref = new Map(ref);
          if (add) {
            ix = withReceipt(ix, r, at);
            ref.set(r, at);
          } else {
            ix = withoutReceipt(ix, r);
            ref.delete(r);
          }
        }
        const check = (i: typeof ix, m: Map<string, number>) => {
          expect(i.size).toBe(m.size);
          for (const r of ['A', 'B', 'C', '2', 'AB', 'CA2', 'ZZZ']) expect(receiptAt(i, r)).toBe(m.get(r));
          for (const [r, at] of m) expect(receiptAt(i, r)).toBe(at);
        };
        check(ix, ref);
        for (const v of versions) check(v.ix, v.ref);
      }),
      { numRuns: 200 },
    );
  });
});

describe('chunkedFrom', () => {
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
