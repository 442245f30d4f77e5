// 民生实事项目票决 result: every project by votes in two columns, a bar per project, and its
// status (入选 in gold). Bars grow and rows appear in order when the scene is cut to live.
import { useTranslation } from 'react-i18next';
import type { ProjectsItem } from '../../../../shared/model.js';
import type { ProjectsResult } from '../../../../shared/rules/index.js';
import { useBuild } from '../count-up.js';
import { FitText } from '../fit-text.js';
import { projectStatusText, projectsRuleText, unfilledTexts } from '../../i18n/outcome-labels.js';

export function ProjectsTable({ item, result, animate }: { item: ProjectsItem; result: ProjectsResult; animate: boolean }) {
  const { t } = useTranslation(['scenes', 'common']);
  const progress = useBuild(animate);
  const names = new Map(item.projects.map((p) => [p.id, p]));
  const top = Math.max(1, ...result.projects.map((p) => p.votes));
  const half = Math.ceil(result.projects.length / 2);
  const columns = [result.projects.slice(0, half), result.projects.slice(half)];
  const many = result.projects.length > 14;
  return (
    <div className="projects-result" data-testid="scene-projects-result">
      <p className="result-summary">
        <span>{t('scenes:result.summary', { roster: result.roster, present: result.present, cast: result.cast, valid: result.valid, invalid: result.invalid })}</span>
        <span className="result-summary__strong" data-testid="projects-rule">
          {result.noQuorum ? t('common:label.noQuorum') : `${t('scenes:result.adoptedCount', { adopted: result.adopted.length })} · ${projectsRuleText(t, result)}`}
        </span>
        {unfilledTexts(t, result).map((text) => (
          <span key={text} className="tag tag--warn" data-testid="projects-unfilled">
            {text}
          </span>
        ))}
        {result.runoffsMerged > 0 && <span className="tag">{t('scenes:result.runoff')}</span>}
      </p>
      <div className={`projects-result__cols ${many ? 'is-many' : ''}`}>
        {columns.map((col, c) => (
          <ol key={c} className="projects-result__col">
            {col.map((p, i) => (
              <li
                key={p.projectId}
                className={`project-row project-row--${p.status}`}
                style={{ animationDelay: `${(c * half + i) * 40}ms` }}
                data-testid={`project-row-${p.projectId}`}
              >
                <span className="project-row__rank">{p.rank}</span>
                <FitText className="project-row__name" text={names.get(p.projectId)?.name ?? p.projectId} size={many ? 25 : 32} lines={2} min={0.7} />
                <span className="project-row__bar" aria-hidden="true">
                  <span style={{ width: `${(p.votes / top) * 100 * progress}%` }} />
                </span>
                <span className="project-row__votes">
                  {p.votes}
                </span>
                <span className="project-row__status">{projectStatusText(t, result, p.status)}</span>
              </li>
            ))}
          </ol>
        ))}
      </div>
    </div>
  );
}
