// 逐项表决 on a phone: 赞成 / 反对 / 弃权 for every project, a sticky 已表决 n / N counter, and
// a confirmation step. Submitting needs a mark on every project (an incomplete ballot is
// refused, INCOMPLETE), so the button waits until the last one is marked.
import { useState } from 'react';
import type { BallotContent, MotionChoice, Project } from '../../../shared/model.js';
import { useVotesT } from '../i18n/votes.js';
import { CHOICES } from './vote-panel.js';

interface Props {
  projects: readonly Project[];
  onSubmit: (content: BallotContent) => void;
}

export function EachBallot({ projects, onSubmit }: Props) {
  const { t } = useVotesT();
  const [marks, setMarks] = useState<Readonly<Record<string, MotionChoice>>>({});
  const [confirming, setConfirming] = useState(false);
  const done = projects.filter((p) => marks[p.id] !== undefined).length;
  const complete = done === projects.length;

  if (confirming) {
    return (
      <section className="ballot-confirm" data-testid="each-confirm">
        <h2 className="ballot-confirm__title">{t('votes:projects.confirmTitle')}</h2>
        <p className="ballot-confirm__note">{t('votes:projects.confirmEach', { count: projects.length })}</p>
        <ul className="ballot-confirm__pairs">
          {projects.map((p) => {
            const c = marks[p.id];
            return (
              <li key={p.id}>
                <span>{p.name}</span>
                {c && <strong className={`choice-text--${c}`}>{t(`common:choice.${c}`)}</strong>}
              </li>
            );
          })}
        </ul>
        <button type="button" className="big-button big-button--primary" data-testid="confirm-submit" onClick={() => onSubmit({ kind: 'each', choices: { ...marks } })}>
          {t('deputy:confirm')}
        </button>
        <button type="button" className="text-button" data-testid="confirm-change" onClick={() => setConfirming(false)}>
          {t('deputy:change')}
        </button>
      </section>
    );
  }

  return (
    <section className="ballot" data-testid="each-ballot">
      <p className="ballot__hint">{t('votes:projects.hintEach')}</p>
      <ul className="each-list">
        {projects.map((p) => (
          <li key={p.id} className="each-row" data-testid={`each-${p.id}`}>
            <p className="pick__name">{p.name}</p>
            <p className="pick__meta">{[p.department, p.budget].filter(Boolean).join(' · ')}</p>
            <div className="segmented" role="radiogroup" aria-label={p.name}>
              {CHOICES.map((c) => (
                <button
                  key={c}
                  type="button"
                  role="radio"
                  aria-checked={marks[p.id] === c}
                  className={`segmented__opt seg--${c} ${marks[p.id] === c ? 'is-on' : ''}`}
                  onClick={() => setMarks((m) => ({ ...m, [p.id]: c }))}
                >
                  {t(`common:choice.${c}`)}
                </button>
              ))}
            </div>
          </li>
        ))}
      </ul>
      <div className="ballot-bar">
        <span className="ballot-bar__n" data-testid="pick-counter">
          {t('votes:projects.counterEach', { count: done, n: projects.length })}
        </span>
        <button type="button" className="big-button big-button--primary ballot-bar__go" data-testid="ballot-next" disabled={!complete} onClick={() => setConfirming(true)}>
          {t('votes:projects.next')}
        </button>
      </div>
    </section>
  );
}
