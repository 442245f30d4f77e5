// Opening cases: from a closed rating (every flagged subject, U4), or one by hand.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ratingItems, send } from './api.js';
import { refusal } from './words.js';

type RatingRef = { meetingId: string; meetingTitle: string; itemId: string; title: string };

export function OpenFromRating({ session, onDone }: { session: string; onDone: () => void }) {
  const { t } = useTranslation(['supervision', 'common']);
  const [items, setItems] = useState<RatingRef[] | null>(null);
  const [pick, setPick] = useState('');
  const [lead, setLead] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void ratingItems(session).then((r) => {
      if (!r.ok) return setNote(refusal(t, r.error));
      setItems(r.value);
      if (r.value[0]) setPick(`${r.value[0].meetingId}/${r.value[0].itemId}`);
    });
  }, [session, t]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const [meetingId = '', itemId = ''] = pick.split('/');
    setBusy(true);
    void send(session, { type: 'openFromRating', meetingId, itemId, lead }).then((r) => {
      setBusy(false);
      setNote(r.ok ? t('open.done', { count: r.value.caseIds.length }) : refusal(t, r.error));
      if (r.ok) onDone();
    });
  };

  return (
    <form className="panel sv-form" onSubmit={submit} data-testid="sv-open-rating">
      <h2 className="panel__title">{t('open.heading')}</h2>
      {items?.length === 0 ? <p className="panel__hint">{t('open.noItems')}</p> : null}
      <label className="sv-field">
        <span>{t('open.item')}</span>
        <select value={pick} onChange={(e) => setPick(e.target.value)} data-testid="sv-rating-item">
          {(items ?? []).map((it) => (
            <option key={`${it.meetingId}/${it.itemId}`} value={`${it.meetingId}/${it.itemId}`}>
              {it.meetingTitle} · {it.title}
            </option>
          ))}
        </select>
      </label>
      <label className="sv-field">
        <span>{t('open.lead')}</span>
        <input value={lead} maxLength={80} placeholder={t('open.leadHint')} onChange={(e) => setLead(e.target.value)} data-testid="sv-lead" />
      </label>
      <button type="submit" className="btn btn--primary" disabled={busy || !pick} data-testid="sv-open-submit">
        {t('open.submit')}
      </button>
      {note ? (
        <p className="sv-note" role="status" data-testid="sv-open-note">
          {note}
        </p>
      ) : null}
    </form>
  );
}

export function OpenByHand({ session, onDone }: { session: string; onDone: () => void }) {
  const { t } = useTranslation(['supervision', 'common']);
  const [department, setDepartment] = useState('');
  const [head, setHead] = useState('');
  const [lead, setLead] = useState('');
  const [note, setNote] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void send(session, { type: 'openCase', details: { department, head, lead, questions: [], commitments: [] } }).then((r) => {
      setNote(r.ok ? t('open.done', { count: r.value.caseIds.length }) : refusal(t, r.error));
      if (r.ok) {
        setDepartment('');
        setHead('');
        onDone();
      }
    });
  };

  return (
    <form className="panel sv-form" onSubmit={submit}>
      <h2 className="panel__title">{t('add.heading')}</h2>
      <label className="sv-field">
        <span>{t('add.department')}</span>
        <input value={department} required maxLength={60} onChange={(e) => setDepartment(e.target.value)} />
      </label>
      <label className="sv-field">
        <span>{t('add.head')}</span>
        <input value={head} maxLength={60} onChange={(e) => setHead(e.target.value)} />
      </label>
      <label className="sv-field">
        <span>{t('open.lead')}</span>
        <input value={lead} maxLength={80} onChange={(e) => setLead(e.target.value)} />
      </label>
      <button type="submit" className="btn" disabled={!department.trim()}>
        {t('add.submit')}
      </button>
      {note ? <p className="sv-note">{note}</p> : null}
    </form>
  );
}
