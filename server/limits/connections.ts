// Caps on TCP connections, applied the moment one is accepted (before any HTTP or socket.io
// parsing), so an idle socket costs at most one descriptor for as long as it takes to close:
//
// - in total, below the open-file limit minus what the files need (open-files.ts): however
//   many sources connect, the journal and the ballot boxes always find a descriptor;
// - per source address, for connections nobody has vouched for (screens, page loads, anything
//   that has not signed in): one machine cannot take the room everyone shares. A connection
//   that becomes a deputy's or a console's socket is released from its address's count (a
//   chamber whose phones share one NAT address still gets every phone in); those are capped
//   per link instead (per-link.ts). The machine's own loopback address is not capped: it is a
//   TLS proxy in front of the server (every phone then arrives from it) or the operator's own
//   browser, and no host on the LAN can connect from it. Nor is a proxy named in TRUST_PROXY:
//   every page load behind it arrives from its address (its clients' own addresses are counted
//   where the request is read: the login throttle, /live's limits).
import type { Server as HttpServer } from 'node:http';
import type { Socket as NetSocket } from 'node:net';
import type { Logger } from '../logger.js';

/** Anonymous connections one source address may hold at once. */
export const DEFAULT_MAX_CONNECTIONS_PER_ADDRESS = 50;

/** The machine itself (not the rest of 127.0.0.0/8, which the tests use as other hosts). */
const SELF = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export interface ConnectionCaps {
  /** Anonymous connections per source address. */
  readonly perAddress: number;
  /** All connections; read at each new connection (it follows the open boxes). */
  readonly total: () => number;
  /** A peer that speaks for others (TRUST_PROXY, client-address.ts): not capped by its address. */
  readonly proxy?: (address: string) => boolean;
}

export interface ConnectionLimiter {
  /** Connections open now. */
  readonly open: number;
  /** Anonymous connections of one address now. */
  anonymous(address: string): number;
  /** This connection carries a signed-in socket (deputy link, console session): not anonymous. */
  vouch(socket: NetSocket | undefined): void;
  /** Refused so far (for the log and the tests). */
  readonly refused: { readonly total: number; readonly perAddress: number };
}

export function limitConnections(http: HttpServer, caps: ConnectionCaps, log: Logger): ConnectionLimiter {
  const byAddress = new Map<string, number>();
  /** Anonymous connections, with the address they count against. */
  const anonymous = new WeakMap<NetSocket, string>();
  let open = 0;
  const refused = { total: 0, perAddress: 0 };

  const release = (socket: NetSocket): void => {
    const address = anonymous.get(socket);
    if (address === undefined) return;
    anonymous.delete(socket);
    const n = (byAddress.get(address) ?? 1) - 1;
    if (n <= 0) byAddress.delete(address);
    else byAddress.set(address, n);
  };

  const refuse = (socket: NetSocket, why: 'total' | 'perAddress', address: string): void => {
    refused[why] += 1;
    // One line for the first and then every hundredth: a flood must not flood the log too.
    if (refused[why] === 1 || refused[why] % 100 === 0) log.warn({ address, why, refused: refused[why], open }, 'connection refused: too many open');
    socket.destroy();
  };

  // createServer's own listener has run on the socket already; destroyed here, it is closed
  // before its first byte is parsed.
  http.on('connection', (socket: NetSocket) => {
    const address = socket.remoteAddress ?? '?';
    if (open >= caps.total()) return refuse(socket, 'total', address);
    const mine = byAddress.get(address) ?? 0;
    if (mine >= caps.perAddress && !SELF.has(address) && !caps.proxy?.(address)) return refuse(socket, 'perAddress', address);
    open += 1;
    byAddress.set(address, mine + 1);
    anonymous.set(socket, address);
    socket.once('close', () => {
      open -= 1;
      release(socket);
    });
  });

  return {
    get open() {
      return open;
    },
    anonymous: (address) => byAddress.get(address) ?? 0,
    vouch: (socket) => {
      if (socket) release(socket);
    },
    refused,
  };
}
