// A meeting's title, date and quorum rule: the form for a new meeting and for editing one;
// editing also sets what the documents print (place, the 公告's issuing body and first number).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Threshold } from '../../../../shared/model.js';
import { prepareError, type Answer, type MeetingFields } from './prepare-api.js';

interface Props {
  initial?: MeetingFields;
  submitLabel: string;
  disabled?: boolean;
  onSubmit: (f: MeetingFields) => Promise<Answer<unknown>>;
}

export function MeetingForm({ initial, submitLabel, disabled, onSubmit }: Props) {
  const { t } = useTranslation(['prepare', 'common']);
  const [f, setF] = useState<MeetingFields>(initial ?? { title: '', date: '', quorum: 'half' });
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const docs = f.issuer === undefined ? {} : { place: f.place?.trim() ?? '', issuer: f.issuer.trim(), noticeFrom: f.noticeFrom ?? 1 };
    void onSubmit({ ...f, title: f.title.trim(), date: f.date.trim(), ...docs }).then((r) => {
      setBusy(false);
      setNote(r.ok ? { ok: true, text: t('prepare:meeting.saved') } : { ok: false, text: prepareError(t, r.error) });
    });
  };
  return (
    <form className="meeting-form" onSubmit={submit} data-testid="meeting-form">
      <label className="form__field form__field--wide">
        <span>{t('prepare:meeting.name')}</span>
        <input required maxLength={120} value={f.title} disabled={disabled} onChange={(e) => setF({ ...f, title: e.target.value })} data-testid="meeting-title" />
      </label>
      <label className="form__field">
        <span>{t('prepare:meeting.date')}</span>
        <input maxLength={40} value={f.date} disabled={disabled} onChange={(e) => setF({ ...f, date: e.target.value })} data-testid="meeting-date" />
      </label>
      {/* Wide: its options are whole sentences, cut off in half the narrow meetings panel. */}
      <label className="form__field form__field--wide">
        <span>{t('prepare:meeting.quorum')}</span>
        <select value={f.quorum} disabled={disabled} onChange={(e) => setF({ ...f, quorum: e.target.value as Threshold })} data-testid="meeting-quorum">
          <option value="half">{t('prepare:meeting.quorumHalf')}</option>
          <option value="twoThirds">{t('prepare:meeting.quorumTwoThirds')}</option>
        </select>
      </label>
      {f.issuer !== undefined && (
        <>
          <label className="form__field">
            <span>{t('prepare:meeting.place')}</span>
            <input maxLength={60} value={f.place ?? ''} disabled={disabled} onChange={(e) => setF({ ...f, place: e.target.value })} data-testid="meeting-place" />
          </label>
          <label className="form__field form__field--wide">
            <span>{t('prepare:meeting.issuer')}</span>
            <input maxLength={80} value={f.issuer} placeholder={t('prepare:meeting.issuerHint')} disabled={disabled} onChange={(e) => setF({ ...f, issuer: e.target.value })} data-testid="meeting-issuer" />
          </label>
          <label className="form__field">
            <span>{t('prepare:meeting.noticeFrom')}</span>
            <input type="number" min={1} max={9999} value={f.noticeFrom ?? 1} disabled={disabled} onChange={(e) => setF({ ...f, noticeFrom: Math.max(1, Math.floor(Number(e.target.value) || 1)) })} data-testid="meeting-notice-from" />
          </label>
        </>
      )}
      <div className="meeting-form__actions">
        <button type="submit" className="btn btn--primary" disabled={disabled || busy || f.title.trim() === ''} data-testid="meeting-submit">
          {submitLabel}
        </button>
        {note && <span className={note.ok ? 'import__done' : 'panel__error'}>{note.text}</span>}
      </div>
    </form>
  );
}
