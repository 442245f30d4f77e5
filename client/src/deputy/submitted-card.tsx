// The states after pressing 确认提交: 正在提交… (or, cut off, 选票已保存在本机) while the outbox
// retries, and the big 已提交 with the choice the server echoed and the receipt code.
import { useTranslation } from 'react-i18next';
import type { BallotContent } from '../../../shared/model.js';
import { receiptsPath } from '../routes.js';
import { formatReceipt } from './receipt.js';

/**
 * A ballot on its way. Only ever waiting words: the outbox retries transient answers and
 * resends after a drop by itself, so nothing here may read like a failure. `offline`: the
 * link is down, the ballot is safe on the phone and goes when it returns; `retrying`: the
 * server asked for patience (a timeout, a busy moment) and the outbox is trying again.
 */
export function Submitting({ content, offline, retrying }: { content: BallotContent; offline: boolean; retrying: boolean }) {
  const { t } = useTranslation(['deputy', 'common']);
  return (
    <section className={`state-card state-card--pending ${offline ? 'is-offline' : ''}`} data-testid="submitting" aria-live="polite">
      {!offline && <div className="spinner" aria-hidden="true" />}
      <p className="state-card__title">{offline ? t('deputy:savedOnPhone') : t('deputy:submitting')}</p>
      {content.kind === 'motion' && <p className={`state-card__choice choice-text--${content.choice}`}>{t(`common:choice.${content.choice}`)}</p>}
      <p className="state-card__hint">{offline ? t('deputy:waitingNetwork') : retrying ? t('deputy:retrying') : t('deputy:submittingHint')}</p>
    </section>
  );
}

/** The closed round whose published receipt list the deputy can check against. */
export interface ClosedRound {
  meetingId: string;
  roundId: string;
}

/**
 * content/receipt are null when this phone does not hold them (voted from another device).
 * `closed` once the round has closed: the receipt list is published then, so link to it.
 */
export function Submitted({ content, receipt, closed = null }: { content: BallotContent | null; receipt: string | null; closed?: ClosedRound | null }) {
  const { t } = useTranslation(['deputy', 'common', 'receipts']);
  return (
    <section className="state-card state-card--done" data-testid="submitted" aria-live="polite">
      <div className="state-card__tick" aria-hidden="true">
        ✓
      </div>
      <p className="state-card__title state-card__title--done">{t('deputy:submitted')}</p>
      {content?.kind === 'motion' ? (
        <p className="state-card__mine">
          {t('deputy:yourChoice')}
          <span className={`state-card__choice choice-text--${content.choice}`} data-testid="submitted-choice">
            {t(`common:choice.${content.choice}`)}
          </span>
        </p>
      ) : (
        !content && <p className="state-card__hint">{t('deputy:submittedElsewhere')}</p>
      )}
      {receipt && (
        <div className="receipt">
          <span className="receipt__label">{t('deputy:receipt')}</span>
          <span className="receipt__code" data-testid="receipt">
            {formatReceipt(receipt)}
          </span>
          <span className="receipt__hint">{t('deputy:receiptHint')}</span>
          {closed && (
            <a className="receipt__check" href={receiptsPath(closed.meetingId, closed.roundId, receipt)} data-testid="receipt-check">
              {t('receipts:check.link')}
            </a>
          )}
        </div>
      )}
    </section>
  );
}
