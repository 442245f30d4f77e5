// 公告: the adopted livelihood projects in rank order with their votes, as published.
import { useTranslation } from 'react-i18next';
import { FitText } from '../fit-text.js';
import type { SceneProps } from '../scene-props.js';

export function NoticeScene({ view }: SceneProps) {
  const { t } = useTranslation('scenes');
  const { item } = view;
  const result = view.outcome ?? view.result;
  const ok = item?.kind === 'projects' && result?.kind === 'projects';
  const adopted = ok ? result.adopted : [];
  const byId = new Map(ok ? result.projects.map((p) => [p.projectId, p]) : []);
  const projects = new Map(item?.kind === 'projects' ? item.projects.map((p) => [p.id, p]) : []);
  const half = Math.ceil(adopted.length / 2);
  const columns = adopted.length > 8 ? [adopted.slice(0, half), adopted.slice(half)] : [adopted];
  return (
    <section className="scene scene--notice" data-testid="scene-notice">
      <h2 className="notice__heading">{t('notice.heading')}</h2>
      {!ok || adopted.length === 0 ? (
        <p className="scene__empty">{t('notice.empty')}</p>
      ) : (
        <>
          <FitText as="p" className="notice__lead" text={t('notice.lead', { title: item.title, count: adopted.length })} size={34} lines={2} />
          <div className="notice__cols">
            {columns.map((col, c) => (
              <ol key={c} className="notice__list" start={c * half + 1}>
                {col.map((id, i) => {
                  const p = projects.get(id);
                  return (
                    <li key={id} className="notice__row" data-testid={`notice-row-${id}`}>
                      <span className="notice__no">{c * half + i + 1}</span>
                      <span className="notice__text">
                        <FitText className="notice__name" text={p?.name ?? id} size={30} lines={2} min={0.7} />
                        {p?.department && <span className="notice__dept">{p.department}</span>}
                      </span>
                      <span className="notice__votes">{t('notice.votes', { count: byId.get(id)?.votes ?? 0 })}</span>
                    </li>
                  );
                })}
              </ol>
            ))}
          </div>
          <p className="notice__signature">{t('notice.signature', { meeting: view.meeting.title })}</p>
        </>
      )}
    </section>
  );
}
