// [W1-W4] Secret ballots: stored without deputy id or timestamp, in an order unrelated to
// arrival, apart from who voted; never logged next to an identity; never sent to any client
// paired with a deputy while the vote is open; and the record replays to the same tallies.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NS } from '../shared/protocol.js';
import type { ConsoleView, DeputyView } from '../shared/views.js';
import { readBox, readDataDir } from './store/load.js';
import { command, connect, console_, deputy, emit, links, login, receipt, screen, startServer, vote, type Client, type Harness } from './test/harness.js';

const N = 24;
let h: Harness;
let closers: { close(): void }[] = [];
const track = <T extends { close(): void }>(c: T): T => (closers.push(c), c);

beforeEach(async () => {
  h = await startServer({ demoSize: N });
});
afterEach(async () => {
  for (const c of closers) c.close();
  closers = [];
  await h.close();
});

const CHOICES = ['for', 'against', 'abstain'] as const;

/** Everything every client receives, as text. */
function tap(c: { socket: Client<unknown>['socket'] }, into: string[]): void {
  c.socket.onAny((event: string, ...args: unknown[]) => into.push(`${event} ${JSON.stringify(args)}`));
}

async function secretVote(seen?: string[]) {
  const session = await login(h.url);
  const con = track(console_(h.url, session));
  await con.until(() => true);
  const scr = track(screen(h.url));
  if (seen) {
    tap(con, seen);
    tap(scr, seen);
  }
  const ls = await links(h.url, session);
  const deps: Client<DeputyView>[] = [];
  for (const l of ls) {
    const d = track(deputy(h.url, l.url));
    await d.until(() => true);
    expect(await emit(d.socket, 'checkIn', {})).toEqual({ ok: true });
    deps.push(d);
  }
  const spies = deps.map(() => [] as string[]);
  if (seen) deps.forEach((d, i) => tap(d, spies[i] ?? []));
  // motion-appoint: secret (the default), results hidden until revealed.
  expect(await command(con, { type: 'startRound', itemId: 'motion-appoint', countdownSec: 0 })).toEqual({ ok: true });
  const roundId = (await con.until((v) => v.activeRoundId !== null)).activeRoundId ?? '';
  const arrival: { receipt: string; choice: string; deputyId: string }[] = [];
  for (const [i, d] of deps.entries()) {
    const choice = CHOICES[i % 3] ?? 'for';
    const p = { roundId, submissionId: `sub-${receipt()}`, receipt: receipt(), content: { kind: 'motion', choice } };
    expect(await vote(d, p)).toMatchObject({ ok: true });
    arrival.push({ receipt: p.receipt, choice, deputyId: `d${String(i + 1).padStart(3, '0')}` });
  }
  const open = await con.until((v) => v.rounds.some((r) => r.id === roundId && r.voterCount === N));
  return { con, roundId, arrival, spies, open };
}

describe('[W1] how a secret vote is stored', () => {
  it('ballots carry no deputy id or timestamp, sit in random order, apart from who voted', async () => {
    const { con, roundId, arrival } = await secretVote();
    expect(await command(con, { type: 'close', roundId })).toEqual({ ok: true });
    const journal = await readFile(join(h.dataDir, 'journal.jsonl'), 'utf8');
    // Who voted is in the journal; what they chose is not.
    expect(journal.match(/"t":"voted"/g)?.length).toBe(N);
    expect(journal).not.toContain('"t":"ballot"');
    expect(journal).not.toContain('"choice"');
    for (const a of arrival) expect(journal).not.toContain(a.receipt);

    const files = await readdir(join(h.dataDir, 'ballots', 'demo'));
    expect(files).toEqual([`${roundId}.box`]);
    const raw = await readFile(join(h.dataDir, 'ballots', 'demo', `${roundId}.box`));
    const box = readBox(raw);
    const stored = box.slots.flatMap((s) => (s.kind === 'ballot' ? [s.payload] : []));
    expect(stored.length).toBe(N);
    for (const p of stored) expect(Object.keys(p).sort()).toEqual(['content', 'receipt', 'salt', 'v']);
    const text = raw.toString('latin1');
    // As ids (quoted): a salt is random hex, and may hold "d015" now and then.
    for (const a of arrival) expect(text).not.toContain(`"${a.deputyId}"`);
    expect(text).not.toMatch(/"(at|time|ts|deputyId|pending|batch)"/);
    // Order: the arrival positions read in file order are a shuffle, not the arrival sequence.
    const order = stored.map((p) => arrival.findIndex((a) => a.receipt === p.receipt));
    const inversions = order.reduce((n, x, i) => n + order.slice(i + 1).filter((y) => y < x).length, 0);
    const max = (N * (N - 1)) / 2;
    expect(inversions).toBeGreaterThan(max * 0.2);
    expect(inversions).toBeLessThan(max * 0.8);
  });

  it('[W2] journal plus ballot box replay to the tallies shown, also after a restart', async () => {
    const { con, roundId } = await secretVote();
    expect(await command(con, { type: 'close', roundId })).toEqual({ ok: true });
    const shown = await con.until((v) => v.rounds.some((r) => r.id === roundId && r.status === 'closed'));
    const live = shown.rounds.find((r) => r.id === roundId)?.result;
    expect(live).toMatchObject({ for: 8, against: 8, abstain: 8 });
    const disk = await readDataDir(h.dataDir);
    const round = disk.meetings.get('demo')?.rounds.get(roundId);
    expect(round?.ballots.length).toBe(N);
    for (const c of closers) c.close();
    closers = [];
    await h.restart();
    const con2 = track(console_(h.url, await login(h.url)));
    const after = await con2.until((v) => v.rounds.some((r) => r.id === roundId));
    expect(after.rounds.find((r) => r.id === roundId)?.result).toEqual(live);
  });
});

describe('[W3] logs', () => {
  it('never hold a choice next to an identity', async () => {
    const { con, roundId, arrival } = await secretVote();
    expect(await command(con, { type: 'close', roundId })).toEqual({ ok: true });
    expect(h.log.lines.length).toBeGreaterThan(0);
    for (const l of h.log.lines) {
      const line = JSON.stringify(l);
      const names = arrival.some((a) => line.includes(a.deputyId));
      const what = /"(choice|content|picks|ratings|choices)"/.test(line) || arrival.some((a) => line.includes(a.receipt));
      expect(names && what).toBe(false);
    }
  });
});

describe('[W4] messages while a secret vote is open', () => {
  it('no message to any screen, console or other phone pairs a deputy with a choice', async () => {
    const seen: string[] = [];
    const { arrival, spies, open } = await secretVote(seen);
    expect(open.rounds[0]?.voted).toBeNull();
    expect(seen.length).toBeGreaterThan(0);
    for (const m of seen) {
      expect(m).not.toMatch(/"choice"/);
      for (const a of arrival) expect(m).not.toContain(a.receipt);
    }
    // A phone hears about its own submission only, never another deputy's.
    spies.forEach((msgs, i) => {
      for (const m of msgs) {
        expect(m).not.toMatch(/"choice"/);
        for (const [j, a] of arrival.entries()) if (j !== i) expect(m).not.toContain(a.receipt);
      }
    });
    const anyScreen = track(connect<ConsoleView>(h.url, NS.screen, {}));
    const v = await anyScreen.until(() => true);
    // Deputy ids as ids (a quoted "d001"), not any "d0" + two digits: the view also carries hex
    // (the audit chain head, a commitment) that holds such a run now and then.
    expect(JSON.stringify(v)).not.toMatch(/"choice"|"d0\d\d"/);
  });
});
