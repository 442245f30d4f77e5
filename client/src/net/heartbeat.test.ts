// [#14] The phone's heartbeat on a fake clock: an answered echo keeps quiet, an unanswered one
// reports the loss within everyMs + timeoutMs (under 3 s), and nothing is asked while down.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HEARTBEAT_EVERY_MS, HEARTBEAT_TIMEOUT_MS, startHeartbeat, type EchoSocket } from './heartbeat.js';

/** A socket whose server answers echoes after `delay` ms, or never (null). */
function fakeSocket() {
  const s = {
    connected: true,
    delay: 20 as number | null,
    asked: 0,
    timeout(ms: number) {
      return {
        emit: (_e: 'echo', _p: object, cb: (err: Error | null) => void) => {
          s.asked += 1;
          let done = false;
          const finish = (err: Error | null) => {
            if (done) return;
            done = true;
            cb(err);
          };
          if (s.delay !== null && s.delay < ms) setTimeout(() => finish(null), s.delay);
          setTimeout(() => finish(new Error('timeout')), ms);
        },
      };
    },
  };
  return s satisfies EchoSocket;
}

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

describe('[#14] heartbeat', () => {
  it('notices a silent server within 3 s of its last answer', async () => {
    const s = fakeSocket();
    const lost = vi.fn();
    const stop = startHeartbeat(s, lost);
    await vi.advanceTimersByTimeAsync(5000);
    expect(lost).not.toHaveBeenCalled();
    expect(s.asked).toBeGreaterThanOrEqual(4);
    s.delay = null; // the Wi-Fi is gone; the socket does not know yet
    const cut = Date.now();
    await vi.waitFor(() => expect(lost).toHaveBeenCalled(), { interval: 50, timeout: 10_000 });
    expect(Date.now() - cut).toBeLessThanOrEqual(HEARTBEAT_EVERY_MS + HEARTBEAT_TIMEOUT_MS);
    expect(HEARTBEAT_EVERY_MS + HEARTBEAT_TIMEOUT_MS).toBeLessThan(3000);
    stop();
  });

  it('asks nothing while disconnected, and nothing after stop', async () => {
    const s = fakeSocket();
    s.connected = false;
    const lost = vi.fn();
    const stop = startHeartbeat(s, lost);
    await vi.advanceTimersByTimeAsync(3000);
    expect(s.asked).toBe(0);
    s.connected = true;
    await vi.advanceTimersByTimeAsync(1000);
    expect(s.asked).toBe(1);
    stop();
    s.delay = null;
    await vi.advanceTimersByTimeAsync(5000);
    expect(s.asked).toBe(1);
    expect(lost).not.toHaveBeenCalled();
  });

  it('a slow answer (1.2 s) is one question, not a pile of them, and not a loss', async () => {
    const s = fakeSocket();
    s.delay = 1200;
    const lost = vi.fn();
    const stop = startHeartbeat(s, lost);
    await vi.advanceTimersByTimeAsync(4500);
    expect(lost).not.toHaveBeenCalled();
    expect(s.asked).toBeLessThanOrEqual(3);
    stop();
  });
});
