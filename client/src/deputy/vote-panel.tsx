// One motion ballot on a phone: three large buttons, then a confirm screen showing the choice
// alone with one big 确认提交 button. Two steps on purpose: a slip of the thumb on a crowded
// desk must not cast a vote, and the confirm screen is also a plain "is this what I meant".
import { useTranslation } from 'react-i18next';
import { MotionChoice } from '../../../shared/model.js';
import { ConfirmActions } from './ballot-shell.js';
import { useDraft } from './drafts.js';

export const CHOICES: readonly MotionChoice[] = ['for', 'against', 'abstain'];

export function VotePanel({ onSubmit }: { onSubmit: (choice: MotionChoice) => void }) {
  const { t } = useTranslation(['deputy', 'common']);
  const [picked, setPicked] = useDraft<MotionChoice | null>('motion', MotionChoice.nullable(), null);

  if (picked) {
    return (
      <section className="vote-confirm" data-testid="vote-confirm">
        <p className="vote-confirm__label">{t('deputy:confirmTitle')}</p>
        <p className={`vote-confirm__choice choice--${picked}`} data-testid="confirm-choice">
          {t(`common:choice.${picked}`)}
        </p>
        <ConfirmActions onConfirm={() => onSubmit(picked)} onChange={() => setPicked(null)} />
      </section>
    );
  }

  return (
    <section className="vote-choices">
      <p className="vote-choices__hint">{t('deputy:chooseHint')}</p>
      {CHOICES.map((c) => (
        <button key={c} type="button" className={`choice-button choice--${c}`} data-testid={`choice-${c}`} onClick={() => setPicked(c)}>
          {t(`common:choice.${c}`)}
        </button>
      ))}
    </section>
  );
}
