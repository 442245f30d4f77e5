// [W6] The linking adversary (issue #12): a curious operator gets every message and endpoint a
// console user, a screen and the feed can get during and after a secret vote, each with the time
// it arrived (console and screen sockets, the feed, the results report, the audit endpoint, the
// receipts list and commitment), and tries to link ballots to deputies: tally changes paired with
// vote times, who-voted order against the order of tally steps, batch majorities. Each strategy
// must do no better than chance.
//
// Statistic: for each strategy, the number of deputies whose choice it names correctly, summed
// over the runs, where every guess is forced to use exactly the final counts (which the operator
// knows anyway). Choices are drawn independently per deputy, so given the final counts every
// arrangement is equally likely to an operator without a link: the matches then have an exact
// mean and variance (adversary.ts chance()). Bound: matches <= mean + 4 standard deviations.
import fc from 'fast-check';
import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConsoleView, ScreenView } from '../shared/views.js';
import { api } from './test/api.js';
import { CHOICES, chance, link, type Choice, type Counts, type Seen } from './test/adversary.js';
import { command, console_, deputy, emit, links, login, receipt, screen, startServer, vote, type Client, type Harness } from './test/harness.js';

const N = 20;
const ROSTER = Array.from({ length: N }, (_, i) => `d${String(i + 1).padStart(3, '0')}`);
let open: { close(): unknown }[] = [];
afterEach(async () => {
  for (const c of open.reverse()) await c.close();
  open = [];
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
type Motion = { kind: string; for: number; against: number; abstain: number };
const counts = (r: unknown): Counts | undefined => {
  const m = r as Motion | null | undefined;
  return m && m.kind === 'motion' ? { for: m.for, against: m.against, abstain: m.abstain } : undefined;
};

/** Everything the operator's sources say about the round, as Seen records. */
function fromConsole(v: ConsoleView, roundId: string, t: number): Seen[] {
  const r = v.rounds.find((x) => x.id === roundId);
  const out: Seen[] = [];
  if (r) out.push({ t, tally: counts(r.result), voted: (r.voted ?? []).map((deputyId, n) => ({ deputyId, at: null, n })) });
  if (v.preview.live.round?.id === roundId) out.push({ t, tally: counts(v.preview.live.result) });
  return out;
}

function fromAudit(body: Record<string, unknown>, roundId: string, t: number): Seen[] {
  const entries = (body.entries ?? []) as { n: number; at?: number; events?: { t: string; deputyId?: string; roundId?: string }[] }[];
  const voted = entries.flatMap((e) =>
    (e.events ?? []).filter((x) => x.t === 'voted' && x.roundId === roundId && x.deputyId).map((x) => ({ deputyId: x.deputyId ?? '', at: e.at ?? null, n: e.n })),
  );
  const lists = (body.secretVotes ?? []) as { roundId: string; voters: string[] | null }[];
  for (const l of lists) if (l.roundId === roundId) voted.push(...(l.voters ?? []).map((deputyId, n) => ({ deputyId, at: null, n })));
  return [{ t, voted }];
}

function fromReport(body: Record<string, unknown>, roundId: string, t: number): Seen[] {
  const report = body.report as { items: { rounds: { roundId: string; result: unknown }[] }[] } | undefined;
  const r = report?.items.flatMap((i) => i.rounds).find((x) => x.roundId === roundId);
  return r ? [{ t, tally: counts(r.result) }] : [];
}

function fromFeed(body: Record<string, unknown>, roundId: string, t: number): Seen[] {
  const doc = body as { round?: { id: string } | null; rows?: { type: string; id: string; value: number }[] };
  if (doc.round?.id !== roundId || !doc.rows?.some((r) => r.type === 'choice')) return [];
  const v = (id: string) => doc.rows?.find((r) => r.type === 'choice' && r.id === id)?.value ?? 0;
  return [{ t, tally: { for: v('for'), against: v('against'), abstain: v('abstain') } }];
}

interface Run {
  choices: Choice[];
  order: number[];
  gaps: number[];
  visibility: 'live' | 'turnout' | 'hidden';
  secret?: boolean;
}

/** One secret vote on a fresh server, watched by the operator; returns what it saw and the truth. */
async function watchedVote(run: Run): Promise<{ seen: Seen[]; final: Counts }> {
  const h: Harness = await startServer({ demoSize: N });
  open.push(h);
  const session = await login(h.url);
  const meeting = await api(h.url, 'GET', '/api/meetings/demo', { session });
  const agenda = (meeting.body.agenda as { id: string; settings?: Record<string, unknown> }[]).map((it) =>
    it.id === 'motion-budget' ? { ...it, settings: { ...it.settings, secret: run.secret ?? true, visibility: run.visibility } } : it,
  );
  expect((await api(h.url, 'PUT', '/api/meetings/demo/agenda', { session, json: { agenda } })).status).toBe(200);

  const seen: Seen[] = [];
  let roundId = '';
  const con: Client<ConsoleView> = console_(h.url, session);
  const scr: Client<ScreenView> = screen(h.url);
  open.push(con, scr);
  con.socket.onAny((event: string, v: unknown) => {
    if (event === 'view' && roundId) seen.push(...fromConsole({ ...(v as ConsoleView), roster: [] }, roundId, Date.now()));
  });
  scr.socket.onAny((event: string, v: unknown) => {
    const view = v as ScreenView;
    if (event === 'view' && roundId && view.round?.id === roundId) seen.push({ t: Date.now(), tally: counts(view.result) });
  });
  await con.until(() => true);
  const ls = await links(h.url, session);
  const deps = ls.map((l) => deputy(h.url, l.url));
  open.push(...deps);
  for (const d of deps) {
    await d.until(() => true);
    expect(await emit(d.socket, 'checkIn', {})).toEqual({ ok: true });
  }
  expect(await command(con, { type: 'startRound', itemId: 'motion-budget', countdownSec: 0 })).toEqual({ ok: true });
  roundId = (await con.until((v) => v.activeRoundId !== null)).activeRoundId ?? '';

  // The operator polls every HTTP endpoint it may read while the vote is open.
  let polling = true;
  const poll = async (path: string, read: (b: Record<string, unknown>, id: string, t: number) => Seen[], ms: number) => {
    while (polling) {
      const res = await api(h.url, 'GET', path, { session });
      if (res.status === 200) seen.push(...read(res.body, roundId, Date.now()));
      await sleep(ms);
    }
  };
  const pollers = [
    poll('/api/meetings/demo/audit', fromAudit, 40),
    poll('/api/meetings/demo/results.json', fromReport, 40),
    poll('/api/feed/demo.json', fromFeed, 40),
  ];
  for (const [i, idx] of run.order.entries()) {
    const d = deps[idx];
    const choice = run.choices[idx] ?? 'for';
    if (!d) continue;
    const ack = await vote(d, { roundId, submissionId: `s-${receipt()}`, receipt: receipt(), content: { kind: 'motion', choice } });
    expect(ack).toMatchObject({ ok: true });
    await sleep(run.gaps[i] ?? 150);
  }
  polling = false;
  await Promise.all(pollers);
  expect(await command(con, { type: 'close', roundId })).toEqual({ ok: true });
  const closed = await con.until((v) => v.rounds.some((r) => r.id === roundId && r.status === 'closed'));
  seen.push(...fromConsole(closed, roundId, Date.now()));
  // After close: the audit endpoint, the report, the receipts list and its commitment.
  const t = Date.now();
  seen.push(...fromAudit((await api(h.url, 'GET', '/api/meetings/demo/audit', { session })).body, roundId, t));
  seen.push(...fromReport((await api(h.url, 'GET', '/api/meetings/demo/results.json', { session })).body, roundId, t));
  // The receipts list and its commitment, taken as published (opaque: which choice a receipt
  // holds is the commitment's business, server/secrecy.test.ts); for a named vote it pairs each
  // receipt with its choice, which links nothing to a deputy either.
  const receipts = await api(h.url, 'GET', `/api/meetings/demo/rounds/${roundId}/receipts`);
  expect(receipts.body).toMatchObject({ ok: true, count: N });
  expect(typeof receipts.body.commitment).toBe('string');
  const final = counts(closed.rounds.find((r) => r.id === roundId)?.result);
  if (!final) throw new Error('no final tally');
  return { seen, final };
}

describe('[W6] a curious operator cannot link secret ballots to deputies', () => {
  it('no linking strategy does better than chance (matches <= mean + 4 sd, summed over seeded runs)', async () => {
    const totals = new Map<string, { matches: number; mean: number; variance: number }>();
    const arb = fc.record({
      choices: fc.array(fc.constantFrom(...CHOICES), { minLength: N, maxLength: N }),
      order: fc.shuffledSubarray([...Array(N).keys()], { minLength: N, maxLength: N }),
      gaps: fc.array(fc.integer({ min: 110, max: 200 }), { minLength: N, maxLength: N }),
      visibility: fc.constantFrom('live' as const, 'turnout' as const, 'hidden' as const),
    });
    await fc.assert(
      fc.asyncProperty(arb, async (run) => {
        const { seen, final } = await watchedVote(run);
        for (const c of open.reverse()) await c.close();
        open = [];
        expect(final).toEqual(Object.fromEntries(CHOICES.map((c) => [c, run.choices.filter((x) => x === c).length])));
        for (const g of link(ROSTER, seen, final)) {
          const matches = g.assignment.filter((c, i) => c === run.choices[i]).length;
          const { mean, variance } = chance(g.assignment, final);
          const tot = totals.get(g.strategy) ?? { matches: 0, mean: 0, variance: 0 };
          totals.set(g.strategy, { matches: tot.matches + matches, mean: tot.mean + mean, variance: tot.variance + variance });
        }
      }),
      { seed: 0x12a, numRuns: 5, endOnFailure: true },
    );
    const report = [...totals].map(([s, x]) => `${s}: ${x.matches} linked of ${5 * N}, chance ${x.mean.toFixed(1)} ± ${Math.sqrt(x.variance).toFixed(1)}`);
    console.info(`[W6] linking adversary\n  ${report.join('\n  ')}`);
    for (const [strategy, x] of totals) {
      expect(x.matches, `${strategy} links better than chance`).toBeLessThanOrEqual(x.mean + 4 * Math.sqrt(x.variance));
    }
  }, 180_000);

  it('the same adversary does link a named vote (it is not blind): all 20 by vote time and tally change', async () => {
    const choices = Array.from({ length: N }, (_, i) => CHOICES[(i * 7) % 3] ?? 'for');
    const order = [...Array(N).keys()].reverse();
    const { seen, final } = await watchedVote({ choices, order, gaps: Array<number>(N).fill(130), visibility: 'live', secret: false });
    const byTime = link(ROSTER, seen, final).find((g) => g.strategy === 'tally change after each vote time');
    expect(byTime?.assignment.filter((c, i) => c === choices[i]).length).toBe(N);
  }, 60_000);
});

/** A fresh server with motion-budget set as given, 6 deputies checked in, a round started. */
async function openVote(settings: Record<string, unknown>) {
  const h = await startServer({ demoSize: 6 });
  open.push(h);
  const session = await login(h.url);
  const meeting = await api(h.url, 'GET', '/api/meetings/demo', { session });
  const agenda = (meeting.body.agenda as { id: string; settings?: Record<string, unknown> }[]).map((it) =>
    it.id === 'motion-budget' ? { ...it, settings: { ...it.settings, ...settings } } : it,
  );
  expect((await api(h.url, 'PUT', '/api/meetings/demo/agenda', { session, json: { agenda } })).status).toBe(200);
  const con = console_(h.url, session);
  const scr = screen(h.url);
  open.push(con, scr);
  await con.until(() => true);
  const deps = (await links(h.url, session)).map((l) => deputy(h.url, l.url));
  open.push(...deps);
  for (const d of deps) {
    await d.until(() => true);
    expect(await emit(d.socket, 'checkIn', {})).toEqual({ ok: true });
  }
  expect(await command(con, { type: 'startRound', itemId: 'motion-budget', countdownSec: 0 })).toEqual({ ok: true });
  const roundId = (await con.until((v) => v.activeRoundId !== null)).activeRoundId ?? '';
  const rosterMessages: number[] = [];
  con.socket.on('roster', () => rosterMessages.push(Date.now()));
  const cast = async (i: number, choice: Choice) =>
    expect(await vote(deps[i]!, { roundId, submissionId: `s-${receipt()}`, receipt: receipt(), content: { kind: 'motion', choice } })).toMatchObject({ ok: true });
  const audit = async () => (await api(h.url, 'GET', '/api/meetings/demo/audit', { session })).body as {
    entries: { n: number; prev: string; hash: string; at?: number; events?: { t: string; deputyId?: string }[]; redacted?: string }[];
    secretVotes: { roundId: string; voters: string[] | null; voterCount: number }[];
  };
  return { h, session, con, scr, roundId, cast, audit, rosterMessages };
}

describe('[W8] who voted in a secret vote: never with a time or an order', () => {
  it('the audit endpoint gives numbered stubs for its votes and, once closed, who voted in roster order', async () => {
    const { h, session, con, roundId, cast, audit, rosterMessages } = await openVote({ secret: true, visibility: 'hidden' });
    for (const i of [4, 1, 5, 0]) await cast(i, 'for');
    await con.until((v) => v.rounds.some((r) => r.id === roundId && r.voterCount === 4));
    // Nothing that names deputies travels per vote: the roster goes only when check-ins change.
    expect(rosterMessages).toEqual([]);
    expect(con.latest()?.rounds.find((r) => r.id === roundId)).toMatchObject({ result: null, voted: null, disclosure: null, liveBatch: null });
    const during = await audit();
    const votes = during.entries.filter((e) => e.redacted === 'secretVote');
    expect(votes).toHaveLength(4);
    for (const e of votes) expect(Object.keys(e).sort()).toEqual(['hash', 'n', 'prev', 'redacted', 'roundId']);
    expect(JSON.stringify(during.entries)).not.toMatch(/"t":"voted"/);
    expect(during.secretVotes).toEqual([{ roundId, itemId: 'motion-budget', status: 'open', voterCount: 4, voters: null }]);
    // The chain stays whole: every entry links to the one before it.
    during.entries.forEach((e, i) => {
      expect(e.n).toBe(i + 1);
      if (i > 0) expect(e.prev).toBe(during.entries[i - 1]?.hash);
    });
    // The results report holds no running figures of it either.
    const report = (await api(h.url, 'GET', '/api/meetings/demo/results.json', { session })).body as { report: { items: { rounds: { roundId: string; result: unknown }[] }[] } };
    expect(report.report.items.flatMap((i) => i.rounds).find((r) => r.roundId === roundId)?.result).toBeNull();

    expect(await command(con, { type: 'close', roundId })).toEqual({ ok: true });
    const after = await audit();
    expect(after.entries.filter((e) => e.redacted === 'secretVote')).toHaveLength(4);
    expect(after.secretVotes[0]?.voters).toEqual(['d001', 'd002', 'd005', 'd006']); // roster order, not 5, 2, 6, 1
    // On disk the entries are complete, each vote salted so its hash cannot be matched.
    const disk = (await readFile(`${h.dataDir}/audit.jsonl`, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { salt?: string; events: { t: string }[] });
    const onDisk = disk.filter((e) => e.events.some((x) => x.t === 'voted'));
    expect(onDisk).toHaveLength(4);
    for (const e of onDisk) expect(e.salt).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('[W6] named votes, as before', () => {
  it('show who voted and every ballot in the live tally at once, and the audit endpoint names each vote with its time', async () => {
    const { con, scr, roundId, cast, audit } = await openVote({ secret: false, visibility: 'live' });
    const order = [3, 0, 2];
    for (const [j, i] of order.entries()) {
      await cast(i, j === 1 ? 'against' : 'for');
      const v = await con.until((x) => x.rounds.some((r) => r.id === roundId && r.voterCount === j + 1));
      const r = v.rounds.find((x) => x.id === roundId);
      expect(r?.result).toMatchObject({ cast: j + 1 });
      expect(r?.voted).toHaveLength(j + 1);
      expect(r?.liveBatch).toBeNull();
      await scr.until((x) => x.result?.cast === j + 1);
    }
    expect(con.latest()?.rounds.find((x) => x.id === roundId)?.voted).toEqual(['d001', 'd003', 'd004']);
    const a = await audit();
    const voted = a.entries.flatMap((e) => (e.events ?? []).filter((x) => x.t === 'voted').map((x) => ({ deputyId: x.deputyId, at: e.at })));
    expect(voted.map((x) => x.deputyId)).toEqual(['d004', 'd001', 'd003']);
    for (const x of voted) expect(typeof x.at).toBe('number');
    expect(a.secretVotes).toEqual([]);
  });
});

describe('[W7] k, the step of a secret vote\'s live figures', () => {
  it('is an item setting of 5..1000, checked (zod) when the agenda is saved', async () => {
    const h = await startServer({ demoSize: 3 });
    open.push(h);
    const session = await login(h.url);
    const agenda = ((await api(h.url, 'GET', '/api/meetings/demo', { session })).body.agenda as { id: string; settings?: object }[]);
    const withK = (k: unknown) => agenda.map((it) => (it.id === 'motion-budget' ? { ...it, settings: { ...it.settings, liveBatch: k } } : it));
    for (const bad of [4, 1001, 7.5, '10']) {
      expect(await api(h.url, 'PUT', '/api/meetings/demo/agenda', { session, json: { agenda: withK(bad) } })).toMatchObject({ status: 400, body: { error: 'BAD_REQUEST' } });
    }
    expect((await api(h.url, 'PUT', '/api/meetings/demo/agenda', { session, json: { agenda: withK(5) } })).status).toBe(200);
  });
});
