// 应到 / 实到 / 未到 in one line, for scenes where attendance is background information.
// Keeps the screen-roster / screen-present / screen-absent test ids of the attendance column.
import { useTranslation } from 'react-i18next';
import type { TurnoutView } from '../../../../shared/views.js';

export function TurnoutStrip({ turnout }: { turnout: TurnoutView }) {
  const { t } = useTranslation('common');
  const cells = [
    ['roster', turnout.roster],
    ['present', turnout.present],
    ['absent', turnout.absent],
  ] as const;
  return (
    <div className="turnout-strip" data-testid="screen-turnout">
      {cells.map(([k, v]) => (
        <span key={k} className={`turnout-strip__cell turnout-strip__cell--${k}`}>
          <span className="turnout-strip__label">{t(`turnout.${k}`)}</span>
          <span className="turnout-strip__value" data-testid={`screen-${k}`}>
            {v}
          </span>
        </span>
      ))}
    </div>
  );
}
