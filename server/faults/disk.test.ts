// [F3] A full disk or a read-only data folder: votes are refused with STORAGE_FAILED (never
// acknowledged), the console gets an alarm, nothing already stored is damaged, and once the
// disk is writable again the same phones' retries go through.
import { ballotsOf } from '../../shared/state.js';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConsoleView, DeputyView } from '../../shared/views.js';
import { verifyDataDir } from '../audit/verify-data.js';
import { setDiskFault } from '../store/disk-faults.js';
import { readDataDir } from '../store/load.js';
import { command, console_, deputy, emit, links, login, receipt, startServer, vote, type Client, type Harness } from '../test/harness.js';

let h: Harness;
let closers: { close(): void }[] = [];
const track = <T extends { close(): void }>(c: T): T => (closers.push(c), c);
beforeEach(async () => {
  h = await startServer({ demoSize: 6 });
});
afterEach(async () => {
  setDiskFault(h.dataDir, null);
  for (const c of closers) c.close();
  closers = [];
  await h.close();
});

async function openVote(before: () => void = () => undefined) {
  const s = await login(h.url);
  const con = track(console_(h.url, s));
  await con.until(() => true);
  const alarms: { code: string; message: string }[] = [];
  con.socket.on('alarm', (a: { code: string; message: string }) => alarms.push(a));
  const deps: Client<DeputyView>[] = [];
  for (const l of await links(h.url, s)) {
    const d = track(deputy(h.url, l.url));
    await d.until(() => true);
    expect(await emit(d.socket, 'checkIn', {})).toEqual({ ok: true });
    deps.push(d);
  }
  before();
  expect(await command(con, { type: 'startRound', itemId: 'motion-appoint', countdownSec: 0 })).toEqual({ ok: true });
  const roundId = (await con.until((v) => v.activeRoundId !== null)).activeRoundId ?? '';
  const ballot = (choice: string) => ({ roundId, submissionId: `s-${receipt()}`, receipt: receipt(), content: { kind: 'motion', choice } });
  return { con, deps, roundId, alarms, ballot };
}

const cases = [
  ['a full disk', 'ENOSPC', ''],
  ['a read-only data folder', 'EROFS', ''],
  ['a full disk that fails the journal after the ballot box was written', 'ENOSPC', 'journal.jsonl'],
] as const;

describe('[F3] the data folder cannot be written', () => {
  it.each(cases)('%s: refused, alarmed, nothing damaged, retries succeed afterwards', async (_name, code, file) => {
    const { con, deps, roundId, alarms, ballot } = await openVote();
    const early = [ballot('for'), ballot('against')];
    for (const [i, p] of early.entries()) expect(await vote(deps[i] as Client<DeputyView>, p)).toMatchObject({ ok: true });

    setDiskFault(file ? join(h.dataDir, file) : h.dataDir, code);
    const refused = [ballot('for'), ballot('abstain')];
    for (const [i, p] of refused.entries()) expect(await vote(deps[2 + i] as Client<DeputyView>, p)).toEqual({ ok: false, error: 'STORAGE_FAILED' });
    expect(await command(con, { type: 'close', roundId })).toEqual({ ok: false, error: 'STORAGE_FAILED' });
    await con.until(() => alarms.some((a) => a.code === 'STORAGE_FAILED'));
    expect(alarms.find((a) => a.code === 'STORAGE_FAILED')?.message).toMatch(/cannot be written/);
    const health = (await (await fetch(`${h.url}/api/health`)).json()) as { storage: string };
    expect(health.storage).toBe('failed');
    await con.until((v) => v.rounds[0]?.voterCount === 2);
    await new Promise((r) => setTimeout(r, 250));
    expect(con.latest()?.rounds[0]?.voterCount).toBe(2); // the console shows only what is on disk

    setDiskFault(file ? join(h.dataDir, file) : h.dataDir, null);
    // The same phones resend the same submissions: now they are recorded.
    for (const [i, p] of refused.entries()) expect(await vote(deps[2 + i] as Client<DeputyView>, p)).toMatchObject({ ok: true, duplicate: false });
    await con.until(() => alarms.some((a) => a.code === 'STORAGE_OK'));
    expect(await command(con, { type: 'close', roundId })).toEqual({ ok: true });
    const fin: ConsoleView = await con.until((v) => v.rounds[0]?.status === 'closed');
    expect(fin.rounds[0]?.result).toMatchObject({ for: 2, against: 1, abstain: 1, cast: 4 });

    for (const c of closers) c.close();
    closers = [];
    await h.restart();
    await h.app.close();
    const disk = await readDataDir(h.dataDir);
    const round = disk.meetings.get('demo')?.rounds.get(roundId);
    const stored = round && ballotsOf(round).map((b) => b.receipt).sort();
    expect(stored).toEqual([...early, ...refused].map((p) => p.receipt).sort());
    const report = await verifyDataDir(h.dataDir);
    expect(report.problems).toEqual([]);
    await h.restart();
  });

  it('[E6] the ballot box cannot be created when the round starts: the start is refused until it can, then the ballots are recorded', async () => {
    const ballots = join(h.dataDir, 'ballots');
    const early = track(console_(h.url, await login(h.url)));
    await early.until(() => true);
    setDiskFault(ballots, 'ENOSPC');
    expect(await command(early, { type: 'startRound', itemId: 'motion-appoint', countdownSec: 0, confirmNoQuorum: true })).toEqual({ ok: false, error: 'STORAGE_FAILED' });
    setDiskFault(ballots, null);
    const { con, deps, roundId, ballot } = await openVote();
    const first = ballot('for');
    expect(await vote(deps[0] as Client<DeputyView>, first)).toMatchObject({ ok: true, duplicate: false });
    expect(await vote(deps[1] as Client<DeputyView>, ballot('against'))).toMatchObject({ ok: true, duplicate: false });
    expect(await command(con, { type: 'close', roundId })).toEqual({ ok: true });
    const fin: ConsoleView = await con.until((v) => v.rounds[0]?.status === 'closed');
    expect(fin.rounds[0]?.result).toMatchObject({ for: 1, against: 1, cast: 2 });
    for (const c of closers) c.close();
    closers = [];
    await h.restart();
    await h.app.close();
    const round = (await readDataDir(h.dataDir)).meetings.get('demo')?.rounds.get(roundId);
    expect(round && ballotsOf(round).length).toBe(2);
    await h.restart();
  });
});
