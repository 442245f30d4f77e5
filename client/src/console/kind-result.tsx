// The console's figures for a projects or rating item: the item's outcome (run-offs merged in)
// or the running round, every project or subject with its numbers, ties and 整改 flags marked,
// and the run-off button when a tie at the last seat can be settled.
import { useState } from 'react';
import type { ProjectsItem, RatingItem } from '../../../shared/model.js';
import type { ProjectsResult, RatingResult } from '../../../shared/rules/index.js';
import type { ConsoleRoundView } from '../../../shared/views.js';
import { errorText } from '../i18n/errors.js';
import { projectStatusText, projectsRuleText, unfilledTexts, weightsText } from '../i18n/outcome-labels.js';
import { levelLabel, useVotesT } from '../i18n/votes.js';
import type { PanelProps } from './panel.js';
import { UnitFigures } from './unit-figures.js';

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

export function KindResult({ view, send, item, round }: PanelProps & { item: ProjectsItem | RatingItem; round: ConsoleRoundView }) {
  const { t } = useVotesT();
  const outcome = view.outcomes?.find((o) => o.itemId === item.id);
  // While a round runs, its own tally; once closed, the item's outcome with run-offs merged.
  const open = round.status === 'open' || round.status === 'paused';
  const result = !open && outcome?.result ? outcome.result : round.result;
  if (!result) return null; // an open secret vote: the panel says why there are no figures
  const manual = open ? round.manual : (outcome?.manual ?? round.manual);
  if (item.kind === 'projects' && result.kind === 'projects') {
    const lastId = outcome?.roundIds[outcome.roundIds.length - 1];
    const final = <ProjectsFigures item={item} result={result} manual={manual} runoffFrom={outcome?.runoffReady && lastId ? lastId : null} send={send} />;
    // A closed run-off: its own result (its candidates, its seats, its rule, P12), then the
    // item's merged final list.
    if (open || round.purpose !== 'runoff' || round.result?.kind !== 'projects' || result === round.result) return final;
    return (
      <>
        <OwnRunoff item={item} result={round.result} />
        <h3 className="kind-result__heading">{t('votes:console.final')}</h3>
        {final}
      </>
    );
  }
  if (item.kind === 'rating' && result.kind === 'rating') return <RatingFigures item={item} result={result} manual={manual} />;
  return null;
}

function ManualMark({ on }: { on: boolean }) {
  const { t } = useVotesT();
  return on ? (
    <span className="pill pill--manual" data-testid="manual-mark">
      {t('votes:console.manual')}
    </span>
  ) : null;
}

function OwnRunoff({ item, result }: { item: ProjectsItem; result: ProjectsResult }) {
  const { t } = useVotesT();
  return (
    <div data-testid="runoff-own">
      <h3 className="kind-result__heading">{t('votes:console.runoffRound')}</h3>
      <ProjectsFigures item={item} result={result} manual={result.manual} runoffFrom={null} send={null} />
    </div>
  );
}

function ProjectsFigures({ item, result, manual, runoffFrom, send }: { item: ProjectsItem; result: ProjectsResult; manual: boolean; runoffFrom: string | null; send: PanelProps['send'] | null }) {
  const { t } = useVotesT();
  const [error, setError] = useState<string | null>(null);
  const names = new Map(item.projects.map((p) => [p.id, p.name]));
  const runoff = async () => {
    if (!runoffFrom || !send) return;
    const r = await send({ type: 'runoff', roundId: runoffFrom, countdownSec: item.settings.countdownSec, confirmNoQuorum: true });
    setError(r.ok ? null : errorText(t, r.error));
  };
  return (
    <div className="kind-result" data-testid="projects-figures">
      <p className="kind-result__line">
        {t('votes:console.cast', { cast: result.cast, valid: result.valid, invalid: result.invalid })} · <span data-testid="console-projects-rule">{projectsRuleText(t, result)}</span> ·{' '}
        <strong>{result.noQuorum ? t('common:label.noQuorum') : t('votes:console.adoptedCount', { count: result.adopted.length })}</strong>
        {unfilledTexts(t, result).map((text) => (
          <span key={text} className="pill pill--warn" data-testid="console-unfilled">
            {text}
          </span>
        ))}
        <ManualMark on={manual} />
      </p>
      <table className="kind-table">
        <thead>
          <tr>
            <th>{t('votes:console.rank')}</th>
            <th />
            <th>{t('votes:console.votes')}</th>
            <th>{t('votes:console.runoffVotes')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {result.projects.map((p) => (
            <tr key={p.projectId} className={`is-${p.status}`} data-testid={`console-project-${p.projectId}`}>
              <td>{p.rank}</td>
              <td className="kind-table__name">{names.get(p.projectId) ?? p.projectId}</td>
              <td className="kind-table__num">{p.votes}</td>
              <td className="kind-table__num">{p.runoffVotes.join(' / ')}</td>
              <td>{projectStatusText(t, result, p.status)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {runoffFrom && result.tie && (
        <div className="kind-result__tie">
          <p>{t('votes:console.runoffHint', { seats: result.seats - result.tie.seats + 1, names: result.tie.projectIds.map((id) => names.get(id) ?? id).join('、') })}</p>
          <button type="button" className="btn btn--primary" data-testid="start-runoff" onClick={() => void runoff()}>
            {t('votes:console.runoff')}
          </button>
        </div>
      )}
      {error && <p className="panel__error">{error}</p>}
    </div>
  );
}

function RatingFigures({ item, result, manual }: { item: RatingItem; result: RatingResult; manual: boolean }) {
  const { t } = useVotesT();
  const subjects = new Map(item.subjects.map((s) => [s.id, s.name]));
  const levels = result.subjects[0]?.levels.map((l) => l.level) ?? [];
  return (
    <div className="kind-result" data-testid="rating-figures">
      <p className="kind-result__line">
        {t('votes:console.cast', { cast: result.cast, valid: result.valid, invalid: result.invalid })}
        {result.noQuorum && <span className="pill pill--warn">{t('common:label.noQuorum')}</span>}
        <ManualMark on={manual} />
      </p>
      <p className="kind-result__line" data-testid="console-weights">
        {weightsText(t, result, (l) => levelLabel(t, result.scale, l))} · {t(`common:rankingRule.${result.rankBy}`)}
      </p>
      <table className="kind-table">
        <thead>
          <tr>
            <th />
            {levels.map((l) => (
              <th key={l}>{levelLabel(t, result.scale, l)}</th>
            ))}
            <th>{t('votes:console.satisfactionRate')}</th>
            <th>{t('votes:console.score')}</th>
            <th>{t('votes:console.rank')}</th>
          </tr>
        </thead>
        <tbody>
          {result.subjects.map((s) => (
            <tr key={s.subjectId} className={s.flagged ? 'is-flagged' : ''} data-testid={`console-subject-${s.subjectId}`}>
              <td className="kind-table__name">{subjects.get(s.subjectId) ?? s.subjectId}</td>
              {s.levels.map((l) => (
                <td key={l.level} className="kind-table__num">
                  {l.count}
                </td>
              ))}
              <td className="kind-table__num">{pct(s.satisfactionRate)}</td>
              <td className="kind-table__num">{s.score === null ? '—' : s.score.toFixed(2)}</td>
              <td>
                {s.rank ?? '—'} {s.flagged && <span className="pill pill--warn">{t('votes:console.flagged')}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {result.units && <UnitFigures result={result} units={result.units} />}
    </div>
  );
}
