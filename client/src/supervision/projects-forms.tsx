// The projects tab's forms: track the adopted projects of a closed 票决 (U20), a progress report
// with photos (U22), a supervision visit by deputies (U23), a milestone. Each sends one command;
// the tab reloads after each.
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectAttachment } from '../../../shared/supervision/projects-model.js';
import { upload } from './api.js';
import { projectsItems, rosterOf, send, type ItemRef, type ProjectRow, type RosterEntry } from './projects-api.js';
import { ACCEPT } from './report-form.js';
import { refusal } from './words.js';

type T = ReturnType<typeof useTranslation>['t'];

async function uploadAll(session: string, files: readonly File[]): Promise<{ ok: true; value: ProjectAttachment[] } | { ok: false; error: string }> {
  const out: ProjectAttachment[] = [];
  for (const f of files) {
    const up = await upload(session, f);
    if (!up.ok) return up;
    out.push(up.value);
  }
  return { ok: true, value: out };
}

/** A form's answer: a refusal in the error colour, as the case report's form shows it. */
function Note({ note, error = true, testId }: { note: string | null; error?: boolean; testId?: string }) {
  return note ? (
    <p className={error ? 'sv-note sv-note--error' : 'sv-note'} role="status" data-testid={testId}>
      {note}
    </p>
  ) : null;
}

function Files({ t, onChange }: { t: T; onChange: (f: File[]) => void }) {
  return (
    <label className="sv-field">
      <span>{t('attach')}</span>
      <input type="file" multiple accept={ACCEPT} onChange={(e) => onChange([...(e.target.files ?? [])])} data-testid="pj-files" />
    </label>
  );
}

export function TrackForm({ session, onDone }: { session: string; onDone: () => void }) {
  const { t } = useTranslation(['projects', 'supervision', 'common']);
  const [items, setItems] = useState<ItemRef[] | null>(null);
  const [pick, setPick] = useState('');
  const [lead, setLead] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    void projectsItems(session).then((r) => {
      setFailed(!r.ok);
      if (!r.ok) return setNote(refusal(t, r.error));
      setItems(r.value);
      if (r.value[0]) setPick(`${r.value[0].meetingId}/${r.value[0].itemId}`);
    });
  }, [session, t]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const [meetingId = '', itemId = ''] = pick.split('/');
    void send(session, { type: 'trackAdopted', meetingId, itemId, lead }).then((r) => {
      setFailed(!r.ok);
      setNote(r.ok ? t('track.done', { count: r.value.caseIds.length }) : refusal(t, r.error));
      if (r.ok) onDone();
    });
  };
  return (
    <form className="panel sv-form" onSubmit={submit} data-testid="pj-track">
      <h2 className="panel__title">{t('track.heading')}</h2>
      {items?.length === 0 ? <p className="panel__hint">{t('track.noItems')}</p> : null}
      <label className="sv-field">
        <span>{t('track.item')}</span>
        <select value={pick} onChange={(e) => setPick(e.target.value)} data-testid="pj-item">
          {(items ?? []).map((it) => (
            <option key={`${it.meetingId}/${it.itemId}`} value={`${it.meetingId}/${it.itemId}`}>
              {it.meetingTitle} · {it.title}
            </option>
          ))}
        </select>
      </label>
      <label className="sv-field">
        <span>{t('supervision:open.lead')}</span>
        <input value={lead} maxLength={80} placeholder={t('track.leadHint')} onChange={(e) => setLead(e.target.value)} data-testid="pj-lead" />
      </label>
      <button type="submit" className="btn btn--primary" disabled={!pick} data-testid="pj-track-submit">
        {t('track.submit')}
      </button>
      <Note note={note} error={failed} testId="pj-track-note" />
    </form>
  );
}

export function ProgressForm({ session, p, onDone }: { session: string; p: ProjectRow; onDone: () => void }) {
  const { t } = useTranslation(['projects', 'supervision', 'common']);
  const [percent, setPercent] = useState(String(p.percent));
  const [spent, setSpent] = useState(String(p.spentYuan));
  const [text, setText] = useState('');
  const [correction, setCorrection] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  // [U22] A lower figure is a correction: the form asks why before it is sent.
  const down = Number(percent) < p.percent || Number(spent) < p.spentYuan;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const up = await uploadAll(session, files);
    if (!up.ok) {
      setBusy(false);
      return setNote(refusal(t, up.error));
    }
    const r = await send(session, { type: 'reportProgress', trackedId: p.id, report: { percent: Number(percent), spentYuan: Number(spent), text, correction: down ? correction : '', attachments: up.value } });
    setBusy(false);
    if (!r.ok) return setNote(refusal(t, r.error));
    setText('');
    setCorrection('');
    setFiles([]);
    setNote(null);
    onDone();
  };
  return (
    <form className="sv-report-form" onSubmit={(e) => void submit(e)} data-testid="pj-progress-form">
      <div className="pj-pair">
        <label className="sv-field">
          <span>{t('progress.percent')}</span>
          <input type="number" min={0} max={100} step={1} required value={percent} onChange={(e) => setPercent(e.target.value)} data-testid="pj-percent" />
        </label>
        <label className="sv-field">
          <span>{t('progress.spent')}</span>
          <input type="number" min={0} step="0.01" required value={spent} onChange={(e) => setSpent(e.target.value)} data-testid="pj-spent" />
        </label>
      </div>
      <label className="sv-field">
        <span>{t('progress.text')}</span>
        <textarea value={text} required maxLength={4000} rows={2} onChange={(e) => setText(e.target.value)} data-testid="pj-progress-text" />
      </label>
      {down ? (
        <label className="sv-field">
          <span>{t('progress.correction')}</span>
          <input value={correction} required maxLength={500} onChange={(e) => setCorrection(e.target.value)} data-testid="pj-correction" />
        </label>
      ) : null}
      <Files t={t} onChange={setFiles} />
      <button type="submit" className="btn btn--primary" disabled={busy || !text.trim()} data-testid="pj-progress-submit">
        {t('progress.submit')}
      </button>
      <Note note={note} />
    </form>
  );
}

function Checks({ roster, picked, toggle }: { roster: readonly RosterEntry[]; picked: ReadonlySet<string>; toggle: (id: string) => void }): ReactNode {
  return (
    <div className="pj-roster" data-testid="pj-roster">
      {roster.map((d) => (
        <label key={d.id} className="pj-roster__one">
          <input type="checkbox" checked={picked.has(d.id)} onChange={() => toggle(d.id)} /> {d.name}
        </label>
      ))}
    </div>
  );
}

export function VisitForm({ session, p, today, onDone }: { session: string; p: ProjectRow; today: string; onDone: () => void }) {
  const { t } = useTranslation(['projects', 'supervision', 'common']);
  const [roster, setRoster] = useState<RosterEntry[]>([]);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [typed, setTyped] = useState('');
  const [date, setDate] = useState(today);
  const [kind, setKind] = useState<'inspection' | 'supervision'>('inspection');
  const [findings, setFindings] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [note, setNote] = useState<string | null>(null);
  // The deputies of the meeting that adopted the project: those who voted it in go to see it.
  useEffect(() => {
    void rosterOf(session, p.adoptedBy.meetingId).then((r) => (r.ok ? setRoster(r.value) : undefined));
  }, [session, p.adoptedBy.meetingId]);
  const toggle = (id: string) => setPicked((s) => (s.has(id) ? new Set([...s].filter((x) => x !== id)) : new Set([...s, id])));
  const deputies = [
    ...roster.filter((d) => picked.has(d.id)).map((d) => ({ name: d.name.slice(0, 40), deputyId: d.id })),
    ...typed
      .split(/[,，、\n]/)
      .map((x) => x.trim())
      .filter(Boolean)
      .map((name) => ({ name: name.slice(0, 40) })),
  ];
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const up = await uploadAll(session, files);
    if (!up.ok) return setNote(refusal(t, up.error));
    const r = await send(session, { type: 'recordVisit', trackedId: p.id, visit: { date, kind, deputies, findings, attachments: up.value } });
    if (!r.ok) return setNote(refusal(t, r.error));
    setFindings('');
    setPicked(new Set());
    setTyped('');
    setNote(null);
    onDone();
  };
  return (
    <form className="sv-report-form" onSubmit={(e) => void submit(e)} data-testid="pj-visit-form">
      <div className="pj-pair">
        <label className="sv-field">
          <span>{t('visit.date')}</span>
          <input type="date" required value={date} max={today} onChange={(e) => setDate(e.target.value)} data-testid="pj-visit-date" />
        </label>
        <label className="sv-field">
          <span>{t('visit.kind')}</span>
          <select value={kind} onChange={(e) => setKind(e.target.value === 'supervision' ? 'supervision' : 'inspection')}>
            <option value="inspection">{t('visitKind.inspection')}</option>
            <option value="supervision">{t('visitKind.supervision')}</option>
          </select>
        </label>
      </div>
      <span className="sv-field">{t('visit.roster')}</span>
      <Checks roster={roster} picked={picked} toggle={toggle} />
      <label className="sv-field">
        <span>{t('visit.typed')}</span>
        <input value={typed} maxLength={400} placeholder={t('visit.typedHint')} onChange={(e) => setTyped(e.target.value)} data-testid="pj-visit-typed" />
      </label>
      <label className="sv-field">
        <span>{t('visit.findings')}</span>
        <textarea value={findings} required maxLength={4000} rows={2} onChange={(e) => setFindings(e.target.value)} data-testid="pj-visit-findings" />
      </label>
      <Files t={t} onChange={setFiles} />
      <button type="submit" className="btn btn--primary" disabled={deputies.length === 0 || !findings.trim()} data-testid="pj-visit-submit">
        {t('visit.submit')}
      </button>
      <Note note={note} />
    </form>
  );
}

export function MilestoneForm({ session, p, onDone }: { session: string; p: ProjectRow; onDone: () => void }) {
  const { t } = useTranslation(['projects', 'supervision', 'common']);
  const [title, setTitle] = useState('');
  const [due, setDue] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void send(session, { type: 'addMilestone', trackedId: p.id, title, due }).then((r) => {
      setNote(r.ok ? null : refusal(t, r.error));
      if (r.ok) {
        setTitle('');
        setDue('');
        onDone();
      }
    });
  };
  return (
    <form className="pj-milestone-form" onSubmit={submit} data-testid="pj-milestone-form">
      <input value={title} required maxLength={120} placeholder={t('milestone.title')} onChange={(e) => setTitle(e.target.value)} data-testid="pj-milestone-title" />
      <input type="date" required value={due} onChange={(e) => setDue(e.target.value)} data-testid="pj-milestone-due" />
      <button type="submit" className="btn" disabled={!title.trim() || !due} data-testid="pj-milestone-submit">
        {t('milestone.add')}
      </button>
      <Note note={note} />
    </form>
  );
}
