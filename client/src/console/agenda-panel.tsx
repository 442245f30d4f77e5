// The agenda: every item with its state; selecting one shows it on the big screen (showItem)
// and makes it the item the vote controls act on.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../i18n/errors.js';
import { actLabel, kindLabel } from '../i18n/labels.js';
import type { PanelProps } from './panel.js';
import { latestRoundOf } from './rounds.js';

export function AgendaPanel({ view, send }: PanelProps) {
  const { t } = useTranslation(['console', 'common']);
  const [error, setError] = useState<string | null>(null);

  const show = (itemId: string) => {
    setError(null);
    void send({ type: 'showItem', itemId }).then((r) => {
      if (!r.ok) setError(errorText(t, r.error));
    });
  };

  return (
    <section className="panel agenda" data-testid="agenda-panel">
      <h2 className="panel__title">{t('console:agenda.title')}</h2>
      <ol className="agenda__list">
        {view.agenda.map((item, i) => {
          const r = latestRoundOf(view, item.id);
          const shown = view.currentItemId === item.id;
          const state =
            r && (r.status === 'open' || r.status === 'paused')
              ? t('console:agenda.voting', { act: actLabel(t, item.kind) })
              : r && r.status === 'closed'
                ? t('console:agenda.decided', { act: actLabel(t, item.kind) })
                : r
                  ? t(`common:round.${r.status}`)
                  : null;
          return (
            <li key={item.id}>
              <button
                type="button"
                className={`agenda__item ${shown ? 'is-current' : ''}`}
                onClick={() => show(item.id)}
                aria-pressed={shown}
                data-testid={`agenda-item-${item.id}`}
              >
                <span className="agenda__no">{i + 1}</span>
                <span className="agenda__text">
                  <span className="agenda__kind">{kindLabel(t, item.kind)}</span>
                  <span className="agenda__title">{item.title}</span>
                  <span className="agenda__state">
                    {shown && <em className="pill pill--screen">{t('console:agenda.shown')}</em>}
                    {state && <em className="pill">{state}</em>}
                  </span>
                </span>
              </button>
            </li>
          );
        })}
      </ol>
      {error && (
        <p className="panel__error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
