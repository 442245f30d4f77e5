// 会议议程: every item with its number, kind and state; the current one stands out.
import { useTranslation } from 'react-i18next';
import { actLabel, kindLabel } from '../../i18n/labels.js';
import { FitText } from '../fit-text.js';
import type { SceneProps } from '../scene-props.js';

export function AgendaScene({ view }: SceneProps) {
  const { t } = useTranslation(['scenes', 'common']);
  const entries = view.agenda;
  // Up to 6 items at full size; a longer agenda gets smaller rows rather than a scrollbar.
  const size = entries.length <= 6 ? 46 : entries.length <= 8 ? 38 : 30;
  // 9..12 items: one compact line each; more: two columns (B15: nothing below the frame).
  const many = entries.length > 8 ? (entries.length > 12 ? 'is-many is-two' : 'is-many') : '';
  return (
    <section className="scene scene--agenda" data-testid="scene-agenda">
      <h2 className="scene__heading">{t('scenes:agenda.heading')}</h2>
      {entries.length === 0 && <p className="scene__empty">{t('scenes:agenda.empty')}</p>}
      <ol className={`agenda-list ${many}`} style={{ ['--row' as string]: `${size}px` }}>
        {entries.map((e, i) => (
          <li key={e.id} className={`agenda-list__row is-${e.state}`}>
            <span className="agenda-list__no">{i + 1}</span>
            <span className="agenda-list__kind">{kindLabel(t, e.kind)}</span>
            <FitText className="agenda-list__title" text={e.title} size={size} lines={many ? 1 : 2} />
            <span className="agenda-list__state">{t(`scenes:agenda.state.${e.state}`, { act: actLabel(t, e.kind) })}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
