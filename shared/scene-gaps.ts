// What a scene would show, read off the screen view it would air with: a scene with nothing
// to show (an empty 公告, a result not yet revealed, no current item) is a gap the console
// warns about before it goes on air. Pure: the console asks it of the cued scene's view (what
// take would air) and, for a direct cut, of the live view with that scene put in.
import type { SceneKind } from './scene.js';
import { ITEM_SCENES } from './scene.js';
import type { ScreenView } from './views.js';
import { assertNever } from './never.js';

export type SceneGap = 'noItem' | 'noRound' | 'notRevealed' | 'noticeEmpty' | 'noRanking' | 'noSegment' | 'noNamed';

type GapView = Pick<ScreenView, 'scene' | 'item' | 'round' | 'result' | 'outcome' | 'ranking' | 'segment' | 'named'>;

/** Why this view's scene would air empty, or null when it has something to show. */
export function sceneGap(v: GapView): SceneGap | null {
  const kind: SceneKind = v.scene.kind;
  if (ITEM_SCENES.includes(kind) && v.item === null) return 'noItem';
  const shown = v.outcome ?? v.result;
  switch (kind) {
    case 'voting':
      return v.round === null ? 'noRound' : null;
    case 'result':
    case 'review':
      if (v.round === null) return 'noRound';
      return shown == null ? 'notRevealed' : null;
    case 'notice':
      return v.item?.kind === 'projects' && shown?.kind === 'projects' && shown.adopted.length > 0 ? null : 'noticeEmpty';
    case 'named':
      if (v.round === null) return 'noRound';
      // The named list is in the view only of the named scene itself (null until it may be shown).
      return v.named === undefined || (v.named !== null && v.named.length > 0) ? null : 'noNamed';
    case 'ranking':
      return (v.ranking ?? []).length > 0 ? null : 'noRanking';
    case 'segment':
      return v.segment ? null : 'noSegment';
    case 'title':
    case 'agenda':
    case 'intro':
    case 'checkin':
    case 'message':
      return null;
    default:
      return assertNever(kind, 'scene kind');
  }
}
