// What a present deputy sees for a motion item, decided from two truths: the server's view
// (is the round open, has my ballot arrived: view.mySubmission) and the phone's outbox (my
// choice, my receipt, an unanswered submission). The view wins where they disagree.
import { useTranslation } from 'react-i18next';
import type { MotionChoice } from '../../../shared/model.js';
import type { DeputyView } from '../../../shared/views.js';
import { errorText } from '../i18n/errors.js';
import type { OutboxEntry } from './outbox.js';
import { phoneState } from './phone-state.js';
import { Submitted, Submitting } from './submitted-card.js';
import { VotePanel } from './vote-panel.js';
import { assertNever } from '../../../shared/never.js';

interface Props {
  view: DeputyView;
  entry: OutboxEntry | null;
  submit: (choice: MotionChoice) => void;
}

export function MotionBody({ view, entry, submit }: Props) {
  const { t } = useTranslation(['deputy', 'common']);
  const state = phoneState(view, entry);
  const round = view.round;
  switch (state.kind) {
    case 'notStarted':
      return <Notice testId="not-started" text={t('deputy:notStarted')} />;
    case 'voided':
      return <Notice testId="voided" text={t('deputy:voided')} />;
    case 'submitted':
      return (
        <>
          {/* Above the card: on a short phone the receipt may push anything below out of view. */}
          {state.closed && <p className="closed-note">{t('deputy:closed')}</p>}
          <Submitted
            content={state.recorded ?? state.ours?.content ?? null}
            receipt={state.ours?.receipt ?? null}
            closed={state.closed && round ? { meetingId: view.meeting.id, roundId: round.id } : null}
          />
        </>
      );
    case 'submitting':
      return <Submitting content={state.ours.content} retrying={state.ours.error ? errorText(t, state.ours.error) : null} />;
    case 'closed':
    case 'paused':
    case 'open':
      break;
    default: {
      return assertNever(state, 'phone state');
    }
  }
  const refusal = state.refusal ? errorText(t, state.refusal) : null;
  if (state.kind === 'closed') return <Notice testId="closed" text={t('deputy:closed')} detail={refusal} />;
  if (state.kind === 'paused') return <Notice testId="paused" text={t('deputy:paused')} detail={refusal ?? t('deputy:pausedHint')} />;
  return (
    <>
      {refusal && (
        <p className="refusal" role="alert" data-testid="refusal">
          <strong>{t('deputy:refused')}</strong>
          {refusal}
        </p>
      )}
      <VotePanel key={round?.id} onSubmit={(choice) => submit(choice)} />
    </>
  );
}

export function Notice({ text, detail, testId }: { text: string; detail?: string | null; testId: string }) {
  return (
    <section className="notice" data-testid={testId}>
      <p className="notice__text">{text}</p>
      {detail && <p className="notice__detail">{detail}</p>}
    </section>
  );
}
