// Preparing a questioning segment (问政环节): the department and the person answering, the
// questions in order (asker, topic, text, seconds for question and answer, evidence uploaded
// to the server), and the rating item that follows. "Add segment" adds both items at once.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RatingSettings, type AgendaItem, type RatingItem, type SegmentItem, type SegmentQuestion } from '../../../../shared/model.js';
import { uploadMedia } from './media-upload.js';

const rid = (p: string) => p + Array.from(crypto.getRandomValues(new Uint8Array(4)), (b) => b.toString(16).padStart(2, '0')).join('');

/** A new segment and its rating item (one subject: the department, G12), linked. */
export function newSegment(title: string, ratingTitle: string, department: string): [SegmentItem, RatingItem] {
  const ratingId = rid('r');
  return [
    { id: rid('s'), kind: 'segment', title, description: '', department, person: { name: '—', title: '' }, questions: [blankQuestion()], ratingItemId: ratingId },
    { id: ratingId, kind: 'rating', title: ratingTitle, description: '', settings: RatingSettings.parse({}), subjects: [{ id: rid('d'), name: department, person: '', title: '' }] },
  ];
}

function blankQuestion(): SegmentQuestion {
  return { id: rid('q'), asker: '—', topic: '—', text: '', questionSec: 120, answerSec: 180 };
}

interface Props {
  item: SegmentItem;
  agenda: readonly AgendaItem[];
  session: string;
  onChange: (item: SegmentItem) => void;
}

export function SegmentEditor({ item, agenda, session, onChange }: Props) {
  const { t } = useTranslation(['segments', 'prepare']);
  const [note, setNote] = useState<string | null>(null);
  const ratings = agenda.filter((it): it is RatingItem => it.kind === 'rating');
  const setQ = (i: number, patch: Partial<SegmentQuestion>) => onChange({ ...item, questions: item.questions.map((q, k) => (k === i ? { ...q, ...patch } : q)) });
  const moveQ = (i: number, by: -1 | 1) => {
    const qs = item.questions.slice();
    const [q] = qs.splice(i, 1);
    if (q) qs.splice(i + by, 0, q);
    onChange({ ...item, questions: qs });
  };
  const text = (label: string, value: string, on: (v: string) => void, testId?: string) => (
    <label className="form__field">
      <span>{label}</span>
      <input value={value} onChange={(e) => on(e.target.value)} data-testid={testId} />
    </label>
  );
  const secs = (label: string, value: number, on: (v: number) => void) => (
    <label className="form__field">
      <span>{label}</span>
      <input type="number" min={10} max={3600} value={value} onChange={(e) => on(Math.min(3600, Math.max(10, Math.round(Number(e.target.value)) || 10)))} />
    </label>
  );
  const attach = (i: number, file: File | undefined) => {
    if (!file) return;
    setNote(t('segments:editor.uploading'));
    void uploadMedia(session, file).then((r) => {
      if (!r.ok && r.error === 'UNSUPPORTED_MEDIA') return setNote(r.detected ? t('segments:editor.unsupportedNamed', { format: r.detected.toUpperCase() }) : t('segments:editor.unsupported'));
      if (!r.ok) return setNote(t('segments:editor.uploadFailed'));
      setQ(i, { evidence: { mediaId: r.mediaId, type: r.type } });
      setNote(null);
    });
  };

  return (
    <div className="item-form segment-editor" data-testid="segment-editor">
      {text(t('prepare:agenda.itemTitle'), item.title, (title) => onChange({ ...item, title }))}
      {text(t('segments:editor.department'), item.department, (department) => onChange({ ...item, department }), 'segment-department-input')}
      {text(t('segments:editor.person'), item.person.name, (name) => onChange({ ...item, person: { ...item.person, name } }))}
      {text(t('segments:editor.personTitle'), item.person.title, (title) => onChange({ ...item, person: { ...item.person, title } }))}
      <label className="form__field">
        <span>{t('segments:editor.rating')}</span>
        <select value={item.ratingItemId ?? ''} onChange={(e) => onChange({ ...item, ratingItemId: e.target.value || undefined })}>
          <option value="">{t('segments:editor.noRating')}</option>
          {ratings.map((r) => (
            <option key={r.id} value={r.id}>
              {r.title}
            </option>
          ))}
        </select>
      </label>
      {item.ratingItemId !== undefined && (
        <p className="form__field--wide panel__hint" data-testid="segment-subject-note">
          {t('segments:editor.subjectIsDepartment', { department: item.department })}
        </p>
      )}
      <ol className="form__field--wide segment-editor__questions">
        {item.questions.map((q, i) => (
          <li key={q.id} className="segment-editor__q" data-testid={`segment-question-${i}`}>
            {text(t('segments:editor.asker'), q.asker, (asker) => setQ(i, { asker }))}
            {text(t('segments:editor.topic'), q.topic, (topic) => setQ(i, { topic }))}
            <label className="form__field form__field--wide">
              <span>{t('segments:editor.text')}</span>
              <textarea rows={2} value={q.text} onChange={(e) => setQ(i, { text: e.target.value })} />
            </label>
            {secs(t('segments:editor.questionSec'), q.questionSec, (questionSec) => setQ(i, { questionSec }))}
            {secs(t('segments:editor.answerSec'), q.answerSec, (answerSec) => setQ(i, { answerSec }))}
            <label className="form__field">
              <span>{q.evidence ? t(`segments:console.evidence.${q.evidence.type}`) : t('segments:editor.evidence')}</span>
              <input type="file" accept="image/png,image/jpeg,image/webp,video/mp4,video/webm" onChange={(e) => attach(i, e.target.files?.[0])} />
            </label>
            <span className="btn-row">
              {q.evidence && (
                <button type="button" className="btn btn--small" onClick={() => setQ(i, { evidence: undefined })}>
                  {t('segments:editor.removeEvidence')}
                </button>
              )}
              <button type="button" className="btn btn--small" disabled={i === 0} onClick={() => moveQ(i, -1)} aria-label={t('prepare:agenda.up')}>
                ↑
              </button>
              <button type="button" className="btn btn--small" disabled={i === item.questions.length - 1} onClick={() => moveQ(i, 1)} aria-label={t('prepare:agenda.down')}>
                ↓
              </button>
              <button type="button" className="btn btn--small" disabled={item.questions.length === 1} onClick={() => onChange({ ...item, questions: item.questions.filter((_, k) => k !== i) })}>
                {t('prepare:agenda.remove')}
              </button>
            </span>
          </li>
        ))}
      </ol>
      <button type="button" className="btn" disabled={item.questions.length >= 50} onClick={() => onChange({ ...item, questions: [...item.questions, blankQuestion()] })} data-testid="segment-add-question">
        + {t('segments:editor.addQuestion')}
      </button>
      {note && <p className="muted">{note}</p>}
    </div>
  );
}
