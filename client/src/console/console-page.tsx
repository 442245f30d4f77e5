// The moderator console (/console): sign-in when there is no session, else the panels.
// Panels are independent components over one ConsoleView (see panel.ts); add new ones to
// the layout below.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Command } from '../../../shared/protocol.js';
import { ConnBanner } from '../common/conn-banner.js';
import { LangToggle } from '../common/lang-toggle.js';
import { SeeStaff } from '../common/see-staff.js';
import { errorText } from '../i18n/errors.js';
import { ACK_TIMEOUT_MS, ackResult, type AckOrTimeout } from '../net/emit.js';
import { useConsoleSocket } from '../net/use-console-socket.js';
import { AgendaPanel } from './agenda-panel.js';
import { AlarmBanner } from './alarm-banner.js';
import { logout } from './api.js';
import { LoginView } from './login-view.js';
import { ConsoleTabs } from './prepare/console-tabs.js';
import { QrSheetPage } from './prepare/qr-sheet-page.js';
import { NoticePage } from './notice-page.js';
import type { PanelProps } from './panel.js';
import { ResultPanel } from './result-panel.js';
import { AudiencePanel } from './audience-panel.js';
import { RehearsalBanner, RehearsalPanel } from './rehearsal.js';
import { RosterPanel } from './roster-panel.js';
import { RundownPanel } from './rundown-panel.js';
import { RoundControls } from './round-controls.js';
import { ScenePanel } from './scene-panel.js';
import { ScreenMeetingBar } from './screen-meeting.js';
import { ShortcutLegend } from './shortcut-legend.js';
import { useSession } from './session.js';
import { TurnoutPanel } from './turnout-panel.js';
import '../styles/console.css';
import { version as APP_VERSION } from '../../../package.json'; // shown small: which copy runs, for a support call
import { ChainHead } from '../common/chain-head.js';

export function ConsolePage({ meetingId }: { meetingId: string | undefined }) {
  const { t } = useTranslation(['console', 'common']);
  const { session, save, clear } = useSession();
  const [expired, setExpired] = useState(false);
  const sock = useConsoleSocket(session?.token ?? null, meetingId);
  const { socket } = sock;

  const send = useCallback(
    (c: Command) =>
      new Promise<AckOrTimeout<object>>((resolve) => {
        if (!socket?.connected) return resolve({ ok: false, error: 'NETWORK' });
        socket.timeout(ACK_TIMEOUT_MS).emit('command', c, ackResult(resolve));
      }),
    [socket],
  );

  // The server refused the stored session (expired, or signed out elsewhere): sign in again.
  const refused = sock.fatal === 'UNAUTHORIZED';
  useEffect(() => {
    if (refused && session) {
      clear();
      setExpired(true);
    }
  }, [refused, session, clear]);

  if (!session || refused) {
    return (
      <LoginView
        notice={expired || refused ? errorText(t, 'UNAUTHORIZED') : null}
        onSignedIn={(s) => {
          setExpired(false);
          save(s);
        }}
      />
    );
  }
  if (sock.fatal === 'PROTOCOL_MISMATCH') return <SeeStaff reason="PROTOCOL_MISMATCH" role="console" />;
  const query = new URLSearchParams(window.location.search); // ?print=qr: the printable QR sheet
  const printId = meetingId ?? sock.view?.meeting.id;
  if (query.get('print') === 'qr' && printId) return <QrSheetPage session={session.token} meetingId={printId} deputies={query.getAll('deputy')} />;
  const noticeItem = query.get('item'); // ?print=notice&item=…: the 公告 or 测评结果通报 to print
  if (query.get('print') === 'notice' && printId && noticeItem) return <NoticePage session={session.token} meetingId={printId} itemId={noticeItem} />;

  const signOut = () => {
    void logout(session.token);
    clear();
  };

  const view = sock.view;
  return (
    <div className="console">
      <header className="console__head">
        <span className="console__app">{t('common:appName')}</span>
        <span className="console__version" data-testid="app-version">
          v{APP_VERSION}
        </span>
        <span className="console__meeting" data-testid="console-meeting">
          {view?.meeting.title ?? ''}
        </span>
        {view?.rehearsal && (
          <span className="console__rehearsal" data-testid="console-rehearsal-mark">
            {t('console:rehearsal.mark')}
          </span>
        )}
        {view?.auditHead && <ChainHead head={view.auditHead} place="console" testId="console-chain-head" />}
        <a className="btn btn--ghost console__supervision" href="/supervision" data-testid="link-supervision">
          {t('supervision:title')}
        </a>
        <span className="console__user">{t('console:login.signedInAs', { name: session.username })}</span>
        <LangToggle role="console" />
        <button type="button" className="btn btn--ghost" onClick={signOut} data-testid="logout">
          {t('console:login.logout')}
        </button>
      </header>
      <ScreenMeetingBar session={session.token} role={session.role} meeting={view ? { id: view.meeting.id, title: view.meeting.title } : null} />
      <ConnBanner conn={sock.conn} hasView={view !== null} />
      <AlarmBanner alarm={sock.alarm} onDismiss={sock.dismissAlarm} />
      <ConsoleTabs view={view} role={session.role} send={send} offset={sock.offset} session={session.token} live={view && <Panels view={view} send={send} offset={sock.offset} session={session.token} />} />
    </div>
  );
}

function Panels(p: PanelProps) {
  return (
    <>
      <RehearsalBanner {...p} />
      <div className="console__grid">
        <div className="console__col console__col--left">
          {/* Attendance first: it must stay in view however long the agenda grows. */}
          <TurnoutPanel {...p} />
          <AgendaPanel {...p} />
          <RehearsalPanel {...p} />
          <ShortcutLegend />
        </div>
        <div className="console__col console__col--main">
          <div className="console__row">
            <RoundControls {...p} />
            <ResultPanel {...p} />
          </div>
          <RundownPanel {...p} />
          <ScenePanel {...p} />
          <AudiencePanel {...p} />
          <RosterPanel {...p} />
        </div>
      </div>
    </>
  );
}
