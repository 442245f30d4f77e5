// The supervision register (/supervision): the year's rectification cases for the staff, overdue
// first; opening cases from a rating; one case's details, notice, plan and progress. Signed in
// with the console's session (same login, same storage).
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LangToggle } from '../common/lang-toggle.js';
import { downloadBlob } from '../console/documents-api.js';
import { LoginView } from '../console/login-view.js';
import { useSession } from '../console/session.js';
import { loadView, supervisionPath, type View } from './api.js';
import { CaseDetail } from './case-detail.js';
import { CaseList } from './case-list.js';
import { SupervisionNotice } from './notice-print.js';
import { OpenByHand, OpenFromRating } from './open-forms.js';
import { ProjectsTab } from './projects-tab.js';
import { ProjectsTabs, tabOfUrl } from './projects-tabs.js';
import { SettingsPanel } from './settings-panel.js';
import { SupervisionNav } from './supervision-nav.js';
import { PublishToggle } from './publish-toggle.js';
import { refusal } from './words.js';
import '../styles/console.css';
import '../styles/supervision.css';
import '../styles/dashboard.css';

export function SupervisionPage({ caseId, print }: { caseId: string | undefined; print: boolean }) {
  const { t } = useTranslation(['supervision', 'common', 'console']);
  const { session, save, clear } = useSession();
  const [view, setView] = useState<View | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(caseId ?? null);
  const token = session?.token ?? null;
  const [tab, setTab] = useState(tabOfUrl);

  const reload = useCallback(() => {
    if (!token) return;
    void loadView(token).then((r) => {
      if (r.ok) {
        setView(r.value);
        setError(null);
      } else if (r.error === 'UNAUTHORIZED') clear();
      else setError(refusal(t, r.error));
    });
  }, [token, clear, t]);
  useEffect(reload, [reload]);

  const select = (id: string) => {
    setSelected(id);
    window.history.replaceState(null, '', supervisionPath(id));
  };

  if (!session) return <LoginView onSignedIn={save} notice={null} />;
  if (print && caseId) return <SupervisionNotice session={session.token} caseId={caseId} />;
  const current = view?.cases.find((c) => c.id === selected) ?? null;
  return (
    <main className="console sv-page" data-testid="sv-page">
      <header className="sv-top">
        <h1 className="sv-top__title">{t('title')}</h1>
        {view ? <span className="sv-top__today" data-testid="sv-today">{t('today', { date: view.today })}</span> : null}
        <button type="button" className="btn btn--ghost" onClick={() => void downloadBlob(session.token, '/api/supervision/cases.xlsx', `${t('title')}-${view?.today ?? ''}.xlsx`)} data-testid="sv-export">
          {t('export')}
        </button>
        <SupervisionNav here="register" />
        <LangToggle role="console" />
      </header>
      <ProjectsTabs tab={tab.tab} onTab={(x) => setTab({ ...tab, tab: x })} />
      {tab.tab === 'projects' ? <ProjectsTab session={session.token} admin={session.role === 'admin'} projectId={tab.project} /> : null}
      {error ? <p className="panel__error">{error}</p> : null}
      <div className="sv-grid" hidden={tab.tab === 'projects'}>
        <div className="sv-col">
          <section className="panel">
            {view ? <CaseList cases={view.cases} selected={selected} onSelect={select} /> : <p className="panel__hint">{t('loading')}</p>}
          </section>
          <OpenFromRating session={session.token} onDone={reload} />
          <OpenByHand session={session.token} onDone={reload} />
          {view && session.role === 'admin' ? <SettingsPanel session={session.token} view={view} onDone={reload} /> : null}
        </div>
        <div className="sv-col">
          {current && view ? <PublishToggle session={session.token} role={session.role ?? 'operator'} kind="case" id={current.id} published={view.published.case.includes(current.id)} onChanged={reload} /> : null}
          {current ? <CaseDetail key={current.id} session={session.token} c={current} reviews={view?.reviews ?? []} onChanged={reload} /> : null}
        </div>
      </div>
    </main>
  );
}
