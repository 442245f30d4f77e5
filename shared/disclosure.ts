// Would showing this result reveal how individual deputies voted in a secret vote? A unanimous
// result tells everyone who is known to have voted what they chose; one or two ballots say it
// outright. The console shows the warning before the moderator reveals the result.
import { canonicalJson } from './commitment.js';
import type { AgendaItem } from './model.js';
import type { Round } from './state.js';
import { chunkedToArray } from './chunked.js';

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
  const ballots = chunkedToArray(r.ballots);
  const first = canonicalJson(ballots[0]?.content);
  if (ballots.every((b) => canonicalJson(b.content) === first)) return { code: 'UNANIMOUS', cast };
  return null;
}
