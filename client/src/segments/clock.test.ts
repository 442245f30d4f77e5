import { describe, expect, it } from 'vitest';
import type { TimerView } from '../../../shared/segment-view.js';
import { clockState, clockText, leftMs, overText } from './clock.js';

const running = (endsAt: number, allowedMs = 90_000): TimerView => ({
  id: 't',
  itemId: 's',
  questionIndex: 0,
  kind: 'question',
  status: 'running',
  endsAt,
  remainingMs: null,
  allowedMs,
  usedMs: 0,
});

describe('the speaking clock', () => {
  it('[G4] counts down from the server clock: endsAt minus (device time + offset)', () => {
    expect(leftMs(running(100_000), 40_000, 5_000)).toBe(55_000);
    expect(clockText(55_000)).toBe('0:55');
    expect(clockText(54_001)).toBe('0:55'); // rounded up: 0:00 only at zero
  });

  it('[G4] never shows more than the time allowed, whatever the offset estimate', () => {
    expect(leftMs(running(100_000), 9_000, 0)).toBe(90_000);
  });

  it('[G9] warning colour in the last 30 s, time up at zero with the time over', () => {
    expect(clockState(30_001)).toBe('normal');
    expect(clockState(30_000)).toBe('warn');
    expect(clockState(0)).toBe('over');
    expect(clockText(-12_500)).toBe('0:00');
    expect(overText(-12_500)).toBe('0:12');
  });

  it('[G7] a paused clock shows the time left it was paused with', () => {
    expect(leftMs({ ...running(0), status: 'paused', endsAt: null, remainingMs: 42_000 }, 1e12, 0)).toBe(42_000);
  });
});
