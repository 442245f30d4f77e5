// The console's three working views: 会议进行 (the live panels), 签到 (check-in and access),
// 会议准备 (meetings, roster, agenda, QR cards). The tab is kept in the URL (?tab=) so a
// reload or a link opens the same view.
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsoleView } from '../../../../shared/views.js';
import { CheckinPanel } from '../checkin-panel.js';
import type { PanelProps } from '../panel.js';
import { PreparePage } from './prepare-page.js';
import '../../styles/prepare.css';

const TABS = ['live', 'checkin', 'prepare'] as const;
export type Tab = (typeof TABS)[number];

/** 会议准备 is for administrators (the server refuses operators there); an unknown role sees it, the server decides. */
export function tabsFor(role: 'admin' | 'operator' | undefined): readonly Tab[] {
  return role === 'operator' ? TABS.filter((t) => t !== 'prepare') : TABS;
}

function tabFromUrl(tabs: readonly Tab[]): Tab {
  const v = new URLSearchParams(window.location.search).get('tab');
  return (tabs as readonly string[]).includes(v ?? '') ? (v as Tab) : 'live';
}

interface Props extends Omit<PanelProps, 'view'> {
  view: ConsoleView | null;
  role?: 'admin' | 'operator' | undefined;
  /** The live panels, as the console page lays them out. */
  live: ReactNode;
}

export function ConsoleTabs({ view, live, role, ...rest }: Props) {
  const { t } = useTranslation(['prepare']);
  const tabs = tabsFor(role);
  const [tab, setTab] = useState<Tab>(() => tabFromUrl(tabs));
  const choose = (next: Tab) => {
    const url = new URL(window.location.href);
    url.searchParams.set('tab', next);
    window.history.replaceState(null, '', url);
    setTab(next);
  };
  return (
    <>
      <nav className="console-tabs" role="tablist">
        {tabs.map((k) => (
          <button key={k} type="button" role="tab" aria-selected={tab === k} className={`console-tabs__tab ${tab === k ? 'is-on' : ''}`} onClick={() => choose(k)} data-testid={`tab-${k}`}>
            {t(`prepare:tabs.${k}`)}
          </button>
        ))}
      </nav>
      {tab === 'live' && live}
      {tab === 'checkin' && view && (
        <div className="console-tabs__body">
          <CheckinPanel view={view} {...rest} />
        </div>
      )}
      {tab === 'prepare' && tabs.includes('prepare') && <PreparePage session={rest.session} meetingId={view?.meeting.id ?? null} />}
    </>
  );
}
