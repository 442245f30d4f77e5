// The printed report's audience part (SPEC Y20): per rated item, 网络评议 and 现场观众 each (how
// many took part, each level's count, 满意率 and score) and the combined figure with its weights
// and rule. A section of its own after the deputies' results, headed as public opinion counted
// apart: nothing of it goes into an item's section (Y2).
import type { AudienceFigure } from '../../../shared/audience-figures.js';
import type { AudienceRecord } from '../../../shared/audience-report.js';
import { useLiveT } from '../i18n/live.js';
import { levelLabel } from '../i18n/votes.js';

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
const score = (x: number | null) => (x === null ? '—' : x.toFixed(2));

function FigureTable({ rec, f }: { rec: AudienceRecord; f: AudienceFigure }) {
  const { t } = useLiveT();
  const levels = f.subjects[0]?.levels.map((l) => l.level) ?? [];
  return (
    <>
      <p className="report__aud-head" data-testid={`report-audience-${rec.itemId}-${f.group}`}>
        {t('live:report.group', { name: t(f.group === 'online' ? 'live:figures.online' : 'live:figures.onsite'), n: f.n })}
      </p>
      <table className="report__table report__aud-table">
        <thead>
          <tr>
            <th />
            {levels.map((l) => (
              <th key={l}>{levelLabel(t, rec.scale, l)}</th>
            ))}
            <th>{t('live:report.rated')}</th>
            <th>{t('live:figures.rate')}</th>
            <th>{t('live:figures.score')}</th>
          </tr>
        </thead>
        <tbody>
          {f.subjects.map((x) => (
            <tr key={x.subjectId}>
              <td>{x.name}</td>
              {x.levels.map((l) => (
                <td key={l.level}>{l.count}</td>
              ))}
              <td>{x.rated}</td>
              <td>{pct(x.satisfactionRate)}</td>
              <td>{score(x.score)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function AudienceReport({ records }: { records: readonly AudienceRecord[] }) {
  const { t } = useLiveT();
  if (records.length === 0) return null;
  return (
    <section className="report__item report__audience" data-testid="report-audience">
      <h2>{t('live:report.title')}</h2>
      <p className="report__note">{t('live:report.apart')}</p>
      {records.map((rec) => (
        <div key={rec.itemId} className="report__aud-item">
          <h3>{rec.itemTitle}</h3>
          {rec.figures.map((f) => (
            <FigureTable key={f.pollId} rec={rec} f={f} />
          ))}
          {rec.combined && (
            <>
              <p className="report__aud-head" data-testid={`report-audience-${rec.itemId}-combined`}>
                {t('live:report.weights', { name: t('live:figures.combined'), d: rec.combined.weights.deputies, o: rec.combined.weights.online, s: rec.combined.weights.onsite })}
              </p>
              <table className="report__table report__aud-table">
                <thead>
                  <tr>
                    <th />
                    <th>{t('live:figures.rate')}</th>
                    <th>{t('live:figures.score')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rec.combined.subjects.map((x) => (
                    <tr key={x.subjectId}>
                      <td>{x.name}</td>
                      <td>{pct(x.satisfactionRate)}</td>
                      <td>{score(x.score)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <p className="report__note">{t('live:report.rule')}</p>
            </>
          )}
        </div>
      ))}
    </section>
  );
}
