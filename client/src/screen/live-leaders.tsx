// Live figures while a projects or rating vote is open and its visibility is 'live': a compact
// leaderboard beside the countdown (the full ranked bars belong to the result scene).
import { useTranslation } from 'react-i18next';
import type { ProjectsItem, RatingItem } from '../../../shared/model.js';
import type { ProjectsResult } from '../../../shared/rules/projects.js';
import type { RatingResult } from '../../../shared/rules/rating.js';

const ROWS = 10;

/** batch: a secret vote's figures move in steps of this many ballots (SPEC W7); the caption says so. */
export function LiveProjects({ item, result, batch }: { item: ProjectsItem; result: ProjectsResult; batch?: number | null }) {
  const { t } = useTranslation('screen');
  const names = new Map(item.projects.map((p) => [p.id, p.name]));
  const rows = [...result.projects].sort((a, b) => b.votes - a.votes).slice(0, ROWS);
  return (
    <div className="live-leaders" data-testid="live-projects">
      <p className="voting__caption">{batch ? t('liveTallyBatched', { k: batch }) : t('liveTally')}</p>
      <ol>
        {rows.map((r) => (
          <li key={r.projectId}>
            <span className="live-leaders__name">{names.get(r.projectId) ?? r.projectId}</span>
            <span className="live-leaders__value" data-testid={`live-votes-${r.projectId}`}>
              {r.votes}
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}

export function LiveRating({ item, result, batch }: { item: RatingItem; result: RatingResult; batch?: number | null }) {
  const { t } = useTranslation('screen');
  const names = new Map(item.subjects.map((s) => [s.id, s.name]));
  return (
    <div className="live-leaders" data-testid="live-rating">
      <p className="voting__caption">{batch ? `${t('liveRate')} · ${t('stepNote', { k: batch })}` : t('liveRate')}</p>
      <ol>
        {result.subjects.slice(0, ROWS).map((s) => (
          <li key={s.subjectId}>
            <span className="live-leaders__name">{names.get(s.subjectId) ?? s.subjectId}</span>
            <span className="live-leaders__value" data-testid={`live-rate-${s.subjectId}`}>
              {s.satisfactionRate === null ? '—' : `${(s.satisfactionRate * 100).toFixed(1)}%`}
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}
