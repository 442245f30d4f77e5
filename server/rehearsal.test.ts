// 彩排 through the real server (SPEC J): a rehearsal with check-ins, a secret and a named vote,
// ended with one command; the meeting is back to its prepared state in every view and export,
// the deputies' links still work, a restart still finds it clean (box check and verify pass,
// the rehearsal's ballot box kept on disk), and the real vote afterwards counts alone.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AgendaItem, type BallotContent } from '../shared/model.js';
import type { MeetingReport } from '../shared/report.js';
import { NS } from '../shared/protocol.js';
import type { ConsoleView, DeputyView, ScreenView } from '../shared/views.js';
import { verifyDataDir } from './audit/verify-data.js';
import { demoRoster } from './demo.js';
import { command, connect, console_, deputy, emit, links, login, receipt, startServer, vote, type Client, type Harness, clientTracker, prepareMeeting } from './test/harness.js';

let h: Harness;
let session: string;
const clients = clientTracker();
const track = clients.track;

const M = 'reh';
const roster = demoRoster(5);
const agenda = [
  AgendaItem.parse({ id: 'sec', kind: 'motion', title: '无记名议案', settings: { countdownSec: 0, visibility: 'live' } }),
  AgendaItem.parse({ id: 'nam', kind: 'motion', title: '记名议案', settings: { countdownSec: 0, secret: false, visibility: 'live' } }),
];
const FOR: BallotContent = { kind: 'motion', choice: 'for' };

beforeEach(async () => {
  h = await startServer({ demoSize: 5 });
  session = await login(h.url);
  await prepareMeeting(h, { meeting: { id: M, title: '彩排会议', date: '', settings: { quorum: 'half' as const } }, roster, agenda });
});
afterEach(async () => {
  clients.closeAll();
  await h.close();
});

const get = (ext: string) => fetch(`${h.url}/api/meetings/${M}/results.${ext}`, { headers: { authorization: `Bearer ${session}` } });
async function phones(n: number): Promise<Client<DeputyView>[]> {
  const out: Client<DeputyView>[] = [];
  for (const l of (await links(h.url, session, M)).slice(0, n)) {
    const d = track(deputy(h.url, l.url));
    await d.until(() => true);
    out.push(d);
  }
  return out;
}
async function checkIn(deps: Client<DeputyView>[]) {
  for (const d of deps) {
    expect(await emit(d.socket, 'checkIn', {})).toEqual({ ok: true });
    await d.until((v) => v.me.present);
  }
}
async function held(con: Client<ConsoleView>, deps: Client<DeputyView>[], itemId: string, close = true): Promise<{ roundId: string; receipts: string[] }> {
  const before = new Set((con.latest()?.rounds ?? []).map((r) => r.id));
  expect(await command(con, { type: 'startRound', itemId, countdownSec: 0 })).toEqual({ ok: true });
  const roundId = (await con.until((v) => v.activeRoundId !== null && !before.has(v.activeRoundId))).activeRoundId as string;
  const receipts: string[] = [];
  for (const d of deps) {
    const rc = receipt();
    receipts.push(rc);
    expect(await vote(d, { roundId, submissionId: `s-${rc}`, receipt: rc, content: FOR })).toMatchObject({ ok: true });
  }
  if (close) {
    expect(await command(con, { type: 'close', roundId })).toEqual({ ok: true });
    await con.until((v) => v.rounds.some((r) => r.id === roundId && r.status === 'closed'));
  }
  return { roundId, receipts };
}
const clean = (v: ConsoleView) => v.rehearsal == null && v.rounds.length === 0 && v.turnout.present === 0 && v.currentItemId === null;

describe('rehearsal 彩排 through the real server', () => {
  it('[J1][J2][J3][J4] a rehearsal leaves no trace in the meeting, its record stays, and the real vote after it counts alone', async () => {
    const con = track(console_(h.url, session, M));
    await con.until(() => true);
    const scr = track(connect<ScreenView>(h.url, NS.screen, { meetingId: M }));
    const linksBefore = await links(h.url, session, M);
    const deps = await phones(3);

    const filesBefore = h.app.fds.needed;
    expect(await command(con, { type: 'startRehearsal' })).toEqual({ ok: true });
    await con.until((v) => v.rehearsal != null);
    await scr.until((v) => v.rehearsal != null);
    await deps[0]!.until((v) => v.rehearsal != null);

    await checkIn(deps);
    const secret = await held(con, deps, 'sec');
    expect(await command(con, { type: 'reveal', roundId: secret.roundId })).toEqual({ ok: true });
    const named = await held(con, deps, 'nam', false);
    // J2: not while a round is open.
    expect(await command(con, { type: 'endRehearsal' })).toEqual({ ok: false, error: 'ROUND_ACTIVE' });
    expect(await command(con, { type: 'close', roundId: named.roundId })).toEqual({ ok: true });
    await con.until((v) => v.activeRoundId === null);
    expect((await get('csv').then((r) => r.text()))).toContain('记名议案');

    expect(h.app.fds.needed).toBe(filesBefore + 1); // the secret round's box, held open
    expect(await command(con, { type: 'endRehearsal' })).toEqual({ ok: true });
    expect(h.app.fds.needed).toBe(filesBefore); // released with the rehearsal
    const after = await con.until(clean);
    expect(after.outcomes).toEqual([]);
    expect(after.roster.filter((r) => r.present)).toEqual([]);
    expect(after.agenda.map((i) => i.id)).toEqual(['sec', 'nam']);
    const sv = await scr.until((v) => v.rehearsal == null);
    expect([sv.round, sv.scene.kind, sv.turnout.present]).toEqual([null, 'title', 0]);

    // Exports: nothing of the rehearsal.
    const json = (await (await get('json')).json()) as { report: MeetingReport };
    expect(json.report.present).toBe(0);
    expect(json.report.items.flatMap((i) => i.rounds)).toEqual([]);
    const csv = await (await get('csv')).text();
    for (const x of [secret.roundId, named.roundId, ...secret.receipts, ...named.receipts]) expect(csv).not.toContain(x);
    expect(csv).not.toContain('记名表决情况');

    // The links are the same and still work: a phone that stayed connected, and one that opens again.
    expect(await links(h.url, session, M)).toEqual(linksBefore);
    await deps[0]!.until((v) => !v.me.present && v.round === null && v.rehearsal == null);
    expect(await emit(deps[0]!.socket, 'checkIn', {})).toEqual({ ok: true });
    deps[1]!.close();
    const again = track(deputy(h.url, linksBefore[1]!.url));
    expect((await again.until(() => true)).me.present).toBe(false);
    await con.until((v) => v.turnout.present === 1);

    // The audit log keeps the rehearsal, marked by its start and end, and still hides who voted
    // when in its secret round (W8): the round is gone from the meeting, its secrecy is not.
    const audit = (await (await fetch(`${h.url}/api/meetings/${M}/audit`, { headers: { authorization: `Bearer ${session}` } })).json()) as {
      entries: { redacted?: string; roundId?: string; events?: { t: string; roundId?: string; deputyId?: string }[] }[];
    };
    const kinds = audit.entries.flatMap((e) => e.events?.map((x) => x.t) ?? []);
    expect(kinds.filter((k) => k.startsWith('rehearsal.'))).toEqual(['rehearsal.started', 'rehearsal.ended']);
    expect(audit.entries.flatMap((e) => e.events ?? []).filter((x) => x.t === 'voted' && x.roundId === secret.roundId)).toEqual([]);
    expect(audit.entries.filter((e) => e.redacted === 'secretVote' && e.roundId === secret.roundId)).toHaveLength(3);
    // The named rehearsal vote's participation stays readable, as for any named vote.
    expect(audit.entries.flatMap((e) => e.events ?? []).filter((x) => x.t === 'voted' && x.roundId === named.roundId)).toHaveLength(3);

    // The rehearsal's secret ballot box is kept as its record.
    expect(await readdir(join(h.dataDir, 'ballots', M))).toContain(`${secret.roundId}.box`);

    // A restart: still clean, the start-up box check passes, and verify checks the rehearsal's rounds too.
    clients.closeAll();
    await h.restart();
    session = await login(h.url);
    const con2 = track(console_(h.url, session, M));
    const v2 = await con2.until(() => true);
    expect([v2.rounds, v2.turnout.present, v2.rehearsal ?? null]).toEqual([[], 1, null]);
    expect(h.log.lines.some((l) => JSON.stringify(l).includes('ballot box of a rehearsal round'))).toBe(true);
    let report = await verifyDataDir(h.dataDir);
    expect(report.problems).toEqual([]);
    expect(report.warnings.filter((w) => w.includes('no such round'))).toEqual([]);

    // The real sitting: its round never takes a rehearsal id, and it alone is counted.
    const real = await phones(3);
    await checkIn(real.slice(1));
    const vote1 = await held(con2, real, 'sec');
    expect([secret.roundId, named.roundId]).not.toContain(vote1.roundId);
    const json2 = (await (await get('json')).json()) as { report: MeetingReport };
    const rounds = json2.report.items.flatMap((i) => i.rounds);
    expect(rounds.map((r) => r.roundId)).toEqual([vote1.roundId]);
    expect(json2.report.present).toBe(3);
    const done = await con2.until((v) => v.rounds.some((r) => r.id === vote1.roundId && r.status === 'closed'));
    expect(done.rounds.find((r) => r.id === vote1.roundId)?.result).toMatchObject({ kind: 'motion', for: 3 });

    await h.restart();
    report = await verifyDataDir(h.dataDir);
    expect(report.problems).toEqual([]);
    expect(report.figures.rounds).toBe(1);
  });
});
