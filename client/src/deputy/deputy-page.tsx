// The deputy's phone (/d/<token>): who I am, then one thing to do at a time — check in, wait,
// vote, see 已提交. Sized for a 320-390px-wide phone in WeChat's browser, large type throughout,
// 大字 on request (settings-sheet.tsx). Every ballot kind sits in one shell (ballot-shell.tsx).
import { useTranslation } from 'react-i18next';
import type { SegmentItem } from '../../../shared/model.js';
import type { DeputyView } from '../../../shared/views.js';
import { ConnBanner } from '../common/conn-banner.js';
import { SeeStaff } from '../common/see-staff.js';
import { useDeputySocket } from '../net/use-deputy-socket.js';
import { useVotesT } from '../i18n/votes.js';
import { BallotShell, Notice } from './ballot-shell.js';
import { CheckIn } from './check-in.js';
import { EachBallot } from './each-ballot.js';
import type { OutboxEntry } from './outbox.js';
import { ProjectsBallot } from './projects-ballot.js';
import { NoSuggestions, SuggestionsBallot } from './suggestions-ballot.js';
import { RatingBallot } from './rating-ballot.js';
import { RecordedEcho } from './recorded-echo.js';
import { SettingsMenu } from './settings-sheet.js';
import { useOutbox } from './use-outbox.js';
import { VotePanel } from './vote-panel.js';
import { useWarmOfflineFont } from './warm-font.js';
import '../styles/deputy.css';
import '../styles/votes.css';
import '../styles/rehearsal.css';
import { assertNever } from '../../../shared/never.js';

export function DeputyPage({ token }: { token: string }) {
  const { t } = useTranslation(['deputy', 'common']);
  const { view, offset, conn, fatal, socket } = useDeputySocket(token);
  const { entry, submit } = useOutbox(token, socket, view);
  useWarmOfflineFont();

  if (fatal === 'UNAUTHORIZED') return <SeeStaff reason="BAD_LINK" role="deputy" />;
  if (fatal) return <SeeStaff reason={fatal} role="deputy" />;
  const offline = conn !== 'online' && view !== null;

  return (
    <main className="deputy">
      <ConnBanner
        conn={conn}
        hasView={view !== null}
        lost={{ title: t('deputy:net.lost'), detail: entry?.phase === 'pending' ? t('deputy:net.keptBallot') : t('deputy:net.keptChoices') }}
      />
      <header className="deputy__head">
        <p className="deputy__meeting" data-testid="meeting-title">
          {view?.meeting.title ?? t('common:appName')}
        </p>
        <SettingsMenu />
      </header>
      {view?.rehearsal && (
        <p className="deputy__rehearsal" role="note" data-testid="deputy-rehearsal">
          {t('deputy:rehearsal')}
        </p>
      )}
      {view && <Me view={view} />}
      {view && <Body view={view} offset={offset} offline={offline} socket={socket} entry={entry} submit={submit} />}
    </main>
  );
}

function Me({ view }: { view: DeputyView }) {
  const { t } = useTranslation(['deputy']);
  const { me } = view;
  return (
    <section className="me" data-testid="me">
      <p className="me__name">{me.name}</p>
      <p className="me__meta">
        {me.group}
        {me.group && me.seat && ' · '}
        {/* 座位 1排10号 stays on one line: a seat split after its number reads as another seat. */}
        {me.seat && <span className="me__seat">{t('deputy:seat', { seat: me.seat })}</span>}
      </p>
      {me.present && (
        <span className="me__badge" data-testid="checked-in">
          {t('deputy:checkedIn')}
        </span>
      )}
    </section>
  );
}

interface BodyProps {
  view: DeputyView;
  offset: number;
  offline: boolean;
  socket: Parameters<typeof CheckIn>[0]['socket'];
  entry: OutboxEntry | null;
  submit: ReturnType<typeof useOutbox>['submit'];
}

function Body({ view, offset, offline, socket, entry, submit }: BodyProps) {
  const { t } = useVotesT();
  const item = view.item;
  if (!view.me.present) return <CheckIn socket={socket} />;
  if (!item) return <Notice testId="waiting" text={t('deputy:waiting')} />;
  if (item.kind === 'segment') return <SegmentNotice item={item} />;
  const shell = { view, entry, offset, offline };
  switch (item.kind) {
    case 'motion':
      return <BallotShell {...shell} item={item} ballot={(round) => <VotePanel key={round.id} onSubmit={(choice) => submit({ kind: 'motion', choice })} />} />;
    case 'rating':
      // R14: a suggestions item arrives with this deputy's own suggestions only, maybe none.
      if (item.suggestions && item.subjects.length === 0) return <NoSuggestions item={item} />;
      return (
        <BallotShell
          {...shell}
          item={item}
          echo={(c) => <RecordedEcho item={item} content={c} />}
          ballot={(round) => (item.suggestions ? <SuggestionsBallot key={round.id} item={item} onSubmit={submit} /> : <RatingBallot key={round.id} item={item} onSubmit={submit} />)}
        />
      );
    case 'projects':
      return (
        <BallotShell
          {...shell}
          item={item}
          echo={(c) => <RecordedEcho item={item} content={c} />}
          ballot={(round) => {
            const candidates = round.candidates ? new Set(round.candidates) : null;
            const projects = candidates ? item.projects.filter((p) => candidates.has(p.id)) : item.projects;
            return item.settings.form === 'each' ? (
              <EachBallot key={round.id} projects={projects} onSubmit={submit} />
            ) : (
              <ProjectsBallot key={round.id} projects={projects} max={round.seats ?? item.settings.adopt} runoff={candidates !== null} onSubmit={submit} />
            );
          }}
        />
      );
    default:
      return assertNever(item, 'item kind');
  }
}

/** 问政: nothing to vote on; the deputy is told what is happening and where to look. */
function SegmentNotice({ item }: { item: SegmentItem }) {
  const { t } = useTranslation(['deputy']);
  return (
    <section className="notice notice--segment" data-testid="segment-notice">
      <p className="notice__text">{t('deputy:segment')}</p>
      <p className="notice__who">{t('deputy:segmentWho', { department: item.department })}</p>
      <p className="notice__detail">{t('deputy:segmentHint')}</p>
    </section>
  );
}
