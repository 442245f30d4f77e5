// The commitment hash: the plain-TS SHA-256 matches node:crypto, and the commitment ignores
// arrival order and key order but not content.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ballotCommitment, canonicalJson } from './commitment.js';
import { sha256Hex } from './sha256.js';

describe('[H1] commitments', () => {
  it('sha256Hex equals node:crypto for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        expect(sha256Hex(s)).toBe(createHash('sha256').update(s, 'utf8').digest('hex'));
      }),
      { numRuns: 300 },
    );
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('a'.repeat(1000))).toBe(createHash('sha256').update('a'.repeat(1000)).digest('hex'));
  });

  it('does not depend on the order ballots arrived in or on key order, only on content', () => {
    const a = { receipt: 'AAAAAAAA', content: { kind: 'each' as const, choices: { p1: 'for' as const, p2: 'against' as const } } };
    const b = { receipt: 'BBBBBBBB', content: { kind: 'motion' as const, choice: 'for' as const } };
    const a2 = { receipt: 'AAAAAAAA', content: { kind: 'each' as const, choices: { p2: 'against' as const, p1: 'for' as const } } };
    expect(ballotCommitment([a, b])).toBe(ballotCommitment([b, a2]));
    expect(ballotCommitment([a, b])).not.toBe(ballotCommitment([a, { ...b, content: { kind: 'motion', choice: 'against' } }]));
    expect(ballotCommitment([a])).not.toBe(ballotCommitment([a, b]));
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
  });
});
