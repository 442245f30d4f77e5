// The agenda editor: add items of each kind, edit their settings, reorder, remove; saved as
// one whole agenda (PUT .../agenda). Items with votes are marked and cannot be removed.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MotionSettings, ProjectsSettings, RatingSettings, type AgendaItem, type VotableItem } from '../../../../shared/model.js';
import { withSegmentSubjects } from '../../../../shared/segment-subject.js';
import { ItemForm } from './item-form.js';
import { newSegment, SegmentEditor } from './segment-editor.js';
import { prepareError, saveAgenda } from './prepare-api.js';
import { assertNever } from '../../../../shared/never.js';

interface Props {
  meetingId: string;
  session: string;
  agenda: AgendaItem[];
  lockedItems: string[];
  readOnly: boolean;
  onSaved: () => void;
}

const newId = () => 'i' + Array.from(crypto.getRandomValues(new Uint8Array(5)), (b) => b.toString(16).padStart(2, '0')).join('');

function blank(kind: VotableItem['kind'], title: string): VotableItem {
  const common = { id: newId(), title, description: '' };
  switch (kind) {
    case 'motion':
      return { ...common, kind, settings: MotionSettings.parse({}) };
    case 'projects':
      return { ...common, kind, settings: ProjectsSettings.parse({ adopt: 10 }), projects: [] };
    case 'rating':
      return { ...common, kind, settings: RatingSettings.parse({}), subjects: [] };
    default: {
      return assertNever(kind, 'kind');
    }
  }
}

/** Projects and rating items need their list before the server accepts the agenda. */
const complete = (it: AgendaItem) => (it.kind === 'projects' ? it.projects.length > 0 : it.kind === 'rating' ? it.subjects.length > 0 : true);

export function AgendaEditor({ meetingId, session, agenda, lockedItems, readOnly, onSaved }: Props) {
  const { t } = useTranslation(['prepare', 'common']);
  const [draft, setDraft] = useState<AgendaItem[]>(agenda);
  const [open, setOpen] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    setDraft(agenda);
    setDirty(false);
  }, [agenda]);

  const change = (next: AgendaItem[]) => {
    setDraft(withSegmentSubjects(next)); // [G12] as the server will store it: a segment's rating rates its department
    setDirty(true);
    setNote(null);
  };
  const move = (i: number, by: -1 | 1) => {
    const next = draft.slice();
    const [it] = next.splice(i, 1);
    if (!it) return;
    next.splice(i + by, 0, it);
    change(next);
  };
  const add = (kind: VotableItem['kind']) => {
    const it = blank(kind, t(`prepare:agenda.kinds.${kind}`));
    change([...draft, it]);
    setOpen(it.id);
  };
  const save = () => {
    void saveAgenda(session, meetingId, draft).then((r) => {
      setNote(r.ok ? { ok: true, text: t('prepare:agenda.saved') } : { ok: false, text: prepareError(t, r.error) });
      if (r.ok) {
        setDirty(false);
        onSaved();
      }
    });
  };
  const ready = draft.every(complete);

  return (
    <section className="panel agenda-editor" data-testid="agenda-editor">
      <h2 className="panel__title">{t('prepare:agenda.title')}</h2>
      {draft.length === 0 && <p className="panel__hint">{t('prepare:agenda.empty')}</p>}
      <ol className="agenda-editor__list">
        {draft.map((it, i) => {
          const locked = lockedItems.includes(it.id);
          return (
            <li key={it.id} className={open === it.id ? 'is-open' : ''} data-testid={`agenda-item-${i}`}>
              <div className="agenda-editor__head">
                <span className="agenda-editor__kind">{t(`prepare:agenda.kinds.${it.kind}`, { defaultValue: it.kind })}</span>
                <strong className="agenda-editor__title">{it.title}</strong>
                {locked && <span className="ptag">{t('prepare:agenda.locked')}</span>}
                {!complete(it) && <span className="ptag ptag--warn">{t('prepare:agenda.needList')}</span>}
                <span className="agenda-editor__tools">
                  <button type="button" className="btn btn--small" disabled={readOnly || i === 0} onClick={() => move(i, -1)} aria-label={t('prepare:agenda.up')}>
                    ↑
                  </button>
                  <button type="button" className="btn btn--small" disabled={readOnly || i === draft.length - 1} onClick={() => move(i, 1)} aria-label={t('prepare:agenda.down')}>
                    ↓
                  </button>
                  <button type="button" className="btn btn--small" disabled={readOnly} onClick={() => setOpen(open === it.id ? null : it.id)}>
                    {open === it.id ? t('prepare:agenda.done') : t('prepare:agenda.edit')}
                  </button>
                  <button
                    type="button"
                    className="btn btn--small"
                    disabled={readOnly || locked}
                    onClick={() => window.confirm(t('prepare:agenda.removeConfirm', { title: it.title })) && change(draft.filter((x) => x.id !== it.id))}
                  >
                    {t('prepare:agenda.remove')}
                  </button>
                </span>
              </div>
              {open === it.id &&
                (it.kind === 'segment' ? (
                  <SegmentEditor item={it} agenda={draft} session={session} onChange={(next) => change(draft.map((x) => (x.id === it.id ? next : x)))} />
                ) : (
                  <ItemForm item={it} locked={locked} meetingId={meetingId} session={session} segment={draft.find((x) => x.kind === 'segment' && x.ratingItemId === it.id)?.title} onChange={(next) => change(draft.map((x) => (x.id === it.id ? next : x)))} />
                ))}
            </li>
          );
        })}
      </ol>
      {!readOnly && (
        <div className="agenda-editor__add">
          <span>{t('prepare:agenda.add')}:</span>
          {(['motion', 'projects', 'rating'] as const).map((k) => (
            <button key={k} type="button" className="btn" onClick={() => add(k)} data-testid={`agenda-add-${k}`}>
              + {t(`prepare:agenda.kinds.${k}`)}
            </button>
          ))}
          <button type="button" className="btn" onClick={() => { const pair = newSegment(t('segments:editor.newTitle'), t('segments:editor.newRating'), t('segments:editor.newDepartment')); change([...draft, ...pair]); setOpen(pair[0].id); }} data-testid="agenda-add-segment">
            + {t('segments:editor.add')}
          </button>
        </div>
      )}
      <div className="agenda-editor__save">
        <button type="button" className="btn btn--primary" disabled={readOnly || !dirty || !ready} onClick={save} data-testid="agenda-save">
          {t('prepare:agenda.save')}
        </button>
        {dirty && <span className="muted">{t('prepare:agenda.unsaved')}</span>}
        {note && <span className={note.ok ? 'import__done' : 'panel__error'}>{note.text}</span>}
      </div>
    </section>
  );
}
