// The links between the staff's supervision pages, the console and the public year page, in the
// header of each, so none of them is reached only by typing its address.
import { useYearT } from '../i18n/year.js';

type Here = 'register' | 'dashboard';

export function SupervisionNav({ here }: { here: Here }) {
  const { t } = useYearT();
  return (
    <nav className="sv-nav" aria-label={t('nav.supervision')}>
      {here !== 'register' ? (
        <a className="btn btn--ghost" href="/supervision" data-testid="nav-register">
          {t('dashboard.register')}
        </a>
      ) : null}
      {here !== 'dashboard' ? (
        <a className="btn btn--ghost" href="/supervision/dashboard" data-testid="nav-dashboard">
          {t('dashboard.open')}
        </a>
      ) : null}
      <a className="btn btn--ghost" href="/year" target="_blank" rel="noopener" data-testid="nav-public">
        {t('dashboard.publicPage')}
      </a>
      <a className="btn btn--ghost" href="/console" data-testid="nav-console">
        {t('nav.console')}
      </a>
    </nav>
  );
}
