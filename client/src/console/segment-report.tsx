// The questioning in the printable results report: per segment, who answered, each question's
// asker and topic with the time used against the time allowed, and the department's rating.
import { useTranslation } from 'react-i18next';
import type { SegmentLog, SpeakingUse } from '../../../shared/segment-view.js';
import { durationText } from '../segments/clock.js';

const used = (u: SpeakingUse | null) => (u === null ? '—' : `${durationText(u.usedMs)} / ${durationText(u.allowedMs)}`);

export function SegmentReport({ log }: { log: readonly SegmentLog[] }) {
  const { t } = useTranslation('segments');
  const held = log.filter((s) => s.questions.some((q) => q.question || q.answer));
  if (held.length === 0) return null;
  return (
    <>
      {held.map((seg) => (
        <section key={seg.itemId} className="report__item" data-testid={`report-segment-${seg.itemId}`}>
          <h2>
            {t('kind')} · {seg.department}
          </h2>
          <p>
            {t('intro.answering')}：{seg.person.name} {seg.person.title}
            {seg.rating &&
              ` · ${t('console.rating', {
                score: seg.rating.score === null ? '—' : seg.rating.score.toFixed(2),
                rate: seg.rating.satisfactionRate === null ? '—' : `${(seg.rating.satisfactionRate * 100).toFixed(1)}%`,
              })}`}
          </p>
          <ol className="report__list">
            {seg.questions.map((q) => (
              <li key={q.index}>
                {t('asker', { name: q.asker })} · {q.topic} — {t('report.question')} {used(q.question)} · {t('report.answer')} {used(q.answer)}
              </li>
            ))}
          </ol>
        </section>
      ))}
    </>
  );
}
