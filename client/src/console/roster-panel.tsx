// The roster: who is present and how (self or staff), staff check-in and undo, and each
// deputy's personal link with its QR code (links from GET /api/meetings/:id/links).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../i18n/errors.js';
import { deputyLinks, type DeputyLink } from './api.js';
import { LinkQr } from './link-qr.js';
import type { PanelProps } from './panel.js';

type Links = { state: 'loading' } | { state: 'failed'; error: string } | { state: 'ok'; byId: Map<string, DeputyLink> };

export function RosterPanel({ view, send, session }: PanelProps) {
  const { t } = useTranslation(['console', 'common']);
  const meetingId = view.meeting.id;
  const linksVersion = view.linksVersion;
  const [links, setLinks] = useState<Links>({ state: 'loading' });
  const [qrFor, setQrFor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void deputyLinks(session, meetingId).then((r) => {
      if (!live) return;
      setLinks(r.ok ? { state: 'ok', byId: new Map(r.value.map((l) => [l.deputyId, l])) } : { state: 'failed', error: errorText(t, r.error) });
    });
    return () => {
      live = false;
    };
  }, [session, meetingId, linksVersion, t]); // a link reissued anywhere (another console too): fetch again

  const act = (type: 'checkIn' | 'undoCheckIn', deputyId: string) => {
    setError(null);
    void send({ type, deputyId }).then((r) => {
      if (!r.ok) setError(errorText(t, r.error));
    });
  };

  return (
    <section className="panel roster" data-testid="roster-panel">
      <h2 className="panel__title">{t('console:roster.title')}</h2>
      {links.state === 'loading' && <p className="panel__hint">{t('console:roster.loadingLinks')}</p>}
      {links.state === 'failed' && <p className="panel__error">{t('console:roster.linksFailed', { message: links.error })}</p>}
      {error && (
        <p className="panel__error" role="alert">
          {error}
        </p>
      )}
      <div className="roster__scroll">
        <table className="roster__table">
          <thead>
            <tr>
              <th>{t('console:roster.name')}</th>
              <th>{t('console:roster.group')}</th>
              <th>{t('console:roster.seat')}</th>
              <th>{t('console:roster.state')}</th>
              <th>{t('console:roster.actions')}</th>
              <th>{t('console:roster.link')}</th>
            </tr>
          </thead>
          <tbody>
            {view.roster.map((d) => {
              const link = links.state === 'ok' ? (links.byId.get(d.id)?.url ?? null) : null;
              return (
                <tr key={d.id} data-testid={`roster-row-${d.id}`} className={d.present ? 'is-present' : ''}>
                  <td className="roster__name">{d.name}</td>
                  <td>{d.group}</td>
                  <td>{d.seat}</td>
                  <td data-testid="roster-state">
                    {d.present ? (d.by === 'staff' ? t('console:roster.byStaff') : t('console:roster.bySelf')) : <span className="muted">{t('console:roster.absent')}</span>}
                  </td>
                  <td>
                    {d.present ? (
                      <button type="button" className="btn btn--small" onClick={() => act('undoCheckIn', d.id)} data-testid="undo-check-in">
                        {t('console:roster.undo')}
                      </button>
                    ) : (
                      <button type="button" className="btn btn--small" onClick={() => act('checkIn', d.id)} data-testid="staff-check-in">
                        {t('console:roster.checkIn')}
                      </button>
                    )}
                  </td>
                  <td className="roster__link">
                    {link ? (
                      <>
                        <a href={link} target="_blank" rel="noreferrer" data-testid="deputy-link">
                          {link}
                        </a>
                        <button type="button" className="btn btn--small" onClick={() => setQrFor(qrFor === d.id ? null : d.id)} data-testid="toggle-qr">
                          {qrFor === d.id ? t('console:roster.hideQr') : t('console:roster.showQr')}
                        </button>
                        {qrFor === d.id && <LinkQr url={link} />}
                      </>
                    ) : (
                      links.state === 'ok' && <span className="muted">{t('console:roster.noLink')}</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
