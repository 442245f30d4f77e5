// How the screen's scene follows the meeting, as a pure step after each event in reduce().
// Defaults a moderator would otherwise do by hand every time (documented in docs/SCREEN.md):
//   showing an item cuts to its intro (showing none cuts to the title),
//   starting a round (a vote, a re-vote or a run-off) cuts to voting,
//   revealing a result cuts to the result.
// A cued scene that names an item removed from the agenda is dropped; so is a live one's item.
import type { MeetingEvent } from './events.js';
import { TITLE_SCENE, type Scene } from './scene.js';
import type { AgendaItem } from './model.js';

/** The scene fields of the meeting state. */
export interface SceneState {
  /** What every screen shows now. */
  readonly scene: Scene;
  /** What the moderator prepared as the next scene (console preview; 'take' cuts to it). */
  readonly cued: Scene | null;
  /** The live data feed may be read without a login. */
  readonly feedEnabled: boolean;
}

export const initialSceneState: SceneState = { scene: TITLE_SCENE, cued: null, feedEnabled: false };

/** What followScene reads and writes of the meeting state (state.ts MeetingState), structurally: state.ts imports this file. */
type SceneFields = SceneState & { readonly agenda: readonly AgendaItem[] };

function withoutItem(scene: Scene, agenda: readonly AgendaItem[]): Scene {
  if (scene.itemId === undefined || agenda.some((it) => it.id === scene.itemId)) return scene;
  const { itemId: _gone, ...rest } = scene;
  return rest;
}

/** The scene part of reduce(): `s` has the event folded in already. */
export function followScene<S extends SceneFields>(s: S, e: MeetingEvent): S {
  switch (e.t) {
    case 'scene.set':
      return { ...s, scene: e.scene };
    case 'scene.cued':
      return { ...s, cued: e.scene };
    case 'feed.enabled':
      return { ...s, feedEnabled: e.enabled };
    case 'item.shown':
      return { ...s, scene: e.itemId === null ? TITLE_SCENE : { kind: 'intro' } };
    case 'round.started':
      return { ...s, scene: { kind: 'voting' } };
    case 'round.revealed':
      return { ...s, scene: { kind: 'result' } };
    case 'segment.cursor': // the rundown's own phases; its rating's vote and result cut as above
      return e.phase === 'rating' ? s : { ...s, scene: { kind: 'segment' } };
    case 'agenda.set':
      return { ...s, scene: withoutItem(s.scene, e.agenda), cued: s.cued && withoutItem(s.cued, e.agenda) };
    default:
      return s;
  }
}
