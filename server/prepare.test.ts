// Integration: preparing meetings over HTTP on the real server: create, import (CSV, XLSX,
// bad rows, good rows only), agenda, duplicate, archive, and the quorum setting.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AgendaItem, Deputy } from '../shared/model.js';
import { api, consoleOf, csv, meetingWithRoster, rosterRows, screenOf, xlsx } from './test/api.js';
import { command, emit, links, login, startServer, type Harness } from './test/harness.js';

let h: Harness;
let admin: string;
let clients: { close(): void }[] = [];
const track = <T extends { close(): void }>(c: T): T => (clients.push(c), c);

beforeEach(async () => {
  h = await startServer({ demoSize: 5 });
  admin = await login(h.url);
});
afterEach(async () => {
  for (const c of clients) c.close();
  clients = [];
  await h.close();
});

const get = async (id: string) => (await api(h.url, 'GET', `/api/meetings/${id}`, { session: admin })).body as { roster: Deputy[]; agenda: AgendaItem[]; archived: boolean };
const importRoster = (id: string, file: Buffer | string, q = '') => api(h.url, 'POST', `/api/meetings/${id}/import/roster?filename=roster.csv${q}`, { session: admin, raw: file });

describe('roster import', () => {
  it('[P7] a clean CSV previews without storing, then imports and issues one link per deputy', async () => {
    const id = (await api(h.url, 'POST', '/api/meetings', { session: admin, json: { title: '第三次会议' } })).body.id as string;
    const file = csv(rosterRows(4, true));
    const preview = await importRoster(id, file);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ ok: true, committed: false, errors: [], ignoredColumns: ['备注'] });
    expect(preview.body.rows).toHaveLength(4);
    expect((await get(id)).roster).toHaveLength(0);

    const done = await importRoster(id, file, '&commit=1');
    expect(done.body).toMatchObject({ ok: true, committed: true });
    const { roster } = await get(id);
    expect(roster.map((d) => d.name)).toEqual(['代表1', '代表2', '代表3', '代表4']);
    expect(roster[1]).toMatchObject({ group: '东区代表团', seat: '1排2号' });
    const ls = await links(h.url, admin, id);
    expect(ls).toHaveLength(4);
    expect(new Set(ls.map((l) => l.url)).size).toBe(4);
  });

  it('[P7] an XLSX roster imports the same way', async () => {
    const id = (await api(h.url, 'POST', '/api/meetings', { session: admin, json: { title: 'XLSX' } })).body.id as string;
    const file = await xlsx(rosterRows(12));
    const done = await api(h.url, 'POST', `/api/meetings/${id}/import/roster?filename=roster.xlsx&commit=1`, { session: admin, raw: file });
    expect(done.status).toBe(200);
    expect((await get(id)).roster).toHaveLength(12);
  });

  it('[P8] bad rows are reported row by row and nothing is stored until the file is clean or good rows are chosen', async () => {
    const id = (await api(h.url, 'POST', '/api/meetings', { session: admin, json: { title: 'bad' } })).body.id as string;
    const rows = rosterRows(4);
    rows[2] = ['', '东区代表团', '1排9号']; // row 3: no name
    rows[4] = ['代表4', '城关代表团', '1排1号']; // row 5: seat of row 2
    const file = csv(rows);
    const preview = await importRoster(id, file);
    const errors = preview.body.errors as { row: number; reason: string }[];
    expect(errors.map((e) => [e.row, e.reason])).toEqual([
      [3, 'MISSING_NAME'],
      [5, 'DUPLICATE_SEAT'],
    ]);
    const refused = await importRoster(id, file, '&commit=1');
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ ok: false, error: 'IMPORT_ERRORS' });
    expect((await get(id)).roster).toHaveLength(0);

    const good = await importRoster(id, file, '&commit=1&goodRowsOnly=1');
    expect(good.status).toBe(200);
    expect((await get(id)).roster.map((d) => d.name)).toEqual(['代表1', '代表3']);
  });

  it('[P8] a file that is not a table is refused as a whole, even with goodRowsOnly', async () => {
    const id = (await api(h.url, 'POST', '/api/meetings', { session: admin, json: { title: 'junk' } })).body.id as string;
    const r = await importRoster(id, Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), '&commit=1&goodRowsOnly=1');
    expect(r.status).toBe(422);
    expect((r.body.errors as { row: number }[])[0]?.row).toBe(0);
  });

  it('[P3] re-importing keeps the ids and links of the same people and revokes the removed', async () => {
    const id = await meetingWithRoster(h.url, admin, 3);
    const before = await links(h.url, admin, id);
    const rows = rosterRows(3);
    rows.splice(1, 1, ['新代表', '北区代表团', '9排9号']); // 代表1 goes, 新代表 comes
    expect((await importRoster(id, csv(rows), '&commit=1')).status).toBe(200);
    const { roster } = await get(id);
    expect(roster.map((d) => [d.id, d.name])).toEqual([
      ['d004', '新代表'],
      ['d002', '代表2'],
      ['d003', '代表3'],
    ]);
    const after = await links(h.url, admin, id);
    expect(after.find((l) => l.deputyId === 'd002')?.url).toBe(before.find((l) => l.deputyId === 'd002')?.url);
    expect(after.find((l) => l.deputyId === 'd001')).toBeUndefined();
  });

  it('[P2] the roster is locked once a vote exists, and a checked-in deputy cannot be removed', async () => {
    const id = await meetingWithRoster(h.url, admin, 3);
    const agenda = [{ id: 'm1', kind: 'motion', title: '表决', settings: {} }];
    expect((await api(h.url, 'PUT', `/api/meetings/${id}/agenda`, { session: admin, json: { agenda } })).status).toBe(200);
    const con = track(consoleOf(h.url, admin, id));
    await con.until((v) => v.meeting.id === id);
    expect(await command(con, { type: 'checkIn', deputyId: 'd001' })).toEqual({ ok: true });
    const without1 = rosterRows(3).filter((r) => r[0] !== '代表1');
    expect((await importRoster(id, csv(without1), '&commit=1')).body).toMatchObject({ error: 'ROSTER_LOCKED' });
    const plusOne = [...rosterRows(3), ['代表9', '东区代表团', '5排5号']];
    expect((await importRoster(id, csv(plusOne), '&commit=1')).status).toBe(200);
    const v = await con.until((x) => x.roster.length === 4);
    expect(v.turnout.present).toBe(1); // the check-in followed the id
    expect(await command(con, { type: 'startRound', itemId: 'm1', confirmNoQuorum: true, countdownSec: 0 })).toEqual({ ok: true });
    expect((await importRoster(id, csv(plusOne), '&commit=1')).body).toMatchObject({ error: 'ROSTER_LOCKED' });
  });
});

describe('agenda, projects and subjects', () => {
  const projectsItem = { id: 'p1', kind: 'projects', title: '民生实事', settings: { adopt: 1 }, projects: [{ id: 'x', name: '占位' }] };

  it('[P4] items are added, reordered and removed; an item with votes stays', async () => {
    const id = await meetingWithRoster(h.url, admin, 3);
    const m1 = { id: 'm1', kind: 'motion', title: '一', settings: {} };
    const m2 = { id: 'm2', kind: 'motion', title: '二', settings: { secret: false } };
    const put = (agenda: unknown[]) => api(h.url, 'PUT', `/api/meetings/${id}/agenda`, { session: admin, json: { agenda } });
    expect((await put([m1, m2, projectsItem])).status).toBe(200);
    expect((await put([m2, m1])).status).toBe(200);
    expect((await get(id)).agenda.map((it) => it.id)).toEqual(['m2', 'm1']);
    expect((await put([m1, m1])).body).toMatchObject({ error: 'DUPLICATE_ID' });
    expect((await put([{ ...m1, kind: 'rating' }])).body).toMatchObject({ error: 'BAD_REQUEST' });

    const con = track(consoleOf(h.url, admin, id));
    await con.until((v) => v.meeting.id === id);
    expect(await command(con, { type: 'startRound', itemId: 'm1', confirmNoQuorum: true, countdownSec: 0 })).toEqual({ ok: true });
    expect((await put([m2])).body).toMatchObject({ ok: false, error: 'ITEM_LOCKED' });
    expect((await put([{ ...m1, settings: { secret: false } }, m2])).body).toMatchObject({ error: 'ITEM_LOCKED' });
    expect((await put([m2, { ...m1, title: '一（修改标题）' }])).status).toBe(200);
  });

  it('[P9] candidate projects and rating subjects import into their item', async () => {
    const id = await meetingWithRoster(h.url, admin, 3);
    const rating = { id: 'r1', kind: 'rating', title: '测评', settings: {}, subjects: [{ id: 'x', name: '占位' }] };
    await api(h.url, 'PUT', `/api/meetings/${id}/agenda`, { session: admin, json: { agenda: [projectsItem, rating] } });
    const projects = csv([['项目名称', '责任单位', '预算', '完成时限'], ['老旧小区改造', '市住建局', '3200 万元', '2026年底'], ['幼儿园学位', '市教育局', '1800 万元', '2026年9月']]);
    const p = await api(h.url, 'POST', `/api/meetings/${id}/import/projects?filename=p.csv&commit=1&itemId=p1`, { session: admin, raw: projects });
    expect(p.status).toBe(200);
    const subjects = await xlsx([['单位名称', '负责人', '职务'], ['市住建局', '李明', '局长']]);
    expect((await api(h.url, 'POST', `/api/meetings/${id}/import/subjects?filename=s.xlsx&commit=1&itemId=r1`, { session: admin, raw: subjects })).status).toBe(200);
    const wrong = await api(h.url, 'POST', `/api/meetings/${id}/import/subjects?filename=s.xlsx&commit=1&itemId=p1`, { session: admin, raw: subjects });
    expect(wrong.body).toMatchObject({ error: 'WRONG_KIND' });
    const { agenda } = await get(id);
    expect(agenda[0]).toMatchObject({ projects: [{ name: '老旧小区改造', department: '市住建局', budget: '3200 万元' }, { name: '幼儿园学位' }] });
    expect(agenda[1]).toMatchObject({ subjects: [{ name: '市住建局', person: '李明', title: '局长' }] });
  });

  it('[P10] templates download as XLSX and CSV without a login', async () => {
    const x = await api(h.url, 'GET', '/api/templates/roster.xlsx');
    expect(x).toMatchObject({ status: 200, body: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } });
    const c = await fetch(`${h.url}/api/templates/projects.csv`);
    expect(Buffer.from(await c.arrayBuffer()).toString('utf8').startsWith('\uFEFF项目名称')).toBe(true);
    expect((await api(h.url, 'GET', '/api/templates/other.csv')).status).toBe(404);
  });
});

describe('meetings', () => {
  it('[P6] duplicate copies roster and agenda with new links, no check-ins and no rounds', async () => {
    const id = await meetingWithRoster(h.url, admin, 3);
    const con = track(consoleOf(h.url, admin, id));
    await con.until((v) => v.meeting.id === id);
    await command(con, { type: 'checkIn', deputyId: 'd001' });
    const dup = await api(h.url, 'POST', `/api/meetings/${id}/duplicate`, { session: admin, json: { title: '副本会议' } });
    expect(dup.status).toBe(201);
    const copy = dup.body.id as string;
    expect((await get(copy)).roster).toEqual((await get(id)).roster);
    const [a, b] = [await links(h.url, admin, id), await links(h.url, admin, copy)];
    expect(b).toHaveLength(3);
    expect(b.some((l) => a.some((x) => x.url === l.url))).toBe(false);
    const scr = track(screenOf(h.url, copy));
    expect((await scr.until((v) => v.meeting.id === copy)).turnout).toMatchObject({ roster: 3, present: 0 });
  });

  it('[N4] the documents\' settings: place, issuer, first notice number, time zone; an empty text clears one; a duplicate keeps them', async () => {
    const id = await meetingWithRoster(h.url, admin, 3);
    const patch = (json: object) => api(h.url, 'PATCH', `/api/meetings/${id}`, { session: admin, json });
    expect((await patch({ place: '县人民会堂', issuer: '××县人大主席团', noticeFrom: 7, timeZone: 'Asia/Urumqi' })).status).toBe(200);
    const settings = async (m = id) => ((await get(m)) as unknown as { meeting: { settings: Record<string, unknown> } }).meeting.settings;
    expect(await settings()).toEqual({ quorum: 'half', place: '县人民会堂', issuer: '××县人大主席团', noticeFrom: 7, timeZone: 'Asia/Urumqi' });
    expect((await patch({ timeZone: 'Mars/Olympus' })).status).toBe(400);
    expect((await patch({ place: '' })).status).toBe(200);
    expect(await settings()).not.toHaveProperty('place');
    const dup = await api(h.url, 'POST', `/api/meetings/${id}/duplicate`, { session: admin, json: { title: '副本会议' } });
    expect(await settings(dup.body.id as string)).toMatchObject({ issuer: '××县人大主席团', noticeFrom: 7 });
  });

  it('[P1] an archived meeting leaves the list and refuses commands until restored', async () => {
    const id = await meetingWithRoster(h.url, admin, 3);
    const con = track(consoleOf(h.url, admin, id));
    await con.until((v) => v.meeting.id === id);
    expect((await api(h.url, 'POST', `/api/meetings/${id}/archive`, { session: admin, json: { archived: true } })).status).toBe(200);
    const list = async (q = '') => ((await api(h.url, 'GET', `/api/meetings${q}`, { session: admin })).body.meetings as { id: string; archived: boolean }[]).map((m) => m.id);
    expect(await list()).not.toContain(id);
    expect(await list('?all=1')).toContain(id);
    expect(await command(con, { type: 'checkIn', deputyId: 'd001' })).toEqual({ ok: false, error: 'ARCHIVED' });
    expect((await api(h.url, 'PATCH', `/api/meetings/${id}`, { session: admin, json: { title: 'x' } })).body).toMatchObject({ error: 'ARCHIVED' });
    expect((await api(h.url, 'POST', `/api/meetings/${id}/activate`, { session: admin })).body).toMatchObject({ error: 'ARCHIVED' });
    await api(h.url, 'POST', `/api/meetings/${id}/archive`, { session: admin, json: { archived: false } });
    expect(await command(con, { type: 'checkIn', deputyId: 'd001' })).toEqual({ ok: true });
  });

  it('[Q1] the quorum rule is a setting: more than half, or two thirds of the roster', async () => {
    const id = await meetingWithRoster(h.url, admin, 9);
    const scr = track(screenOf(h.url, id));
    const con = track(consoleOf(h.url, admin, id));
    await con.until((v) => v.meeting.id === id);
    for (const d of ['d001', 'd002', 'd003', 'd004']) await command(con, { type: 'checkIn', deputyId: d });
    expect((await scr.until((v) => v.turnout.present === 4)).turnout).toMatchObject({ roster: 9, absent: 5, quorumNeeded: 5, quorum: false });
    await command(con, { type: 'checkIn', deputyId: 'd005' });
    expect((await scr.until((v) => v.turnout.present === 5)).turnout).toMatchObject({ quorum: true });
    await api(h.url, 'PATCH', `/api/meetings/${id}`, { session: admin, json: { quorum: 'twoThirds' } });
    expect((await scr.until((v) => v.turnout.quorumNeeded === 6)).turnout.quorum).toBe(false);
    await command(con, { type: 'checkIn', deputyId: 'd006' });
    expect((await scr.until((v) => v.turnout.present === 6)).turnout.quorum).toBe(true);
    // The console's own view must have caught up too, or its last view (present 5 under the old
    // rule, quorum true) would answer the wait below before the undo's view arrives.
    await con.until((v) => v.turnout.present === 6);
    expect(await command(con, { type: 'undoCheckIn', deputyId: 'd006' })).toEqual({ ok: true });
    expect((await con.until((v) => v.turnout.present === 5)).turnout.quorum).toBe(false);
    expect(await emit(con.socket, 'command', { type: 'undoCheckIn', deputyId: 'nobody' })).toEqual({ ok: false, error: 'NOT_FOUND' });
  });
});
