// Who is asked to vote on an item: the whole roster, or for a suggestions rating only the deputies
// who proposed the suggestions (R15). The console's counts of who has voted and who has not
// follow it, as the screen's and the result's base do.
import type { AgendaItem } from '../../../shared/model.js';
import { isSuggestionItem, proposersOf } from '../../../shared/suggestions/rules.js';
import type { ConsoleView } from '../../../shared/views.js';

export function askedOf(item: AgendaItem | undefined | null): (deputyId: string) => boolean {
  if (!isSuggestionItem(item)) return () => true;
  const proposers = proposersOf(item);
  return (id) => proposers.has(id);
}

/** Checked-in deputies asked to vote on the item. */
export function presentAsked(view: Pick<ConsoleView, 'turnout' | 'roster'>, item: AgendaItem | undefined | null): number {
  if (!isSuggestionItem(item)) return view.turnout.present;
  const asked = askedOf(item);
  return view.roster.filter((d) => d.present && asked(d.id)).length;
}
