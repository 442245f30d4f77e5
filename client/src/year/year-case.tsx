// One published rectification case on the public page: the department, where it stands, the
// rating that opened it, what was promised, and its steps with their dates (U42's fields only).
import { useYearT } from '../i18n/year.js';
import type { PublicCase } from './api.js';

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

function Step({ label, date, note, done, late }: { label: string; date: string | null; note?: string; done: boolean; late?: boolean }) {
  const { t } = useYearT();
  return (
    <li className={`yr-step${done ? ' is-done' : ''}${late ? ' is-late' : ''}`}>
      <span className="yr-step__label">{label}</span>
      <span className="yr-step__date">
        {date ?? t('public.notYet')}
        {note ? <span className="yr-step__note">{note}</span> : null}
      </span>
    </li>
  );
}

export function YearCase({ c }: { c: PublicCase }) {
  const { t } = useYearT('supervision');
  const progress = c.lastProgressOn ? t('public.steps.progressLast', { count: c.progressReports, date: c.lastProgressOn }) : t('public.steps.progress', { count: c.progressReports });
  return (
    <article className={`yr-card yr-case yr-case--${c.status}`} data-testid="yr-case" data-case={c.id}>
      <header className="yr-card__head">
        <h3 className="yr-card__title">{c.department}</h3>
        <span className={`yr-badge yr-badge--${c.status}`} data-testid="yr-case-status">
          {t(`supervision:status.${c.status}`)}
        </span>
      </header>
      {c.missed ? <p className="yr-alert">{t(`supervision:missed.${c.missed}`)}</p> : null}
      <p className="yr-meta">
        {c.rating
          ? t('public.rating', { meeting: c.rating.meetingTitle, item: c.rating.itemTitle, rate: pct(c.rating.satisfactionRate), score: c.rating.score?.toFixed(2) ?? '—' })
          : t('public.staffSource')}
      </p>
      {c.lead ? <p className="yr-meta">{t('public.lead', { lead: c.lead })}</p> : null}
      {c.commitments.length > 0 ? (
        <>
          <h4 className="yr-card__sub">{t('public.commitments')}</h4>
          <ol className="yr-commitments">
            {c.commitments.map((x, i) => (
              <li key={i}>{x}</li>
            ))}
          </ol>
        </>
      ) : null}
      <ol className="yr-steps">
        <Step label={t('public.steps.opened')} date={c.openedOn} done />
        <Step label={t('public.steps.notice')} date={c.notice?.on ?? null} {...(c.notice ? { note: c.notice.number } : {})} done={c.notice !== null} late={c.missed === 'notice'} />
        <Step label={t('public.steps.plan')} date={c.planOn} done={c.planOn !== null} late={c.missed === 'plan'} />
        <li className={`yr-step${c.progressReports > 0 ? ' is-done' : ''}`}>
          <span className="yr-step__label">{progress}</span>
        </li>
        <Step label={t('public.steps.due')} date={c.completionDue} done={false} late={c.missed === 'completion'} />
        {c.completedOn ? <Step label={t('public.steps.completed')} date={c.completedOn} done /> : null}
        {c.closedOn ? <Step label={t('public.steps.closed')} date={c.closedOn} done /> : null}
      </ol>
    </article>
  );
}
