// A revealed result on the audience page: 通过/未通过 with the counts, the adopted projects
// (公告), or each rated department's 满意率 and score. Aggregates only, as the view carries.
import type { PublicItem } from '../../../shared/audience-view.js';
import type { ItemResult } from '../../../shared/rules/index.js';
import { useLiveT } from '../i18n/live.js';
import '../styles/audience-figures.css';

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

export function LiveResult({ item, result }: { item: PublicItem; result: ItemResult }) {
  const { t } = useLiveT();
  return (
    <section className="live-card" data-testid="live-result">
      <h2 className="live-card__title">{t('live:result')}</h2>
      <p className="live-card__item">{item.title}</p>
      {result.kind === 'motion' && (
        <div className="live-motion">
          <strong className={result.passed ? 'is-ok' : 'is-no'}>{t(result.passed ? 'live:passed' : 'live:failed')}</strong>
          <span>
            {t('live:for')} {result.for} · {t('live:against')} {result.against} · {t('live:abstain')} {result.abstain}
          </span>
        </div>
      )}
      {result.kind === 'projects' && (
        <ol className="live-list">
          {result.adopted.map((id) => (
            <li key={id}>{item.projects.find((p) => p.id === id)?.name ?? id}</li>
          ))}
        </ol>
      )}
      {result.kind === 'rating' && (
        <div className="aud-figs">
          <div className="aud-fig">
            <div className="aud-fig__title">{t('live:figures.deputies')}</div>
            {result.subjects.map((s) => (
              <div key={s.subjectId} className="aud-fig__row">
                <span className="aud-fig__name">{item.subjects.find((x) => x.id === s.subjectId)?.name ?? s.subjectId}</span>
                <span className="aud-fig__label">{t('live:figures.rate')}</span>
                <span className="aud-fig__big">{pct(s.satisfactionRate)}</span>
                <span className="aud-fig__label">{t('live:figures.score')}</span>
                <span className="aud-fig__big aud-fig__big--accent">{s.score === null ? '—' : s.score.toFixed(2)}</span>
              </div>
            ))}
          </div>
        </div>
      )}
    </section>
  );
}
