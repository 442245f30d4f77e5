// A scaled copy of the big screen for the console: the same scene components over the same
// screen view, drawn at 1920x1080 and shrunk, so what the operator checks is what airs.
import type { ScreenView } from '../../../shared/views.js';
import { sceneComponent } from '../screen/scene-map.js';

const W = 1920;
const H = 1080;

export function ScenePreview({ view, offset, width, testId }: { view: ScreenView; offset: number; width: number; testId: string }) {
  const scale = width / W;
  const Scene = sceneComponent(view.scene.kind);
  return (
    <div className="scene-preview" style={{ width, height: H * scale }} data-testid={testId} data-scene={view.scene.kind}>
      <div className="scene-preview__stage" style={{ width: W, height: H, transform: `scale(${scale})` }} aria-hidden="true" inert>
        <div className="screen">
          <header className="screen__head">
            <h1 className="screen__meeting">{view.meeting.title}</h1>
            <span className="screen__date">{view.meeting.date}</span>
          </header>
          <div className="scene-stage">
            <div className="scene-layer">
              <Scene view={view} offset={offset} animate={false} />
            </div>
          </div>
        </div>
      </div>
    </div>
  );
}
