// Tells boot-check.js (client/public) that the app started: it commits its first render, so
// the deputy is not sent to the plain page. An effect runs only after a successful commit, so
// an app that throws while rendering its first page does not count as started.
import { useEffect, type ReactNode } from 'react';

export function Booted({ children }: { children: ReactNode }) {
  useEffect(() => {
    document.documentElement.setAttribute('data-booted', '1');
  }, []);
  return children;
}
