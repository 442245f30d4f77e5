// 电视问政 on the big screen: one scene whose body follows the rundown's phase — the segment's
// introduction, the undercover evidence, a question or its answer against the clock, and the
// close. The rating that follows is an ordinary vote and has the voting and result scenes.
import { useTranslation } from 'react-i18next';
import type { SegmentView } from '../../../../shared/segment-view.js';
import { durationText } from '../../segments/clock.js';
import { FitText } from '../fit-text.js';
import type { SceneProps } from '../scene-props.js';
import { SegmentEvidence } from './segment-evidence.js';
import { SegmentSpeaker } from './segment-speaker.js';
import '../../styles/segments.css';
import { assertNever } from '../../../../shared/never.js';

export function SegmentScene({ view, offset }: SceneProps) {
  const { t } = useTranslation(['segments', 'screen']);
  const seg = view.segment;
  if (!seg) {
    return (
      <section className="scene" data-testid="scene-segment">
        <p className="scene__empty">{t('screen:waiting')}</p>
      </section>
    );
  }
  return (
    <section className={`scene scene--segment is-${seg.phase}`} data-testid="scene-segment" data-phase={seg.phase}>
      <SegmentBody seg={seg} offset={offset} />
    </section>
  );
}

function SegmentBody({ seg, offset }: { seg: SegmentView; offset: number }) {
  switch (seg.phase) {
    case 'intro':
      return <SegmentIntro seg={seg} />;
    case 'evidence':
      return <SegmentEvidence seg={seg} offset={offset} />;
    case 'question':
    case 'answer':
      return <SegmentSpeaker seg={seg} offset={offset} />;
    case 'rating':
    case 'done':
      return <SegmentDone seg={seg} />;
    default: {
      return assertNever(seg.phase, 'phase');
    }
  }
}

/** The department takes the stand: who answers, and the questions to come. */
function SegmentIntro({ seg }: { seg: SegmentView }) {
  const { t } = useTranslation('segments');
  const { item } = seg;
  return (
    <div className="seg-intro">
      <p className="seg-kicker">{t('kind')}</p>
      <FitText as="h2" className="seg-intro__dept" text={item.department} size={128} lines={2} testId="segment-department" />
      <p className="seg-intro__person" data-testid="segment-person">
        <span className="seg-intro__label">{t('intro.answering')}</span>
        <span className="seg-intro__name">{item.person.name}</span>
        <span className="seg-intro__title">{item.person.title}</span>
      </p>
      <h3 className="seg-intro__list-head">{t('intro.questions')}</h3>
      <ol className="seg-intro__list">
        {item.questions.map((q, i) => (
          <li key={q.id} className="seg-intro__q">
            <span className="seg-intro__no">{i + 1}</span>
            <FitText className="seg-intro__topic" text={q.topic} size={46} lines={2} />
            <span className="seg-intro__asker">{t('asker', { name: q.asker })}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}

const usedText = (ms: number | null | undefined) => (ms == null ? '—' : durationText(ms));

/** The segment is over (or being rated): each question with the time its question and answer took. */
function SegmentDone({ seg }: { seg: SegmentView }) {
  const { t } = useTranslation('segments');
  const { item } = seg;
  return (
    <div className="seg-intro seg-done" data-testid="segment-done">
      <p className="seg-kicker">{item.department}</p>
      <h2 className="seg-done__title">{t('done.title')}</h2>
      <ol className="seg-intro__list">
        {item.questions.map((q, i) => (
          <li key={q.id} className="seg-intro__q">
            <span className="seg-intro__no">{i + 1}</span>
            <FitText className="seg-intro__topic" text={q.topic} size={46} lines={2} />
            <span className="seg-intro__asker">{t('asker', { name: q.asker })}</span>
            <span className="seg-intro__allowed">{usedText(seg.used[i]?.question)} + {usedText(seg.used[i]?.answer)}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
