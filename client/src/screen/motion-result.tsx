// The final result of a motion: four large figures, 通过 / 未通过, and the rule in small type
// so viewers can see why (e.g. 2 for out of a roster of 30 does not pass).
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { MotionSettings } from '../../../shared/model.js';
import type { MotionResult as Result } from '../../../shared/rules/index.js';
import { motionLabel } from '../../../shared/labels.js';
import { motionOutcomeText } from '../i18n/outcome-labels.js';

export function ruleText(t: TFunction, settings: Pick<MotionSettings, 'base' | 'threshold'>, needed: number) {
  return t(`common:rule.${settings.threshold}`, { base: t(`common:rule.base.${settings.base}`), needed });
}

export function MotionResult({ result, settings, manual }: { result: Result; settings: MotionSettings; manual: boolean }) {
  const { t } = useTranslation(['screen', 'common']);
  const figures = [
    { key: 'for', value: result.for },
    { key: 'against', value: result.against },
    { key: 'abstain', value: result.abstain },
    { key: 'notVoted', value: result.notVoted },
  ] as const;
  return (
    <section className="motion-result" data-testid="screen-result">
      <div className="motion-result__head">
        <h2 className="motion-result__title">{t('screen:result')}</h2>
        {manual && <span className="tag">{t('common:round.manual')}</span>}
      </div>
      <div className="motion-result__figures">
        {figures.map((f) => (
          <div key={f.key} className={`figure figure--${f.key}`}>
            <span className="figure__label">{t(`common:choice.${f.key}`)}</span>
            <span className="figure__value" data-testid={`result-${f.key}`}>
              {f.value}
            </span>
          </div>
        ))}
      </div>
      <div className={`outcome outcome--${motionLabel(result)}`}>
        <span className="outcome__word" data-testid="result-outcome">
          {motionOutcomeText(t, result)}
        </span>
        <span className="outcome__rule" data-testid="result-rule">
          {result.noQuorum ? t('common:noQuorumNote') : ruleText(t, settings, result.needed)}
        </span>
      </div>
    </section>
  );
}
