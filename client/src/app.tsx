// One SPA, one page per role, chosen by path. Every page but the phone's is loaded on demand,
// with the full broadcast font, so a deputy's phone on a weak chamber Wi-Fi downloads only the
// phone page (its font is the meeting's subset the server links into the HTML).
import { lazy, Suspense } from 'react';
import { DeputyPage } from './deputy/deputy-page.js';
import type { Route } from './routes.js';
import { assertNever } from '../../shared/never.js';

/** A lazy page's module, once the full font's CSS (styles/broadcast-font.ts) and every page's texts are in too. */
function withFont<T>(load: () => Promise<T>): Promise<T> {
  return Promise.all([import('./styles/broadcast-font.js'), import('./i18n/resources.js'), load()]).then(([, r, m]) => {
    r.addAllResources();
    return m;
  });
}

const ScreenPage = lazy(() => withFont(() => import('./screen/screen-page.js')).then((m) => ({ default: m.ScreenPage })));
const OverlayPage = lazy(() => withFont(() => import('./overlay/overlay-page.js')).then((m) => ({ default: m.OverlayPage })));
const ReceiptsPage = lazy(() => withFont(() => import('./receipts/receipts-page.js')).then((m) => ({ default: m.ReceiptsPage })));
const GalleryPage = lazy(() => withFont(() => import('./console/gallery/gallery-page.js')).then((m) => ({ default: m.GalleryPage })));
const SupervisionPage = lazy(() => withFont(() => import('./supervision/supervision-page.js')).then((m) => ({ default: m.SupervisionPage })));
const DashboardPage = lazy(() => withFont(() => import('./supervision/dashboard-page.js')).then((m) => ({ default: m.DashboardPage })));
const YearPage = lazy(() => withFont(() => import('./year/year-page.js')).then((m) => ({ default: m.YearPage })));
const LivePage = lazy(() => withFont(() => import('./live/live-page.js')).then((m) => ({ default: m.LivePage })));
const ConsolePage = lazy(() => withFont(() => import('./console/console-page.js')).then((m) => ({ default: m.ConsolePage })));
const LandingPage = lazy(() => withFont(() => import('./landing/landing-page.js')).then((m) => ({ default: m.LandingPage })));

export function App({ route }: { route: Route }) {
  return <Suspense fallback={null}>{page(route)}</Suspense>;
}

function page(route: Route) {
  switch (route.page) {
    case 'deputy':
      return <DeputyPage token={route.token} />;
    case 'screen':
      return <ScreenPage meetingId={route.meetingId} />;
    case 'overlay':
      return <OverlayPage meetingId={route.meetingId} search={route.search} />;
    case 'console':
      return <ConsolePage meetingId={route.meetingId} />;
    case 'gallery':
      return <GalleryPage />;
    case 'receipts':
      return <ReceiptsPage meetingId={route.meetingId} roundId={route.roundId} code={route.code} />;
    case 'supervision':
      return <SupervisionPage caseId={route.caseId} print={route.print} />;
    case 'dashboard':
      return <DashboardPage />;
    case 'year':
      return <YearPage />;
    case 'live':
      return <LivePage code={route.code} group={route.group} />;
    case 'landing':
      return <LandingPage />;
    default: {
      return assertNever(route, 'route');
    }
  }
}
