// The core's own path for a burst of votes, without sockets: N deputies' votes handed to the
// core at once as requests (server/deputy-requests.ts castVote, as the phone's socket does),
// through decide, reduce, the ballot box, the journal and the audit log, on a real disk. Prints
// the main thread's CPU per vote, so a change to the vote path can be measured in seconds,
// away from the noise of 3,000 sockets and the bench's clients (npm run bench measures those).
//   node --import tsx scripts/bench/core-path.ts [N=3000] [runs=5] [item=motion-budget]
import { readFileSync } from 'node:fs';
import { castVote, selfCheckIn } from '../../server/deputy-requests.js';
import { requestId } from '../../server/seam/transport.js';
import { startServer } from '../../server/test/harness.js';

// Distinct receipts in the phones' alphabet (A-Z, 2-9), from a counter.
const ALPHA = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ23456789';
let next = 0;
const receipt = () => {
  let x = next++;
  let out = '';
  for (let i = 0; i < 8; i++) {
    out += ALPHA[x % ALPHA.length];
    x = Math.floor(x / ALPHA.length);
  }
  return out;
};

const n = Number(process.argv[2] ?? 3000);
const runs = Number(process.argv[3] ?? 5);
const itemId = process.argv[4] ?? 'motion-budget';
const h = await startServer({ demoSize: n, warmUp: process.env.WZ_WARM_UP === '1' });
const { ctx, core } = h.app;
const meeting = 'demo';
const deputies = (ctx.meetings.get(meeting)?.roster ?? []).map((d) => d.id);
for (const d of deputies) await selfCheckIn(ctx, meeting, d);

const consoleCommand = async (command: object) => {
  const r = await core.request({ id: requestId(), meeting, role: 'console', actor: 'admin', command: { type: 'console', command } as never });
  if (!r.ack.ok) throw new Error(`console command refused: ${JSON.stringify(r.ack)}`);
};

// The main thread's CPU time in ns (Linux: the first field of its schedstat), apart from the disk worker's.
const mainThreadNs = (): number => Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[0]);

const figures: number[] = [];
for (let run = 0; run < runs; run++) {
  await consoleCommand({ type: 'startRound', itemId, countdownSec: 0 });
  const roundId = ctx.meetings.get(meeting)?.activeRoundId ?? '';
  await new Promise((r) => setTimeout(r, 200));
  const cpu0 = process.cpuUsage();
  const main0 = mainThreadNs();
  const t0 = performance.now();
  const acks = await Promise.all(deputies.map((d) => castVote(ctx, meeting, d, { roundId, submissionId: `s-${receipt()}`, receipt: receipt(), content: { kind: 'motion', choice: 'for' } })));
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const mainUs = (mainThreadNs() - main0) / 1000 / n;
  const refused = acks.filter((a) => !a.ok).length;
  if (refused > 0) throw new Error(`${refused} votes refused: ${JSON.stringify(acks.find((a) => !a.ok))}`);
  const perVote = (cpu.user + cpu.system) / n;
  figures.push(mainUs);
  console.log(`run ${run + 1}: ${n} votes acked in ${wall.toFixed(0)} ms; CPU per vote: main thread ${mainUs.toFixed(1)} µs, all threads ${perVote.toFixed(1)} µs`);
  await new Promise((r) => setTimeout(r, 300)); // the audit settles, the screen frames go out
  await consoleCommand({ type: 'void', roundId, reason: 'bench' });
}
figures.sort((a, b) => a - b);
console.log(`main thread: median ${figures[Math.floor(figures.length / 2)]?.toFixed(1)} µs per vote over ${runs} runs (${itemId})`);
await h.close();
