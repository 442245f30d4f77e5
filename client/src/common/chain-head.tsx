// The audit chain head (审计链头): the newest audit entry's number and the first 16 hex digits
// of its hash, for people to write down (the console's header, the printed report, small print
// on the big screen's result at close). `npm run verify -- <data> --head "<it>"` later checks
// that the record still holds that entry unchanged, with everything before it.
import { useTranslation } from 'react-i18next';
import { formatChainHead, type ChainHead as Head } from '../../../shared/chain-head.js';
import '../styles/commitment.css';
import '../styles/chain-head.css';

interface Props {
  head: Head;
  /** Where it sits: a console header line, the report's block (with the full hash), or the big screen's corner. */
  place: 'console' | 'report' | 'screen';
  testId?: string;
}

export function ChainHead({ head, place, testId = 'chain-head' }: Props) {
  const { t } = useTranslation('receipts');
  return (
    <p className={`commitment chain-head chain-head--${place}`} data-testid={testId} title={t('chainHead.hint')}>
      <span className="commitment__label">{place === 'report' ? t('chainHead.atPrint') : t('chainHead.label')}</span>
      <code className="commitment__value" data-testid={`${testId}-value`}>
        {formatChainHead(head)}
      </code>
      {place === 'report' && <code className="commitment__value chain-head__full">{head.hash}</code>}
    </p>
  );
}
