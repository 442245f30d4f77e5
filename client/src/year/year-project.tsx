// One published livelihood project on the public page: its department, status and a progress
// bar, with the budget and the money spent where known.
import { useYearT } from '../i18n/year.js';
import type { YearProject } from './api.js';

/** Yuan in 万元, as the committee's papers give money: 32000000 → "3200". */
const wan = (yuan: number) => String(Math.round(yuan / 100) / 100);

export function YearProjectCard({ p }: { p: YearProject }) {
  const { t } = useYearT();
  const percent = Math.max(0, Math.min(100, Math.round(p.percent)));
  return (
    <article className={`yr-card yr-project yr-project--${p.status}`} data-testid="yr-project" data-project={p.id}>
      <header className="yr-card__head">
        <h3 className="yr-card__title">{p.name}</h3>
        <span className={`yr-badge yr-badge--${p.status}`}>{t(`projectStatus.${p.status}`)}</span>
      </header>
      <p className="yr-meta">{[p.department, p.lead].filter(Boolean).join(' · ')}</p>
      <div className="yr-bar" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-label={t('public.progress', { percent })}>
        <span className="yr-bar__fill" style={{ width: `${percent}%` }} />
      </div>
      <p className="yr-meta yr-meta--row">
        <strong>{t('public.progress', { percent })}</strong>
        {p.budgetYuan !== null ? <span>{t('public.budget', { budget: wan(p.budgetYuan) })}</span> : null}
        {p.spentYuan !== null ? <span>{t('public.spent', { spent: wan(p.spentYuan) })}</span> : null}
        {p.due ? <span>{t('public.projectDue', { date: p.due })}</span> : null}
      </p>
    </article>
  );
}
