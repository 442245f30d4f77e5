// Which page a path opens, and which role's language setting it uses. Kept apart from the
// React tree so main.tsx can set the language before the first render.
import type { Role } from './i18n/index.js';

export type Route =
  | { page: 'deputy'; token: string }
  | { page: 'screen'; meetingId: string | undefined }
  | { page: 'overlay'; meetingId: string | undefined; search: string }
  | { page: 'console'; meetingId: string | undefined }
  | { page: 'landing' };

export function routeOf(pathname: string, search: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  const meetingId = new URLSearchParams(search).get('meeting') ?? undefined;
  const deputy = /^\/d\/([A-Za-z0-9_-]{1,100})$/.exec(path);
  if (deputy?.[1]) return { page: 'deputy', token: deputy[1] };
  if (path === '/screen') return { page: 'screen', meetingId };
  if (path === '/overlay') return { page: 'overlay', meetingId, search };
  if (path === '/console') return { page: 'console', meetingId };
  return { page: 'landing' };
}

export function roleOf(route: Route): Role {
  return route.page;
}
