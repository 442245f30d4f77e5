// The administrator's settings for supervision (U5, U11): who issues the notices, their number
// prefix, the working days each step is allowed, and the calendar of holidays and 调休 workdays
// (one date per line). Operators do not see it; the server refuses them anyway.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { send, type View } from './api.js';
import { refusal } from './words.js';

const lines = (s: string) =>
  s
    .split(/[\s,，]+/)
    .map((x) => x.trim())
    .filter(Boolean);

export function SettingsPanel({ session, view, onDone }: { session: string; view: View; onDone: () => void }) {
  const { t } = useTranslation(['supervision', 'common']);
  const [c, setC] = useState(view.config);
  const [holidays, setHolidays] = useState(view.calendar.holidays.join('\n'));
  const [workdays, setWorkdays] = useState(view.calendar.workdays.join('\n'));
  const [note, setNote] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const a = await send(session, { type: 'setConfig', config: c });
    if (!a.ok) return setNote(refusal(t, a.error));
    const b = await send(session, { type: 'setCalendar', calendar: { holidays: lines(holidays), workdays: lines(workdays) } });
    setNote(b.ok ? t('detail.saved') : refusal(t, b.error));
    if (b.ok) onDone();
  };
  const num = (k: 'noticeDays' | 'planDays' | 'completionDays') => (
    <label className="sv-field">
      <span>{t(`settings.${k}`)}</span>
      <input type="number" min={k === 'completionDays' ? 1 : 0} value={c[k]} onChange={(e) => setC({ ...c, [k]: Number(e.target.value) })} />
    </label>
  );

  return (
    <form className="panel sv-form" onSubmit={(e) => void submit(e)} data-testid="sv-settings">
      <h2 className="panel__title">{t('settings.heading')}</h2>
      <label className="sv-field">
        <span>{t('settings.issuer')}</span>
        <input value={c.issuer} required maxLength={80} onChange={(e) => setC({ ...c, issuer: e.target.value })} data-testid="sv-issuer" />
      </label>
      <label className="sv-field">
        <span>{t('settings.prefix')}</span>
        <input value={c.numberPrefix} required maxLength={12} onChange={(e) => setC({ ...c, numberPrefix: e.target.value })} />
      </label>
      <div className="sv-days">
        {num('noticeDays')}
        {num('planDays')}
        {num('completionDays')}
      </div>
      <div className="sv-days">
        <label className="sv-field">
          <span>{t('settings.holidays')}</span>
          <textarea rows={4} value={holidays} placeholder="2026-10-01" onChange={(e) => setHolidays(e.target.value)} data-testid="sv-holidays" />
        </label>
        <label className="sv-field">
          <span>{t('settings.workdays')}</span>
          <textarea rows={4} value={workdays} placeholder="2026-10-10" onChange={(e) => setWorkdays(e.target.value)} />
        </label>
      </div>
      <button type="submit" className="btn" data-testid="sv-settings-save">
        {t('detail.save')}
      </button>
      {note ? <p className="sv-note">{note}</p> : null}
    </form>
  );
}
