// The year's public page (/year): what the committee has published of its supervision — the
// rectification cases and where they stand, the livelihood projects and their progress — for a
// phone in WeChat's browser, without a login. Read-only; it reads GET /api/public/year, which
// holds nothing unpublished (U41, U42). Like /live, it loads only the app's own files.
import { useEffect, useState } from 'react';
import { LangToggle } from '../common/lang-toggle.js';
import { useYearT } from '../i18n/year.js';
import { loadPublicYear, type PublicYear } from './api.js';
import { YearCase } from './year-case.js';
import { YearProjectCard } from './year-project.js';
import '../styles/year.css';

export function YearPage() {
  const { t } = useYearT('supervision');
  const [data, setData] = useState<PublicYear | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    void loadPublicYear().then((d) => {
      setData(d);
      setFailed(d === null);
    });
  }, []);
  const issuer = data?.issuer ?? '';
  return (
    <div className="yr-page" data-testid="yr-page">
      <header className="yr-head">
        <div className="yr-head__title">
          <span className="yr-head__badge">{t('public.badge')}</span>
          <h1>{data ? t('public.title', { issuer }) : ''}</h1>
        </div>
        <LangToggle role="live" className="yr-head__lang" />
      </header>
      {failed ? (
        <p className="yr-banner" role="status">
          {t('public.offline')}
        </p>
      ) : null}
      {!data ? (
        failed ? null : <p className="yr-quiet">{t('public.loading')}</p>
      ) : (
        <main className="yr-main">
          {data.cases.length === 0 && data.projects.length === 0 ? <p className="yr-quiet" data-testid="yr-empty">{t('public.empty')}</p> : null}
          {data.cases.length > 0 ? (
            <section className="yr-section" data-testid="yr-cases">
              <h2 className="yr-section__title">
                {t('public.cases')} <span className="yr-section__count">{t('public.casesCount', { count: data.cases.length })}</span>
              </h2>
              {data.cases.map((c) => (
                <YearCase key={c.id} c={c} />
              ))}
            </section>
          ) : null}
          {data.projects.length > 0 ? (
            <section className="yr-section" data-testid="yr-projects">
              <h2 className="yr-section__title">
                {t('public.projects')} <span className="yr-section__count">{t('public.projectsCount', { count: data.projects.length })}</span>
              </h2>
              {data.projects.map((p) => (
                <YearProjectCard key={p.id} p={p} />
              ))}
            </section>
          ) : null}
          <p className="yr-updated">{t('public.updated', { date: data.today })}</p>
        </main>
      )}
    </div>
  );
}
