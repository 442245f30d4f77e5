// One SPA, one page per role, chosen by path. The screen and console pages are loaded on
// demand so a deputy's phone on a weak chamber Wi-Fi downloads only the phone page.
import { lazy, Suspense } from 'react';
import { DeputyPage } from './deputy/deputy-page.js';
import { LandingPage } from './landing/landing-page.js';
import type { Route } from './routes.js';

const ScreenPage = lazy(() => import('./screen/screen-page.js').then((m) => ({ default: m.ScreenPage })));
const OverlayPage = lazy(() => import('./overlay/overlay-page.js').then((m) => ({ default: m.OverlayPage })));
const ReceiptsPage = lazy(() => import('./receipts/receipts-page.js').then((m) => ({ default: m.ReceiptsPage })));
const LivePage = lazy(() => import('./live/live-page.js').then((m) => ({ default: m.LivePage })));
const ConsolePage = lazy(() => import('./console/console-page.js').then((m) => ({ default: m.ConsolePage })));

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
    case 'receipts':
      return <ReceiptsPage meetingId={route.meetingId} roundId={route.roundId} code={route.code} />;
    case 'live':
      return <LivePage code={route.code} group={route.group} />;
    case 'landing':
      return <LandingPage />;
    default: {
      const never: never = route;
      throw new Error(`unknown route ${JSON.stringify(never)}`);
    }
  }
}
