// 满意度测评 on the big screen: per subject a stacked bar of 满意 / 基本满意 / 不满意 (or the
// item's scale), with 满意率 and the score in large type beside it, and 整改 flags marked.
import type { RatingItem } from '../../../shared/model.js';
import type { RatingResult } from '../../../shared/rules/index.js';
import { levelLabel, useVotesT } from '../i18n/votes.js';
import { rankText } from './rank-text.js';
import '../styles/screen-votes.css';

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

export function RatingResultChart({ item, result }: { item: RatingItem; result: RatingResult }) {
  const { t } = useVotesT();
  const subjects = new Map(item.subjects.map((s) => [s.id, s]));
  const levels = result.subjects[0]?.levels.map((l) => l.level) ?? [];
  return (
    <div className="rating-chart" data-testid="rating-chart">
      <ul className="rating-chart__legend">
        {levels.map((l) => (
          <li key={l} className={`rating-chart__key level-bg--${l}`}>
            {levelLabel(t, result.scale, l)}
          </li>
        ))}
        {result.manual && <li className="rating-chart__manual">{t('votes:screen.manual')}</li>}
        {result.noQuorum && <li className="rating-chart__manual" data-testid="rating-no-quorum">{t('common:noQuorumNote')}</li>}
      </ul>
      {result.subjects.map((s) => {
        const subject = subjects.get(s.subjectId);
        return (
          <div key={s.subjectId} className={`rating-chart__row ${s.flagged ? 'is-flagged' : ''}`} data-testid={`rating-bar-${s.subjectId}`}>
            <span className="rating-chart__rank" data-testid={`rating-rank-${s.subjectId}`}>
              {rankText(t, s.rank, result.subjects.map((x) => x.rank))}
            </span>
            <div className="rating-chart__who">
              <span className="rating-chart__name">{subject?.name ?? s.subjectId}</span>
              {subject && (subject.title || subject.person) && <span className="rating-chart__person">{[subject.title, subject.person].filter(Boolean).join(' ')}</span>}
            </div>
            <div className="rating-chart__bar">
              {s.levels.map((l) =>
                l.count > 0 ? (
                  <span key={l.level} className={`rating-chart__seg level-bg--${l.level}`} style={{ flexGrow: l.count }}>
                    {l.count}
                  </span>
                ) : null,
              )}
              {s.valid === 0 && <span className="rating-chart__empty">—</span>}
            </div>
            <div className="rating-chart__fig">
              <span className="rating-chart__label">{t('votes:screen.rate')}</span>
              <span className="rating-chart__big">{pct(s.satisfactionRate)}</span>
            </div>
            <div className="rating-chart__fig">
              <span className="rating-chart__label">{t('votes:screen.score')}</span>
              <span className="rating-chart__big rating-chart__big--gold">{s.score === null ? '—' : s.score.toFixed(2)}</span>
            </div>
            <div className="rating-chart__flag">{s.flagged && <span className="flag">{t('votes:console.flagged')}</span>}</div>
          </div>
        );
      })}
    </div>
  );
}
