// The screen's last view, kept in sessionStorage so a reloaded or reconnecting screen paints
// the current scene in its first frame instead of a blank stage (on TV a blank frame is a
// fault). The server's snapshot replaces it as soon as the socket connects.
import { useEffect, useRef } from 'react';
import type { ScreenView } from '../../../shared/views.js';
import { useScreenSocket } from '../net/use-screen-socket.js';

const key = (meetingId: string | undefined) => `wz.screen.view.${meetingId ?? 'active'}`;
const SAVE_EVERY_MS = 300;

interface Cached {
  view: ScreenView;
  offset: number;
}

/** Only the shape the stage needs first: anything else is ignored (storage is not trusted). */
function readCache(meetingId: string | undefined): Cached | null {
  try {
    const raw = sessionStorage.getItem(key(meetingId));
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null || !('view' in parsed) || !('offset' in parsed)) return null;
    const { view, offset } = parsed;
    if (typeof offset !== 'number' || typeof view !== 'object' || view === null) return null;
    if (!('scene' in view) || !('meeting' in view) || !('turnout' in view) || !('serverNow' in view)) return null;
    // Written by this page from a view the server sent; the fields above are what it needs.
    return { view: view as ScreenView, offset };
  } catch {
    return null;
  }
}

function writeCache(meetingId: string | undefined, c: Cached): void {
  try {
    sessionStorage.setItem(key(meetingId), JSON.stringify(c));
  } catch {
    /* storage full or disabled: a reload then waits for the server */
  }
}

/** The screen socket, starting from the cached view until the server's first snapshot. */
export function useCachedScreen(meetingId: string | undefined) {
  const live = useScreenSocket(meetingId);
  const cached = useRef<Cached | null | undefined>(undefined);
  if (cached.current === undefined) cached.current = readCache(meetingId);
  const last = useRef(0);

  useEffect(() => {
    if (!live.view) return undefined;
    const save = () => {
      last.current = Date.now();
      if (live.view) writeCache(meetingId, { view: live.view, offset: live.offset });
    };
    const wait = last.current + SAVE_EVERY_MS - Date.now();
    if (wait <= 0) {
      save();
      return undefined;
    }
    const t = setTimeout(save, wait);
    return () => clearTimeout(t);
  }, [live.view, live.offset, meetingId]);

  if (live.view || !cached.current) return { ...live, fromCache: false };
  return { ...live, view: cached.current.view, offset: cached.current.offset, fromCache: true };
}
