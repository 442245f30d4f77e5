// [#14] The phone's heartbeat: a deputy socket's `echo` is answered at once and changes nothing,
// so a phone can ask every second and notice a dead link within 3 s. Real server, real sockets.
import { describe, expect, it } from 'vitest';
import { deputy, emit, links, serverPerTest } from './test/harness.js';

const s = serverPerTest({ demoSize: 3 });

describe('[#14] deputy heartbeat', () => {
  it('answers echo at once and, at ten times the phone\'s rate, leaves room for the real events', async () => {
    const [l] = await links(s.h.url, s.session);
    const d = s.track(deputy(s.h.url, l?.url ?? ''));
    const first = await d.until(() => true);
    const started = Date.now();
    expect(await emit(d.socket, 'echo', {})).toEqual({ ok: true });
    expect(Date.now() - started).toBeLessThan(500);
    // The phone asks once a second; thirty at 10/s are all answered...
    for (let i = 0; i < 30; i += 1) {
      expect(await emit(d.socket, 'echo', {})).toEqual({ ok: true });
      await new Promise((r) => setTimeout(r, 100));
    }
    // ...and the deputy's own action right after is not starved by them.
    expect(await emit(d.socket, 'checkIn', {})).toEqual({ ok: true });
    expect(first.me.present).toBe(false);
  });
});
