// The projects tab of /supervision: the tracked livelihood projects overdue first, each with a
// progress bar (U24); tracking the adopted projects of a 票决; the year-end delivery rating put on
// a later meeting's agenda (administrators, who edit agendas: U25); one project's details.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadBlob } from '../console/documents-api.js';
import { addDeliveryItem, loadProjects, meetingsList, projectsPath, type ProjectRow, type ProjectsView } from './projects-api.js';
import { ProjectDetail } from './projects-detail.js';
import { TrackForm } from './projects-forms.js';
import { PublishToggle } from './publish-toggle.js';
import { pct, refusal } from './words.js';
import '../styles/projects.css';

function ProjectList({ rows, selected, onSelect }: { rows: readonly ProjectRow[]; selected: string | null; onSelect: (id: string) => void }) {
  const { t } = useTranslation(['projects']);
  if (rows.length === 0) return <p className="panel__hint">{t('empty')}</p>;
  return (
    <table className="sv-list" data-testid="pj-list">
      <thead>
        <tr>
          <th>{t('list.name')}</th>
          <th>{t('list.status')}</th>
          <th className="pj-col-bar">{t('list.progress')}</th>
          <th className="pj-nowrap">{t('list.completion')}</th>
          <th>{t('list.delivery')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((p) => (
          <tr key={p.id} className={`sv-row pj-row--${p.status}${p.id === selected ? ' is-selected' : ''}`} onClick={() => onSelect(p.id)} data-testid="pj-row" data-project={p.id} data-status={p.status}>
            <td>
              <button type="button" className="btn--link sv-row__name" onClick={() => onSelect(p.id)}>
                {p.details.name}
              </button>
              <span className="pj-sub">
                {p.id} · {p.details.department || '—'}
              </span>
            </td>
            <td>
              <span className={`sv-badge pj-badge--${p.status}`}>{t(`status.${p.status}`)}</span>
              {p.missed ? <span className="sv-missed">{t(`missed.${p.missed}`)}</span> : null}
            </td>
            <td className="pj-col-bar">
              <div className="pj-bar" role="progressbar" aria-valuenow={p.percent} aria-valuemin={0} aria-valuemax={100}>
                <span className="pj-bar__fill" style={{ width: `${p.percent}%` }} />
                <span className="pj-bar__label">{p.percent}%</span>
              </div>
            </td>
            <td className="pj-nowrap">{p.details.completion ?? '—'}</td>
            <td>{p.delivery ? pct(p.delivery.satisfactionRate) : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** [U25] Administrators put the delivery rating of the picked projects on a meeting's agenda. */
function DeliveryPanel({ session, rows }: { session: string; rows: readonly ProjectRow[] }) {
  const { t } = useTranslation(['projects', 'supervision']);
  const [meetings, setMeetings] = useState<{ id: string; title: string }[]>([]);
  const [meetingId, setMeetingId] = useState('');
  const [picked, setPicked] = useState<Set<string>>(() => new Set(rows.map((p) => p.id)));
  const [note, setNote] = useState<string | null>(null);
  useEffect(() => {
    void meetingsList(session).then((r) => {
      if (!r.ok) return setNote(refusal(t, r.error));
      setMeetings(r.value);
      setMeetingId((m) => m || (r.value[r.value.length - 1]?.id ?? ''));
    });
  }, [session, t]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // The rating's subjects in the order the vote published them, whatever the list's order today.
    const ids = rows
      .filter((p) => picked.has(p.id))
      .sort((a, b) => a.adoptedBy.rank - b.adoptedBy.rank || a.id.localeCompare(b.id, 'en', { numeric: true }))
      .map((p) => p.id);
    void addDeliveryItem(session, meetingId, ids).then((r) => setNote(r.ok ? t('delivery.done', { count: ids.length }) : refusal(t, r.error)));
  };
  const toggle = (id: string) => setPicked((s) => (s.has(id) ? new Set([...s].filter((x) => x !== id)) : new Set([...s, id])));
  return (
    <form className="panel sv-form" onSubmit={submit} data-testid="pj-delivery-form">
      <h2 className="panel__title">{t('delivery.heading')}</h2>
      <p className="panel__hint">{t('delivery.hint')}</p>
      <div className="pj-roster">
        {rows.map((p) => (
          <label key={p.id} className="pj-roster__one">
            <input type="checkbox" checked={picked.has(p.id)} onChange={() => toggle(p.id)} /> {p.details.name}
          </label>
        ))}
      </div>
      <label className="sv-field">
        <span>{t('delivery.meeting')}</span>
        <select value={meetingId} onChange={(e) => setMeetingId(e.target.value)} data-testid="pj-delivery-meeting">
          {meetings.map((m) => (
            <option key={m.id} value={m.id}>
              {m.title}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="btn btn--primary" disabled={!meetingId || picked.size === 0} data-testid="pj-delivery-submit">
        {t('delivery.submit')}
      </button>
      {note ? (
        <p className="sv-note" role="status" data-testid="pj-delivery-note">
          {note}
        </p>
      ) : null}
    </form>
  );
}

export function ProjectsTab({ session, admin, projectId }: { session: string; admin: boolean; projectId: string | null }) {
  const { t } = useTranslation(['projects', 'supervision']);
  const [view, setView] = useState<ProjectsView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(projectId);
  const reload = useCallback(() => {
    void loadProjects(session).then((r) => {
      if (r.ok) {
        setView(r.value);
        setError(null);
      } else setError(refusal(t, r.error));
    });
  }, [session, t]);
  useEffect(reload, [reload]);
  const select = (id: string) => {
    setSelected(id);
    window.history.replaceState(null, '', projectsPath(id));
  };
  const current = view?.projects.find((p) => p.id === selected) ?? null;
  return (
    <div className="sv-grid">
      <div className="sv-col">
        <section className="panel" data-testid="pj-panel">
          <header className="sv-detail__head">
            <h2 className="panel__title">{t('heading')}</h2>
            {view ? (
              <span className="pj-counts" data-testid="pj-counts">
                {t('counts', view.counts)}
              </span>
            ) : null}
            <button type="button" className="btn btn--ghost" onClick={() => void downloadBlob(session, '/api/supervision/projects.xlsx', `${t('heading')}-${view?.today ?? ''}.xlsx`)} data-testid="pj-export">
              {t('export')}
            </button>
          </header>
          {error ? <p className="panel__error">{error}</p> : null}
          {view ? <ProjectList rows={view.projects} selected={selected} onSelect={select} /> : <p className="panel__hint">{t('supervision:loading')}</p>}
        </section>
        <TrackForm session={session} onDone={reload} />
        {admin && view && view.projects.length > 0 ? <DeliveryPanel key={view.projects.length} session={session} rows={view.projects} /> : null}
      </div>
      <div className="sv-col">
        {current && view ? <PublishToggle session={session} role={admin ? 'admin' : 'operator'} kind="project" id={current.id} published={view.published.includes(current.id)} onChanged={reload} /> : null}
        {current && view ? <ProjectDetail key={current.id} session={session} p={current} today={view.today} onChanged={reload} /> : null}
      </div>
    </div>
  );
}
