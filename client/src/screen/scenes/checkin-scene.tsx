// 签到: 应到 / 实到 / 未到 in large figures, a bar with the quorum mark, and whether it holds.
import { useTranslation } from 'react-i18next';
import type { SceneProps } from '../scene-props.js';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function CheckinScene({ view }: SceneProps) {
  const { t } = useTranslation(['scenes', 'common']);
  const { roster, present, absent, quorumNeeded, quorum } = view.turnout;
  const share = roster > 0 ? present / roster : 0;
  const mark = roster > 0 ? Math.min(1, quorumNeeded / roster) : 0;
  const figures = [
    ['roster', roster],
    ['present', present],
    ['absent', absent],
  ] as const;
  return (
    <section className="scene scene--checkin" data-testid="scene-checkin">
      <h2 className="scene__heading">{t('scenes:checkin.heading')}</h2>
      <div className="checkin-figures">
        {figures.map(([k, v]) => (
          <div key={k} className={`checkin-figure checkin-figure--${k}`}>
            <span className="checkin-figure__label">{t(`common:turnout.${k}`)}</span>
            <span className="checkin-figure__value" data-testid={`screen-${k}`}>
              {v}
            </span>
          </div>
        ))}
      </div>
      <div className="checkin-bar" aria-hidden="true">
        <div className="checkin-bar__fill" style={{ width: `${share * 100}%` }} />
        <div className="checkin-bar__mark" style={{ left: `${mark * 100}%` }}>
          <span>{t('scenes:checkin.quorumLine', { needed: quorumNeeded })}</span>
        </div>
      </div>
      <div className="checkin-foot">
        <span className="checkin-foot__rate">{t('scenes:checkin.rate', { rate: pct(share) })}</span>
        <span className={`checkin-foot__quorum ${quorum ? 'is-met' : 'is-not-met'}`} data-testid="screen-quorum">
          {quorum ? t('common:turnout.quorumMet') : t('common:turnout.quorumNotMet', { needed: quorumNeeded })}
        </span>
      </div>
    </section>
  );
}
