// After submitting: what the server recorded (the ack's echo, not what the phone meant to send),
// in words: the ticked projects, the mark on each project, or the level given to each subject.
import type { BallotContent, ProjectsItem, RatingItem } from '../../../shared/model.js';
import { levelLabel, useVotesT } from '../i18n/votes.js';

export function RecordedEcho({ item, content }: { item: ProjectsItem | RatingItem; content: BallotContent }) {
  const { t } = useVotesT();
  let title: string;
  let rows: { id: string; name: string; value: string | null; cls: string }[];
  if (item.kind === 'projects' && content.kind === 'select') {
    const picked = new Set(content.picks);
    rows = item.projects.filter((p) => picked.has(p.id)).map((p) => ({ id: p.id, name: p.name, value: null, cls: '' }));
    title = rows.length === 0 ? t('votes:projects.recordedNone') : t('votes:projects.recordedSelect', { count: rows.length });
  } else if (item.kind === 'projects' && content.kind === 'each') {
    title = t('votes:projects.recordedEach');
    rows = item.projects.flatMap((p) => {
      const c = content.choices[p.id];
      return c ? [{ id: p.id, name: p.name, value: t(`common:choice.${c}`), cls: `choice-text--${c}` }] : [];
    });
  } else if (item.kind === 'rating' && content.kind === 'rating') {
    title = t('votes:rating.recorded');
    rows = item.subjects.flatMap((s) => {
      const v = content.ratings[s.id];
      return v === undefined ? [] : [{ id: s.id, name: s.name, value: levelLabel(t, item.settings.scale, v), cls: `level-text--${String(v)}` }];
    });
  } else {
    return null;
  }
  return (
    <section className="echo" data-testid="recorded-echo">
      <p className="echo__title">{title}</p>
      {rows.length > 0 && (
        <ol className="echo__list">
          {rows.map((r) => (
            <li key={r.id} data-testid={`echo-${r.id}`}>
              <span className="echo__name">{r.name}</span>
              {r.value && <strong className={r.cls}>{r.value}</strong>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
