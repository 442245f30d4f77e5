// The one table the bench prints, with the targets beside the figures. Targets are
// stated for N = 3,000 on 2 cores; at other sizes the verdicts are only indicative.
import { durable } from './durability.js';
import type { BaselinePhase, BaselineRun, Phase, WenzhengRun } from './runs.js';
import { fmtMb, fmtMs, fmtRatio, table, type AckStats } from './stats.js';

type Row = [scenario: string, measure: string, ours: string, bare: string, ratio: string, target: string, verdict: string];

const verdict = (x: number, limit: number): string => (!Number.isFinite(x) ? 'n/a' : x <= limit ? 'met' : 'MISSED');
const trio = (a: AckStats) => `${fmtMs(a.p50)} / ${fmtMs(a.p99)} / ${fmtMs(a.max)}`;

function phaseRows(tag: 'S2' | 'S3', p: Phase, bare: BaselinePhase | null): Row[] {
  const rows: Row[] = [];
  const ratio = (a: number, b: number | undefined) => (b === undefined ? '' : fmtRatio(a, b));
  if (tag === 'S2') {
    rows.push(['S2', 'ack p50 / p99 / max', trio(p.ack), bare ? trio(bare) : '', ratio(p.ack.p99, bare?.p99), 'p99 ≤ 20 ms', verdict(p.ack.p99, 20)]);
  } else {
    rows.push(['S3', 'last ack after the burst', fmtMs(p.ack.lastAckAfterStart), bare ? fmtMs(bare.lastAckAfterStart) : '', ratio(p.ack.lastAckAfterStart, bare?.lastAckAfterStart), '≤ 500 ms', verdict(p.ack.lastAckAfterStart, 500)]);
    rows.push(['S3', 'ack p50 / p99 / max', trio(p.ack), bare ? trio(bare) : '', ratio(p.ack.p99, bare?.p99), 'p99 ≤ 300 ms', verdict(p.ack.p99, 300)]);
  }
  rows.push([tag, 'round open → shown on every phone', fmtMs(p.fanOutMs), '', '', '', '']);
  rows.push([tag, 'server event-loop delay p99', fmtMs(p.loopP99), '', '', '', '']);
  const perVote = (cpuMs: number, n: number) => `${((cpuMs / n) * 1000).toFixed(0)} µs`;
  rows.push([
    tag,
    'server CPU per vote (user + system)',
    perVote(p.serverCpuMs, p.ack.sent),
    bare ? perVote(bare.serverCpuMs, bare.sent) : '',
    bare ? fmtRatio(p.serverCpuMs / p.ack.sent, bare.serverCpuMs / bare.sent) : '',
    '',
    '',
  ]);
  if (p.edgeCpuMs !== null) {
    rows.push([tag, 'chamber edge process CPU per vote', perVote(p.edgeCpuMs, p.ack.sent), '', '', '', '']);
    rows.push([tag, 'core + edge CPU per vote', perVote(p.serverCpuMs + p.edgeCpuMs, p.ack.sent), '', bare ? fmtRatio((p.serverCpuMs + p.edgeCpuMs) / p.ack.sent, bare.serverCpuMs / bare.sent) : '', '', '']);
  }
  if (p.ack.failed > 0) rows.push([tag, 'votes not acked ok', `${p.ack.failed} (${p.ack.firstError ?? '?'})`, '', '', '0', 'MISSED']);
  if (bare) {
    const r = p.ack.p99 / bare.p99;
    rows.push(['S5', `${tag} ack p99 vs bare durable server`, fmtRatio(p.ack.p99, bare.p99), '', '', '≤ 1.5x', verdict(r, 1.5)]);
  }
  if (p.screen) {
    const s = p.screen;
    rows.push(['S4', `vote → screen p50 / p99 (${tag})`, `${fmtMs(s.p50)} / ${fmtMs(s.p99)}`, '', '', tag === 'S2' ? 'p99 ≤ 50 ms' : '', tag === 'S2' ? verdict(s.p99, 50) : '']);
    rows.push(['S4', `last ack → final tally on screen (${tag})`, fmtMs(s.finalAfterLastAck), '', '', '≤ 100 ms', verdict(s.finalAfterLastAck, 100)]);
    if (s.neverShown > 0) rows.push(['S4', `acked ballots never on screen (${tag})`, String(s.neverShown), '', '', '0', 'MISSED']);
  }
  return rows;
}

export function report(n: number, w: WenzhengRun, b: BaselineRun | null): { text: string; ok: boolean } {
  const rows: Row[] = [['', 'measure', 'Wenzheng', 'bare durable', 'ratio', 'target', 'verdict']];
  rows.push(['S1', `${n} deputies: all connected`, fmtMs(w.connectMs), b ? fmtMs(b.connectMs) : '', '', '', '']);
  rows.push(['S1', 'then all checked in', fmtMs(w.checkInMs), '', '', '', '']);
  rows.push(['S1', 'server RSS, all connected', fmtMb(w.rssConnected), b ? fmtMb(b.rssConnected) : '', '', '≤ 250 MB', verdict(w.rssConnected / 2 ** 20, 250)]);
  rows.push(['S1', 'server peak RSS: to S1 end / whole run', `${fmtMb(w.peakRssConnected)} / ${fmtMb(w.end.maxRssBytes)}`, '', '', '', '']);
  if (w.spread) rows.push(...phaseRows('S2', w.spread, b?.spread ?? null));
  if (w.burst) rows.push(...phaseRows('S3', w.burst, b?.burst ?? null));
  let ok = true;
  for (const d of w.durability) {
    const good = durable(d);
    ok &&= good;
    rows.push([
      'S6',
      `round ${d.roundId}: acked / stored / lost / duplicated`,
      `${d.acked} / ${d.stored} / ${d.lost} / ${d.duplicated}`,
      '',
      '',
      'stored = acked, 0 lost, 0 dup',
      good ? 'met' : 'FAILED',
    ]);
  }
  const failedVotes = [w.spread, w.burst].reduce((k, p) => k + (p?.ack.failed ?? 0), 0);
  ok &&= failedVotes === 0;
  const cpu = `server CPU time, whole run: ${((w.end.cpuUserMs + w.end.cpuSystemMs) / 1000).toFixed(1)} s`;
  const note = n === 3000 ? '' : `\nTargets are for N = 3,000; at N = ${n} the verdicts are indicative only.`;
  return { text: `${table(rows)}\n${cpu}${note}`, ok };
}
