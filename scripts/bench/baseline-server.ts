// S5's yardstick: a bare durable server on the same machine (issue 17 §5): socket.io with the
// same engine options as the real server, the vote parsed with the same zod schema, one JSON
// line appended per vote, one fdatasync per batch (group commit: what arrives while a batch is
// on its way to disk waits for the next), and the ack once its batch is on disk. Whatever
// the bench measures here is the floor set by socket.io, zod, the disk, the kernel and the
// client processes; Wenzheng is judged against it. Prints "LISTENING <port>" once ready;
// stops on SIGTERM. The journal goes to WZ_BASELINE_DIR (default: the system's temp folder).
import { mkdtempSync, openSync } from 'node:fs';
import { fdatasync, write } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Server } from 'socket.io';
import { VotePayload } from '../../shared/protocol.js';

const dir = mkdtempSync(join(process.env.WZ_BASELINE_DIR ?? tmpdir(), 'wz-baseline-'));
const fd = openSync(join(dir, 'journal.jsonl'), 'a');
let batch: { line: string; ack: () => void }[] = [];
let writing = false;
const flush = () => {
  if (writing || batch.length === 0) return;
  writing = true;
  const these = batch;
  batch = [];
  write(fd, these.map((b) => b.line).join(''), (e) => {
    if (e) throw e;
    fdatasync(fd, (e2) => {
      if (e2) throw e2;
      for (const b of these) b.ack();
      writing = false;
      flush();
    });
  });
};

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
const durableVote = (payload: unknown, ack: unknown) => {
  const reply = typeof ack === 'function' ? (ack as (a: object) => void) : () => undefined;
  const p = VotePayload.safeParse(payload);
  if (!p.success) return reply({ ok: false, error: 'BAD_REQUEST' });
  batch.push({ line: JSON.stringify({ t: 'ballot', at: Date.now(), ...p.data }) + '\n', ack: () => reply({ ok: true }) });
  setImmediate(flush);
};
io.of('/deputy').on('connection', (socket) => {
  socket.on('checkIn', ackNow);
  socket.on('vote', durableVote);
});

http.listen(0, '127.0.0.1', () => {
  process.stdout.write(`LISTENING ${(http.address() as AddressInfo).port}\n`);
});

const stop = () => {
  void io.close(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
