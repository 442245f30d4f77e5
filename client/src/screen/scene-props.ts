// What every scene component receives. A scene renders the whole body of the 1920x1080 stage
// below the header band, from the screen view alone (the console preview renders the same).
import type { ScreenView } from '../../../shared/views.js';

export interface SceneProps {
  view: ScreenView;
  /** serverNow - Date.now(), for countdowns. */
  offset: number;
  /** Play the entrance build (the scene was cut to live); false: show the final state at once. */
  animate: boolean;
}
