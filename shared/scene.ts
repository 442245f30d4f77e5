// The big screen's scene: what the chamber and the TV programme see, chosen by the moderator
// and part of the meeting state (so every screen, a reloaded one too, shows the same thing).
// A scene kind is one entry in SCENE_KINDS; the client maps each kind to a component
// (client/src/screen/scene-map.ts), so adding a kind is one line on each side.
import { z } from 'zod';
import { Id } from './model.js';

export const SCENE_KINDS = [
  /** Meeting name, date, emblem area. The scene of a new meeting. */
  'title',
  /** Agenda overview with each item's state. */
  'agenda',
  /** The current item: subject, department heads for a rating, candidate count for projects. */
  'intro',
  /** 签到: 应到 / 实到 / 未到 and the quorum. */
  'checkin',
  /** Countdown, turnout and, per the item's visibility, live tallies. */
  'voting',
  /** The current item's final figures, built up in an animation. */
  'result',
  /** 排名 of the rated departments of the meeting. */
  'ranking',
  /** 公告 of the adopted projects. */
  'notice',
  /** 记名表决: after a named vote, every deputy's choice as a seat list coloured by choice. */
  'named',
  /** A free message, e.g. 休会 10 分钟. */
  'message',
  /** 电视问政: the segment the rundown is on — who asks, who answers, the timer, the evidence. */
  'segment',
  /** 回头看: a review rating's departments, 满意率 and score then and now (docs/SPEC.md U15). */
  'review',
] as const;

export const SceneKind = z.enum(SCENE_KINDS);

export const SCENE_TRANSITIONS = ['dissolve', 'wipe', 'cut'] as const;
export type SceneTransition = (typeof SCENE_TRANSITIONS)[number];
export type SceneKind = z.infer<typeof SceneKind>;

/** Scenes about one agenda item: their itemId makes that item the current one when shown. */
export const ITEM_SCENES: readonly SceneKind[] = ['intro', 'voting', 'result', 'notice', 'named', 'review'];

export const Scene = z.strictObject({
  kind: SceneKind,
  /** Item scenes: the item to show (it becomes the current item on take); default the current one. */
  itemId: Id.optional(),
  /** The message scene's text. */
  text: z.string().trim().min(1).max(200).optional(),
  /**
   * How the screens and the overlay go to this scene (B14): a short dissolve (the default), a
   * wipe, or a cut with nothing animated (no transition and no build). Not part of the scene's
   * identity (sameScene).
   */
  transition: z.enum(SCENE_TRANSITIONS).optional(),
});
export type Scene = z.infer<typeof Scene>;

export const TITLE_SCENE: Scene = { kind: 'title' };

export function sameScene(a: Scene | null, b: Scene | null): boolean {
  if (a === null || b === null) return a === b;
  return a.kind === b.kind && a.itemId === b.itemId && a.text === b.text;
}
