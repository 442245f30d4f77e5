// Y10: the address a limit counts is the TCP peer's unless that peer is a proxy named in
// TRUST_PROXY; a forged X-Forwarded-For from anyone else changes nothing.
import { describe, expect, it } from 'vitest';
import { clientAddress, compileTrust, parseTrustProxy } from './client-address.js';

describe('[Y10] the client address behind a trusted proxy', () => {
  it('trusts nothing by default: a forged header is ignored', () => {
    const none = compileTrust(parseTrustProxy(undefined));
    expect(clientAddress('203.0.113.9', '1.2.3.4', none)).toBe('203.0.113.9');
    expect(clientAddress('::ffff:203.0.113.9', '1.2.3.4, 5.6.7.8', none)).toBe('203.0.113.9');
  });

  it('takes the hop a named proxy reports, and no further than the trusted hops', () => {
    const proxy = compileTrust(parseTrustProxy('10.0.0.5, loopback'));
    expect(clientAddress('10.0.0.5', '198.51.100.7', proxy)).toBe('198.51.100.7');
    // The client put its own header in: the proxy appended the real address; the forged one is not reached.
    expect(clientAddress('10.0.0.5', '1.2.3.4, 198.51.100.7', proxy)).toBe('198.51.100.7');
    expect(clientAddress('::1', '198.51.100.7', proxy)).toBe('198.51.100.7');
    // A peer that is not the proxy speaks for itself only.
    expect(clientAddress('10.0.0.6', '198.51.100.7', proxy)).toBe('10.0.0.6');
    expect(clientAddress('10.0.0.5', undefined, proxy)).toBe('10.0.0.5');
  });

  it('understands CIDRs and hop counts as express does', () => {
    expect(clientAddress('10.1.2.3', '198.51.100.7', compileTrust('10.0.0.0/8'))).toBe('198.51.100.7');
    expect(clientAddress('10.1.2.3', '7.7.7.7, 198.51.100.7', compileTrust(1))).toBe('198.51.100.7');
    expect(clientAddress('10.1.2.3', '7.7.7.7, 198.51.100.7', compileTrust(2))).toBe('7.7.7.7');
    expect(() => compileTrust('not-an-address')).toThrow('TRUST_PROXY');
  });
});
