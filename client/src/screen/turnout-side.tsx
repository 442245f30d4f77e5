// The attendance column: 应到 / 实到 / 未到 and whether the quorum holds, always on screen.
import { useTranslation } from 'react-i18next';
import type { TurnoutView } from '../../../shared/views.js';

export function TurnoutSide({ turnout }: { turnout: TurnoutView }) {
  const { t } = useTranslation(['screen', 'common']);
  const rows = [
    { key: 'roster', value: turnout.roster },
    { key: 'present', value: turnout.present },
    { key: 'absent', value: turnout.absent },
  ] as const;
  return (
    <aside className="turnout-side" data-testid="screen-turnout">
      {rows.map((r) => (
        <div key={r.key} className={`turnout-side__row turnout-side__row--${r.key}`}>
          <span className="turnout-side__label">{t(`common:turnout.${r.key}`)}</span>
          <span className="turnout-side__value" data-testid={`screen-${r.key}`}>
            {r.value}
          </span>
        </div>
      ))}
      <div className="turnout-side__quorum" data-testid="screen-quorum">
        <span className="turnout-side__quorum-label">{t('common:turnout.quorum')}</span>
        <span className="turnout-side__quorum-value">{turnout.quorumNeeded}</span>
        <span className={`turnout-side__quorum-state ${turnout.quorum ? 'is-met' : 'is-not-met'}`}>
          {turnout.quorum ? t('common:turnout.quorumYes') : t('common:turnout.quorumNo')}
        </span>
      </div>
    </aside>
  );
}
