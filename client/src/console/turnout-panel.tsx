// Attendance at a glance: 应到 / 实到 / 未到 and the quorum.
import { useTranslation } from 'react-i18next';
import type { PanelProps } from './panel.js';

export function TurnoutPanel({ view }: PanelProps) {
  const { t } = useTranslation(['console', 'common']);
  const { turnout } = view;
  return (
    <section className="panel turnout" data-testid="turnout-panel">
      <h2 className="panel__title">{t('console:turnout.title')}</h2>
      <dl className="turnout__figures">
        <div>
          <dt>{t('common:turnout.roster')}</dt>
          <dd data-testid="console-roster">{turnout.roster}</dd>
        </div>
        <div>
          <dt>{t('common:turnout.present')}</dt>
          <dd data-testid="console-present">{turnout.present}</dd>
        </div>
        <div>
          <dt>{t('common:turnout.absent')}</dt>
          <dd>{turnout.absent}</dd>
        </div>
      </dl>
      <p className={`turnout__quorum ${turnout.quorum ? 'is-met' : 'is-not-met'}`} data-testid="console-quorum">
        {turnout.quorum ? t('common:turnout.quorumMet') : t('common:turnout.quorumNotMet', { needed: turnout.quorumNeeded })}
      </p>
    </section>
  );
}
