// One tracked project: the vote that adopted it (with its 公告), budget and funds spent, the
// completion date and milestones (a missed one in red), progress reports with photos, deputies'
// visits, the delivery rating once a later meeting has rated it, and the timeline (U20..U26).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadBlob, noticeUrl } from '../console/documents-api.js';
import { send, type ProjectRow } from './projects-api.js';
import { MilestoneForm, ProgressForm, VisitForm } from './projects-forms.js';
import { pct, refusal } from './words.js';
import { Attachments } from './document-link.js';

export const yuan = (n: number | null): string => (n === null ? '—' : n >= 1e4 ? `${(n / 1e4).toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 万元` : `${n.toLocaleString('zh-CN')} 元`);

function Edit({ session, p, onChanged }: { session: string; p: ProjectRow; onChanged: () => void }) {
  const { t } = useTranslation(['projects', 'supervision']);
  const [completion, setCompletion] = useState(p.details.completion ?? '');
  const [lead, setLead] = useState(p.details.lead);
  const [budget, setBudget] = useState(p.details.budgetYuan === null ? '' : String(p.details.budgetYuan));
  const [note, setNote] = useState<string | null>(null);
  const save = () =>
    void send(session, { type: 'editProject', trackedId: p.id, details: { ...p.details, lead, completion: completion || null, budgetYuan: budget === '' ? null : Number(budget) } }).then((r) => {
      setNote(r.ok ? t('supervision:detail.saved') : refusal(t, r.error));
      if (r.ok) onChanged();
    });
  return (
    <div className="sv-edit pj-edit">
      <div className="pj-pair">
        <label className="sv-field">
          <span>{t('detail.completion')}</span>
          <input type="date" value={completion} onChange={(e) => setCompletion(e.target.value)} data-testid="pj-completion" />
        </label>
        <label className="sv-field">
          <span>{t('detail.budgetYuan')}</span>
          <input type="number" min={0} value={budget} onChange={(e) => setBudget(e.target.value)} data-testid="pj-budget" />
        </label>
      </div>
      <label className="sv-field">
        <span>{t('supervision:open.lead')}</span>
        <input value={lead} maxLength={80} onChange={(e) => setLead(e.target.value)} />
      </label>
      <button type="button" className="btn" onClick={save} data-testid="pj-save">
        {t('supervision:detail.save')}
      </button>
      {note ? (
        <p className="sv-note" role="status" data-testid="pj-note">
          {note}
        </p>
      ) : null}
    </div>
  );
}

export function ProjectDetail({ session, p, today, onChanged }: { session: string; p: ProjectRow; today: string; onChanged: () => void }) {
  const { t } = useTranslation(['projects', 'supervision']);
  const a = p.adoptedBy;
  const [note, setNote] = useState<string | null>(null);
  const mark = (milestoneId: string) =>
    void send(session, { type: 'markMilestone', trackedId: p.id, milestoneId }).then((r) => {
      setNote(r.ok ? null : refusal(t, r.error));
      if (r.ok) onChanged();
    });
  return (
    <section className={`panel sv-detail pj-detail-${p.status}`} data-testid="pj-detail" data-project={p.id}>
      <header className="sv-detail__head">
        <h2 className="panel__title">
          {p.id} {p.details.name}
        </h2>
        <span className={`sv-badge pj-badge--${p.status}`} data-testid="pj-detail-status">
          {t(`status.${p.status}`)}
        </span>
      </header>
      {p.missed ? <p className="sv-alert">{t(`missed.${p.missed}`)}</p> : null}
      <p className="sv-meta" data-testid="pj-vote">
        {t('detail.vote', { meeting: a.meetingTitle, item: a.itemTitle, votes: a.votes, valid: a.valid, rank: a.rank })}{' '}
        <button type="button" className="btn--link" onClick={() => void downloadBlob(session, noticeUrl(a.meetingId, a.itemId, 'pdf'), `${a.itemTitle}-公告.pdf`)} data-testid="pj-vote-notice">
          {t('detail.voteNotice')}
        </button>{' '}
        <a className="btn--link" href={`/console?meeting=${encodeURIComponent(a.meetingId)}`}>
          {t('detail.voteConsole')}
        </a>
      </p>
      <p className="sv-meta">{t('detail.department', { department: p.details.department || '—', lead: p.details.lead || '—' })}</p>
      {p.delivery ? (
        <p className="pj-delivery" data-testid="pj-delivery">
          {t('detail.delivery', { meeting: p.delivery.meetingTitle, item: p.delivery.itemTitle, rate: pct(p.delivery.satisfactionRate), score: p.delivery.score?.toFixed(2) ?? '—', valid: p.delivery.valid })}
        </p>
      ) : null}

      <div className="pj-bar pj-bar--big" role="progressbar" aria-valuenow={p.percent} aria-valuemin={0} aria-valuemax={100}>
        <span className="pj-bar__fill" style={{ width: `${p.percent}%` }} />
        <span className="pj-bar__label">{p.percent}%</span>
      </div>
      <dl className="sv-due">
        <dt>{t('detail.budget')}</dt>
        <dd>{p.details.budgetYuan === null ? p.details.budgetText || '—' : `${yuan(p.details.budgetYuan)}（${p.details.budgetText}）`}</dd>
        <dt>{t('detail.spent')}</dt>
        <dd data-testid="pj-spent-total" className={p.overBudgetYuan > 0 ? 'is-late' : ''}>
          {yuan(p.spentYuan)}
          {p.overBudgetYuan > 0 ? `（${t('detail.overBudget', { over: yuan(p.overBudgetYuan) })}）` : null}
        </dd>
        <dt>{t('detail.completion')}</dt>
        <dd className={p.missed === 'completion' ? 'is-late' : ''}>{p.details.completion ?? t('detail.noDate')}</dd>
      </dl>
      <Edit session={session} p={p} onChanged={onChanged} />

      <h3 className="sv-h3">{t('detail.milestones')}</h3>
      <ul className="pj-milestones" data-testid="pj-milestones">
        {p.milestones.map((m) => (
          <li key={m.id} className={m.doneOn === null && today > m.due ? 'is-late' : ''}>
            <span className="sv-date">{m.due}</span> {m.title}{' '}
            {m.doneOn ? (
              <span className="pj-done">{t('milestone.doneOn', { date: m.doneOn })}</span>
            ) : (
              <button type="button" className="btn btn--small" onClick={() => mark(m.id)} data-testid="pj-milestone-done">
                {t('milestone.markDone')}
              </button>
            )}
          </li>
        ))}
      </ul>
      <MilestoneForm session={session} p={p} onDone={onChanged} />
      {note ? <p className="sv-note">{note}</p> : null}

      <h3 className="sv-h3">{t('detail.progress')}</h3>
      {p.progress.length === 0 ? <p className="panel__hint">{t('supervision:detail.noReports')}</p> : null}
      <ol className="sv-reports">
        {p.progress.map((r, i) => (
          <li key={i} data-testid="pj-report">
            <span className="sv-date">{r.on}</span> <strong>{r.percent}%</strong> · {t('detail.spentShort', { spent: yuan(r.spentYuan) })} · {r.text}
            {r.correction ? <span className="pj-correction">{t('progress.correctionShown', { why: r.correction })}</span> : null}
            <Attachments session={session} list={r.attachments} />
          </li>
        ))}
      </ol>
      <ProgressForm key={`progress-${p.progress.length}`} session={session} p={p} onDone={onChanged} />

      <h3 className="sv-h3">{t('detail.visits')}</h3>
      {p.visits.length === 0 ? <p className="panel__hint">{t('supervision:detail.noReports')}</p> : null}
      <ol className="sv-reports">
        {p.visits.map((v, i) => (
          <li key={i} data-testid="pj-visit">
            <span className="sv-date">{v.date}</span> {t(`visitKind.${v.kind}`)} · {v.deputies.map((d) => d.name).join('、')} · {v.findings}
            <Attachments session={session} list={v.attachments} />
          </li>
        ))}
      </ol>
      <VisitForm key={`visit-${p.visits.length}`} session={session} p={p} today={today} onDone={onChanged} />

      <h3 className="sv-h3">{t('supervision:detail.timeline')}</h3>
      <ol className="sv-timeline" data-testid="pj-timeline">
        {p.timeline.map((e, i) => (
          <li key={i}>
            <span className="sv-date">{e.on}</span> {t(`timeline.${e.kind}`)} {e.about ? <span className="pj-about">{e.about}</span> : null}
            {e.actor ? <span className="sv-actor"> · {e.actor}</span> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
