// Every step of a segment as a button, in rundown order, the current one marked: the director
// can jump anywhere (back to a question, straight to the rating) in one click.
import { useTranslation } from 'react-i18next';
import type { SegmentItem } from '../../../shared/model.js';
import type { SegmentPhase } from '../../../shared/rundown.js';

export interface Step {
  questionIndex: number;
  phase: SegmentPhase;
}

interface Props {
  item: SegmentItem;
  cur: Step | null;
  hasRating: boolean;
  busy: boolean;
  go: (s: Step) => void;
}

export function RundownSteps({ item, cur, hasRating, busy, go }: Props) {
  const { t } = useTranslation('segments');
  const last = item.questions.length - 1;
  const button = (s: Step, label: string) => {
    const on = cur !== null && cur.questionIndex === s.questionIndex && cur.phase === s.phase;
    return (
      <button
        key={`${s.questionIndex}-${s.phase}`}
        type="button"
        className={`btn btn--small rundown__step ${on ? 'is-on' : ''}`}
        aria-current={on ? 'step' : undefined}
        disabled={busy}
        onClick={() => go(s)}
        data-testid={`rundown-step-${s.questionIndex}-${s.phase}`}
      >
        {label}
      </button>
    );
  };
  return (
    <ol className="rundown__steps">
      <li className="rundown__row">{button({ questionIndex: 0, phase: 'intro' }, t('phase.intro'))}</li>
      {item.questions.map((q, i) => (
        <li key={q.id} className={`rundown__row ${cur?.questionIndex === i && cur.phase !== 'intro' ? 'is-current' : ''}`}>
          <span className="rundown__q">
            {i + 1}. {q.asker} · {q.topic}
            {q.evidence && <span className="rundown__ev">{t(`console.evidence.${q.evidence.type}`)}</span>}
          </span>
          <span className="btn-row">
            {q.evidence && button({ questionIndex: i, phase: 'evidence' }, t('phase.evidence'))}
            {button({ questionIndex: i, phase: 'question' }, t('phase.question'))}
            {button({ questionIndex: i, phase: 'answer' }, t('phase.answer'))}
          </span>
        </li>
      ))}
      <li className="rundown__row">
        {hasRating && button({ questionIndex: last, phase: 'rating' }, t('phase.rating'))}
        {button({ questionIndex: last, phase: 'done' }, t('phase.done'))}
      </li>
    </ol>
  );
}
