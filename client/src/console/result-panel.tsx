// The running tally of the active round (or the current item's latest), which the moderator
// always sees, whatever the screen shows. Motion results only in this version; other kinds
// show their turnout line.
import { useTranslation } from 'react-i18next';
import { Commitment } from '../common/commitment.js';
import { ruleText } from '../screen/motion-result.js';
import { KindResult } from './kind-result.js';
import { ManualEntry } from './manual-entry.js';
import { NamedList } from './named-list.js';
import type { PanelProps } from './panel.js';
import { ResultsExport } from './results-export.js';
import { currentItem, focusRound } from './rounds.js';
import '../styles/console-votes.css';

export function ResultPanel(props: PanelProps) {
  const { view } = props;
  const { t } = useTranslation(['console', 'common', 'receipts']);
  const round = focusRound(view);
  const item = round ? view.agenda.find((i) => i.id === round.itemId) : currentItem(view);
  const voting = item && item.kind !== 'segment' ? item : null;
  if (!round || !item) {
    return (
      <section className="panel result" data-testid="result-panel">
        <h2 className="panel__title">{t('console:result.title')}</h2>
        <p className="panel__hint">{t('console:result.none')}</p>
        {voting && <ManualEntry {...props} item={voting} />}
        <ResultsExport {...props} />
      </section>
    );
  }
  const r = round.result;
  return (
    <section className="panel result" data-testid="result-panel">
      <h2 className="panel__title">{t('console:result.title')}</h2>
      <p className="result__cast" data-testid="console-cast">
        {t('console:result.voted', { n: round.voterCount, m: view.turnout.present })}
        {round.withoutQuorum && <span className="pill pill--warn">{t('common:round.withoutQuorum')}</span>}
        {round.manual && <span className="pill">{t('common:round.manual')}</span>}
        {round.disclosure && !round.revealed && (
          <span className="pill pill--warn" data-testid="disclosure-badge">
            {t(`receipts:disclosure.badge.${round.disclosure.code}`, { cast: round.disclosure.cast })}
          </span>
        )}
      </p>
      {r.kind === 'motion' && item.kind === 'motion' && (
        <>
          <dl className="result__figures">
            {(['for', 'against', 'abstain', 'notVoted'] as const).map((k) => (
              <div key={k} className={`result__fig result__fig--${k}`}>
                <dt>{t(`common:choice.${k}`)}</dt>
                <dd data-testid={`console-${k}`}>{r[k]}</dd>
              </div>
            ))}
          </dl>
          <p className={`result__outcome ${r.passed ? 'is-passed' : 'is-failed'}`} data-testid="console-outcome">
            {r.passed ? t('common:outcome.passed') : t('common:outcome.notPassed')}
            <small>{ruleText(t, item.settings, r.needed)}</small>
          </p>
        </>
      )}
      {(item.kind === 'projects' || item.kind === 'rating') && <KindResult {...props} item={item} round={round} />}
      {round.named && round.named.length > 0 && <NamedList item={item} rows={round.named} />}
      {round.commitment && <Commitment value={round.commitment} className="result__commitment" testId="console-commitment" />}
      {round.status === 'voided' && round.voidReason !== null && (
        <p className="panel__hint">{t('console:round.voidedBecause', { reason: round.voidReason })}</p>
      )}
      {voting && <ManualEntry {...props} item={voting} />}
      <ResultsExport {...props} />
    </section>
  );
}
