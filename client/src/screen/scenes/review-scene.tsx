// 回头看: each re-rated department's 满意率 and score at the earlier rating and now, and the
// change, the story the TV crew wants. Computed from the screen view alone (the item carries
// the earlier figures; shared/supervision/review.ts), like every scene.
import { useTranslation } from 'react-i18next';
import { beforeAfter } from '../../../../shared/supervision/review.js';
import { FitText } from '../fit-text.js';
import type { SceneProps } from '../scene-props.js';
import '../../styles/review-scene.css';

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
const num = (x: number | null) => (x === null ? '—' : x.toFixed(2));
const signed = (x: number | null) => (x === null ? '—' : `${x > 0 ? '+' : ''}${x.toFixed(1)}`);

export function ReviewScene({ view }: SceneProps) {
  const { t } = useTranslation('scenes');
  const item = view.item?.kind === 'rating' ? view.item : null;
  const result = (view.outcome ?? view.result)?.kind === 'rating' && view.round?.status === 'closed' ? (view.outcome ?? view.result) : null;
  const rows = item ? beforeAfter(item, result?.kind === 'rating' ? result : null) : [];
  return (
    <section className="scene scene--review" data-testid="scene-review">
      <h2 className="scene__heading">{t('review.heading')}</h2>
      <table className="review-table">
        <thead>
          <tr>
            <th />
            <th colSpan={2}>{t('review.before')}</th>
            <th colSpan={2}>{t('review.after')}</th>
            <th>{t('review.change')}</th>
          </tr>
          <tr className="review-table__sub">
            <th />
            <th>{t('review.rate')}</th>
            <th>{t('review.score')}</th>
            <th>{t('review.rate')}</th>
            <th>{t('review.score')}</th>
            <th>{t('review.rate')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const up = (r.change?.satisfactionRate ?? 0) > 0;
            return (
              <tr key={r.subjectId} data-testid="review-row">
                <td className="review-table__name">
                  <FitText text={r.department} size={48} lines={1} min={0.6} />
                </td>
                <td className="review-table__then">{pct(r.before.satisfactionRate)}</td>
                <td className="review-table__then">{num(r.before.score)}</td>
                <td className="review-table__now">{r.after ? pct(r.after.satisfactionRate) : t('review.pending')}</td>
                <td className="review-table__now">{r.after ? num(r.after.score) : ''}</td>
                <td className={`review-table__change ${r.change ? (up ? 'is-up' : 'is-down') : ''}`}>{r.change ? signed(r.change.satisfactionRate) : ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
