// Small lookups over the console view shared by several panels.
import type { AgendaItem } from '../../../shared/model.js';
import type { ConsoleRoundView, ConsoleView } from '../../../shared/views.js';

/** The countdown offered when starting a vote: the item's setting, if its kind has one. */
export function defaultCountdown(item: AgendaItem): number {
  return 'settings' in item && 'countdownSec' in item.settings ? item.settings.countdownSec : 0;
}

export function currentItem(view: ConsoleView): AgendaItem | null {
  return view.agenda.find((i) => i.id === view.currentItemId) ?? null;
}

/** The newest round of an item, whatever its status. */
export function latestRoundOf(view: ConsoleView, itemId: string): ConsoleRoundView | null {
  for (let i = view.rounds.length - 1; i >= 0; i--) {
    const r = view.rounds[i];
    if (r && r.itemId === itemId) return r;
  }
  return null;
}

/** The round the result panel follows: the active one, else the current item's newest. */
export function focusRound(view: ConsoleView): ConsoleRoundView | null {
  const active = view.rounds.find((r) => r.id === view.activeRoundId);
  if (active) return active;
  return view.currentItemId ? latestRoundOf(view, view.currentItemId) : null;
}
