// The running tally of the active round (or the current item's latest), whatever the screen
// shows; but while a secret vote is open only 已投 n 人, or with visibility live the figures in
// steps of k ballots (SPEC W7: the moderator cannot tell how one deputy voted either).
import { useTranslation } from 'react-i18next';
import { Commitment } from '../common/commitment.js';
import { ruleText } from '../screen/motion-result.js';
import { motionLabel } from '../../../shared/labels.js';
import { motionOutcomeText } from '../i18n/outcome-labels.js';
import { KindResult } from './kind-result.js';
import { ManualEntry } from './manual-entry.js';
import { NamedList } from './named-list.js';
import type { PanelProps } from './panel.js';
import { ResultsExport } from './results-export.js';
import { currentItem, focusRound } from './rounds.js';
import '../styles/console-votes.css';
import { disclosureText } from './disclosure-text.js';
import { presentAsked } from './asked.js';

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
        {t('console:result.voted', { n: round.voterCount, m: presentAsked(view, item) })}
        {round.withoutQuorum && <span className="pill pill--warn">{t('common:round.withoutQuorum')}</span>}
        {round.manual && <span className="pill">{t('common:round.manual')}</span>}
        {round.disclosure && !round.revealed && (
          <span className="pill pill--warn" data-testid="disclosure-badge">
            {disclosureText(t, round.disclosure, 'badge')}
          </span>
        )}
      </p>
      {r === null && (
        <p className="panel__hint" data-testid="console-withheld">
          {t('console:result.withheld')}
        </p>
      )}
      {r !== null && round.liveBatch != null && (
        <p className="panel__hint" data-testid="console-batched">
          {t('console:result.batched', { k: round.liveBatch, counted: r.cast })}
        </p>
      )}
      {r?.kind === 'motion' && item.kind === 'motion' && (
        <>
          <dl className="result__figures">
            {/* Counted in steps (W7): 未按 and the outcome of a part of the ballots would mislead. */}
            {(round.liveBatch != null ? (['for', 'against', 'abstain'] as const) : (['for', 'against', 'abstain', 'notVoted'] as const)).map((k) => (
              <div key={k} className={`result__fig result__fig--${k}`}>
                <dt>{t(`common:choice.${k}`)}</dt>
                <dd data-testid={`console-${k}`}>{r[k]}</dd>
              </div>
            ))}
          </dl>
          {round.liveBatch == null && (
            <p className={`result__outcome is-${motionLabel(r)}`} data-testid="console-outcome">
              {motionOutcomeText(t, r)}
              <small>{r.noQuorum ? t('common:noQuorumNote') : ruleText(t, item.settings, r.needed)}</small>
            </p>
          )}
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
