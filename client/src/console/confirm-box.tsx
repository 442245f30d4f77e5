// The console's ask-before-acting box: a sentence, the action, and cancel. Used wherever an
// operator must confirm on air (a vote without quorum, starting or ending a rehearsal).
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  message: ReactNode;
  yes: string;
  /** `danger` for an action that cannot be taken back. */
  tone: 'primary' | 'danger';
  disabled: boolean;
  onYes: () => void;
  onCancel: () => void;
  testId: string;
  yesTestId: string;
  className?: string;
}

export function ConfirmBox({ message, yes, tone, disabled, onYes, onCancel, testId, yesTestId, className }: Props) {
  const { t } = useTranslation(['console']);
  return (
    <div className={`confirm${className ? ` ${className}` : ''}`} role="alertdialog" data-testid={testId}>
      <p>{message}</p>
      <div className="btn-row">
        <button type="button" className={`btn btn--${tone}`} disabled={disabled} onClick={onYes} data-testid={yesTestId}>
          {yes}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          {t('console:round.cancel')}
        </button>
      </div>
    </div>
  );
}
