// Coalescing of screen and console views (server/broadcast.ts), on fake timers.
import { expect, it, vi } from 'vitest';
import { coalesce } from './frames.js';

it('[BR3] coalesce: one run per interval, and a costly view stretches its own interval to budget × its cost', async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'performance'] });
  try {
    const runs: number[] = [];
    let costMs = 2;
    const request = coalesce(100, () => {
      runs.push(performance.now());
      vi.advanceTimersByTime(0);
      // the view takes costMs to build and send
      const until = performance.now() + costMs;
      while (performance.now() < until) vi.advanceTimersByTime(1);
    }, 10);
    for (let t = 0; t < 1000; t += 5) {
      request();
      await vi.advanceTimersByTimeAsync(5);
    }
    // cheap view: every 100 ms
    const cheapGaps = runs.slice(1).map((x, i) => x - (runs[i] ?? 0));
    expect(cheapGaps.every((g) => g >= 100 && g <= 106)).toBe(true);
    expect(runs.length).toBeGreaterThanOrEqual(9);
    runs.length = 0;
    costMs = 30; // a 30 ms view may only run every 300 ms
    for (let t = 0; t < 3000; t += 5) {
      request();
      await vi.advanceTimersByTimeAsync(5);
    }
    const costlyGaps = runs.slice(2).map((x, i) => x - (runs[i + 1] ?? 0));
    expect(costlyGaps.length).toBeGreaterThan(5);
    expect(costlyGaps.every((g) => g >= 300 && g <= 310)).toBe(true);
  } finally {
    vi.useRealTimers();
  }
});
