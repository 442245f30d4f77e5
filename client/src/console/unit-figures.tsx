// 代表建议办理满意度 on the console: each 主办单位 over all its suggestions, ranked (SPEC R16), and
// how many of its suggestions go back for 再次办理 (R17), under the per-suggestion table.
import type { RatingResult } from '../../../shared/rules/index.js';
import type { UnitRating } from '../../../shared/suggestions/units.js';
import { useVotesT } from '../i18n/votes.js';

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

export function UnitFigures({ result, units }: { result: RatingResult; units: readonly UnitRating[] }) {
  const { t } = useVotesT();
  return (
    <>
      {/* R15: the base is the proposers, not the chamber: a deputy with no suggestion has nothing to rate. */}
      <p className="kind-result__line" data-testid="console-proposers">
        {t('votes:units.turnout', { roster: result.roster, present: result.present, cast: result.cast })}
      </p>
      <p className="kind-result__line">{t('votes:units.rule', { flag: Math.round(result.flagAbove * 100) })}</p>
      <table className="kind-table" data-testid="console-units">
        <thead>
          <tr>
            <th>{t('votes:units.unit')}</th>
            <th>{t('votes:units.count')}</th>
            <th>{t('votes:units.ratings')}</th>
            <th>{t('votes:console.satisfactionRate')}</th>
            <th>{t('votes:console.score')}</th>
            <th>{t('votes:console.rank')}</th>
            <th>{t('votes:units.again')}</th>
          </tr>
        </thead>
        <tbody>
          {units.map((u) => (
            <tr key={u.unit} className={u.reopened > 0 ? 'is-flagged' : ''} data-testid="console-unit">
              <td className="kind-table__name">{u.unit}</td>
              <td className="kind-table__num">{u.subjectIds.length}</td>
              <td className="kind-table__num">{u.valid}</td>
              <td className="kind-table__num">{pct(u.satisfactionRate)}</td>
              <td className="kind-table__num">{u.score === null ? '—' : u.score.toFixed(2)}</td>
              <td className="kind-table__num">{u.rank ?? '—'}</td>
              <td className="kind-table__num">{u.reopened > 0 ? <span className="pill pill--warn">{t('votes:units.againCount', { n: u.reopened })}</span> : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
