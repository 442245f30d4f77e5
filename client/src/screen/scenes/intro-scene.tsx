// 事项介绍: the current item before its vote. A rating names who answers for each department;
// a project vote lists its candidates; a motion shows its description.
import { useTranslation } from 'react-i18next';
import type { AgendaItem } from '../../../../shared/model.js';
import { actLabel } from '../../i18n/labels.js';
import { FitText } from '../fit-text.js';
import type { SceneProps } from '../scene-props.js';
import { ItemHead } from './item-head.js';

export function IntroScene({ view }: SceneProps) {
  const { t } = useTranslation('scenes');
  const { item } = view;
  return (
    <section className="scene scene--intro" data-testid="scene-intro">
      {item ? (
        <>
          <ItemHead view={view} size={56} status={false} />
          <IntroBody item={item} />
        </>
      ) : (
        <p className="scene__empty">{t('intro.noItem')}</p>
      )}
    </section>
  );
}

function IntroBody({ item }: { item: AgendaItem }) {
  const { t } = useTranslation('scenes');
  if (item.kind === 'rating') {
    const many = item.subjects.length > 6;
    return (
      <div className="intro-body">
        <p className="intro-body__lead">{t('intro.subjects', { count: item.subjects.length })}</p>
        <ul className={`subject-grid ${many ? 'subject-grid--many' : ''}`}>
          {item.subjects.map((s) => (
            <li key={s.id} className="subject-card">
              <FitText className="subject-card__name" text={s.name} size={many ? 30 : 44} lines={1} />
              {(s.person || s.title) && <span className="subject-card__person">{[s.title, s.person].filter(Boolean).join(' ')}</span>}
            </li>
          ))}
        </ul>
      </div>
    );
  }
  if (item.kind === 'projects') {
    return (
      <div className="intro-body">
        <p className="intro-body__lead">{t('intro.projects', { count: item.projects.length, adopt: item.settings.adopt })}</p>
        <ol className={`project-grid ${item.projects.length > 12 ? 'project-grid--many' : ''}`}>
          {item.projects.map((p, i) => (
            <li key={p.id} className="project-grid__cell">
              <span className="project-grid__no">{i + 1}</span>
              <FitText className="project-grid__name" text={p.name} size={item.projects.length > 12 ? 25 : 34} lines={2} />
            </li>
          ))}
        </ol>
      </div>
    );
  }
  return (
    <div className="intro-body">
      {item.description && <FitText as="p" className="intro-body__text" text={item.description} size={44} lines={5} />}
      {'settings' in item && <p className="intro-body__note">{t(`intro.visibility.${item.settings.visibility}`, { act: actLabel(t, item.kind) })}</p>}
    </div>
  );
}
