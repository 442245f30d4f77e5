// The questioning's lower third for the TV programme, driven by the rundown:
// "提问：王某某 代表" while a deputy asks, "回答：李某某 市住建局局长" while the head answers,
// with the topic and the speaking clock. Nothing during the evidence (it fills the picture).
import { useTranslation } from 'react-i18next';
import type { ScreenView } from '../../../shared/views.js';
import { SpeakingClock } from '../segments/speaking-clock.js';
import '../styles/segments.css';
import '../styles/segment-lower-third.css';

export function SegmentLowerThird({ view, offset }: { view: ScreenView; offset: number }) {
  const { t } = useTranslation('segments');
  const seg = view.segment;
  if (!seg || view.scene.kind !== 'segment') return null;
  const q = seg.item.questions[seg.questionIndex];
  const { person, department } = seg.item;
  let line: string;
  let sub: string;
  switch (seg.phase) {
    case 'intro':
      line = t('lower.answer', { name: person.name, title: person.title });
      sub = `${t('kind')} · ${department}`;
      break;
    case 'question':
      line = t('lower.ask', { name: q?.asker ?? '' });
      sub = `${department} · ${q?.topic ?? ''}`;
      break;
    case 'answer':
      line = t('lower.answer', { name: person.name, title: person.title });
      sub = `${department} · ${q?.topic ?? ''}`;
      break;
    default:
      return null;
  }
  return (
    <div className="seg-lower" data-testid="segment-lower-third" data-phase={seg.phase}>
      <div className="seg-lower__body">
        <span className="seg-lower__line" data-testid="segment-lower-line">
          {line}
        </span>
        <span className="seg-lower__sub">{sub}</span>
      </div>
      {seg.timer && seg.phase !== 'intro' && <SpeakingClock timer={seg.timer} offset={offset} size={72} className="seg-lower__clock" testId="overlay-clock" />}
    </div>
  );
}
