// 选票回执公示 (/receipts/<meeting>/<round>?code=…): the public list of a closed round's receipt
// codes with the count and the commitment, and a search box where a deputy types the code
// their phone showed to see that their ballot was counted. Phone first: large type, one column.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Commitment } from '../common/commitment.js';
import { LangToggle } from '../common/lang-toggle.js';
import { formatReceipt } from '../deputy/receipt.js';
import { errorText } from '../i18n/errors.js';
import { fetchReceipts, normaliseCode, ownBallot, type ReceiptsResult } from './receipts-api.js';
import '../styles/receipts.css';

const CODE_LENGTH = 8;

function localStore() {
  try {
    return localStorage;
  } catch {
    return null; // disabled storage: no own ballot to check
  }
}

export function ReceiptsPage({ meetingId, roundId, code }: { meetingId: string; roundId: string; code: string }) {
  const { t } = useTranslation(['receipts', 'common']);
  const [state, setState] = useState<ReceiptsResult | 'loading'>('loading');
  const [input, setInput] = useState(() => formatReceipt(normaliseCode(code)));

  const load = useCallback(() => {
    setState('loading');
    void fetchReceipts(meetingId, roundId).then(setState);
  }, [meetingId, roundId]);
  useEffect(load, [load]);

  let body;
  if (state === 'loading') {
    body = <p className="receipts__status">{t('receipts:page.loading')}</p>;
  } else if (!state.ok) {
    const message =
      state.error === 'NOT_CLOSED'
        ? t('receipts:page.notClosed')
        : state.error === 'NOT_FOUND'
          ? t('receipts:page.notFoundRound')
          : t('receipts:page.failed', { message: errorText(t, state.error) });
    body = (
      <div className="receipts__status" role="alert" data-testid="receipts-error">
        <p>{message}</p>
        {state.error !== 'NOT_FOUND' && (
          <button type="button" className="receipts__retry" onClick={load} data-testid="receipts-retry">
            {t('receipts:page.retry')}
          </button>
        )}
      </div>
    );
  } else {
    const { list } = state;
    const wanted = normaliseCode(input);
    const found = wanted.length === CODE_LENGTH && list.codes.includes(wanted);
    // On the phone that cast it: recompute its leaf from the receipt, salt and recorded ballot.
    const mine = found ? ownBallot(roundId, localStore()) : null;
    const leafCheck = mine && mine.receipt === wanted && list.leaves.has(wanted) ? list.leaves.get(wanted) === mine.leaf : null;
    body = (
      <>
        <section className="receipts__search">
          <label className="receipts__label" htmlFor="receipt-code">
            {t('receipts:page.search')}
          </label>
          <input
            id="receipt-code"
            className="receipts__input"
            value={input}
            onChange={(e) => setInput(e.target.value)}
            placeholder={t('receipts:page.placeholder')}
            autoCapitalize="characters"
            autoComplete="off"
            spellCheck={false}
            maxLength={16}
            data-testid="receipt-input"
          />
          {wanted.length > 0 && wanted.length !== CODE_LENGTH && <p className="receipts__verdict">{t('receipts:page.needEight')}</p>}
          {wanted.length === CODE_LENGTH &&
            (found ? (
              <p className="receipts__verdict receipts__verdict--found" role="status" data-testid="receipt-found">
                ✓ {t('receipts:page.found')}
              </p>
            ) : (
              <p className="receipts__verdict receipts__verdict--missing" role="alert" data-testid="receipt-not-found">
                {t('receipts:page.notFound')}
              </p>
            ))}
          {leafCheck === true && (
            <p className="receipts__verdict receipts__verdict--found" role="status" data-testid="receipt-leaf-ok">
              ✓ {t('receipts:page.leafOk')}
            </p>
          )}
          {leafCheck === false && (
            <p className="receipts__verdict receipts__verdict--missing" role="alert" data-testid="receipt-leaf-mismatch">
              {t('receipts:page.leafMismatch')}
            </p>
          )}
        </section>
        <p className="receipts__count" data-testid="receipts-count">
          {t('receipts:page.count', { count: list.count })}
        </p>
        {list.commitment && <Commitment value={list.commitment} className="receipts__commitment" testId="receipts-commitment" />}
        {list.rootMatches !== null && (
          <p className={`receipts__note ${list.rootMatches ? '' : 'receipts__verdict--missing'}`} role={list.rootMatches ? 'status' : 'alert'} data-testid={list.rootMatches ? 'receipts-root-ok' : 'receipts-root-mismatch'}>
            {list.rootMatches ? `✓ ${t('receipts:page.rootOk')}` : t('receipts:page.rootMismatch')}
          </p>
        )}
        <h2 className="receipts__heading">{t('receipts:page.list')}</h2>
        {list.secret && <p className="receipts__note">{t('receipts:page.secretNote')}</p>}
        <ol className="receipts__list" data-testid="receipts-list">
          {list.codes.map((c) => (
            <li key={c} className={c === wanted ? 'is-mine' : undefined}>
              {formatReceipt(c)}
            </li>
          ))}
        </ol>
      </>
    );
  }

  return (
    <main className="receipts" data-testid="receipts-page">
      <LangToggle role="deputy" className="receipts__lang" />
      <h1 className="receipts__title">{t('receipts:page.title')}</h1>
      <p className="receipts__intro">{t('receipts:page.intro')}</p>
      {body}
    </main>
  );
}
