// Would showing this result reveal how individual deputies voted in a secret vote? A unanimous
// result tells everyone who is known to have voted what they chose; one or two ballots say it
// outright. The console shows the warning before the moderator reveals the result.
// A suggestions rating (R16) goes on air per handling unit only, and who proposed each
// suggestion is public: a unit rated by one or two deputies, or by several who all gave it the
// same rating, shows how each of them rated, however many ballots the round has.
import { canonicalJson } from './commitment.js';
import { chunkedToArray } from './chunked.js';
import { isSuggestionItem } from './suggestions/rules.js';
import type { AgendaItem, Ballot } from './model.js';
import type { Round } from './state.js';

export type DisclosureCode = 'UNANIMOUS' | 'FEW_BALLOTS' | 'UNIT_UNANIMOUS' | 'UNIT_FEW_RATERS';

export interface DisclosureRisk {
  code: DisclosureCode;
  /** Ballots cast (the unit's raters for the UNIT_ codes). */
  cast: number;
  /** UNIT_ codes: the handling unit whose figures would tell. */
  unit?: string;
  /** UNIT_ codes: the other units whose figures would tell too, if any. */
  alsoUnits?: string[];
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
  if (isSuggestionItem(item)) {
    const unit = unitRisk(item.suggestions, chunkedToArray(r.ballots));
    if (unit) return unit;
  }
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

/**
 * The first unit (in the suggestions' order) whose on-air figures would tell how its raters
 * rated (fewer than FEW_BALLOTS deputies rated its suggestions, or all who did gave every one
 * of them the same rating), with the others that would as well.
 */
function unitRisk(suggestions: readonly { subjectId: string; units: readonly string[] }[], ballots: readonly Ballot[]): DisclosureRisk | null {
  const unitsOf = new Map(suggestions.map((g) => [g.subjectId, [...new Set(g.units)]]));
  const order = [...new Set(suggestions.flatMap((g) => g.units))];
  const raters = new Map<string, number>();
  const values = new Map<string, Set<string>>();
  for (const b of ballots) {
    if (b.content.kind !== 'rating') continue;
    const rated = new Set<string>();
    for (const [subjectId, v] of Object.entries(b.content.ratings)) {
      for (const u of unitsOf.get(subjectId) ?? []) {
        rated.add(u);
        values.set(u, (values.get(u) ?? new Set()).add(String(v)));
      }
    }
    for (const u of rated) raters.set(u, (raters.get(u) ?? 0) + 1);
  }
  const risks = order.flatMap((unit): DisclosureRisk[] => {
    const n = raters.get(unit) ?? 0;
    if (n > 0 && n < FEW_BALLOTS) return [{ code: 'UNIT_FEW_RATERS', cast: n, unit }];
    if (n > 0 && (values.get(unit)?.size ?? 0) === 1) return [{ code: 'UNIT_UNANIMOUS', cast: n, unit }];
    return [];
  });
  const [first, ...rest] = risks;
  if (!first) return null;
  return rest.length > 0 ? { ...first, alsoUnits: rest.map((r) => r.unit ?? '') } : first;
}
