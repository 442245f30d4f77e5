// The deputy's phone (/d/<token>): who I am, then one thing to do at a time — check in, wait,
// vote, see 已提交. Sized for a 390px-wide phone in WeChat's browser, large type throughout.
import { useTranslation } from 'react-i18next';
import type { DeputyView } from '../../../shared/views.js';
import { ConnBanner } from '../common/conn-banner.js';
import { LangToggle } from '../common/lang-toggle.js';
import { SeeStaff } from '../common/see-staff.js';
import { formatSeconds, secondsLeft, useTick } from '../net/clock.js';
import { kindLabel } from '../i18n/labels.js';
import { useDeputySocket } from '../net/use-deputy-socket.js';
import { BallotBody } from './ballot-body.js';
import { CheckIn } from './check-in.js';
import { MotionBody, Notice } from './motion-body.js';
import { useOutbox } from './use-outbox.js';
import '../styles/deputy.css';
import '../styles/rehearsal.css';

export function DeputyPage({ token }: { token: string }) {
  const { t } = useTranslation(['deputy', 'common']);
  const { view, offset, conn, fatal, socket } = useDeputySocket(token);
  const { entry, submit } = useOutbox(token, socket, view);

  if (fatal === 'UNAUTHORIZED') return <SeeStaff reason="BAD_LINK" role="deputy" />;
  if (fatal) return <SeeStaff reason={fatal} role="deputy" />;

  return (
    <main className="deputy">
      <ConnBanner conn={conn} hasView={view !== null} />
      <header className="deputy__head">
        <p className="deputy__meeting" data-testid="meeting-title">
          {view?.meeting.title ?? t('common:appName')}
        </p>
        <LangToggle role="deputy" />
      </header>
      {view?.rehearsal && (
        <p className="deputy__rehearsal" role="note" data-testid="deputy-rehearsal">
          {t('deputy:rehearsal')}
        </p>
      )}
      {view && <Me view={view} />}
      {view && <Body view={view} offset={offset} socket={socket} entry={entry} submit={(choice) => submit({ kind: 'motion', choice })} submitBallot={submit} />}
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
        {[me.group, me.seat ? t('deputy:seat', { seat: me.seat }) : ''].filter(Boolean).join(' · ')}
      </p>
      {me.present && (
        <span className="me__badge" data-testid="checked-in">
          {t('deputy:checkedIn')}
        </span>
      )}
    </section>
  );
}

type BodyProps = Parameters<typeof MotionBody>[0] & {
  offset: number;
  socket: Parameters<typeof CheckIn>[0]['socket'];
  submitBallot: Parameters<typeof BallotBody>[0]['submit'];
};

function Body({ view, offset, socket, entry, submit, submitBallot }: BodyProps) {
  const { t } = useTranslation(['deputy', 'common']);
  if (!view.me.present) return <CheckIn socket={socket} />;
  if (!view.item) return <Notice testId="waiting" text={t('deputy:waiting')} />;
  return (
    <>
      <section className="item" data-testid="item">
        <p className="item__kind">{kindLabel(t, view.item.kind)}</p>
        <h1 className="item__title" data-testid="item-title">
          {view.item.title}
        </h1>
        {view.round && <Countdown view={view} offset={offset} />}
      </section>
      {view.item.kind === 'motion' ? (
        <MotionBody view={view} entry={entry} submit={submit} />
      ) : view.item.kind === 'projects' || view.item.kind === 'rating' ? (
        <BallotBody view={view} item={view.item} entry={entry} submit={submitBallot} />
      ) : (
        <Notice testId="unsupported" text={t('deputy:unsupported')} detail={t('deputy:unsupportedHint')} />
      )}
    </>
  );
}

function Countdown({ view, offset }: { view: DeputyView; offset: number }) {
  const { t } = useTranslation(['deputy', 'common']);
  const round = view.round;
  const live = round !== null && (round.status === 'open' || round.status === 'paused');
  const now = useTick(live);
  if (!round || !live) return null;
  const left = secondsLeft(round, now, offset);
  return (
    <p className={`countdown ${round.status === 'paused' ? 'countdown--paused' : ''}`} data-testid="countdown">
      <span className="countdown__label">{round.status === 'paused' ? t('common:round.paused') : t('deputy:remaining')}</span>
      <span className="countdown__value">{left === null ? t('deputy:noCountdown') : formatSeconds(left)}</span>
    </p>
  );
}
