// How often views go out: at most one frame per interval, and never more than a share of the
// event loop (docs/PERFORMANCE.md). Used by the core's broadcasts and by the public edges (seam/
// public.ts), so it lives apart from anything that knows the meeting's record.
export const SCREEN_FRAME_MS = 16;
export const CONSOLE_FRAME_MS = 100;
/**
 * Run f at most once per `ms`, at the latest `ms` after the first request (leading + trailing).
 * With `budget`, the interval also stretches to `budget` times what f last took, so a view
 * that is costly to build (a console with a roster of 3,000) never takes more than 1/budget of
 * the event loop from the votes while they pour in.
 */
export function coalesce(ms: number, f: () => void, budget = 0): () => void {
  let last = -Infinity;
  let cost = 0;
  let timer: NodeJS.Timeout | null = null;
  return () => {
    if (timer) return;
    const wait = Math.max(0, last + Math.max(ms, budget * cost) - performance.now());
    timer = setTimeout(() => {
      timer = null;
      last = performance.now();
      f();
      cost = performance.now() - last;
    }, wait);
  };
}

/** Screens: at most a quarter of the event loop; consoles (staff, not the audience): a tenth. */
export const SCREEN_BUDGET = 4;
export const CONSOLE_BUDGET = 10;
