// The segment log on the console: each question's asker and topic with the time used against
// the time allowed, and the department's rating once it closed (the same data as the report).
import { useTranslation } from 'react-i18next';
import type { SegmentLog, SpeakingUse } from '../../../shared/segment-view.js';
import { durationText } from '../segments/clock.js';

export function SegmentLogList({ log }: { log: SegmentLog | null }) {
  const { t } = useTranslation('segments');
  if (!log) return null;
  const use = (key: 'console.logQuestion' | 'console.logAnswer', u: SpeakingUse | null) =>
    u && <span className={u.usedMs > u.allowedMs ? 'rundown__over' : ''}>{t(key, { used: durationText(u.usedMs), allowed: durationText(u.allowedMs) })}</span>;
  return (
    <div className="rundown__log" data-testid="segment-log">
      <h3 className="rundown__log-head">{t('console.log')}</h3>
      <ul className="rundown__log-list">
        {log.questions.map((q) => (
          <li key={q.index} data-testid={`segment-log-${q.index}`}>
            <span>
              {q.index + 1}. {q.asker} · {q.topic}
            </span>
            {use('console.logQuestion', q.question)}
            {use('console.logAnswer', q.answer)}
          </li>
        ))}
      </ul>
      {log.rating && (
        <p className="rundown__rating" data-testid="segment-log-rating">
          {t('console.rating', {
            score: log.rating.score === null ? '—' : log.rating.score.toFixed(2),
            rate: log.rating.satisfactionRate === null ? '—' : `${(log.rating.satisfactionRate * 100).toFixed(1)}%`,
          })}
        </p>
      )}
    </div>
  );
}
