// A plan or progress report: text, and photos, videos or documents uploaded to the media store
// first (U14, U44).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '../../../shared/supervision/model.js';
import { send, upload } from './api.js';
import { refusal } from './words.js';
import { useYearT } from '../i18n/year.js';

/** What a plan, report or visit may attach: photos, videos, PDF and Word (U14, U44); the server
 * checks each file's content all the same. */
export const ACCEPT = 'image/jpeg,image/png,image/webp,video/mp4,video/webm,application/pdf,.pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,.docx';

export function ReportForm({ session, caseId, kind, onDone }: { session: string; caseId: string; kind: 'recordPlan' | 'recordProgress'; onDone: () => void }) {
  const { t } = useTranslation(['supervision', 'common']);
  const { t: ty } = useYearT();
  const [text, setText] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setNote(null);
    const attachments: Attachment[] = [];
    for (const f of files) {
      const up = await upload(session, f);
      if (!up.ok) {
        setBusy(false);
        return setNote(refusal(t, up.error));
      }
      attachments.push(up.value);
    }
    const r = await send(session, { type: kind, caseId, report: { text, attachments } });
    setBusy(false);
    if (!r.ok) return setNote(refusal(t, r.error));
    setText('');
    setFiles([]);
    onDone();
  };

  return (
    <form className="sv-report-form" onSubmit={(e) => void submit(e)} data-testid={`sv-form-${kind}`}>
      <label className="sv-field">
        <span>{t('detail.reportText')}</span>
        <textarea value={text} required maxLength={4000} rows={3} onChange={(e) => setText(e.target.value)} data-testid="sv-report-text" />
      </label>
      <label className="sv-field">
        <span>{ty('documents.attach')}</span>
        <input type="file" multiple accept={ACCEPT} onChange={(e) => setFiles([...(e.target.files ?? [])])} data-testid="sv-report-files" />
      </label>
      <button type="submit" className="btn btn--primary" disabled={busy || !text.trim()} data-testid="sv-report-submit">
        {t(kind === 'recordPlan' ? 'detail.recordPlan' : 'detail.recordProgress')}
      </button>
      {note ? <p className="sv-note sv-note--error">{note}</p> : null}
    </form>
  );
}
