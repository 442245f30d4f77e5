// Entry: zod without eval (CSP), the language for this role, then the page for this path. The
// self-hosted Chinese font (the chamber LAN has no internet and test machines have no CJK
// system font) is not here: the phone gets its meeting's subset from the server, the other
// pages the full font with their lazy chunk (app.tsx, styles/broadcast-font.ts).
import './zod-jitless.js';
import './styles/base.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';
import { keepPhoneFont } from './deputy/font-retry.js';
import { Booted } from './booted.js';
import { setupI18n } from './i18n/index.js';
import { roleOf, routeOf } from './routes.js';

const route = routeOf(window.location.pathname, window.location.search);
setupI18n(roleOf(route), window.location.search);
if (route.page === 'deputy') keepPhoneFont(); // its one font file, fetched again after a drop

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
