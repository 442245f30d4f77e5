// 排名: every rated department of the meeting by score, 满意率 beside it, 整改 flags marked.
import { useTranslation } from 'react-i18next';
import { FitText } from '../fit-text.js';
import { rankText } from '../rank-text.js';
import type { SceneProps } from '../scene-props.js';

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

export function RankingScene({ view }: SceneProps) {
  const { t } = useTranslation('scenes');
  const rows = view.ranking ?? [];
  const many = rows.length > 10;
  const density = many ? 'is-many' : rows.length > 7 ? 'is-mid' : '';
  const ranks = rows.map((r) => r.rank);
  return (
    <section className="scene scene--ranking" data-testid="scene-ranking">
      <h2 className="scene__heading">{t('ranking.heading')}</h2>
      {rows.length === 0 ? (
        <p className="scene__empty">{t('ranking.empty')}</p>
      ) : (
        <table className={`ranking-table ${density}`}>
          <thead>
            <tr>
              <th>{t('result.rank')}</th>
              <th className="ranking-table__subject">{t('result.subject')}</th>
              <th>{t('result.rate')}</th>
              <th>{t('result.score')}</th>
              <th aria-label={t('result.flagged')} />
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={`${r.itemId}:${r.subjectId}`} className={`${r.flagged ? 'is-flagged' : ''} ${r.rank === 1 ? 'is-first' : ''}`} style={{ animationDelay: `${i * 45}ms` }}>
                <td className="ranking-table__rank" data-testid={`ranking-rank-${r.subjectId}`}>
                  {rankText(t, r.rank, ranks)}
                </td>
                <td className="ranking-table__subject">
                  <div className="ranking-table__who">
                    <FitText className="ranking-table__name" text={r.name} size={many ? 28 : 44} lines={1} min={0.6} />
                    {r.person && <span className="ranking-table__person">{[r.title, r.person].filter(Boolean).join(' ')}</span>}
                  </div>
                </td>
                <td className="ranking-table__num">{pct(r.satisfactionRate)}</td>
                <td className="ranking-table__score">{r.score === null ? '—' : r.score.toFixed(2)}</td>
                <td>{r.flagged && <span className="flag">{t('result.flagged')}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
