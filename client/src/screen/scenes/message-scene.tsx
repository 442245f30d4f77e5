// A free message from the moderator (休会 10 分钟): centred, large, shrunk only if long.
import type { SceneProps } from '../scene-props.js';
import { FitText } from '../fit-text.js';

export function MessageScene({ view }: SceneProps) {
  return (
    <section className="scene scene--message" data-testid="scene-message">
      <div className="scene-message__rule" />
      <FitText as="p" className="scene-message__text" text={view.scene.text ?? ''} size={120} lines={3} min={0.4} testId="scene-message-text" />
      <div className="scene-message__rule" />
    </section>
  );
}
