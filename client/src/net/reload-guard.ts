// A stale page (old protocol) reloads itself once to fetch the current build. The guard in
// sessionStorage stops a loop when the reload does not help (e.g. a caching proxy): the page
// then shows "see staff" instead of reloading forever.
const KEY = 'wz.protocolReloadAt';
const WINDOW_MS = 60_000;

/** Returns true when a reload was started; false when one was tried recently already. */
export function reloadOnceForNewVersion(): boolean {
  try {
    const last = Number(sessionStorage.getItem(KEY) ?? '0');
    if (Date.now() - last < WINDOW_MS) return false;
    sessionStorage.setItem(KEY, String(Date.now()));
  } catch {
    // Without sessionStorage we cannot guard a loop, so we never reload automatically.
    return false;
  }
  window.location.reload();
  return true;
}
