// 差额选择 on a phone: a scrollable list of candidate projects with large tick boxes, a sticky
// 已选 n / N counter, and a confirmation step listing the ticked projects. Once N are ticked
// the others cannot be ticked: the UI cannot produce an invalid ballot (the server refuses
// one anyway, TOO_MANY_PICKS).
import { z } from 'zod';
import type { BallotContent, Project } from '../../../shared/model.js';
import { useVotesT } from '../i18n/votes.js';
import { ConfirmActions } from './ballot-shell.js';
import { useDraft } from './drafts.js';

interface Props {
  projects: readonly Project[];
  /** N, or a run-off's seats. */
  max: number;
  runoff: boolean;
  onSubmit: (content: BallotContent) => void;
}

export function ProjectsBallot({ projects, max, runoff, onSubmit }: Props) {
  const { t } = useVotesT();
  // Kept as a list in the draft; only this round's candidates count, however many were stored.
  const [ticked, setTicked] = useDraft<string[]>('picks', z.array(z.string()), []);
  const [confirming, setConfirming] = useDraft('confirming', z.boolean(), false);
  // Agenda order, whatever order they were ticked in.
  const picks = projects.filter((p) => ticked.includes(p.id)).slice(0, max);
  const picked: ReadonlySet<string> = new Set(picks.map((p) => p.id));
  const full = picked.size >= max;

  const toggle = (id: string) =>
    setTicked((prev) => {
      if (prev.includes(id)) return prev.filter((x) => x !== id);
      return prev.filter((x) => projects.some((p) => p.id === x)).length < max ? [...prev, id] : prev;
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
        <ConfirmActions onConfirm={() => onSubmit({ kind: 'select', picks: picks.map((p) => p.id) })} onChange={() => setConfirming(false)} />
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
