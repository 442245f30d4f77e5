// The front door (/): links to the console and the big screen. Deputies never come here;
// they open their personal link.
import { useTranslation } from 'react-i18next';
import { LangToggle } from '../common/lang-toggle.js';
import { YearLink } from './year-link.js';

export function LandingPage() {
  const { t } = useTranslation('common');
  return (
    <main className="landing">
      <LangToggle role="landing" className="landing__lang" />
      <h1 className="landing__title">{t('appName')}</h1>
      <p className="landing__intro">{t('landing.intro')}</p>
      <nav className="landing__links">
        <a className="landing__link" href="/console" data-testid="link-console">
          <strong>{t('landing.console')}</strong>
          <span>{t('landing.consoleHint')}</span>
        </a>
        <a className="landing__link" href="/screen" data-testid="link-screen">
          <strong>{t('landing.screen')}</strong>
          <span>{t('landing.screenHint')}</span>
        </a>
        <YearLink />
      </nav>
    </main>
  );
}
