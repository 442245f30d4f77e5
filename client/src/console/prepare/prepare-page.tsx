// 会议准备: the meetings on this server, and for the meeting open in the console its title,
// date and quorum rule, the roster import, the agenda editor and the QR cards to print.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AgendaEditor } from './agenda-editor.js';
import { ImportBox } from './import-box.js';
import { MeetingForm } from './meeting-form.js';
import { MeetingsPanel } from './meetings-panel.js';
import { UsersPanel } from './users-panel.js';
import { downloadQrPdf, getMeeting, prepareError, updateMeeting, type MeetingDetail } from './prepare-api.js';

export function PreparePage({ session, meetingId }: { session: string; meetingId: string | null }) {
  const { t } = useTranslation(['prepare', 'common']);
  const [detail, setDetail] = useState<MeetingDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    if (!meetingId) return;
    let live = true;
    void getMeeting(session, meetingId).then((r) => {
      if (!live) return;
      if (r.ok) setDetail(r.value);
      else setError(prepareError(t, r.error));
    });
    return () => {
      live = false;
    };
  }, [session, meetingId, version, t]);

  return (
    <div className="prepare" data-testid="prepare-page">
      <div className="prepare__side">
        <MeetingsPanel session={session} currentId={meetingId} version={version} />
        <UsersPanel session={session} />
      </div>
      <div className="prepare__main">
        {error && <p className="panel__error">{error}</p>}
        {detail && (
          <>
            <section className="panel">
              <h2 className="panel__title">{t('prepare:meeting.title')}</h2>
              {detail.archived && <p className="panel__hint">{t('prepare:meeting.archivedNote')}</p>}
              <MeetingForm
                key={detail.meeting.id}
                initial={{
                  title: detail.meeting.title,
                  date: detail.meeting.date,
                  quorum: detail.meeting.settings.quorum,
                  place: detail.meeting.settings.place ?? '',
                  issuer: detail.meeting.settings.issuer ?? '',
                  noticeFrom: detail.meeting.settings.noticeFrom ?? 1,
                }}
                submitLabel={t('prepare:meeting.save')}
                disabled={detail.archived}
                onSubmit={(f) =>
                  updateMeeting(session, detail.meeting.id, f).then((r) => {
                    if (r.ok) reload();
                    return r;
                  })
                }
              />
            </section>
            <section className="panel" data-testid="roster-import">
              <h2 className="panel__title">
                {t('prepare:import.rosterTitle')} · {t('prepare:meetings.counts', { roster: detail.roster.length, agenda: detail.agenda.length })}
              </h2>
              <ImportBox kind="roster" meetingId={detail.meeting.id} session={session} onImported={reload} disabled={detail.archived || detail.rosterLocked} />
            </section>
            <AgendaEditor
              meetingId={detail.meeting.id}
              session={session}
              agenda={detail.agenda}
              lockedItems={detail.lockedItems}
              readOnly={detail.archived}
              onSaved={reload}
            />
            <QrLinks session={session} meetingId={detail.meeting.id} title={detail.meeting.title} />
          </>
        )}
      </div>
    </div>
  );
}

function QrLinks({ session, meetingId, title }: { session: string; meetingId: string; title: string }) {
  const { t } = useTranslation(['prepare', 'common']);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const pdf = () => {
    setBusy(true);
    setError(null);
    void downloadQrPdf(session, meetingId, `${title}-二维码.pdf`).then((r) => {
      setBusy(false);
      if (!r.ok) setError(prepareError(t, r.error));
    });
  };
  return (
    <section className="panel" data-testid="qr-links">
      <h2 className="panel__title">{t('prepare:links.title')}</h2>
      <p className="panel__hint">{t('prepare:links.hint')}</p>
      <div className="import__row">
        <a className="btn btn--primary" href={`/console?meeting=${encodeURIComponent(meetingId)}&print=qr`} target="_blank" rel="noreferrer" data-testid="qr-print-view">
          {t('prepare:links.printView')}
        </a>
        <button type="button" className="btn" onClick={pdf} disabled={busy} data-testid="qr-pdf">
          {busy ? t('prepare:links.downloading') : t('prepare:links.pdf')}
        </button>
      </div>
      {error && <p className="panel__error">{error}</p>}
    </section>
  );
}
