// The two halves of /supervision: rectification cases (整改督办) and livelihood projects (民生实事).
// The tab is in the address (?tab=projects&project=…) so a link or a reload lands on it.
import { useTranslation } from 'react-i18next';
import { projectsPath } from './projects-api.js';

export type Tab = 'cases' | 'projects';

export function tabOfUrl(): { tab: Tab; project: string | null } {
  const q = new URLSearchParams(window.location.search);
  return { tab: q.get('tab') === 'projects' ? 'projects' : 'cases', project: q.get('project') };
}

export function ProjectsTabs({ tab, onTab }: { tab: Tab; onTab: (t: Tab) => void }) {
  const { t } = useTranslation(['projects']);
  const go = (x: Tab) => {
    window.history.replaceState(null, '', x === 'projects' ? projectsPath() : '/supervision');
    onTab(x);
  };
  return (
    <nav className="pj-tabs" role="tablist">
      {(['cases', 'projects'] as const).map((x) => (
        <button key={x} type="button" role="tab" aria-selected={tab === x} className={`pj-tab${tab === x ? ' is-active' : ''}`} onClick={() => go(x)} data-testid={`sv-tab-${x}`}>
          {t(`tabs.${x}`)}
        </button>
      ))}
    </nav>
  );
}
