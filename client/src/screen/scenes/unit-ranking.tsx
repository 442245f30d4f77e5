// 代表建议办理满意度 on the big screen: the 主办单位 ranked on all their suggestions (SPEC R16),
// in the ranking scene's table. Single suggestions are not put on air: most have one to three
// raters, so their figures would say how those deputies rated.
import { useTranslation } from 'react-i18next';
import type { UnitRating } from '../../../../shared/suggestions/units.js';
import { FitText } from '../fit-text.js';
import { rankText } from '../rank-text.js';

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

/** `suggestions`: how many the item rates (the screen's result carries no per-suggestion figures, R15). */
export function UnitRanking({ suggestions, units }: { suggestions: number; units: readonly UnitRating[] }) {
  const { t } = useTranslation('scenes');
  const many = units.length > 10;
  const ranks = units.map((u) => u.rank);
  return (
    <div data-testid="unit-ranking">
      <p className="unit-ranking__rule">{t('units.rule', { n: suggestions, units: units.length })}</p>
      <table className={`ranking-table ${many ? 'is-many' : units.length > 7 ? 'is-mid' : ''}`}>
        <thead>
          <tr>
            <th>{t('result.rank')}</th>
            <th className="ranking-table__subject">{t('units.unit')}</th>
            <th>{t('units.count')}</th>
            <th>{t('result.rate')}</th>
            <th>{t('result.score')}</th>
            <th>{t('units.again')}</th>
          </tr>
        </thead>
        <tbody>
          {units.map((u) => (
            <tr key={u.unit} className={`${u.reopened > 0 ? 'is-flagged' : ''} ${u.rank === 1 ? 'is-first' : ''}`} data-testid="unit-row">
              <td className="ranking-table__rank">{rankText(t, u.rank, ranks)}</td>
              <td className="ranking-table__subject">
                <FitText className="ranking-table__name" text={u.unit} size={many ? 28 : 44} lines={1} min={0.6} />
              </td>
              <td className="ranking-table__num">{u.subjectIds.length}</td>
              <td className="ranking-table__num">{pct(u.satisfactionRate)}</td>
              <td className="ranking-table__score">{u.score === null ? '—' : u.score.toFixed(2)}</td>
              <td>{u.reopened > 0 && <span className="flag">{t('units.againCount', { n: u.reopened })}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
