// The handshake gate of the big screen's and the audience page's namespaces (meeting-gate.ts):
// on the real server with real sockets, what each refusal is, and, for the paths a running
// server cannot be made to take (a lookup that fails or throws), the gate alone.
import { describe, expect, it } from 'vitest';
import type { AudienceView } from '../../shared/audience-view.js';
import { Handshake, NS, PROTOCOL_VERSION } from '../../shared/protocol.js';
import type { ScreenView } from '../../shared/views.js';
import { connect, serverPerTest, type Client } from '../test/harness.js';
import { versioned } from './common.js';
import { meetingGate, type MeetingLookup } from './meeting-gate.js';

/** The code a connect was refused with, or 'admitted' with the first view. */
function outcome<V>(c: Client<V>): Promise<string> {
  return new Promise((resolve) => {
    c.socket.once('connect_error', (e: Error & { data?: { code?: string } }) => resolve(e.data?.code ?? `no code: ${e.message}`));
    void c.until(() => true).then(() => resolve('admitted'), () => undefined);
  });
}

describe('the meeting gate on the real server', () => {
  const t = serverPerTest({ demoSize: 3, audience: { limits: { devicesPerMinute: 100, ratingsPerMinute: 100 } } });

  it('[A4] /screen: the active meeting or the named one; an unknown meeting is NO_MEETING, another protocol version PROTOCOL_MISMATCH', async () => {
    const screen = (auth: Record<string, unknown>) => t.track(connect<ScreenView>(t.h.url, NS.screen, auth));
    expect(await outcome(screen({}))).toBe('admitted');
    expect(await outcome(screen({ meetingId: 'demo' }))).toBe('admitted');
    expect(await outcome(screen({ meetingId: 'nosuch' }))).toBe('NO_MEETING');
    expect(await outcome(screen({ v: PROTOCOL_VERSION - 1 }))).toBe('PROTOCOL_MISMATCH');
    expect(await outcome(screen({ meetingId: 42 }))).toBe('PROTOCOL_MISMATCH');
  });

  it('[Y8] /live: the meeting of the public code; an unknown code is NO_MEETING, no code or another version PROTOCOL_MISMATCH', async () => {
    const live = (auth: Record<string, unknown>) => t.track(connect<AudienceView>(t.h.url, NS.live, auth));
    const code = t.h.app.ctx.audience?.code('demo') ?? '';
    expect(await outcome(live({ code }))).toBe('admitted');
    expect(await outcome(live({ code: 'nosuch' }))).toBe('NO_MEETING');
    expect(await outcome(live({}))).toBe('PROTOCOL_MISMATCH');
    expect(await outcome(live({ code, v: PROTOCOL_VERSION + 1 }))).toBe('PROTOCOL_MISMATCH');
  });
});

describe('the meeting gate alone', () => {
  /** Runs the gate on a socket-shaped object: what `next` got, and the socket's data. */
  async function run(auth: unknown, lookup: MeetingLookup<Handshake>): Promise<{ code: string | undefined; data: unknown }> {
    const socket = { handshake: { auth }, data: { meetingId: '' } };
    const e = (await new Promise<Error | undefined>((resolve) => meetingGate(versioned(Handshake), lookup)(socket, resolve))) as (Error & { data?: { code?: string } }) | undefined;
    return { code: e?.data?.code, data: socket.data };
  }
  const hs = { v: PROTOCOL_VERSION };

  it('a meeting found at once lets the socket in at once, with its id on the socket', async () => {
    let answeredAt: 'sync' | 'async' = 'async';
    const socket = { handshake: { auth: hs }, data: { meetingId: '' } };
    meetingGate(versioned(Handshake), () => 'demo')(socket, (e) => {
      expect(e).toBeUndefined();
      answeredAt = 'sync';
    });
    expect(answeredAt).toBe('sync');
    expect(socket.data).toEqual({ meetingId: 'demo' });
    expect(await run(hs, () => Promise.resolve('later'))).toMatchObject({ code: undefined, data: { meetingId: 'later' } });
  });

  it('no meeting, a failed lookup (Redis down) and one that throws are each NO_MEETING; the socket keeps no meeting', async () => {
    for (const lookup of [() => undefined, () => null, () => '', () => Promise.resolve(null), () => Promise.reject(new Error('redis down')), () => { throw new Error('broken'); }] satisfies MeetingLookup<Handshake>[]) {
      expect(await run(hs, lookup)).toEqual({ code: 'NO_MEETING', data: { meetingId: '' } });
    }
  });

  it('a handshake that does not parse, or of another version, is PROTOCOL_MISMATCH before any lookup', async () => {
    let looked = 0;
    const lookup = () => (looked++, 'demo');
    for (const auth of [undefined, null, 'x', {}, { v: '3' }, { v: PROTOCOL_VERSION + 1 }, { v: PROTOCOL_VERSION, meetingId: 7 }]) {
      expect((await run(auth, lookup)).code).toBe('PROTOCOL_MISMATCH');
    }
    expect(looked).toBe(0);
  });
});
