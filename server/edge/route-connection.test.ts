// [Z6] The core routes a connection by its request line and hands a deputy's socket to the
// chamber edge process. The core's own copy of the descriptor stays open until the edge
// acknowledges the handle: if it went on reading meanwhile, it took the phone's next bytes (its
// socket.io CONNECT) and dropped them, and the phone waited for an answer that never came.
// A real child process takes the handle here, slow to acknowledge as a busy edge is.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { routeConnection } from './chamber-host.js';

// The edge: busy in 200 ms slices (so the handle's acknowledgement waits), then reads what the socket brings.
const EDGE = `
setInterval(() => { const t = Date.now(); while (Date.now() - t < 200); }, 1);
process.on('message', (m, socket) => {
  let got = '';
  socket.on('data', (d) => { got += d; if (got.includes('CONNECT')) process.send({ got }); });
  socket.resume();
});
`;

let server: Server | null = null;
let client: Socket | null = null;
let child: ChildProcess | null = null;
let dir: string | null = null;
afterEach(async () => {
  client?.destroy();
  child?.kill('SIGKILL');
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  if (dir) await rm(dir, { recursive: true, force: true });
  server = client = child = dir = null;
});

it('[Z6] a socket handed to the edge is not read by the core meanwhile: the phone\'s next bytes reach the edge', async () => {
  dir = await mkdtemp(join(tmpdir(), 'wz-route-'));
  await writeFile(join(dir, 'edge.cjs'), EDGE);
  const edge = fork(join(dir, 'edge.cjs'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  child = edge;
  const got = new Promise<string>((resolve) => edge.on('message', (m: { got: string }) => resolve(m.got)));
  let handedOver!: () => void;
  const handed = new Promise<void>((r) => (handedOver = r));
  server = createServer({ pauseOnConnect: true }, (socket) =>
    routeConnection(
      socket,
      (s) => {
        edge.send({ t: 'conn' }, s);
        handedOver();
        return true;
      },
      (s) => s.destroy(),
    ),
  );
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const c = connect((server.address() as AddressInfo).port, '127.0.0.1');
  client = c;
  c.write('GET /socket.io/?ns=%2Fdeputy&EIO=4&transport=websocket HTTP/1.1\r\nHost: x\r\n\r\n');
  await handed;
  await new Promise((r) => setTimeout(r, 30)); // the edge has not acknowledged the handle yet
  c.write('CONNECT');
  // Before the fix the core's copy read them and dropped them: the edge saw nothing, for good.
  const nothing = new Promise<string>((r) => setTimeout(() => r('(nothing within 3 s)'), 3000));
  expect(await Promise.race([got, nothing])).toBe('CONNECT');
}, 15_000);

it('[Z6] a socket the edge does not take goes on reading for the core', async () => {
  let done!: (v: { socket: Socket; head: Buffer }) => void;
  const routed = new Promise<{ socket: Socket; head: Buffer }>((r) => (done = r));
  server = createServer({ pauseOnConnect: true }, (socket) =>
    routeConnection(
      socket,
      () => false,
      (s, head) => done({ socket: s, head }),
    ),
  );
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const c = connect((server.address() as AddressInfo).port, '127.0.0.1');
  client = c;
  c.write('GET /console HTTP/1.1\r\n');
  const { socket, head } = await routed;
  expect(head.toString()).toBe('GET /console HTTP/1.1\r\n');
  const seen: Buffer[] = [];
  socket.on('data', (d: Buffer) => seen.push(d));
  socket.resume();
  c.write('Host: x\r\n\r\n');
  await new Promise((r) => setTimeout(r, 200));
  expect(Buffer.concat(seen).toString()).toBe('Host: x\r\n\r\n');
});
