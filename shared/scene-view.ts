// What the scenes need besides the rest of the ScreenView: the agenda overview, and the state
// a cued scene would produce (the console previews it with the very same screen view).
import type { AgendaItem } from './model.js';
import { ITEM_SCENES, type Scene } from './scene.js';
import { roundsOf, type MeetingState } from './state.js';

export type AgendaEntryState = 'pending' | 'current' | 'voting' | 'decided';

/** One line of the agenda overview scene. */
export interface AgendaEntry {
  id: string;
  kind: AgendaItem['kind'];
  title: string;
  state: AgendaEntryState;
}

export function agendaEntries(s: MeetingState): AgendaEntry[] {
  return s.agenda.map((item) => {
    const rounds = roundsOf(s, item.id).filter((r) => r.status !== 'voided');
    const last = rounds[rounds.length - 1];
    const state: AgendaEntryState =
      last && (last.status === 'open' || last.status === 'paused')
        ? 'voting'
        : last
          ? 'decided'
          : s.currentItemId === item.id
            ? 'current'
            : 'pending';
    return { id: item.id, kind: item.kind, title: item.title, state };
  });
}

/**
 * The state as it would be right after cutting to `scene`: its item becomes the current one
 * (as the take would do), nothing else changes. Used only to render previews.
 */
export function stateWithScene(s: MeetingState, scene: Scene): MeetingState {
  const itemId = scene.itemId !== undefined && ITEM_SCENES.includes(scene.kind) ? scene.itemId : s.currentItemId;
  return { ...s, scene, currentItemId: s.activeRoundId ? s.currentItemId : itemId };
}
