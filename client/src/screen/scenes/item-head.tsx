// The head of every item scene: the kind (with the round's state) and the item's title.
import { useTranslation } from 'react-i18next';
import type { ScreenView } from '../../../../shared/views.js';
import { actLabel, kindLabel } from '../../i18n/labels.js';
import { FitText } from '../fit-text.js';

export function ItemHead({ view, size = 60, status = true }: { view: ScreenView; size?: number; status?: boolean }) {
  const { t } = useTranslation(['screen', 'common']);
  const { item, round } = view;
  if (!item) return null;
  return (
    <header className="item-head">
      <p className="screen__kind">
        {kindLabel(t, item.kind)}
        {status && round && (
          <span className={`status status--${round.status}`} data-testid="screen-status">
            {t(`screen:status.${round.status}`, { act: actLabel(t, item.kind) })}
          </span>
        )}
        {status && round?.withoutQuorum && <span className="tag tag--warn">{t('common:round.withoutQuorum')}</span>}
        {round?.manual && <span className="tag">{t('common:round.manual')}</span>}
      </p>
      <FitText as="h2" className="item-head__title" text={item.title} size={size} lines={2} testId="screen-item-title" />
    </header>
  );
}
