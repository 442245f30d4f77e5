// 网络满意度 (and 现场观众) beside the deputies' rating, and the combined figure with its weights:
// one component for the audience page and the big screen, styled by the page it sits in.
import type { AudienceFigure, CombinedFigure } from '../../../shared/audience-figures.js';
import { useLiveT } from '../i18n/live.js';
import '../styles/audience-figures.css';

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
const score = (x: number | null) => (x === null ? '—' : x.toFixed(2));

export function AudienceFigures({ figures, combined, className }: { figures: AudienceFigure[]; combined: CombinedFigure | null; className?: string }) {
  const { t } = useLiveT();
  if (figures.length === 0 && !combined) return null;
  return (
    <div className={`aud-figs ${className ?? ''}`} data-testid="audience-figures">
      {figures.map((f) => (
        <div key={f.pollId} className="aud-fig" data-testid={`audience-figure-${f.group}`}>
          <div className="aud-fig__title">
            {t(f.group === 'online' ? 'live:figures.online' : 'live:figures.onsite')}
            <span className="aud-fig__n">{t('live:figures.took', { n: f.n })}</span>
          </div>
          <SubjectRows subjects={f.subjects} />
        </div>
      ))}
      {combined && (
        <div className="aud-fig aud-fig--combined" data-testid="audience-combined">
          <div className="aud-fig__title">
            {t('live:figures.combined')}
            <span className="aud-fig__n">{t('live:figures.weights', { d: combined.weights.deputies, o: combined.weights.online, s: combined.weights.onsite })}</span>
          </div>
          <SubjectRows subjects={combined.subjects} />
        </div>
      )}
      <p className="aud-figs__note">{t('live:figures.note')}</p>
    </div>
  );
}

/** 满意率 and score per subject, named only when there are several (one figure's or the combined one's). */
function SubjectRows({ subjects }: { subjects: { subjectId: string; name: string; satisfactionRate: number | null; score: number | null }[] }) {
  const { t } = useLiveT();
  return subjects.map((s) => (
    <div key={s.subjectId} className="aud-fig__row">
      {subjects.length > 1 && <span className="aud-fig__name">{s.name}</span>}
      <span className="aud-fig__label">{t('live:figures.rate')}</span>
      <span className="aud-fig__big">{pct(s.satisfactionRate)}</span>
      <span className="aud-fig__label">{t('live:figures.score')}</span>
      <span className="aud-fig__big aud-fig__big--accent">{score(s.score)}</span>
    </div>
  ));
}
