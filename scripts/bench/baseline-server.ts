// S5's yardstick: bare socket.io on the same machine, with the same engine options as the
// real server and handlers that acknowledge at once. Whatever latency the bench measures here
// is the floor set by socket.io, the kernel and the client processes; Wenzheng is judged
// against it. Prints "LISTENING <port>" once ready; stops on SIGTERM.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';

// Its memory, for comparison with the real server's (bench only: no session needed).
const http = createServer((req, res) => {
  if (req.url !== '/metrics') return void res.writeHead(404).end();
  res.writeHead(200, { 'content-type': 'application/json' });
  const u = process.resourceUsage();
  res.end(JSON.stringify({ rssBytes: process.memoryUsage().rss, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 }));
});
const io = new Server(http, { serveClient: false, maxHttpBufferSize: 64 * 1024, pingInterval: 10_000, pingTimeout: 8_000 });

const ackNow = (_payload: unknown, ack: unknown) => {
  if (typeof ack === 'function') (ack as (a: { ok: true }) => void)({ ok: true });
};
io.of('/deputy').on('connection', (socket) => {
  socket.on('checkIn', ackNow);
  socket.on('vote', ackNow);
});

http.listen(0, '127.0.0.1', () => {
  process.stdout.write(`LISTENING ${(http.address() as AddressInfo).port}\n`);
});

const stop = () => {
  void io.close(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
