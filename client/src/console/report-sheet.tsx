// The results report (表决结果报告), the record a clerk signs: drawn from the console view and
// printed with the browser. Meeting, date, place, 应到/实到; each item with its rule, turnout and
// decisive result, every round in its place (run-offs, re-votes, voided and hand-counted ones
// marked, a named round's per-deputy list), the commitments and the audit chain head, and a
// signature block. Its own print rules (report.css) apply only while it is open.
import { useEffect } from 'react';
import { createPortal } from 'react-dom';
import { localTime } from '../../../shared/local-time.js';
import { DEFAULT_TIME_ZONE } from '../../../shared/model.js';
import type { ConsoleRoundView } from '../../../shared/views.js';
import { NamedList } from './named-list.js';
import { usePrintScope } from './notice-page.js';
import { ruleText } from '../screen/motion-result.js';
import type { AgendaItem, ScaleId } from '../../../shared/model.js';
import type { ItemResult, RatingResult } from '../../../shared/rules/index.js';
import type { ConsoleView } from '../../../shared/views.js';
import { ChainHead } from '../common/chain-head.js';
import { Commitment } from '../common/commitment.js';
import { motionOutcomeText, unfilledTexts, weightsText } from '../i18n/outcome-labels.js';
import { levelLabel, useVotesT } from '../i18n/votes.js';
import { SegmentReport } from './segment-report.js';
import { AudienceReport } from './audience-report.js';
import '../styles/report.css';
import { UnitFigures } from './unit-figures.js';

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
      {result.units && <UnitFigures result={result} units={result.units} />}
      </>
    );
  }
  return null;
}


/** The weights and 整改 lines the ranking's scores were made with (R7, R9): one line per distinct set. */
function rankingBases(view: ConsoleView): { key: string; weights: RatingResult['weights']; flagAbove: number; scale: ScaleId | null }[] {
  const out = new Map<string, { key: string; weights: RatingResult['weights']; flagAbove: number; scale: ScaleId | null }>();
  for (const r of view.ranking ?? []) {
    const key = JSON.stringify([r.weights, r.flagAbove]);
    const item = view.agenda.find((i) => i.id === r.itemId);
    if (!out.has(key)) out.set(key, { key, weights: r.weights, flagAbove: r.flagAbove, scale: item?.kind === 'rating' ? item.settings.scale : null });
  }
  return [...out.values()];
}

function ruleLine(item: AgendaItem, t: T, needed: number | null): string {
  const way = item.kind === 'segment' ? '' : t(item.settings.secret ? 'votes:report.secret' : 'votes:report.named');
  if (item.kind === 'motion') return [way, needed === null ? '' : ruleText(t, item.settings, needed)].filter(Boolean).join('；');
  if (item.kind === 'projects') return [way, t('votes:report.projectsRule', { adopt: item.settings.adopt, base: t(`common:rule.base.${item.settings.base}`), threshold: t(`votes:report.threshold.${item.settings.threshold}`) })].join('；');
  if (item.kind === 'rating') return [way, t('votes:report.ratingRule', { flag: Math.round(item.settings.flagAbove * 1000) / 10 })].join('；');
  return '';
}

function roundLine(r: ConsoleRoundView, i: number, item: AgendaItem, t: T, tz: string): string {
  const purpose = item.kind === 'rating' ? t(`votes:report.ratingPurpose.${r.purpose}`) : t(`votes:report.purpose.${r.purpose}`);
  // An open secret round has no figures to anyone (SPEC W7): its line says so by leaving them out.
  const res = r.result;
  const turnout = res === null ? '' : r.manual && res.kind !== 'motion' ? '' : t('votes:report.roundTurnout', { cast: res.cast, present: res.present });
  return [
    t('votes:console.roundNo', { n: i + 1 }),
    purpose,
    localTime(r.startedAt, tz),
    turnout,
    r.manual ? t('votes:report.manualMark') : '',
    r.withoutQuorum ? t('common:round.withoutQuorum') : '',
    r.status === 'voided' ? t('votes:report.voided', { reason: r.voidReason ?? '' }) : '',
  ]
    .filter(Boolean)
    .join(' · ');
}

export function ReportSheet({ view, onClose }: { view: ConsoleView; onClose: () => void }) {
  const { t } = useVotesT();
  usePrintScope('report');
  const tz = view.meeting.settings.timeZone ?? DEFAULT_TIME_ZONE;
  const lastCommitment = [...view.rounds].reverse().find((r) => r.commitment)?.commitment ?? null;
  useEffect(() => {
    const id = setTimeout(() => window.print(), 300);
    return () => clearTimeout(id);
  }, []);
  const items = view.agenda.filter((i) => i.kind === 'motion' || i.kind === 'projects' || i.kind === 'rating');
  // In a portal, a child of <body>: on paper every other child of <body> (the console) is not
  // displayed at all, so it takes no pages (hidden with visibility, it printed blank pages).
  return createPortal(
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
        <p className="report__subtitle">{t('votes:report.title')}</p>
        <table className="report__meta" data-testid="report-meta">
          <tbody>
            <tr>
              <th>{t('votes:report.date')}</th>
              <td>{view.meeting.date || '—'}</td>
              <th>{t('votes:report.place')}</th>
              <td>{view.meeting.settings.place || '—'}</td>
            </tr>
            <tr>
              <th>{t('votes:report.attendance')}</th>
              <td>{t('votes:report.turnout', { roster: view.turnout.roster, present: view.turnout.present })}</td>
              <th>{t('votes:report.generatedAt')}</th>
              <td>{localTime(view.serverNow, tz)}</td>
            </tr>
          </tbody>
        </table>
        {items.map((item, n) => {
          const o = view.outcomes?.find((x) => x.itemId === item.id);
          const rounds = view.rounds.filter((r) => r.itemId === item.id);
          const needed = o?.result?.kind === 'motion' ? o.result.needed : null;
          return (
            <section key={item.id} className="report__item" data-testid={`report-item-${item.id}`}>
              <h2>
                {n + 1}. {item.title} <small>{item.kind === 'rating' ? t('votes:report.kindRating') : item.kind === 'projects' ? t('votes:report.kindProjects') : t('votes:report.kindMotion')}</small>
                {o?.manual && <span className="report__mark">{t('votes:report.manualMark')}</span>}
              </h2>
              <p className="report__rule">{ruleLine(item, t, needed)}</p>
              {o?.result ? <Outcome item={item} result={o.result} t={t} /> : <p>{t('votes:report.noResult')}</p>}
              {rounds.map((r, i) => (
                <div key={r.id} className={`report__round ${r.purpose === 'runoff' ? 'is-runoff' : ''}`} data-testid={`report-round-${r.id}`}>
                  <p className="report__rounds">{roundLine(r, i, item, t, tz)}</p>
                  {r.purpose === 'runoff' && r.status === 'closed' && r.result && <Outcome item={item} result={r.result} t={t} />}
                  {r.commitment ? <Commitment value={r.commitment} round={rounds.length > 1 ? i + 1 : undefined} className="report__commitment" testId={`report-commitment-${r.id}`} /> : null}
                  {r.named && r.named.length > 0 && <NamedList item={item} rows={r.named} open testId={`report-named-${r.id}`} />}
                </div>
              ))}
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
            {rankingBases(view).map((b) => (
              <p key={b.key} data-testid="report-ranking-weights">
                {weightsText(t, b, (l) => (b.scale ? levelLabel(t, b.scale, l) : l))}
              </p>
            ))}
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
        {/* Y20: the audience's figures, apart from the deputies' results above. */}
        <AudienceReport records={view.audienceRecords ?? []} />
        <section className="report__item report__audit" data-testid="report-audit">
          <h2>{t('votes:report.audit')}</h2>
          {lastCommitment && (
            <p>
              {t('votes:report.lastCommitment')}：<code>{lastCommitment}</code>
            </p>
          )}
        </section>
        {/* Apart from the results above: the head to write down and check the record against later. */}
        {view.auditHead && (
          <section className="report__item report__chain" data-testid="report-chain">
            <h2>{t('receipts:chainHead.reportTitle')}</h2>
            <ChainHead head={view.auditHead} place="report" testId="report-chain-head" />
            <p className="report__note">{t('receipts:chainHead.reportNote')}</p>
          </section>
        )}
        <section className="report__sign" data-testid="report-sign">
          {(['clerk', 'scrutineer', 'chair'] as const).map((k) => (
            <div key={k} className="report__signline">
              <span>{t(`votes:report.sign.${k}`)}</span>
              <span className="report__signspace" />
            </div>
          ))}
          <div className="report__signline">
            <span>{t('votes:report.sign.date')}</span>
            <span className="report__signspace" />
          </div>
        </section>
      </article>
    </div>,
    document.body,
  );
}
