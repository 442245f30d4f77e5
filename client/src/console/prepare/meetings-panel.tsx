// Every meeting on this server: open one in the console, make it the current meeting (the one
// phones and screens follow), duplicate it for the next sitting, archive or restore it.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MeetingForm } from './meeting-form.js';
import {
  activateMeeting,
  archiveMeeting,
  createMeeting,
  duplicateMeeting,
  listMeetings,
  prepareError,
  type Answer,
  type MeetingRow,
} from './prepare-api.js';
import { announceActiveMeeting } from '../screen-meeting.js';

/** Open a meeting in the console: the socket follows ?meeting=. */
export function openMeeting(id: string, tab = 'prepare'): void {
  window.location.assign(`/console?meeting=${encodeURIComponent(id)}&tab=${tab}`);
}

export function MeetingsPanel({ session, currentId, version }: { session: string; currentId: string | null; version: number }) {
  const { t } = useTranslation(['prepare', 'common']);
  const [all, setAll] = useState(false);
  const [rows, setRows] = useState<MeetingRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);

  const load = useCallback(() => {
    void listMeetings(session, all).then((r) => (r.ok ? setRows(r.value.meetings) : setError(prepareError(t, r.error))));
  }, [session, all, t]);
  useEffect(load, [load, version]);

  const run = (p: Promise<Answer<unknown>>, then?: () => void) => {
    setError(null);
    void p.then((r) => {
      if (!r.ok) return setError(prepareError(t, r.error));
      load();
      then?.();
    });
  };

  return (
    <section className="panel meetings" data-testid="meetings-panel">
      <h2 className="panel__title">{t('prepare:meetings.title')}</h2>
      <label className="form__check">
        <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} />
        {t('prepare:meetings.showArchived')}
      </label>
      {error && <p className="panel__error">{error}</p>}
      {rows?.length === 0 && <p className="panel__hint">{t('prepare:meetings.none')}</p>}
      <ul className="meetings__list">
        {rows?.map((m) => (
          <li key={m.id} className={`${m.id === currentId ? 'is-current' : ''} ${m.archived ? 'is-archived' : ''}`} data-testid={`meeting-${m.id}`}>
            <div className="meetings__name">
              <strong>{m.title}</strong>
              <span className="muted">
                {m.date} · {t('prepare:meetings.counts', { roster: m.roster, agenda: m.agenda })}
              </span>
              <span>
                {m.active && <span className="ptag ptag--ok">{t('prepare:meetings.active')}</span>}
                {m.archived && <span className="ptag">{t('prepare:meetings.archived')}</span>}
              </span>
            </div>
            <div className="meetings__tools">
              {m.id === currentId ? (
                <span className="muted">{t('prepare:meetings.current')}</span>
              ) : (
                <button type="button" className="btn btn--small" onClick={() => openMeeting(m.id)} data-testid="meeting-open">
                  {t('prepare:meetings.open')}
                </button>
              )}
              {!m.active && !m.archived && (
                <button type="button" className="btn btn--small" onClick={() => run(activateMeeting(session, m.id), announceActiveMeeting)}>
                  {t('prepare:meetings.activate')}
                </button>
              )}
              <button
                type="button"
                className="btn btn--small"
                onClick={() => run(duplicateMeeting(session, m.id, t('prepare:meetings.duplicateTitle', { title: m.title })))}
                data-testid="meeting-duplicate"
              >
                {t('prepare:meetings.duplicate')}
              </button>
              {m.archived ? (
                <button type="button" className="btn btn--small" onClick={() => run(archiveMeeting(session, m.id, false))}>
                  {t('prepare:meetings.restore')}
                </button>
              ) : (
                <button
                  type="button"
                  className="btn btn--small"
                  onClick={() => window.confirm(t('prepare:meetings.archiveConfirm', { title: m.title })) && run(archiveMeeting(session, m.id, true))}
                >
                  {t('prepare:meetings.archive')}
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
      {creating ? (
        <MeetingForm
          submitLabel={t('prepare:meeting.create')}
          onSubmit={(f) =>
            createMeeting(session, f).then((r) => {
              if (r.ok) openMeeting(r.value.id);
              return r;
            })
          }
        />
      ) : (
        <button type="button" className="btn btn--primary" onClick={() => setCreating(true)} data-testid="meeting-new">
          + {t('prepare:meetings.new')}
        </button>
      )}
    </section>
  );
}
