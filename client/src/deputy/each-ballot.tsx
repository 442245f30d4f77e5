// 逐项表决 on a phone: 赞成 / 反对 / 弃权 for every project, a sticky 已表决 n / N counter, and
// a confirmation step. Submitting needs a mark on every project (an incomplete ballot is
// refused, INCOMPLETE), so the button waits until the last one is marked.
import { z } from 'zod';
import { MotionChoice, type BallotContent, type Project } from '../../../shared/model.js';
import { useVotesT } from '../i18n/votes.js';
import { ConfirmActions } from './ballot-shell.js';
import { useDraft } from './drafts.js';
import { CHOICES } from './vote-panel.js';

interface Props {
  projects: readonly Project[];
  onSubmit: (content: BallotContent) => void;
}

export function EachBallot({ projects, onSubmit }: Props) {
  const { t } = useVotesT();
  const [marks, setMarks] = useDraft<Readonly<Record<string, MotionChoice>>>('marks', z.record(z.string(), MotionChoice), {});
  const [confirming, setConfirming] = useDraft('confirming', z.boolean(), false);
  const done = Object.keys(shown(projects, marks)).length;
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
        <ConfirmActions onConfirm={() => onSubmit({ kind: 'each', choices: shown(projects, marks) })} onChange={() => setConfirming(false)} />
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

/** The marks of this round's projects only: a draft may hold one for a project no longer listed. */
function shown(projects: readonly Project[], marks: Readonly<Record<string, MotionChoice>>): Record<string, MotionChoice> {
  const out: Record<string, MotionChoice> = {};
  for (const p of projects) {
    const c = marks[p.id];
    if (c) out[p.id] = c;
  }
  return out;
}
