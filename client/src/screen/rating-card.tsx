// The moment the programme exists for (现场公布测评结果): one department's rating, full frame.
// The department and its head, 满意率 and the score in very large figures, each level with
// its count and share, and 需整改 with its rule when flagged. The build on Reveal (bars
// growing, figures settling, the flag stamped) is presentation only: every figure is final
// in the DOM from the first frame, so a camera may cut at any moment (B16). No build when the
// screen asks for less motion, or the director cut without effects (scenes.css).
import type { RatingItem } from '../../../shared/model.js';
import type { RatingResult, SubjectRating } from '../../../shared/rules/index.js';
import { weightsText } from '../i18n/outcome-labels.js';
import { levelLabel, useVotesT } from '../i18n/votes.js';
import { FitText } from './fit-text.js';
import '../styles/rating-card.css';

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

export function RatingCard({ item, result, subject }: { item: RatingItem; result: RatingResult; subject: SubjectRating }) {
  const { t } = useVotesT();
  const who = item.subjects.find((s) => s.id === subject.subjectId);
  const head = [who?.title, who?.person].filter(Boolean).join(' ');
  const level = (l: string) => levelLabel(t, result.scale, l);
  return (
    <div className={`rating-card ${subject.flagged ? 'is-flagged' : ''}`} data-testid="rating-card">
      <header className="rating-card__who">
        <div className="rating-card__names">
          <p className="rating-card__kind">{item.title}</p>
          <FitText as="h3" className="rating-card__name" text={who?.name ?? subject.subjectId} size={96} lines={1} min={0.5} testId="card-name" />
          {head && <FitText as="p" className="rating-card__head" text={head} size={48} lines={1} min={0.6} />}
        </div>
        {subject.flagged && (
          <div className="rating-card__flag" data-testid="card-flag">
            <span className="rating-card__flag-word">{t('votes:screen.flag')}</span>
            <span className="rating-card__flag-why">{t('votes:screen.flagWhy', { rate: pct(subject.unsatisfiedRate), limit: Math.round(result.flagAbove * 1000) / 10 })}</span>
          </div>
        )}
      </header>
      <div className="rating-card__body">
        <div className="rating-card__figures">
          <div className="rating-card__figure">
            <span className="rating-card__label">{t('votes:screen.rate')}</span>
            <span className="rating-card__big" data-testid="card-rate">
              {pct(subject.satisfactionRate)}
            </span>
          </div>
          <div className="rating-card__figure rating-card__figure--score">
            <span className="rating-card__label">{t('votes:screen.score')}</span>
            <span className="rating-card__big rating-card__big--score" data-testid="card-score">
              {subject.score === null ? '—' : subject.score.toFixed(2)}
            </span>
          </div>
        </div>
        <ul className="rating-card__levels">
          {subject.levels.map((l, i) => {
            const share = subject.valid > 0 ? l.count / subject.valid : null;
            return (
              <li key={l.level} className="rating-card__level" data-testid={`card-level-${l.level}`} style={{ animationDelay: `${150 + i * 120}ms` }}>
                <span className="rating-card__level-name">{level(String(l.level))}</span>
                <span className="rating-card__track">
                  <span className={`rating-card__fill level-bg--${l.level}`} style={{ width: `${(share ?? 0) * 100}%`, animationDelay: `${150 + i * 120}ms` }} />
                </span>
                <span className="rating-card__count">{t('votes:screen.votesOf', { count: l.count })}</span>
                <span className="rating-card__share">{pct(share)}</span>
              </li>
            );
          })}
        </ul>
      </div>
      <p className="rating-card__foot">
        <span>{t('scenes:result.summary', { roster: result.roster, present: result.present, cast: result.cast, valid: subject.valid, invalid: result.invalid })}</span>
        {subject.skipped > 0 && <span>{t('votes:screen.notRated', { count: subject.skipped })}</span>}
        <span>{weightsText(t, result, level)}</span>
        {result.manual && <span>{t('votes:screen.manual')}</span>}
        {result.noQuorum && <span className="tag tag--warn">{t('common:noQuorumNote')}</span>}
      </p>
    </div>
  );
}
