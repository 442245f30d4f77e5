// The year's cases, overdue first (U8): an overdue row is red and says which deadline it missed.
import { useTranslation } from 'react-i18next';
import type { CaseRow } from './api.js';

/** The deadline the case is working towards now. */
export function nextDue(c: CaseRow): string | null {
  if (c.closedOn !== null || c.completedOn !== null) return null;
  return c.notice === null ? c.due.notice : c.plan === null ? c.due.plan : c.due.completion;
}

export function CaseList({ cases, selected, onSelect }: { cases: readonly CaseRow[]; selected: string | null; onSelect: (id: string) => void }) {
  const { t } = useTranslation(['supervision', 'common']);
  if (cases.length === 0) return <p className="panel__hint">{t('empty')}</p>;
  return (
    <table className="sv-list" data-testid="sv-list">
      <thead>
        <tr>
          <th>{t('list.id')}</th>
          <th>{t('list.department')}</th>
          <th>{t('list.status')}</th>
          <th>{t('list.next')}</th>
          <th>{t('list.lead')}</th>
        </tr>
      </thead>
      <tbody>
        {cases.map((c) => (
          <tr
            key={c.id}
            className={`sv-row sv-row--${c.status}${c.id === selected ? ' is-selected' : ''}`}
            onClick={() => onSelect(c.id)}
            data-testid="sv-row"
            data-case={c.id}
            data-status={c.status}
          >
            <td>{c.id}</td>
            <td>
              <button type="button" className="btn--link sv-row__name" onClick={() => onSelect(c.id)}>
                {c.details.department}
              </button>
              {c.source.kind === 'suggestion' ? (
                <span className="sv-tag" data-testid="sv-again">
                  {t('suggestion.again', { number: c.source.number })}
                </span>
              ) : null}
            </td>
            <td>
              <span className={`sv-badge sv-badge--${c.status}`}>{t(`status.${c.status}`)}</span>
              {c.missed ? <span className="sv-missed">{t(`missed.${c.missed}`)}</span> : null}
            </td>
            <td>{nextDue(c) ?? '—'}</td>
            <td>{c.details.lead || '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
