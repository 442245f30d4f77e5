// A closed round's ballot commitment (选票承诺值): the Merkle root over the salted ballots sorted by
// receipt that the server recorded at close (shared/commitment.ts), shown beside the result so
// anyone can compare it with the published receipt list and the audit record. The big screen
// shows its first 16 hex digits.
import { useTranslation } from 'react-i18next';
import '../styles/commitment.css';

const SHORT = 16;

interface Props {
  value: string;
  /** The first 16 hex digits only (big screen). */
  short?: boolean;
  /** Which round of an item, where an item went through several (the report). */
  round?: number;
  className?: string;
  testId?: string;
}

export function Commitment({ value, short = false, round, className = '', testId = 'commitment' }: Props) {
  const { t } = useTranslation('receipts');
  const label = round === undefined ? t('commitment.label') : `${t('commitment.label')} · ${t('commitment.round', { n: round })}`;
  return (
    <p className={`commitment ${short ? 'commitment--short' : ''} ${className}`} data-testid={testId} title={t('commitment.hint')}>
      <span className="commitment__label">{label}</span>
      <code className="commitment__value" data-testid={`${testId}-value`}>
        {short ? `${value.slice(0, SHORT)}…` : value}
      </code>
    </p>
  );
}
