// The big screen (/screen): a 1920x1080 stage for the chamber projector and the TV feed.
// It only ever shows the latest full view; while disconnected it keeps the last frame (with a
// small marker for the operator) rather than blanking in front of the cameras.
import { useTranslation } from 'react-i18next';
import type { ScreenView } from '../../../shared/views.js';
import { SeeStaff } from '../common/see-staff.js';
import { kindLabel } from '../i18n/labels.js';
import { useScreenSocket } from '../net/use-screen-socket.js';
import { MotionResult } from './motion-result.js';
import { Stage } from './stage.js';
import { TurnoutSide } from './turnout-side.js';
import { VotingPanel } from './voting-panel.js';
import '../styles/screen.css';

export function ScreenPage({ meetingId }: { meetingId: string | undefined }) {
  const { t } = useTranslation(['screen', 'common']);
  const { view, offset, conn, fatal, noMeeting } = useScreenSocket(meetingId);
  if (fatal === 'PROTOCOL_MISMATCH') return <SeeStaff reason={fatal} role="screen" />;
  return (
    <Stage>
      <div className="screen" data-testid="screen">
        <header className="screen__head">
          <h1 className="screen__meeting" data-testid="screen-meeting">
            {view?.meeting.title ?? t('common:appName')}
          </h1>
          <span className="screen__date">{view?.meeting.date}</span>
        </header>
        {view ? <ScreenBody view={view} offset={offset} /> : <p className="screen__waiting">{noMeeting ? t('screen:waiting') : ''}</p>}
        {conn !== 'online' && view && <span className="screen__offline" data-testid="screen-offline" title={t('common:net.offline')} />}
      </div>
    </Stage>
  );
}

function ScreenBody({ view, offset }: { view: ScreenView; offset: number }) {
  const { t } = useTranslation(['screen', 'common']);
  const { item, round } = view;
  return (
    <div className="screen__body">
      <main className="screen__main">
        {item ? (
          <div className="screen__item">
            <p className="screen__kind">
              {kindLabel(t, item.kind)}
              {round && <span className={`status status--${round.status}`} data-testid="screen-status">{t(`common:round.${round.status}`)}</span>}
              {round?.withoutQuorum && <span className="tag tag--warn">{t('common:round.withoutQuorum')}</span>}
            </p>
            <h2 className="screen__title" data-testid="screen-item-title">
              {item.title}
            </h2>
          </div>
        ) : (
          <p className="screen__waiting">{t('screen:waiting')}</p>
        )}
        {item && <Stateful view={view} offset={offset} />}
      </main>
      <TurnoutSide turnout={view.turnout} />
    </div>
  );
}

function Stateful({ view, offset }: { view: ScreenView; offset: number }) {
  const { t } = useTranslation(['screen', 'common']);
  const { item, round, result } = view;
  if (!item) return null;
  if (!round) return <p className="screen__message">{t('screen:notStarted')}</p>;
  if (round.status === 'voided') return <p className="screen__message">{t('screen:voided')}</p>;
  if (round.status === 'open' || round.status === 'paused') {
    return <VotingPanel round={round} present={view.turnout.present} result={result} offset={offset} />;
  }
  if (result?.kind === 'motion' && item.kind === 'motion') {
    return <MotionResult result={result} settings={item.settings} manual={round.manual} />;
  }
  return (
    <div className="screen__closed">
      <p className="screen__message" data-testid="screen-closed">
        {t('screen:closedAwaiting')}
      </p>
      {!round.manual && (
        <p className="screen__closed-cast">
          {t('screen:votedOfPresent')} {round.voterCount} / {t('screen:ofPresent')} {view.turnout.present}
        </p>
      )}
    </div>
  );
}
