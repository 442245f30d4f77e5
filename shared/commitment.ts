// The commitment to a closed round's ballots: SHA-256 over the ballots sorted by receipt, one
// canonical line each. Recorded in the audit log at close, shown with the result, and
// recomputed by `verify` from the data folder: a ballot added, removed or altered after close
// changes it.
import type { Ballot } from './model.js';
import type { Round } from './state.js';
import { chunkedToArray } from './chunked.js';
import { sha256Hex } from './sha256.js';

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

/** The lines the commitment hashes: `receipt canonical-content`, sorted by receipt. Never a deputy. */
export function commitmentLines(ballots: readonly Ballot[]): string[] {
  return ballots.map((b) => `${b.receipt} ${canonicalJson(b.content)}`).sort();
}

export function ballotCommitment(ballots: readonly Ballot[]): string {
  return sha256Hex(commitmentLines(ballots).join('\n'));
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
