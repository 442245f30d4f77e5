// The commitment hash: the plain-TS SHA-256 matches node:crypto, and the commitment ignores
// arrival order and key order but not content.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ballotCommitment, canonicalJson, leafHash, merkleRoot, receiptLeaves, schemeOf } from './commitment.js';
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

describe('[H5] the salted Merkle commitment (merkle-v2)', () => {
  const salt = (c: string) => c.repeat(32);
  const a = { receipt: 'AAAAAAAA', content: { kind: 'motion' as const, choice: 'for' as const }, salt: salt('1') };
  const b = { receipt: 'BBBBBBBB', content: { kind: 'motion' as const, choice: 'against' as const }, salt: salt('2') };
  const c = { receipt: 'CCCCCCCC', content: { kind: 'motion' as const, choice: 'abstain' as const }, salt: salt('3') };

  it('is the Merkle root over the leaves sorted by receipt, whatever the arrival order', () => {
    expect(schemeOf([a, b, c])).toBe('merkle-v2');
    const leaves = receiptLeaves([c, a, b]);
    expect(leaves.map((l) => l.receipt)).toEqual(['AAAAAAAA', 'BBBBBBBB', 'CCCCCCCC']);
    expect(leaves[0]?.leaf).toBe(leafHash(a.receipt, a.salt, a.content));
    const node = (l: string, r: string) => sha256Hex(`wz-node-v2\n${l}\n${r}`);
    const [la, lb, lc] = leaves.map((l) => l.leaf) as [string, string, string];
    expect(ballotCommitment([c, b, a])).toBe(node(node(la, lb), lc));
    expect(merkleRoot([la])).toBe(la);
    expect(ballotCommitment([])).toBe(sha256Hex('wz-empty-v2'));
  });

  it('changes with any content, salt or receipt, and cannot be matched without the salt', () => {
    const base = ballotCommitment([a, b, c]);
    expect(ballotCommitment([a, b, { ...c, content: { kind: 'motion', choice: 'for' } }])).not.toBe(base);
    expect(ballotCommitment([a, b, { ...c, salt: salt('4') }])).not.toBe(base);
    expect(ballotCommitment([a, b])).not.toBe(base);
    // The leaf of a receipt is none of the few guesses one can make without its salt.
    for (const choice of ['for', 'against', 'abstain'] as const) {
      expect(leafHash(a.receipt, '', { kind: 'motion', choice })).not.toBe(leafHash(a.receipt, a.salt, a.content));
    }
  });

  it('data from before salts keeps its old scheme (lines-v1), so old folders still verify', () => {
    const old = [{ receipt: a.receipt, content: a.content }];
    expect(schemeOf(old)).toBe('lines-v1');
    expect(ballotCommitment(old)).toBe(sha256Hex(`AAAAAAAA {"choice":"for","kind":"motion"}`));
  });
});
