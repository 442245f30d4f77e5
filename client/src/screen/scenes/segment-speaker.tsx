// A question or its answer on the big screen: who speaks (name, title, department), the
// question, and the countdown large on the right, in the warning colour for the last 30 s.
import { useTranslation } from 'react-i18next';
import type { SegmentView } from '../../../../shared/segment-view.js';
import { SpeakingClock } from '../../segments/speaking-clock.js';
import { FitText } from '../fit-text.js';

export function SegmentSpeaker({ seg, offset }: { seg: SegmentView; offset: number }) {
  const { t } = useTranslation('segments');
  const { item, questionIndex, phase } = seg;
  const q = item.questions[questionIndex];
  if (!q) return null;
  const asking = phase === 'question';
  return (
    <div className="seg-speaker">
      <div className="seg-speaker__main">
        <p className="seg-kicker">
          <span data-testid="segment-question-no">{t('questionOf', { n: questionIndex + 1, total: item.questions.length })}</span>
          <span className="seg-kicker__dept">{item.department}</span>
        </p>
        <div className={`seg-who ${asking ? 'is-ask' : 'is-answer'}`} data-testid="segment-speaker">
          <span className="seg-who__role">{asking ? t('askLabel') : t('answerLabel')}</span>
          <span className="seg-who__name">{asking ? t('asker', { name: q.asker }) : item.person.name}</span>
          {!asking && <span className="seg-who__title">{item.person.title}</span>}
        </div>
        <FitText as="h2" className="seg-speaker__topic" text={q.topic} size={64} lines={2} testId="segment-topic" />
        {q.text && <FitText as="p" className="seg-speaker__text" text={q.text} size={50} lines={6} min={0.6} testId="segment-question-text" />}
      </div>
      <aside className="seg-speaker__side">
        {seg.timer ? <SpeakingClock timer={seg.timer} offset={offset} size={230} className="seg-speaker__clock" testId="screen-clock" /> : null}
        <div className="seg-speaker__other">
          <span className="seg-speaker__other-role">{asking ? t('answerLabel') : t('askLabel')}</span>
          <span className="seg-speaker__other-name">{asking ? item.person.name : t('asker', { name: q.asker })}</span>
          {asking && <span className="seg-speaker__other-title">{item.person.title}</span>}
        </div>
      </aside>
    </div>
  );
}
