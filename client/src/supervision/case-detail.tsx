// One case: where it came from and its figures, the deadlines (a missed one in red), the
// questions and commitments (editable), the notice, the plan and progress with their photos,
// and the timeline. Every change is a command; the page reloads the register after each.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SupervisionCommand } from '../../../shared/supervision/model.js';
import { downloadBlob } from '../console/documents-api.js';
import { noticeUrl, send, supervisionPath, type CaseRow, type Review } from './api.js';
import { ReportForm } from './report-form.js';
import { Attachments } from './document-link.js';
import { pct, refusal } from './words.js';

function Reports({ reports, session }: { reports: CaseRow['progress']; session: string }) {
  const { t } = useTranslation(['supervision']);
  if (reports.length === 0) return <p className="panel__hint">{t('detail.noReports')}</p>;
  return (
    <ol className="sv-reports">
      {reports.map((r, i) => (
        <li key={i} data-testid="sv-report">
          <span className="sv-date">{r.on}</span> {r.text}
          <Attachments session={session} list={r.attachments} />
        </li>
      ))}
    </ol>
  );
}

/** [U15] 回头看 of this case in later meetings: 满意率 and score then and now. */
function Reviews({ caseId, reviews }: { caseId: string; reviews: readonly Review[] }) {
  const { t } = useTranslation(['supervision']);
  const mine = reviews.flatMap((r) => r.rows.filter((x) => x.caseId === caseId).map((x) => ({ ...x, meetingTitle: r.meetingTitle, itemTitle: r.itemTitle })));
  if (mine.length === 0) return null;
  return (
    <>
      <h3 className="sv-h3">{t('review.heading')}</h3>
      <table className="sv-list" data-testid="sv-review">
        <thead>
          <tr>
            <th>{t('review.rating')}</th>
            <th>{t('review.then')}</th>
            <th>{t('review.now')}</th>
          </tr>
        </thead>
        <tbody>
          {mine.map((x) => (
            <tr key={`${x.meetingTitle}-${x.subjectId}`}>
              <td>
                {x.meetingTitle} · {x.itemTitle}
              </td>
              <td>{t('figuresShort', { rate: pct(x.before.satisfactionRate), score: x.before.score?.toFixed(2) ?? '—' })}</td>
              <td>{x.after ? t('figuresShort', { rate: pct(x.after.satisfactionRate), score: x.after.score?.toFixed(2) ?? '—' }) : t('review.pending')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function CaseDetail({ session, c, reviews, onChanged }: { session: string; c: CaseRow; reviews: readonly Review[]; onChanged: () => void }) {
  const { t } = useTranslation(['supervision', 'common']);
  const [commitments, setCommitments] = useState(c.details.commitments.join('\n'));
  const [lead, setLead] = useState(c.details.lead);
  const [completion, setCompletion] = useState(c.due.completion);
  const [note, setNote] = useState<string | null>(null);
  const live = c.closedOn === null && c.completedOn === null;

  const run = (cmd: SupervisionCommand, done?: string) =>
    void send(session, cmd).then((r) => {
      setNote(r.ok ? (done ?? null) : refusal(t, r.error));
      if (r.ok) onChanged();
    });
  const save = () =>
    run({ type: 'editCase', caseId: c.id, details: { ...c.details, lead, commitments: commitments.split('\n').map((x) => x.trim()).filter(Boolean) }, completion }, t('detail.saved'));
  const late = (step: 'notice' | 'plan' | 'completion') => (c.missed === step ? ' is-late' : '');

  return (
    <section className="panel sv-detail" data-testid="sv-detail" data-case={c.id}>
      <header className="sv-detail__head">
        <h2 className="panel__title">
          {c.id} {c.details.department}
        </h2>
        <span className={`sv-badge sv-badge--${c.status}`} data-testid="sv-detail-status">
          {t(`status.${c.status}`)}
        </span>
      </header>
      {c.missed ? <p className="sv-alert">{t(`missed.${c.missed}`)}</p> : null}
      <p className="sv-meta">{c.source.kind !== 'staff' ? t('detail.source', { meeting: c.source.meetingTitle, item: c.source.itemTitle }) : t('detail.staffSource')}</p>
      {c.source.kind === 'suggestion' ? (
        <p className="sv-meta" data-testid="sv-suggestion">
          {t('suggestion.detail', { number: c.source.number, title: c.source.title, lead: c.source.leadDeputy })}
        </p>
      ) : null}
      {c.source.kind !== 'staff' ? (
        <p className="sv-meta" data-testid="sv-figures">
          {t('figures', { rate: pct(c.source.figures.satisfactionRate), unsat: pct(c.source.figures.unsatisfiedRate), score: c.source.figures.score?.toFixed(2) ?? '—' })}
        </p>
      ) : null}
      {c.details.head ? <p className="sv-meta">{t('detail.head', { head: c.details.head })}</p> : null}

      <h3 className="sv-h3">{t('detail.due')}</h3>
      <dl className="sv-due">
        <dt>{t('detail.dueNotice')}</dt>
        <dd className={late('notice')}>{c.notice ? `${c.notice.on} · ${c.notice.number}` : c.due.notice}</dd>
        <dt>{t('detail.duePlan')}</dt>
        <dd className={late('plan')}>{c.plan ? c.plan.on : c.due.plan}</dd>
        <dt>{t('detail.dueCompletion')}</dt>
        <dd className={late('completion')}>{c.completedOn ?? c.due.completion}</dd>
      </dl>

      <h3 className="sv-h3">{t('detail.questions')}</h3>
      {c.details.questions.length === 0 ? (
        <p className="panel__hint">{t('detail.noQuestions')}</p>
      ) : (
        <ol className="sv-questions">
          {c.details.questions.map((q, i) => (
            <li key={i}>
              <strong>{q.asker}</strong>：{q.topic}
            </li>
          ))}
        </ol>
      )}

      <div className="sv-edit">
        <label className="sv-field">
          <span>{t('detail.commitments')}</span>
          <textarea value={commitments} rows={3} disabled={!live} onChange={(e) => setCommitments(e.target.value)} data-testid="sv-commitments" />
        </label>
        <label className="sv-field">
          <span>{t('open.lead')}</span>
          <input value={lead} maxLength={80} disabled={!live} onChange={(e) => setLead(e.target.value)} />
        </label>
        <label className="sv-field">
          <span>{t('detail.completion')}</span>
          <input type="date" value={completion} disabled={!live} onChange={(e) => setCompletion(e.target.value)} data-testid="sv-completion" />
        </label>
        <button type="button" className="btn" disabled={!live} onClick={save} data-testid="sv-save">
          {t('detail.save')}
        </button>
      </div>

      <div className="btn-row sv-actions">
        {c.notice === null ? (
          <button type="button" className="btn btn--primary" disabled={!live} onClick={() => run({ type: 'issueNotice', caseId: c.id })} data-testid="sv-issue">
            {t('detail.issue')}
          </button>
        ) : (
          <>
            <a className="btn" href={supervisionPath(c.id, true)} data-testid="sv-print">
              {t('detail.printNotice')}
            </a>
            <button type="button" className="btn" onClick={() => void downloadBlob(session, noticeUrl(c.id, 'pdf'), `督办通知书-${c.details.department}.pdf`)} data-testid="sv-pdf">
              {t('detail.pdf')}
            </button>
          </>
        )}
        {live && c.plan !== null ? (
          <button type="button" className="btn" onClick={() => run({ type: 'complete', caseId: c.id })} data-testid="sv-complete">
            {t('detail.complete')}
          </button>
        ) : null}
        {c.completedOn !== null && c.closedOn === null ? (
          <button type="button" className="btn" onClick={() => run({ type: 'close', caseId: c.id })} data-testid="sv-close">
            {t('detail.close')}
          </button>
        ) : null}
      </div>
      {note ? (
        <p className="sv-note" role="status" data-testid="sv-note">
          {note}
        </p>
      ) : null}

      <h3 className="sv-h3">{t('detail.plan')}</h3>
      <Reports session={session} reports={c.plan ? [c.plan] : []} />
      {live && c.notice !== null ? <ReportForm key={`plan-${c.plan?.on ?? ''}`} session={session} caseId={c.id} kind="recordPlan" onDone={onChanged} /> : null}
      <h3 className="sv-h3">{t('detail.progress')}</h3>
      <Reports session={session} reports={c.progress} />
      {live && c.plan !== null ? <ReportForm session={session} caseId={c.id} kind="recordProgress" onDone={onChanged} /> : null}

      <Reviews caseId={c.id} reviews={reviews} />

      <h3 className="sv-h3">{t('detail.timeline')}</h3>
      <ol className="sv-timeline" data-testid="sv-timeline">
        {c.timeline.map((e, i) => (
          <li key={i}>
            <span className="sv-date">{e.on}</span> {t(`timeline.${e.kind}`)}
            {e.actor ? <span className="sv-actor"> · {e.actor}</span> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
