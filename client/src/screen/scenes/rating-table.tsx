// 满意度测评 result: per subject the count of each level, 满意率 and the weighted score;
// 整改 flags marked. A few subjects get large cards, many (17 departments) a table.
import { useTranslation } from 'react-i18next';
import type { RatingItem } from '../../../../shared/model.js';
import type { RatingResult } from '../../../../shared/rules/index.js';
import { FitText } from '../fit-text.js';
import { rankText } from '../rank-text.js';

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

/** `animate` plays the rows' entrance (scenes.css); the figures are final in every frame (B16). */
export function RatingTable({ item, result }: { item: RatingItem; result: RatingResult; animate: boolean }) {
  const { t } = useTranslation('scenes');
  const subjects = new Map(item.subjects.map((s) => [s.id, s]));
  const levels = result.subjects[0]?.levels.map((l) => l.level) ?? [];
  const many = result.subjects.length > 8;
  return (
    <div className={`rating-result ${many ? 'is-many' : ''}`} data-testid="scene-rating-result">
      <p className="result-summary">
        {t('result.summary', { roster: result.roster, present: result.present, cast: result.cast, valid: result.valid, invalid: result.invalid })}
        {result.noQuorum && <span className="tag tag--warn">{t('common:noQuorumNote')}</span>}
      </p>
      <table className="rating-table">
        <thead>
          <tr>
            <th className="rating-table__subject">{t('result.subject')}</th>
            {levels.map((l) => (
              <th key={l}>{t(`levels.${result.scale}.${l}`)}</th>
            ))}
            <th>{t('result.rate')}</th>
            <th>{t('result.score')}</th>
            <th>{t('result.rank')}</th>
          </tr>
        </thead>
        <tbody>
          {result.subjects.map((s, i) => {
            const subject = subjects.get(s.subjectId);
            return (
              <tr key={s.subjectId} className={s.flagged ? 'is-flagged' : ''} style={{ animationDelay: `${i * 50}ms` }} data-testid={`rating-row-${s.subjectId}`}>
                <td className="rating-table__subject">
                  <FitText className="rating-table__name" text={subject?.name ?? s.subjectId} size={many ? 28 : 44} lines={1} min={0.6} />
                  {!many && subject?.person && <span className="rating-table__person">{[subject.title, subject.person].filter(Boolean).join(' ')}</span>}
                </td>
                {s.levels.map((l) => (
                  <td key={l.level} className="rating-table__num">
                    {l.count}
                  </td>
                ))}
                <td className="rating-table__rate">{pct(s.satisfactionRate)}</td>
                <td className="rating-table__score">{s.score === null ? '—' : s.score.toFixed(2)}</td>
                <td className="rating-table__rank">
                  {rankText(t, s.rank, result.subjects.map((x) => x.rank))}
                  {s.flagged && <span className="flag">{t('result.flagged')}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
