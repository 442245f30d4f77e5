// The client's address for per-address limits on sockets (docs/SECURITY.md "Audience rating"):
// the TCP peer, unless that peer is a proxy named in TRUST_PROXY, in which case the hop it
// reports in X-Forwarded-For (and so on, right to left, while the hops are trusted). The same
// setting and meaning as express's `trust proxy` for HTTP (server/http.ts), so the core's
// login throttle, the core's /live and every public edge count the same address. Default:
// trust nothing, so a forged header from a viewer's own phone changes nothing.
import { BlockList, isIP } from 'node:net';
import type { IncomingMessage } from 'node:http';

/** TRUST_PROXY as parsed: false (default), true (every hop), a hop count, or addresses. */
export type TrustProxy = boolean | number | string;

/** Whether the hop at `addr`, `i` hops from us (0: the TCP peer), may speak for the one behind it. */
export type TrustFn = (addr: string, i: number) => boolean;

const NAMED: Record<string, readonly [string, number, 'ipv4' | 'ipv6'][]> = {
  loopback: [['127.0.0.0', 8, 'ipv4'], ['::1', 128, 'ipv6']],
  linklocal: [['169.254.0.0', 16, 'ipv4'], ['fe80::', 10, 'ipv6']],
  uniquelocal: [['10.0.0.0', 8, 'ipv4'], ['172.16.0.0', 12, 'ipv4'], ['192.168.0.0', 16, 'ipv4'], ['fc00::', 7, 'ipv6']],
};

/** `::ffff:1.2.3.4` (IPv4 on an IPv6 socket) is 1.2.3.4. */
export function plainAddress(addr: string): string {
  const a = addr.trim();
  return /^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(a) ? a.slice(7) : a;
}

const family = (addr: string): 'ipv4' | 'ipv6' | null => (isIP(addr) === 4 ? 'ipv4' : isIP(addr) === 6 ? 'ipv6' : null);

/** TRUST_PROXY's value: "true", a hop count, or addresses, CIDRs and loopback / linklocal / uniquelocal, comma-separated. */
export function parseTrustProxy(v: string | undefined): TrustProxy {
  if (v === undefined || v === '' || v === 'false') return false;
  if (v === 'true') return true;
  return /^\d+$/.test(v) ? Number(v) : v;
}

export function compileTrust(t: TrustProxy): TrustFn {
  if (t === true) return () => true;
  if (t === false) return () => false;
  if (typeof t === 'number') return (_addr, i) => i < t;
  const list = new BlockList();
  for (const raw of t.split(',').map((x) => x.trim()).filter(Boolean)) {
    const named = NAMED[raw];
    if (named) {
      for (const [net, bits, fam] of named) list.addSubnet(net, bits, fam);
      continue;
    }
    const [addr = '', bits] = raw.split('/');
    const fam = family(plainAddress(addr));
    if (!fam) throw new Error(`TRUST_PROXY: "${raw}" is not an address, a CIDR, loopback, linklocal or uniquelocal`);
    if (bits === undefined) list.addAddress(plainAddress(addr), fam);
    else list.addSubnet(plainAddress(addr), Number(bits), fam);
  }
  return (addr) => {
    const a = plainAddress(addr);
    const fam = family(a);
    return fam !== null && list.check(a, fam);
  };
}

/** The client's address: walk from the TCP peer back through X-Forwarded-For while the hop is trusted. */
export function clientAddress(peer: string, forwarded: string | string[] | undefined, trust: TrustFn): string {
  const header = Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? '');
  const hops = [plainAddress(peer), ...header.split(',').map(plainAddress).filter(Boolean).reverse()];
  for (let i = 0; i < hops.length - 1; i++) if (!trust(hops[i] ?? '', i)) return hops[i] ?? '';
  return hops[hops.length - 1] ?? '';
}

/** The address a socket's limits count against (its handshake request). */
export function requestAddress(req: IncomingMessage, trust: TrustFn): string {
  return clientAddress(req.socket.remoteAddress ?? '?', req.headers['x-forwarded-for'], trust);
}
