// The legend of the director's keyboard shortcuts, on the live console; the same keys are
// shown on the buttons they press (<kbd>). Keys come from shortcuts.ts, words from console.json.
import { useTranslation } from 'react-i18next';
import { SHORTCUTS } from './shortcuts.js';

export function ShortcutLegend() {
  const { t } = useTranslation('console');
  const rows: [string, string][] = [
    ['1 … 9, 0, -', t('shortcuts.cue')],
    [SHORTCUTS.take.toUpperCase(), t('shortcuts.take')],
    [SHORTCUTS.next.toUpperCase(), t('shortcuts.next')],
    [SHORTCUTS.timer.toUpperCase(), t('shortcuts.timer')],
  ];
  return (
    <section className="panel shortcuts" data-testid="shortcut-legend">
      <h2 className="panel__title">{t('shortcuts.title')}</h2>
      <dl className="shortcuts__list">
        {rows.map(([k, what]) => (
          <div key={k} className="shortcuts__row">
            <dt>
              <kbd>{k}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <p className="panel__hint">{t('shortcuts.note')}</p>
    </section>
  );
}
