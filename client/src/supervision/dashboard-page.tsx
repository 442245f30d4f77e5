// The supervision dashboard (/supervision/dashboard, U43): cases by status and by department
// (the departments with overdue cases first), projects by status and progress, with the two
// workbooks. Signed in with the console's session, like the register.
import { useCallback, useEffect, useState } from 'react';
import { CASE_STATUSES, PROJECT_STATUSES, BANDS } from '../../../shared/supervision/dashboard.js';
import { LangToggle } from '../common/lang-toggle.js';
import { downloadBlob } from '../console/documents-api.js';
import { LoginView } from '../console/login-view.js';
import { useSession } from '../console/session.js';
import { useYearT } from '../i18n/year.js';
import { loadDashboard, type DashboardData } from './dashboard-api.js';
import { SupervisionNav } from './supervision-nav.js';
import { refusal } from './words.js';
import '../styles/console.css';
import '../styles/supervision.css';
import '../styles/dashboard.css';

function Tiles({ items }: { items: readonly { key: string; label: string; n: number; tone: string }[] }) {
  return (
    <div className="db-tiles">
      {items.map((x) => (
        <div key={x.key} className={`db-tile db-tile--${x.tone}${x.n === 0 ? ' is-zero' : ''}`} data-testid={`db-count-${x.key}`}>
          <span className="db-tile__n">{x.n}</span>
          <span className="db-tile__label">{x.label}</span>
        </div>
      ))}
    </div>
  );
}

function Cases({ d }: { d: DashboardData['cases'] }) {
  const { t } = useYearT('supervision');
  return (
    <section className="panel db-panel" data-testid="db-cases">
      <h2 className="panel__title">{t('dashboard.cases')}</h2>
      <Tiles items={[{ key: 'total', label: t('dashboard.total'), n: d.total, tone: 'total' }, ...CASE_STATUSES.map((s) => ({ key: s, label: t(`supervision:status.${s}`), n: d.byStatus[s], tone: s }))]} />
      <h3 className="sv-h3">{t('dashboard.byDepartment')}</h3>
      {d.byDepartment.length === 0 ? (
        <p className="panel__hint">{t('dashboard.noCases')}</p>
      ) : (
        <table className="sv-list db-table" data-testid="db-departments">
          <thead>
            <tr>
              <th>{t('dashboard.department')}</th>
              {CASE_STATUSES.map((s) => (
                <th key={s} className="db-num">
                  {t(`supervision:status.${s}`)}
                </th>
              ))}
              <th className="db-num">{t('dashboard.total')}</th>
            </tr>
          </thead>
          <tbody>
            {d.byDepartment.map((r) => (
              <tr key={r.department} className={r.counts.overdue > 0 ? 'db-row--overdue' : ''} data-testid="db-department">
                <td>{r.department}</td>
                {CASE_STATUSES.map((s) => (
                  <td key={s} className="db-num">
                    {r.counts[s] || ''}
                  </td>
                ))}
                <td className="db-num">{r.total}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Projects({ d }: { d: DashboardData['projects'] }) {
  const { t } = useYearT();
  return (
    <section className="panel db-panel" data-testid="db-projects">
      <h2 className="panel__title">{t('dashboard.projects')}</h2>
      <Tiles items={[{ key: 'projects', label: t('dashboard.total'), n: d.total, tone: 'total' }, ...PROJECT_STATUSES.map((s) => ({ key: `project-${s}`, label: t(`projectStatus.${s}`), n: d.byStatus[s], tone: s }))]} />
      <h3 className="sv-h3">{t('dashboard.byBand')}</h3>
      <Tiles items={BANDS.map((b) => ({ key: `band-${b}`, label: t(`dashboard.bands.${b}`), n: d.byBand[b], tone: 'band' }))} />
      {d.rows.length === 0 ? (
        <p className="panel__hint">{t('dashboard.noProjects')}</p>
      ) : (
        <table className="sv-list db-table">
          <thead>
            <tr>
              <th>{t('dashboard.project')}</th>
              <th>{t('dashboard.department')}</th>
              <th>{t('dashboard.status')}</th>
              <th>{t('dashboard.percent')}</th>
            </tr>
          </thead>
          <tbody>
            {d.rows.map((p) => (
              <tr key={p.id} data-testid="db-project">
                <td>{p.name}</td>
                <td>{p.department}</td>
                <td>{t(`projectStatus.${p.status}`)}</td>
                <td>
                  <span className="db-bar">
                    <span className="db-bar__fill" style={{ width: `${Math.max(0, Math.min(100, p.percent))}%` }} />
                  </span>
                  {Math.round(p.percent)}%
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function DashboardPage() {
  const { t } = useYearT('supervision', 'console');
  const { session, save, clear } = useSession();
  const [data, setData] = useState<DashboardData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const token = session?.token ?? null;
  const reload = useCallback(() => {
    if (!token) return;
    void loadDashboard(token).then((r) => {
      if (r.ok) return setData(r.value);
      if (r.error === 'UNAUTHORIZED') clear();
      else setError(refusal(t, r.error));
    });
  }, [token, clear, t]);
  useEffect(reload, [reload]);

  if (!session) return <LoginView onSignedIn={save} notice={null} />;
  const today = data?.today ?? '';
  return (
    <main className="console sv-page db-page" data-testid="db-page">
      <header className="sv-top">
        <h1 className="sv-top__title">{t('dashboard.title')}</h1>
        <span className="sv-top__today">{data ? t('supervision:today', { date: today }) : null}</span>
        <SupervisionNav here="dashboard" />
        <LangToggle role="console" />
      </header>
      {error ? <p className="panel__error">{error}</p> : null}
      <div className="btn-row db-exports">
        <button type="button" className="btn" onClick={() => void downloadBlob(session.token, '/api/supervision/cases.xlsx', `整改督办台账-${today}.xlsx`)} data-testid="db-export-cases">
          {t('dashboard.exportCases')}
        </button>
        <button type="button" className="btn" onClick={() => void downloadBlob(session.token, '/api/supervision/projects.xlsx', `民生实事项目进度-${today}.xlsx`)} data-testid="db-export-projects">
          {t('dashboard.exportProjects')}
        </button>
      </div>
      {data ? (
        <div className="db-grid">
          <Cases d={data.cases} />
          <Projects d={data.projects} />
        </div>
      ) : (
        <p className="panel__hint">{t('supervision:loading')}</p>
      )}
    </main>
  );
}
