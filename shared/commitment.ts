// The commitment to a closed round's ballots, recorded in the audit log at close, shown with
// the result, and recomputed by `verify` from the data folder: a ballot added, removed or
// altered after close changes it.
//
// Scheme 'merkle-v2' (since #12): each ballot is a leaf H("wz-leaf-v2", receipt, salt,
// canonical content) with 128 random bits of salt kept only in the ballot box (secret votes) or
// the journal (named); the commitment is the Merkle root over the leaves sorted by receipt. The
// published list shows each receipt with its leaf: anyone can recompute the root, a phone that
// knows its salt can recompute its own leaf, and no one can try the few possible choices per
// receipt against a leaf or the root (the old scheme allowed exactly that).
//
// Scheme 'lines-v1' (data from before #12, no salts): SHA-256 over `receipt canonical-content`
// lines sorted by receipt. Kept only so old data folders still verify.
import type { Ballot, BallotContent } from './model.js';
import type { Round } from './state.js';
import { chunkedToArray } from './chunked.js';
import { sha256Hex } from './sha256.js';

export type CommitmentScheme = 'merkle-v2' | 'lines-v1';

/** JSON with object keys sorted, so the same content always gives the same text. */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  // Built by concatenation, not map/join: the audit log runs this on every record.
  let out: string;
  if (Array.isArray(v)) {
    out = '[';
    for (let i = 0; i < v.length; i++) out += (i > 0 ? ',' : '') + canonicalJson(v[i]);
    return out + ']';
  }
  const keys = Object.keys(v);
  for (let i = 1; i < keys.length; i++) {
    if ((keys[i - 1] as string) > (keys[i] as string)) {
      keys.sort(); // only when not in order already (sorting allocates; most objects come in order)
      break;
    }
  }
  out = '{';
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    out += (i > 0 ? ',' : '') + JSON.stringify(k) + ':' + canonicalJson((v as Record<string, unknown>)[k]);
  }
  return out + '}';
}

/** lines-v1: the lines the old commitment hashed, `receipt canonical-content`, sorted by receipt. */
export function commitmentLines(ballots: readonly Ballot[]): string[] {
  return ballots.map((b) => `${b.receipt} ${canonicalJson(b.content)}`).sort();
}

/** A ballot's leaf. The fields are separated by newlines, which none of them can contain. */
export function leafHash(receipt: string, salt: string, content: BallotContent): string {
  return sha256Hex(`wz-leaf-v2\n${receipt}\n${salt}\n${canonicalJson(content)}`);
}

const nodeHash = (left: string, right: string) => sha256Hex(`wz-node-v2\n${left}\n${right}`);

/** The Merkle root over leaves in the order given; an odd node at the end of a level goes up as it is. */
export function merkleRoot(leaves: readonly string[]): string {
  if (leaves.length === 0) return sha256Hex('wz-empty-v2');
  let level = [...leaves];
  while (level.length > 1) {
    const up: string[] = [];
    for (let i = 0; i < level.length; i += 2) {
      const l = level[i] as string;
      const r = level[i + 1];
      up.push(r === undefined ? l : nodeHash(l, r));
    }
    level = up;
  }
  return level[0] as string;
}

/** The published list: each receipt with its leaf, sorted by receipt. Ballots without a salt are not 'merkle-v2'. */
export function receiptLeaves(ballots: readonly Ballot[]): { receipt: string; leaf: string }[] {
  return ballots
    .map((b) => ({ receipt: b.receipt, leaf: leafHash(b.receipt, b.salt ?? '', b.content) }))
    .sort((a, b) => (a.receipt < b.receipt ? -1 : a.receipt > b.receipt ? 1 : 0));
}

/** Which scheme a round's ballots take: every one salted (or none at all) is 'merkle-v2'. */
export function schemeOf(ballots: readonly Ballot[]): CommitmentScheme {
  return ballots.every((b) => b.salt !== undefined) ? 'merkle-v2' : 'lines-v1';
}

export function ballotCommitment(ballots: readonly Ballot[], scheme: CommitmentScheme = schemeOf(ballots)): string {
  if (scheme === 'lines-v1') return sha256Hex(commitmentLines(ballots).join('\n'));
  return merkleRoot(receiptLeaves(ballots).map((x) => x.leaf));
}

const cache = new WeakMap<Round, string>();

/** A closed round's commitment (null while open, for voided and show-of-hands rounds); cached per round object. */
export function roundCommitment(r: Round): string | null {
  if (r.status !== 'closed' || r.manual !== undefined) return null;
  const hit = cache.get(r);
  if (hit) return hit;
  const c = ballotCommitment(chunkedToArray(r.ballots));
  cache.set(r, c);
  return c;
}

/** The scheme of a closed round's commitment (null where roundCommitment is null). */
export function roundScheme(r: Round): CommitmentScheme | null {
  if (r.status !== 'closed' || r.manual !== undefined) return null;
  return schemeOf(chunkedToArray(r.ballots));
}
