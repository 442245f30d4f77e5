// What a present deputy sees for a projects or rating item: the same states as a motion
// (submitted, submitting, refused, closed, paused), decided from the server's view and the
// phone's outbox, with this kind's ballot and the echo of what the server recorded.
import type { BallotContent, ProjectsItem, RatingItem } from '../../../shared/model.js';
import type { DeputyView } from '../../../shared/views.js';
import { errorText } from '../i18n/errors.js';
import { useVotesT } from '../i18n/votes.js';
import { Notice } from './motion-body.js';
import type { OutboxEntry } from './outbox.js';
import { phoneState } from './phone-state.js';
import { EachBallot } from './each-ballot.js';
import { ProjectsBallot } from './projects-ballot.js';
import { RatingBallot } from './rating-ballot.js';
import { RecordedEcho } from './recorded-echo.js';
import { Submitted, Submitting } from './submitted-card.js';
import '../styles/votes.css';
import { assertNever } from '../../../shared/never.js';

interface Props {
  view: DeputyView;
  item: ProjectsItem | RatingItem;
  entry: OutboxEntry | null;
  submit: (content: BallotContent) => void;
}

export function BallotBody({ view, item, entry, submit }: Props) {
  const { t } = useVotesT();
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
          <Submitted
            content={state.recorded ?? state.ours?.content ?? null}
            receipt={state.ours?.receipt ?? null}
            closed={state.closed && round ? { meetingId: view.meeting.id, roundId: round.id } : null}
          />
          {state.recorded && <RecordedEcho item={item} content={state.recorded} />}
          {state.closed && <p className="closed-note">{t('deputy:closed')}</p>}
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
  if (!round) return null; // phoneState answers notStarted without a round; this narrows the type

  const candidates = round.candidates ? new Set(round.candidates) : null;
  let ballot;
  if (item.kind === 'rating') {
    ballot = <RatingBallot key={round.id} item={item} onSubmit={submit} />;
  } else {
    const projects = candidates ? item.projects.filter((p) => candidates.has(p.id)) : item.projects;
    ballot =
      item.settings.form === 'each' ? (
        <EachBallot key={round.id} projects={projects} onSubmit={submit} />
      ) : (
        <ProjectsBallot key={round.id} projects={projects} max={round.seats ?? item.settings.adopt} runoff={candidates !== null} onSubmit={submit} />
      );
  }
  return (
    <>
      {refusal && (
        <p className="refusal" role="alert" data-testid="refusal">
          <strong>{t('deputy:refused')}</strong>
          {refusal}
        </p>
      )}
      {ballot}
    </>
  );
}
