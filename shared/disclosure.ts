// Would showing this result reveal how individual deputies voted in a secret vote? A unanimous
// result tells everyone who is known to have voted what they chose; one or two ballots say it
// outright. The console shows the warning before the moderator reveals the result.
import { canonicalJson } from './commitment.js';
import type { AgendaItem, Ballot } from './model.js';
import type { Round } from './state.js';

export type DisclosureCode = 'UNANIMOUS' | 'FEW_BALLOTS';

export interface DisclosureRisk {
  code: DisclosureCode;
  /** Ballots cast. */
  cast: number;
}

/** Below this many ballots every secret result is a disclosure. */
export const FEW_BALLOTS = 3;

const cache = new WeakMap<Round, DisclosureRisk | null>();

/** Cached per round object (rounds are immutable), so a console view per frame stays cheap. */
export function disclosureRisk(item: AgendaItem, r: Round): DisclosureRisk | null {
  const hit = cache.get(r);
  if (hit !== undefined) return hit;
  const risk = computeRisk(item, r);
  cache.set(r, risk);
  return risk;
}

function computeRisk(item: AgendaItem, r: Round): DisclosureRisk | null {
  if (!('settings' in item) || !item.settings.secret || r.manual !== undefined) return null;
  const cast = r.ballots.length;
  if (cast === 0) return null;
  if (cast < FEW_BALLOTS) return { code: 'FEW_BALLOTS', cast };
  // Chunk by chunk: a chunk never changes, so only the newest one is looked at again per vote.
  let first: string | undefined;
  for (const chunk of r.ballots.chunks) {
    const same = sameContent(chunk);
    if (same === null || (first !== undefined && same !== first)) return null;
    first = same;
  }
  return { code: 'UNANIMOUS', cast };
}

const uniform = new WeakMap<readonly Ballot[], string | null>();

/** The canonical content every ballot of this chunk has, or null if they differ. */
function sameContent(chunk: readonly Ballot[]): string | null {
  let hit = uniform.get(chunk);
  if (hit === undefined) {
    const first = canonicalJson(chunk[0]?.content);
    hit = chunk.every((b) => canonicalJson(b.content) === first) ? first : null;
    uniform.set(chunk, hit);
  }
  return hit;
}
