// Scene kind -> component. Adding a scene kind is one entry in shared/scene.ts SCENE_KINDS and
// one line here (TypeScript refuses a kind without a component).
import type { ComponentType } from 'react';
import type { SceneKind } from '../../../shared/scene.js';
import type { SceneProps } from './scene-props.js';
import { AgendaScene } from './scenes/agenda-scene.js';
import { CheckinScene } from './scenes/checkin-scene.js';
import { IntroScene } from './scenes/intro-scene.js';
import { MessageScene } from './scenes/message-scene.js';
import { NoticeScene } from './scenes/notice-scene.js';
import { RankingScene } from './scenes/ranking-scene.js';
import { ResultScene } from './scenes/result-scene.js';
import { TitleScene } from './scenes/title-scene.js';
import { VotingScene } from './scenes/voting-scene.js';
import { SegmentScene } from './scenes/segment-scene.js';
import { NamedScene } from './scenes/named-scene.js';
import { ReviewScene } from './scenes/review-scene.js';

export const SCENES: Record<SceneKind, ComponentType<SceneProps>> = {
  title: TitleScene,
  agenda: AgendaScene,
  intro: IntroScene,
  checkin: CheckinScene,
  voting: VotingScene,
  result: ResultScene,
  ranking: RankingScene,
  notice: NoticeScene,
  message: MessageScene,
  segment: SegmentScene,
  named: NamedScene,
  review: ReviewScene,
};

/** A scene kind this client does not know (a newer server) shows the title rather than nothing. */
export function sceneComponent(kind: string): ComponentType<SceneProps> {
  return (SCENES as Record<string, ComponentType<SceneProps>>)[kind] ?? TitleScene;
}
