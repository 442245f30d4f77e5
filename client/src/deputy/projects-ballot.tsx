// 差额选择 on a phone: a scrollable list of candidate projects with large tick boxes, a sticky
// 已选 n / N counter, and a confirmation step listing the ticked projects. Once N are ticked
// the others cannot be ticked: the UI cannot produce an invalid ballot (the server refuses
// one anyway, TOO_MANY_PICKS).
import { useState } from 'react';
import type { BallotContent, Project } from '../../../shared/model.js';
import { useVotesT } from '../i18n/votes.js';

interface Props {
  projects: readonly Project[];
  /** N, or a run-off's seats. */
  max: number;
  runoff: boolean;
  onSubmit: (content: BallotContent) => void;
}

export function ProjectsBallot({ projects, max, runoff, onSubmit }: Props) {
  const { t } = useVotesT();
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const full = picked.size >= max;
  // Agenda order, whatever order they were ticked in.
  const picks = projects.filter((p) => picked.has(p.id));

  const toggle = (id: string) =>
    setPicked((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else if (next.size < max) next.add(id);
      return next;
    });

  if (confirming) {
    return (
      <section className="ballot-confirm" data-testid="projects-confirm">
        <h2 className="ballot-confirm__title">{t('votes:projects.confirmTitle')}</h2>
        {picks.length === 0 ? (
          <p className="ballot-confirm__note">{t('votes:projects.confirmNone')}</p>
        ) : (
          <>
            <p className="ballot-confirm__note">{t('votes:projects.confirmSelect', { count: picks.length })}</p>
            <ol className="ballot-confirm__list" data-testid="confirm-picks">
              {picks.map((p) => (
                <li key={p.id}>{p.name}</li>
              ))}
            </ol>
            {picks.length < max && <p className="ballot-confirm__hint">{t('votes:projects.confirmFewer', { n: max })}</p>}
          </>
        )}
        <button type="button" className="big-button big-button--primary" data-testid="confirm-submit" onClick={() => onSubmit({ kind: 'select', picks: picks.map((p) => p.id) })}>
          {t('deputy:confirm')}
        </button>
        <button type="button" className="text-button" data-testid="confirm-change" onClick={() => setConfirming(false)}>
          {t('deputy:change')}
        </button>
      </section>
    );
  }

  return (
    <section className="ballot" data-testid="projects-ballot">
      <p className="ballot__hint">{t(runoff ? 'votes:projects.hintRunoff' : 'votes:projects.hintSelect', { n: max })}</p>
      <ul className="pick-list">
        {projects.map((p) => {
          const on = picked.has(p.id);
          const disabled = !on && full;
          return (
            <li key={p.id}>
              <label className={`pick ${on ? 'is-on' : ''} ${disabled ? 'is-disabled' : ''}`} data-testid={`pick-${p.id}`}>
                <input type="checkbox" className="pick__box" checked={on} disabled={disabled} onChange={() => toggle(p.id)} />
                <span className="pick__text">
                  <span className="pick__name">{p.name}</span>
                  <span className="pick__meta">
                    {[p.department, p.budget && t('votes:projects.budget', { budget: p.budget }), p.deadline && t('votes:projects.deadline', { deadline: p.deadline })]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                </span>
              </label>
            </li>
          );
        })}
      </ul>
      <div className="ballot-bar" data-testid="ballot-bar">
        <div className="ballot-bar__count">
          <span className={`ballot-bar__n ${full ? 'is-full' : ''}`} data-testid="pick-counter">
            {t('votes:projects.counter', { count: picked.size, n: max })}
          </span>
          {full && <span className="ballot-bar__full">{t('votes:projects.full', { n: max })}</span>}
        </div>
        <button type="button" className="big-button big-button--primary ballot-bar__go" data-testid="ballot-next" onClick={() => setConfirming(true)}>
          {t('votes:projects.next')}
        </button>
      </div>
    </section>
  );
}
