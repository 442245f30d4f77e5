// 会议标题: the emblem area, the meeting's name and date, and the attendance in a quiet strip.
import { useTranslation } from 'react-i18next';
import { FitText } from '../fit-text.js';
import type { SceneProps } from '../scene-props.js';
import { TurnoutStrip } from './turnout-strip.js';

export function TitleScene({ view }: SceneProps) {
  const { t } = useTranslation('scenes');
  return (
    <section className="scene scene--title" data-testid="scene-title">
      <div className="emblem" role="img" aria-label={t('title.emblem')}>
        <svg viewBox="0 0 200 200" width="200" height="200" aria-hidden="true">
          <circle cx="100" cy="100" r="94" fill="none" stroke="currentColor" strokeWidth="6" />
          <circle cx="100" cy="100" r="80" fill="none" stroke="currentColor" strokeWidth="2" />
          <path d="M100 42 L113.5 83.5 L157 83.5 L121.8 109 L135.3 150.5 L100 125 L64.7 150.5 L78.2 109 L43 83.5 L86.5 83.5 Z" fill="currentColor" />
        </svg>
      </div>
      <FitText as="h1" className="scene-title__name" text={view.meeting.title} size={96} lines={2} testId="scene-title-name" />
      <p className="scene-title__date">{view.meeting.date}</p>
      <TurnoutStrip turnout={view.turnout} />
    </section>
  );
}
