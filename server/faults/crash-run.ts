// The crash test: deputies vote in bursts while the server is killed with SIGKILL at random
// moments and started again on the same data folder. Phones resend with their submission id
// until acknowledged. Afterwards the data folder is read offline and compared with what was
// acknowledged: nothing acknowledged may be missing, nothing counted twice, and the tallies the
// server showed must equal a replay of the record.
import { ballotsOf } from '../../shared/state.js';
import type { BallotContent, MotionChoice } from '../../shared/model.js';
import { NS, type VoteAck } from '../../shared/protocol.js';
import { resultOf } from '../../shared/views.js';
import { verifyDataDir } from '../audit/verify-data.js';
import { readDataDir } from '../store/load.js';
import { consoleClient, linkTokens, loginAt, retryingClient, type RetryingClient } from './clients.js';
import { freePort, serverProcess } from './proc.js';
import { receiptFrom, rng } from './rng.js';

export interface CrashOptions {
  seed: number;
  main: string;
  dataDir: string;
  deputies: number;
  rounds: number;
  killsPerRound: number;
  /** Deputies send their vote within this many ms of the round opening. */
  burstMs: number;
}

export interface CrashFigures {
  seed: number;
  rounds: number;
  ballots: number;
  kills: number;
  lost: number;
  duplicated: number;
  /** Stored ballots that nobody was told about (must be 0: every phone retries until acked). */
  unacknowledged: number;
  tallyMismatches: number;
  restartWarnings: number;
  /** Mismatches `verify` finds in the data folder after the last kill (audit chain, commitments, tallies). */
  verifyProblems: string[];
}

const PASSWORD = 'crash-test-pw';
const ITEMS = ['motion-budget', 'motion-appoint'];

export async function crashRun(o: CrashOptions): Promise<CrashFigures> {
  const r = rng(o.seed);
  const srv = serverProcess({ main: o.main, port: await freePort(), dataDir: o.dataDir, env: { ADMIN_PASSWORD: PASSWORD, DEMO_SIZE: String(o.deputies) } });
  await srv.start();
  const session = await loginAt(srv.url, PASSWORD);
  const tokens = await linkTokens(srv.url, session);
  const con = consoleClient(srv.url, session);
  const phones: RetryingClient[] = tokens.map((t) => retryingClient(srv.url, NS.deputy, { token: t.token }));
  const acked = new Map<string, { roundId: string; content: BallotContent }>();
  let kills = 0;
  try {
    for (const p of phones) expectOk(await p.request('checkIn', {}), 'checkIn');
    for (let round = 0; round < o.rounds; round++) {
      const itemId = ITEMS[round % ITEMS.length] ?? 'motion-budget';
      const before = (await con.until(() => true)).rounds.length;
      expectOk(await con.request('command', { type: 'startRound', itemId, countdownSec: 0, confirmNoQuorum: true }), 'startRound');
      const roundId = (await con.until((v) => v.rounds.length > before && v.activeRoundId !== null)).activeRoundId ?? '';

      const votes = phones.map(async (p, i) => {
        await sleep(r.int(0, o.burstMs));
        const choice: MotionChoice = r.pick(['for', 'against', 'abstain']);
        const payload = { roundId, submissionId: `s${round}x${i}x${o.seed}`, receipt: receiptFrom(r), content: { kind: 'motion', choice } as const };
        const a = await p.request<VoteAck>('vote', payload);
        if (!a.ok) throw new Error(`vote refused: ${a.error}`);
        if (!a.duplicate || !acked.has(payload.receipt)) acked.set(payload.receipt, { roundId, content: payload.content });
      });
      const killer = (async () => {
        for (let k = 0; k < o.killsPerRound; k++) {
          await sleep(r.int(5, o.burstMs));
          await srv.kill();
          kills += 1;
          await sleep(r.int(0, 60));
          await srv.start();
        }
      })();
      await Promise.all([killer, ...votes]);
      await con.until((v) => v.rounds.some((x) => x.id === roundId && x.voterCount === phones.length));
      expectOk(await con.request('command', { type: 'close', roundId }), 'close');
      expectOk(await con.request('command', { type: 'void', roundId, reason: 'crash test: next round' }), 'void');
    }
    const shown = await con.until((v) => v.rounds.length === o.rounds && v.activeRoundId === null);
    await srv.kill();
    kills += 1;

    const disk = await readDataDir(o.dataDir);
    const s = disk.meetings.get('demo');
    if (!s) throw new Error('the demo meeting is missing from the data folder');
    let lost = 0;
    let duplicated = 0;
    let unacknowledged = 0;
    let tallyMismatches = 0;
    const stored = new Map<string, BallotContent>();
    for (const rv of shown.rounds) {
      const round = s.rounds.get(rv.id);
      if (!round) throw new Error(`round ${rv.id} is missing from the data folder`);
      for (const b of ballotsOf(round)) {
        if (stored.has(b.receipt)) duplicated += 1;
        stored.set(b.receipt, b.content);
        if (!acked.has(b.receipt)) unacknowledged += 1;
      }
      duplicated += Math.max(0, round.ballots.length - round.voterCount);
      if (JSON.stringify(resultOf(s, round)) !== JSON.stringify(rv.result)) tallyMismatches += 1;
    }
    for (const [receipt, a] of acked) {
      const b = stored.get(receipt);
      if (!b || JSON.stringify(b) !== JSON.stringify(a.content)) lost += 1;
    }
    const restartWarnings = srv.log.filter((l) => l.includes('"level":"warn"')).length;
    const { problems: verifyProblems } = await verifyDataDir(o.dataDir);
    return { seed: o.seed, rounds: o.rounds, ballots: acked.size, kills, lost, duplicated, unacknowledged, tallyMismatches, restartWarnings, verifyProblems };
  } finally {
    for (const p of phones) p.close();
    con.close();
    await srv.kill();
  }
}

function expectOk(a: { ok: boolean; error?: string }, what: string): void {
  if (!a.ok) throw new Error(`${what} refused: ${a.error ?? '?'}`);
}

const sleep = (ms: number) => new Promise((res) => setTimeout(res, ms));
