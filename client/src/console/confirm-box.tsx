// The console's ask-before-acting box: a sentence, the action, and cancel. Used wherever an
// operator must confirm on air (closing or voiding a vote, revealing a secret result, a vote
// without quorum, starting or ending a rehearsal). We ask rather than press-and-hold: the box
// can say what is at stake (how many have not voted yet), it works the same from the keyboard,
// and it is the one pattern the console already uses.
// Enter never confirms: focus lands on cancel when the box opens, and Enter on the action button
// is swallowed, so the Enter that a hurried operator presses twice (or that submitted a field)
// cannot take the action. A click, a tap or Space on the action does; Escape cancels.
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
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
  /** Cancel's label, when the action's own words read better (e.g. 继续投票). */
  no?: string;
  /** Extra fields between the sentence and the buttons (a reason to type). */
  children?: ReactNode;
  /** Put the focus on the first field of `children` instead of on cancel. */
  focusField?: boolean;
}

export function ConfirmBox({ message, yes, tone, disabled, onYes, onCancel, testId, yesTestId, className, no, children, focusField }: Props) {
  const { t } = useTranslation(['console']);
  const box = useRef<HTMLDivElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const field = focusField ? box.current?.querySelector<HTMLElement>('input, textarea, select') : null;
    (field ?? cancel.current)?.focus();
  }, [focusField]);
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onCancel();
    }
  };
  const noEnter = (e: KeyboardEvent) => {
    if (e.key === 'Enter') e.preventDefault(); // stops the button's click on Enter
  };
  return (
    <div ref={box} className={`confirm${className ? ` ${className}` : ''}`} role="alertdialog" aria-modal="false" data-testid={testId} onKeyDown={onKey}>
      <p>{message}</p>
      {children}
      <div className="btn-row">
        <button type="button" className={`btn btn--${tone}`} disabled={disabled} onClick={onYes} onKeyDown={noEnter} data-testid={yesTestId}>
          {yes}
        </button>
        <button ref={cancel} type="button" className="btn" onClick={onCancel} data-testid={`${testId}-cancel`}>
          {no ?? t('console:round.cancel')}
        </button>
      </div>
    </div>
  );
}
