// The per-address cap on anonymous connections (connections.ts) and a proxy on another host:
// every page load and screen behind it arrives from the proxy's address, so counting that
// address would stop a sitting at the 51st phone loading its page. A peer TRUST_PROXY names is
// not capped by address (its clients' own addresses are counted where the request is read).
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type Harness } from '../test/harness.js';

const PROXY = '127.0.0.2'; // another host, as far as the server can tell
let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

/** Open n idle TCP connections from `from`; resolves with how many the server closed. */
async function closedOf(url: string, from: string, n: number): Promise<number> {
  const port = Number(new URL(url).port);
  const sockets: Socket[] = [];
  let closed = 0;
  for (let i = 0; i < n; i++) {
    const s = connect({ host: '127.0.0.1', port, localAddress: from });
    s.on('error', () => undefined);
    s.on('close', () => (closed += 1));
    await new Promise<void>((resolve) => s.once('connect', () => resolve()));
    sockets.push(s);
  }
  await new Promise((r) => setTimeout(r, 300));
  const n_ = closed;
  for (const s of sockets) s.destroy();
  return n_;
}

describe('anonymous connections behind a proxy', () => {
  it('[E3] without TRUST_PROXY an address holds at most MAX_CONNECTIONS_PER_ADDRESS', async () => {
    h = await startServer({ maxConnectionsPerAddress: 3 });
    expect(await closedOf(h.url, PROXY, 6)).toBe(3);
  });

  it('[E3] a proxy TRUST_PROXY names is not capped by its own address', async () => {
    h = await startServer({ maxConnectionsPerAddress: 3, trustProxy: PROXY });
    expect(await closedOf(h.url, PROXY, 6)).toBe(0);
    // Another address is still capped.
    expect(await closedOf(h.url, '127.0.0.3', 6)).toBe(3);
  });
});
