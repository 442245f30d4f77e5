// Broadcast rules: what reaches phones and when (see server/broadcast.ts).
import { afterEach, beforeEach, expect, it } from 'vitest';
import { api } from './test/api.js';
import { deputy, emit, links, login, receipt, startServer, command, console_, vote, type Harness } from './test/harness.js';

let h: Harness;
let closers: { close(): void }[] = [];
beforeEach(async () => {
  h = await startServer({ demoSize: 5 });
});
afterEach(async () => {
  for (const c of closers) c.close();
  closers = [];
  await h.close();
});

it('[BR1] an agenda edit by staff reaches connected phones at once, without a vote or a status change', async () => {
  const session = await login(h.url);
  const con = console_(h.url, session);
  closers.push(con);
  await con.until(() => true);
  expect(await command(con, { type: 'showItem', itemId: 'motion-budget' })).toEqual({ ok: true });
  const [first] = await links(h.url, session);
  const phone = deputy(h.url, first!.url);
  closers.push(phone);
  await phone.until((v) => v.item?.id === 'motion-budget');

  const { body } = await api(h.url, 'GET', '/api/meetings/demo', { session });
  const agenda = (body.agenda as { id: string; title: string }[]).map((it) =>
    it.id === 'motion-budget' ? { ...it, title: '表决《修改后的标题》' } : it,
  );
  const put = await api(h.url, 'PUT', '/api/meetings/demo/agenda', { session, json: { agenda } });
  expect(put.status).toBe(200);
  const v = await phone.until((x) => x.item?.title === '表决《修改后的标题》');
  expect(v.item?.id).toBe('motion-budget');
});

it('[BR2] the console gets the roster apart from its view: on connect, then only when someone checks in, not with every vote', async () => {
  const session = await login(h.url);
  const con = console_(h.url, session);
  closers.push(con);
  const rosters: { id: string; present: boolean }[][] = [];
  const wireRosters: unknown[] = [];
  con.socket.on('roster', (rows: { id: string; present: boolean }[]) => rosters.push(rows));
  con.socket.on('view', (v: { roster?: unknown }) => wireRosters.push(v.roster));
  await con.until((v) => v.roster.length === 5);
  expect(rosters).toHaveLength(1);

  const ls = await links(h.url, session);
  const phones = ls.map((l) => deputy(h.url, l.url));
  closers.push(...phones);
  for (const p of phones.slice(0, 3)) {
    await p.until(() => true);
    expect(await emit(p.socket, 'checkIn', {})).toEqual({ ok: true });
  }
  const checkedIn = await con.until((v) => v.roster.filter((d) => d.present).length === 3);
  expect(checkedIn.turnout.present).toBe(3);
  const afterCheckIn = rosters.length;
  expect(afterCheckIn).toBeGreaterThan(1);

  expect(await command(con, { type: 'startRound', itemId: 'motion-budget', countdownSec: 0 })).toEqual({ ok: true });
  const roundId = (await con.until((v) => v.activeRoundId !== null)).activeRoundId ?? '';
  for (const p of phones.slice(0, 3)) expect(await vote(p, { roundId, submissionId: `s-${receipt()}`, receipt: receipt(), content: { kind: 'motion', choice: 'for' } })).toMatchObject({ ok: true });
  await con.until((v) => v.rounds.find((r) => r.id === roundId)?.voterCount === 3);
  expect(rosters.length).toBe(afterCheckIn); // votes moved the view, never the roster
  expect(wireRosters.every((r) => r === undefined)).toBe(true); // and no view carried it
  expect(con.latest()?.roster.filter((d) => d.present).map((d) => d.id)).toEqual(rosters[rosters.length - 1]?.filter((d) => d.present).map((d) => d.id));
});
