// Stopping the server (SIGTERM in production: app.close) does not wait on a client that keeps
// a request open, e.g. a big screen streaming an evidence video or a half-sent request.
import { connect } from 'node:net';
import { expect, it } from 'vitest';
import { SHUTDOWN_GRACE_MS } from './app.js';
import { startServer } from './test/harness.js';

it('closes within the grace period although a request is still open', async () => {
  const h = await startServer({ demoSize: 3 });
  const { port } = new URL(h.url);
  const sock = connect(Number(port), '127.0.0.1');
  await new Promise<void>((resolve) => sock.once('connect', () => resolve()));
  sock.write('GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n'); // headers never finished: the request stays open
  sock.on('error', () => undefined);
  const closedByServer = new Promise<void>((resolve) => sock.once('close', () => resolve()));
  const t0 = Date.now();
  await h.close();
  const ms = Date.now() - t0;
  await closedByServer;
  expect(ms).toBeGreaterThanOrEqual(SHUTDOWN_GRACE_MS - 100); // it did wait for the request first
  expect(ms).toBeLessThan(SHUTDOWN_GRACE_MS + 3000); // then cut it (the headers timeout would be 60 s)
});
