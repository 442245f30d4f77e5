// The one-page results report (表决结果报告), drawn from the console view and printed with the
// browser: every voting item with its decisive result and every round it went through, voided
// and hand-counted rounds marked, then the ranking of rated subjects. Print CSS hides the rest.
import { useEffect } from 'react';
import type { AgendaItem } from '../../../shared/model.js';
import type { ItemResult } from '../../../shared/rules/index.js';
import type { ConsoleView } from '../../../shared/views.js';
import { ChainHead } from '../common/chain-head.js';
import { Commitment } from '../common/commitment.js';
import { motionOutcomeText, unfilledTexts, weightsText } from '../i18n/outcome-labels.js';
import { levelLabel, useVotesT } from '../i18n/votes.js';
import { SegmentReport } from './segment-report.js';
import '../styles/report.css';

type T = ReturnType<typeof useVotesT>['t'];
const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

function Outcome({ item, result, t }: { item: AgendaItem; result: ItemResult; t: T }) {
  if (result.kind === 'motion') {
    return (
      <p>
        {t('common:choice.for')} {result.for} · {t('common:choice.against')} {result.against} · {t('common:choice.abstain')} {result.abstain} · {t('common:choice.notVoted')} {result.notVoted} —{' '}
        <strong>{motionOutcomeText(t, result)}</strong>
      </p>
    );
  }
  if (result.kind === 'projects' && item.kind === 'projects') {
    const names = new Map(item.projects.map((p) => [p.id, p.name]));
    const votes = new Map(result.projects.map((p) => [p.projectId, p]));
    return (
      <>
      <ol className="report__list">
        {result.adopted.map((id) => {
          const p = votes.get(id);
          const ro = p && p.runoffVotes.length > 0 ? ` (${t('votes:console.runoffVotes')} ${p.runoffVotes.join(' / ')})` : '';
          return (
            <li key={id}>
              {names.get(id) ?? id} — {p?.votes ?? 0}
              {ro}
            </li>
          );
        })}
      </ol>
      {result.noQuorum && <p>{t('common:label.noQuorum')}</p>}
      {unfilledTexts(t, result).map((text) => (
        <p key={text}>{text}</p>
      ))}
      </>
    );
  }
  if (result.kind === 'rating' && item.kind === 'rating') {
    const names = new Map(item.subjects.map((s) => [s.id, s.name]));
    return (
      <>
      <p data-testid="report-weights">{weightsText(t, result, (l) => levelLabel(t, result.scale, l))}</p>
      <table className="report__table">
        <tbody>
          {result.subjects.map((s) => (
            <tr key={s.subjectId}>
              <td>{names.get(s.subjectId) ?? s.subjectId}</td>
              <td>{s.levels.map((l) => `${levelLabel(t, result.scale, l.level)} ${l.count}`).join(' · ')}</td>
              <td>
                {t('votes:console.satisfactionRate')} {pct(s.satisfactionRate)}
              </td>
              <td>
                {t('votes:console.score')} {s.score === null ? '—' : s.score.toFixed(2)}
              </td>
              <td>{s.flagged ? t('votes:console.flagged') : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </>
    );
  }
  return null;
}

export function ReportSheet({ view, onClose }: { view: ConsoleView; onClose: () => void }) {
  const { t } = useVotesT();
  useEffect(() => {
    const id = setTimeout(() => window.print(), 300);
    return () => clearTimeout(id);
  }, []);
  const items = view.agenda.filter((i) => i.kind === 'motion' || i.kind === 'projects' || i.kind === 'rating');
  return (
    <div className="report" data-testid="report-sheet" role="dialog">
      <div className="report__bar">
        <button type="button" className="btn btn--primary" onClick={() => window.print()}>
          {t('votes:report.print')}
        </button>
        <button type="button" className="btn btn--ghost" onClick={onClose}>
          {t('console:round.cancel')}
        </button>
      </div>
      <article className="report__page">
        <h1>{view.meeting.title}</h1>
        <p className="report__meta">
          {t('votes:report.title')} · {view.meeting.date} · {t('votes:report.turnout', { roster: view.turnout.roster, present: view.turnout.present })}
        </p>
        {items.map((item) => {
          const o = view.outcomes?.find((x) => x.itemId === item.id);
          const rounds = view.rounds.filter((r) => r.itemId === item.id);
          return (
            <section key={item.id} className="report__item" data-testid={`report-item-${item.id}`}>
              <h2>
                {item.title}
                {o?.manual && <span className="report__mark">{t('votes:console.manual')}</span>}
              </h2>
              {o?.result ? <Outcome item={item} result={o.result} t={t} /> : <p>{t('votes:report.noResult')}</p>}
              {rounds.length > 0 && (
                <p className="report__rounds">
                  {rounds
                    .map((r, i) =>
                      [t('votes:console.roundNo', { n: i + 1 }), t(`votes:report.purpose.${r.purpose}`), r.manual ? t('votes:console.manual') : '', r.status === 'voided' ? t('votes:report.voided', { reason: r.voidReason ?? '' }) : '']
                        .filter(Boolean)
                        .join(' · '),
                    )
                    .join('；')}
                </p>
              )}
              {rounds.map((r, i) =>
                r.commitment ? <Commitment key={r.id} value={r.commitment} round={rounds.length > 1 ? i + 1 : undefined} className="report__commitment" testId={`report-commitment-${r.id}`} /> : null,
              )}
            </section>
          );
        })}
        {(view.ranking?.length ?? 0) > 0 && (
          <section className="report__item">
            <h2>{t('votes:report.ranking')}</h2>
            {view.ranking?.[0] && (
              <p data-testid="report-ranking-rule">
                {t(`common:rankingRule.${view.ranking[0].rule.rankBy}`)}；{t(`common:rankingRule.${view.ranking[0].rule.combine}`)}
              </p>
            )}
            <ol className="report__list">
              {view.ranking?.map((r) => (
                <li key={`${r.itemId}/${r.subjectId}`}>
                  {r.name} — {r.score === null ? '—' : r.score.toFixed(2)} · {pct(r.satisfactionRate)}
                  {r.manual ? ` · ${t('votes:console.manual')}` : ''}
                </li>
              ))}
            </ol>
          </section>
        )}
        <SegmentReport log={view.rundown?.log ?? []} />
        {/* Apart from the results above: the head to write down and check the record against later. */}
        {view.auditHead && (
          <section className="report__item report__chain" data-testid="report-chain">
            <h2>{t('receipts:chainHead.reportTitle')}</h2>
            <ChainHead head={view.auditHead} place="report" testId="report-chain-head" />
            <p className="report__note">{t('receipts:chainHead.reportNote')}</p>
          </section>
        )}
      </article>
    </div>
  );
}
