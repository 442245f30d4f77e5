// Which page a path opens, and which role's language setting it uses. Kept apart from the
// React tree so main.tsx can set the language before the first render.
import type { Role } from './i18n/index.js';

export type Route =
  | { page: 'deputy'; token: string }
  | { page: 'screen'; meetingId: string | undefined }
  | { page: 'overlay'; meetingId: string | undefined; search: string }
  | { page: 'console'; meetingId: string | undefined }
  | { page: 'gallery' }
  | { page: 'receipts'; meetingId: string; roundId: string; code: string }
  | { page: 'supervision'; caseId: string | undefined; print: boolean }
  /** The supervision dashboard: cases by status and department, projects by progress (staff). */
  | { page: 'dashboard' }
  /** The year's public record: published cases and projects, no login. */
  | { page: 'year' }
  /** The public audience page: /live/<the meeting's public code>, ?g=onsite for the hall's audience. */
  | { page: 'live'; code: string; group: 'online' | 'onsite' }
  | { page: 'landing' };

const ID = '[A-Za-z0-9_-]{1,64}';

export function routeOf(pathname: string, search: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  const meetingId = new URLSearchParams(search).get('meeting') ?? undefined;
  const deputy = /^\/d\/([A-Za-z0-9_-]{1,100})$/.exec(path);
  if (deputy?.[1]) return { page: 'deputy', token: deputy[1] };
  const receipts = new RegExp(`^/receipts/(${ID})/(${ID})$`).exec(path);
  if (receipts?.[1] && receipts[2]) {
    return { page: 'receipts', meetingId: receipts[1], roundId: receipts[2], code: new URLSearchParams(search).get('code') ?? '' };
  }
  const live = /^\/live\/([A-Za-z0-9_-]{1,64})$/.exec(path);
  if (live?.[1]) return { page: 'live', code: live[1], group: new URLSearchParams(search).get('g') === 'onsite' ? 'onsite' : 'online' };
  if (path === '/screen') return { page: 'screen', meetingId };
  if (path === '/overlay') return { page: 'overlay', meetingId, search };
  if (path === '/console') return { page: 'console', meetingId };
  if (path === '/console/gallery') return { page: 'gallery' };
  if (path === '/supervision/dashboard') return { page: 'dashboard' };
  if (path === '/year') return { page: 'year' };
  if (path === '/supervision') {
    const q = new URLSearchParams(search);
    return { page: 'supervision', caseId: q.get('case') ?? undefined, print: q.get('print') === 'notice' };
  }
  return { page: 'landing' };
}

/** The public receipt list of a closed round, opened from a phone with its own code filled in. */
export function receiptsPath(meetingId: string, roundId: string, code?: string): string {
  const base = `/receipts/${encodeURIComponent(meetingId)}/${encodeURIComponent(roundId)}`;
  return code ? `${base}?code=${encodeURIComponent(code)}` : base;
}

export function roleOf(route: Route): Role {
  // The receipt list is read on a deputy's phone, in the language the phone was using.
  if (route.page === 'gallery') return 'console'; // the console's design-system page
  if (route.page === 'supervision' || route.page === 'dashboard') return 'console'; // the staff's page, in the console's language
  if (route.page === 'year') return 'live'; // the public pages share one language choice
  return route.page === 'receipts' ? 'deputy' : route.page;
}
