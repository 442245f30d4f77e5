// Where a burst of votes allocates: the server in this process, N deputies as socket.io
// clients in this process too, V8's sampling heap profiler (including objects the young and
// old collectors already freed) from the first vote to the last ack. A diagnostic, not a
// benchmark: the clients allocate here as well, so read the server's frames.
//   node --import tsx scripts/bench/heap-sample.ts [N] [out.heapprofile]
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { io, type Socket } from 'socket.io-client';
import { NS, PROTOCOL_VERSION } from '../../shared/protocol.js';
import { ROUTE_QUERY } from '../../shared/seam.js';
import type { ConsoleView } from '../../shared/views.js';
import { command, console_, links, login, receipt, startServer } from '../../server/test/harness.js';

const n = Number(process.argv[2] ?? 1000);
const out = process.argv[3] ?? 'votes.heapprofile';
const h = await startServer({ demoSize: n });
const session = await login(h.url);
const con = console_(h.url, session);
await con.until(() => true);
const ls = await links(h.url, session);
const phones: Socket[] = [];
for (const l of ls) {
  const s = io(h.url + NS.deputy, { auth: { v: PROTOCOL_VERSION, token: l.url.split('/d/')[1], device: `dev-${l.deputyId}` }, query: { [ROUTE_QUERY]: NS.deputy }, transports: ['websocket'], forceNew: true, reconnection: false });
  await new Promise<void>((resolve) => s.once('view', () => resolve()));
  await new Promise((resolve) => s.emit('checkIn', {}, resolve));
  phones.push(s);
}
await command(con, { type: 'startRound', itemId: 'motion-budget', countdownSec: 0 });
const roundId = (await con.until((v: ConsoleView) => v.activeRoundId !== null)).activeRoundId ?? '';
await new Promise((r) => setTimeout(r, 500));

const inspector = new Session();
inspector.connect();
await inspector.post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
const t0 = performance.now();
await Promise.all(phones.map((s) => new Promise((resolve) => s.emit('vote', { roundId, submissionId: `s-${receipt()}`, receipt: receipt(), content: { kind: 'motion', choice: 'for' } }, resolve))));
const ms = performance.now() - t0;
const { profile } = await inspector.post('HeapProfiler.stopSampling');
await writeFile(out, JSON.stringify(profile));

// Self bytes by function, and by file.
type Node = { callFrame: { functionName: string; url: string; lineNumber: number }; selfSize: number; children: Node[] };
const byFn = new Map<string, number>();
const byFile = new Map<string, number>();
let total = 0;
const walk = (node: Node) => {
  const f = node.callFrame;
  const file = f.url.replace(/^.*node_modules\//, '').replace(/^.*\/work\/main\//, '');
  byFn.set(`${f.functionName || '(anon)'} ${file}:${f.lineNumber + 1}`, (byFn.get(`${f.functionName || '(anon)'} ${file}:${f.lineNumber + 1}`) ?? 0) + node.selfSize);
  const pkg = file.split('/').slice(0, 2).join('/');
  byFile.set(pkg, (byFile.get(pkg) ?? 0) + node.selfSize);
  total += node.selfSize;
  for (const c of node.children) walk(c);
};
walk((profile as unknown as { head: Node }).head);
const top = (m: Map<string, number>, k: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([name, b]) => `${(b / n).toFixed(0).padStart(8)} B/vote  ${name}`).join('\n');
console.log(`${n} votes in ${ms.toFixed(0)} ms; ${(total / n).toFixed(0)} bytes allocated per vote (server and clients)`);
console.log('--- by package / folder'); console.log(top(byFile, 25));
console.log('--- by function'); console.log(top(byFn, 40));
for (const s of phones) s.close();
con.close();
await h.close();
process.exit(0);
