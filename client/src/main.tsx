// Entry: zod without eval (CSP), the self-hosted Chinese font (the chamber LAN has no internet and test machines have
// no CJK system font), the language for this role, then the page for this path.
import './zod-jitless.js';
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
import './styles/base.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';
import { Booted } from './booted.js';
import { setupI18n } from './i18n/index.js';
import { roleOf, routeOf } from './routes.js';

const route = routeOf(window.location.pathname, window.location.search);
setupI18n(roleOf(route), window.location.search);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <Booted>
        <App route={route} />
      </Booted>
    </StrictMode>,
  );
}
