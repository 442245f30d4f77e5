// Which meeting the big screen shows. A screen that names no meeting (/screen) follows the
// active meeting (设为当前会议), not the one this console works on: after a new meeting is
// prepared the screen keeps showing the old (or demo) one until someone activates the new one.
// Every console page says so under its header, and offers the switch when they differ.
// The active meeting is read from GET /api/meetings: on load, every few seconds, when the
// window gets the focus, and at once when this console activates one (ACTIVE_MEETING_EVENT).
// Polling, not a push: activation is rare, and the console views are per meeting.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { activateMeeting, listMeetings, prepareError, type MeetingRow } from './prepare/prepare-api.js';

const POLL_MS = 5000;
/** Dispatched on window by whatever activates a meeting, so every banner looks again at once. */
export const ACTIVE_MEETING_EVENT = 'wz-active-meeting';

export function announceActiveMeeting(): void {
  window.dispatchEvent(new Event(ACTIVE_MEETING_EVENT));
}

function useActiveMeeting(session: string): { active: MeetingRow | null | undefined; reload: () => void } {
  const [active, setActive] = useState<MeetingRow | null | undefined>(undefined); // undefined: not known yet
  const reload = useCallback(() => {
    void listMeetings(session, false).then((r) => {
      if (r.ok) setActive(r.value.meetings.find((m) => m.active) ?? null);
    });
  }, [session]);
  useEffect(() => {
    reload();
    const id = setInterval(reload, POLL_MS);
    window.addEventListener('focus', reload);
    window.addEventListener(ACTIVE_MEETING_EVENT, reload);
    return () => {
      clearInterval(id);
      window.removeEventListener('focus', reload);
      window.removeEventListener(ACTIVE_MEETING_EVENT, reload);
    };
  }, [reload]);
  return { active, reload };
}

interface Props {
  session: string;
  role: 'admin' | 'operator' | undefined;
  /** The meeting this console works on; null while its view has not arrived. */
  meeting: { id: string; title: string } | null;
}

export function ScreenMeetingBar({ session, role, meeting }: Props) {
  const { t } = useTranslation(['console', 'prepare']);
  const { active } = useActiveMeeting(session);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (active === undefined || meeting === null) return null;
  const same = active?.id === meeting.id;
  const activate = () => {
    setBusy(true);
    setError(null);
    void activateMeeting(session, meeting.id).then((r) => {
      setBusy(false);
      if (!r.ok) return setError(prepareError(t, r.error));
      announceActiveMeeting();
    });
  };
  return (
    <div className={`screen-meeting ${same ? 'is-same' : 'is-other'}`} role="status" data-testid="screen-meeting">
      <span className="screen-meeting__label">{t('console:screenMeeting.label')}</span>
      <strong className="screen-meeting__title" data-testid="screen-meeting-title">
        {active ? active.title : t('console:screenMeeting.none')}
      </strong>
      {same ? (
        <span className="screen-meeting__note">{t('console:screenMeeting.same')}</span>
      ) : (
        <>
          <span className="screen-meeting__note" data-testid="screen-meeting-other">
            {t('console:screenMeeting.other', { title: meeting.title })}
          </span>
          {role === 'operator' ? (
            <span className="screen-meeting__note">{t('console:screenMeeting.askAdmin')}</span>
          ) : (
            <button type="button" className="btn btn--small btn--primary" disabled={busy} onClick={activate} data-testid="screen-meeting-switch">
              {t('console:screenMeeting.switch')}
            </button>
          )}
        </>
      )}
      {error && <span className="panel__error">{error}</span>}
    </div>
  );
}
