// Decisions for the big screen's commands: cut to a scene, cue the next one, take it, and
// switch the live data feed. Pure like decide.ts, which delegates these command types here.
import type { MeetingEvent } from './events.js';
import type { Command, ErrorCode } from './protocol.js';
import { err, ok, type Result } from './result.js';
import { ITEM_SCENES, sameScene, type Scene } from './scene.js';
import { itemById, type MeetingState } from './state.js';
import { assertNever } from './never.js';

export type SceneCommand = Extract<Command, { type: 'setScene' | 'cueScene' | 'take' | 'setFeed' }>;

/** Is this scene one the meeting can show? The item must exist and fit the scene. */
export function checkScene(s: MeetingState, scene: Scene): Result<null, ErrorCode> {
  if (scene.kind === 'message' && scene.text === undefined) return err('BAD_REQUEST');
  if (scene.itemId === undefined) return ok(null);
  if (!ITEM_SCENES.includes(scene.kind)) return err('BAD_REQUEST');
  const item = itemById(s, scene.itemId);
  if (!item) return err('NOT_FOUND');
  if (scene.kind === 'notice' && item.kind !== 'projects') return err('WRONG_KIND');
  if (scene.kind === 'review' && (item.kind !== 'rating' || !item.reviews?.length)) return err('WRONG_KIND'); // U15
  return ok(null);
}

/**
 * The events that put `scene` on the screens: an item scene for another item shows that item
 * first (refused while a vote on another item is open, as showItem is).
 */
function cut(s: MeetingState, scene: Scene, now: number): Result<MeetingEvent[], ErrorCode> {
  const valid = checkScene(s, scene);
  if (!valid.ok) return valid;
  const events: MeetingEvent[] = [];
  if (scene.itemId !== undefined && scene.itemId !== s.currentItemId) {
    const active = s.activeRoundId ? s.rounds.get(s.activeRoundId) : undefined;
    if (active && active.itemId !== scene.itemId) return err('ROUND_ACTIVE');
    events.push({ t: 'item.shown', at: now, itemId: scene.itemId });
  }
  if (events.length === 0 && sameScene(s.scene, scene)) return ok([]);
  events.push({ t: 'scene.set', at: now, scene });
  return ok(events);
}

export function decideScene(s: MeetingState, c: SceneCommand, now: number): Result<MeetingEvent[], ErrorCode> {
  switch (c.type) {
    case 'setScene':
      return cut(s, c.scene, now);
    case 'cueScene': {
      if (c.scene !== null) {
        const valid = checkScene(s, c.scene);
        if (!valid.ok) return valid;
      }
      return ok(sameScene(s.cued, c.scene) ? [] : [{ t: 'scene.cued', at: now, scene: c.scene }]);
    }
    case 'take': {
      if (s.cued === null) return err('NOT_FOUND');
      const events = cut(s, s.cued, now);
      if (!events.ok) return events;
      return ok([...events.value, { t: 'scene.cued', at: now, scene: null }]);
    }
    case 'setFeed':
      return ok(s.feedEnabled === c.enabled ? [] : [{ t: 'feed.enabled', at: now, enabled: c.enabled }]);
    default: {
      return assertNever(c, 'scene command');
    }
  }
}
