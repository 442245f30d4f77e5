// Who may rate which suggestion, and what a deputy's phone is given: pure functions of a rating
// item with `suggestions` (SPEC R14..R15). decide.ts refuses a ballot naming a suggestion that
// is not the deputy's; views.ts hands each phone only that deputy's own.
import type { AgendaItem, BallotContent, RatingItem } from '../model.js';
import { err, ok, type Result } from '../result.js';
import { ratersOf } from './model.js';

/** A rating item of deputies' suggestions (代表建议办理满意度). */
export function isSuggestionItem(item: AgendaItem | undefined | null): item is RatingItem & { suggestions: NonNullable<RatingItem['suggestions']> } {
  return item?.kind === 'rating' && item.suggestions !== undefined && item.suggestions.length > 0;
}

/** The subjects a deputy may rate: the suggestions they led or joined (R14). */
export function ownSubjects(item: RatingItem, deputyId: string): Set<string> {
  return new Set((item.suggestions ?? []).filter((g) => ratersOf(g).includes(deputyId)).map((g) => g.subjectId));
}

/** Deputies named on at least one suggestion: the item's 应到 (R15). */
export function proposersOf(item: RatingItem): Set<string> {
  return new Set((item.suggestions ?? []).flatMap(ratersOf));
}

/**
 * [R14] A ballot on a suggestions item rates only the deputy's own suggestions. Checked where
 * the deputy is known (decideVote), after the ballot's own checks (R1, R2): a secret ballot is
 * stored without its deputy, so no tally could check it again.
 */
export function checkOwnSuggestions(item: AgendaItem, deputyId: string, content: BallotContent): Result<null, 'NOT_YOUR_SUGGESTION'> {
  if (!isSuggestionItem(item) || content.kind !== 'rating') return ok(null);
  const mine = ownSubjects(item, deputyId);
  return Object.keys(content.ratings).every((id) => mine.has(id)) ? ok(null) : err('NOT_YOUR_SUGGESTION');
}

/**
 * [R14] The item as one deputy's phone gets it: only the suggestions they may rate (possibly
 * none: the phone then says so). Other items pass unchanged.
 */
export function itemForDeputy<T extends AgendaItem>(item: T, deputyId: string): T {
  if (!isSuggestionItem(item)) return item;
  const mine = ownSubjects(item, deputyId);
  return { ...item, subjects: item.subjects.filter((x) => mine.has(x.id)), suggestions: item.suggestions.filter((g) => mine.has(g.subjectId)) };
}

/** Every subject is exactly one suggestion and every suggestion a subject (agenda check). */
export function suggestionsValid(item: RatingItem): boolean {
  if (item.suggestions === undefined) return true;
  const ids = item.suggestions.map((g) => g.subjectId);
  return new Set(ids).size === ids.length && ids.length === item.subjects.length && item.subjects.every((x) => ids.includes(x.id));
}
