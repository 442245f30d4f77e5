// What a present deputy sees for a projects or rating item: the same states as a motion
// (submitted, submitting, refused, closed, paused), decided from the server's view and the
// phone's outbox, with this kind's ballot and the echo of what the server recorded.
import type { BallotContent, ProjectsItem, RatingItem } from '../../../shared/model.js';
import type { DeputyView } from '../../../shared/views.js';
import { errorText } from '../i18n/errors.js';
import { useVotesT } from '../i18n/votes.js';
import { Notice } from './motion-body.js';
import type { OutboxEntry } from './outbox.js';
import { EachBallot } from './each-ballot.js';
import { ProjectsBallot } from './projects-ballot.js';
import { RatingBallot } from './rating-ballot.js';
import { RecordedEcho } from './recorded-echo.js';
import { Submitted, Submitting } from './submitted-card.js';
import '../styles/votes.css';

interface Props {
  view: DeputyView;
  item: ProjectsItem | RatingItem;
  entry: OutboxEntry | null;
  submit: (content: BallotContent) => void;
}

export function BallotBody({ view, item, entry, submit }: Props) {
  const { t } = useVotesT();
  const round = view.round;
  if (!round) return <Notice testId="not-started" text={t('deputy:notStarted')} />;
  if (round.status === 'voided') return <Notice testId="voided" text={t('deputy:voided')} />;

  const mine = view.mySubmission;
  const ours = entry && (mine === null || mine === entry.submissionId) ? entry : null;
  if (mine !== null || ours?.phase === 'acked') {
    const recorded = ours?.phase === 'acked' ? ours.recorded : null;
    return (
      <>
        <Submitted content={recorded ?? ours?.content ?? null} receipt={ours?.receipt ?? null} closed={round.status === 'closed' ? { meetingId: view.meeting.id, roundId: round.id } : null} />
        {recorded && <RecordedEcho item={item} content={recorded} />}
        {round.status === 'closed' && <p className="closed-note">{t('deputy:closed')}</p>}
      </>
    );
  }
  if (ours?.phase === 'pending') {
    return <Submitting content={ours.content} retrying={ours.error ? errorText(t, ours.error) : null} />;
  }
  const refusal = ours?.phase === 'refused' ? errorText(t, ours.error) : null;
  if (round.status === 'closed') return <Notice testId="closed" text={t('deputy:closed')} detail={refusal} />;
  if (round.status === 'paused') return <Notice testId="paused" text={t('deputy:paused')} detail={refusal ?? t('deputy:pausedHint')} />;

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
