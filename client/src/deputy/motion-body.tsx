// What a present deputy sees for a motion item, decided from two truths: the server's view
// (is the round open, has my ballot arrived: view.mySubmission) and the phone's outbox (my
// choice, my receipt, an unanswered submission). The view wins where they disagree.
import { useTranslation } from 'react-i18next';
import type { MotionChoice } from '../../../shared/model.js';
import type { DeputyView } from '../../../shared/views.js';
import { errorText } from '../i18n/errors.js';
import type { OutboxEntry } from './outbox.js';
import { Submitted, Submitting } from './submitted-card.js';
import { VotePanel } from './vote-panel.js';

interface Props {
  view: DeputyView;
  entry: OutboxEntry | null;
  submit: (choice: MotionChoice) => void;
}

export function MotionBody({ view, entry, submit }: Props) {
  const { t } = useTranslation(['deputy', 'common']);
  const round = view.round;
  if (!round) return <Notice testId="not-started" text={t('deputy:notStarted')} />;
  if (round.status === 'voided') return <Notice testId="voided" text={t('deputy:voided')} />;

  const mine = view.mySubmission;
  // Our local copy describes the ballot on record only if its id is the one the server holds.
  const ours = entry && (mine === null || mine === entry.submissionId) ? entry : null;
  if (mine !== null || ours?.phase === 'acked') {
    const known = ours && ours.phase === 'acked' ? ours : null;
    return (
      <>
        {/* Above the card: on a short phone the receipt may push anything below out of view. */}
        {round.status === 'closed' && <p className="closed-note">{t('deputy:closed')}</p>}
        <Submitted content={known?.recorded ?? (ours ? ours.content : null)} receipt={ours?.receipt ?? null} closed={round.status === 'closed' ? { meetingId: view.meeting.id, roundId: round.id } : null} />
      </>
    );
  }
  if (ours?.phase === 'pending') {
    return <Submitting content={ours.content} retrying={ours.error ? errorText(t, ours.error) : null} />;
  }
  const refusal = ours?.phase === 'refused' ? errorText(t, ours.error) : null;
  if (round.status === 'closed') {
    return <Notice testId="closed" text={t('deputy:closed')} detail={refusal} />;
  }
  if (round.status === 'paused') {
    return <Notice testId="paused" text={t('deputy:paused')} detail={refusal ?? t('deputy:pausedHint')} />;
  }
  return (
    <>
      {refusal && (
        <p className="refusal" role="alert" data-testid="refusal">
          <strong>{t('deputy:refused')}</strong>
          {refusal}
        </p>
      )}
      <VotePanel key={round.id} onSubmit={(choice) => submit(choice)} />
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
