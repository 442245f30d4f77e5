// Integration: the record of a named vote (记名表决) and what a secret one never has, through
// the real server: console view, screen scene, results.json, CSV and XLSX (read back with
// exceljs); and the exports' local time, numeric cells and 测评 labels. Rule ids: SPEC.md N1–N3.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AgendaItem, type BallotContent } from '../../shared/model.js';
import { NS } from '../../shared/protocol.js';
import type { MeetingReport } from '../../shared/report.js';
import type { ConsoleView, DeputyView, ScreenView } from '../../shared/views.js';
import { demoRoster } from '../demo.js';
import { command, connect, console_, deputy, emit, links, login, receipt, startServer, vote, type Client, type Harness, clientTracker, prepareMeeting } from '../test/harness.js';

const M = 'named';
// 07:30 on 5 March 2026 in Beijing, 23:30 on the 4th in UTC: a UTC timestamp shows the wrong day.
const BASE = Date.UTC(2026, 2, 4, 23, 30, 0);
const roster = demoRoster(5);
const agenda = [
  AgendaItem.parse({ id: 'm-named', kind: 'motion', title: '记名议案', settings: { secret: false, countdownSec: 0 } }),
  AgendaItem.parse({ id: 'm-secret', kind: 'motion', title: '无记名议案', settings: { secret: true, countdownSec: 0 } }),
  AgendaItem.parse({
    id: 'rate',
    kind: 'rating',
    title: '部门测评',
    settings: { secret: false, countdownSec: 0 },
    subjects: ['s1', 's2'].map((id) => ({ id, name: `部门${id}` })),
  }),
];

let h: Harness;
let session: string;
const clients = clientTracker();
const track = clients.track;

beforeEach(async () => {
  const t0 = Date.now();
  h = await startServer({ demoSize: 5, clock: () => BASE + (Date.now() - t0) });
  session = await login(h.url);
  await prepareMeeting(h, { at: BASE, meeting: { id: M, title: '记名会议', date: '2026年3月5日', settings: { quorum: 'half' as const } }, roster, agenda });
});
afterEach(async () => {
  clients.closeAll();
  await h.close();
});

/** Four of five check in (the fifth is 未到); returns the console and the four phones. */
async function sitting() {
  const con = track(console_(h.url, session, M));
  await con.until(() => true);
  const deps: Client<DeputyView>[] = [];
  for (const l of (await links(h.url, session, M)).slice(0, 4)) {
    const d = track(deputy(h.url, l.url));
    await d.until(() => true);
    expect(await emit(d.socket, 'checkIn', {})).toEqual({ ok: true });
    deps.push(d);
  }
  return { con, deps };
}

/** Runs one round on the item: the first phones cast the given ballots, the rest do not vote. */
async function held(con: Client<ConsoleView>, deps: Client<DeputyView>[], itemId: string, contents: BallotContent[]): Promise<string> {
  expect(await command(con, { type: 'startRound', itemId, countdownSec: 0 })).toEqual({ ok: true });
  const rid = (await con.until((v) => v.rounds.some((r) => r.itemId === itemId && r.status === 'open'))).rounds.find((r) => r.itemId === itemId)!.id;
  for (const [i, content] of contents.entries()) {
    await deps[i]!.until((v) => v.round?.id === rid);
    expect(await vote(deps[i]!, { roundId: rid, submissionId: `s-${receipt()}`, receipt: receipt(), content })).toMatchObject({ ok: true });
  }
  expect(await command(con, { type: 'close', roundId: rid })).toEqual({ ok: true });
  await con.until((v) => v.rounds.some((r) => r.id === rid && r.status === 'closed'));
  return rid;
}

const motion = (choice: 'for' | 'against' | 'abstain'): BallotContent => ({ kind: 'motion', choice });
const get = (ext: string) => fetch(`${h.url}/api/meetings/${M}/results.${ext}`, { headers: { authorization: `Bearer ${session}` } });

async function workbook() {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await (await get('xlsx')).arrayBuffer());
  return wb;
}

describe('named votes: every deputy with their choice, after close', () => {
  it('[N1] the console lists each deputy with 赞成/反对/弃权, 未按 for a present non-voter and 未到 for the absent', async () => {
    const { con, deps } = await sitting();
    const rid = await held(con, deps, 'm-named', [motion('for'), motion('against'), motion('abstain')]);
    const v = await con.until((x) => (x.rounds.find((r) => r.id === rid)?.named?.length ?? 0) > 0);
    const named = v.rounds.find((r) => r.id === rid)?.named ?? [];
    expect(named.map((r) => [r.deputyId, r.name, r.mark])).toEqual([
      ['d001', roster[0]!.name, 'for'],
      ['d002', roster[1]!.name, 'against'],
      ['d003', roster[2]!.name, 'abstain'],
      ['d004', roster[3]!.name, 'notVoted'],
      ['d005', roster[4]!.name, 'absent'],
    ]);
  });

  it('[N2] the CSV, the XLSX and results.json carry the list; the 记名表决 scene shows marks without ballot contents', async () => {
    const { con, deps } = await sitting();
    const rid = await held(con, deps, 'm-named', [motion('for'), motion('against'), motion('abstain')]);
    await held(con, deps, 'rate', [
      { kind: 'rating', ratings: { s1: 'satisfied', s2: 'basic' } },
      { kind: 'rating', ratings: { s1: 'unsatisfied', s2: 'basic' } },
    ]);
    const csv = await (await get('csv')).text();
    expect(csv).toContain('记名表决情况');
    expect(csv).toContain(`${roster[0]!.name},${roster[0]!.group},${roster[0]!.seat},赞成`);
    expect(csv).toContain(`${roster[3]!.name},${roster[3]!.group},${roster[3]!.seat},未按`);
    expect(csv).toContain(`${roster[0]!.name},${roster[0]!.group},${roster[0]!.seat},部门s1：满意；部门s2：基本满意`);

    const wb = await workbook();
    const sheet = wb.worksheets.find((w) => w.name.includes('记名议案'))!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows).toContainEqual([roster[1]!.name, roster[1]!.group, roster[1]!.seat, '反对']);
    expect(rows).toContainEqual([roster[4]!.name, roster[4]!.group, roster[4]!.seat, '未到']);

    const json = (await (await get('json')).json()) as { report: MeetingReport };
    const round = json.report.items.find((i) => i.item.id === 'm-named')?.rounds[0];
    expect(round?.named?.map((r) => r.mark)).toEqual(['for', 'against', 'abstain', 'notVoted', 'absent']);

    const scr = track(connect<ScreenView>(h.url, NS.screen, { meetingId: M }));
    expect(await command(con, { type: 'setScene', scene: { kind: 'named', itemId: 'm-named' } })).toEqual({ ok: true });
    const sv = await scr.until((x) => x.scene.kind === 'named' && (x.named?.length ?? 0) > 0);
    expect(sv.round?.id).toBe(rid);
    expect(sv.named?.map((r) => [r.name, r.mark, r.ballot])).toEqual(roster.map((d, i) => [d.name, ['for', 'against', 'abstain', 'notVoted', 'absent'][i], null]));
  });

  it('[N1] a secret round has no list anywhere: console, results.json, CSV, XLSX, the screen scene', async () => {
    const { con, deps } = await sitting();
    const rid = await held(con, deps, 'm-secret', [motion('for'), motion('against'), motion('abstain')]);
    expect(await command(con, { type: 'reveal', roundId: rid })).toEqual({ ok: true });
    const v = await con.until((x) => x.rounds.some((r) => r.id === rid && r.revealed));
    expect(v.rounds.find((r) => r.id === rid)?.named ?? null).toBeNull();
    const json = (await (await get('json')).json()) as { report: MeetingReport };
    expect(json.report.items.find((i) => i.item.id === 'm-secret')?.rounds[0]?.named ?? null).toBeNull();
    const csv = await (await get('csv')).text();
    expect(csv).not.toContain('记名表决情况');
    for (const d of roster) expect(csv).not.toContain(d.name);
    const wb = await workbook();
    wb.eachSheet((ws) => ws.eachRow((row) => expect(JSON.stringify(row.values)).not.toContain(roster[0]!.name)));

    const scr = track(connect<ScreenView>(h.url, NS.screen, { meetingId: M }));
    expect(await command(con, { type: 'setScene', scene: { kind: 'named', itemId: 'm-secret' } })).toEqual({ ok: true });
    const sv = await scr.until((x) => x.scene.kind === 'named' && x.round?.id === rid);
    expect(sv.named ?? null).toBeNull();
    expect(JSON.stringify(sv)).not.toContain(roster[0]!.name);
  });
});

describe('exports: local time, numbers, 测评', () => {
  it('[N3] times are the meeting\'s local time, 满意率 is a number formatted 0.0%, rating rounds read 测评', async () => {
    const { con, deps } = await sitting();
    await held(con, deps, 'rate', [
      { kind: 'rating', ratings: { s1: 'satisfied', s2: 'basic' } },
      { kind: 'rating', ratings: { s1: 'basic', s2: 'unsatisfied' } },
      { kind: 'rating', ratings: { s1: 'unsatisfied', s2: 'basic' } },
    ]);
    const csv = await (await get('csv')).text();
    expect(csv).toMatch(/导出时间,2026-03-05 07:3\d:\d\d\r\n/);
    expect(csv).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d/);
    expect(csv).toMatch(/第 1 轮,测评,已结束/);
    expect(csv).not.toMatch(/第 1 轮,表决/);

    const wb = await workbook();
    const sheet = wb.worksheets.find((w) => w.name.includes('部门测评'))!;
    let rate: { value: unknown; numFmt: string } | null = null;
    sheet.eachRow((row) => {
      if (row.getCell(1).value === '部门s1' && rate === null) {
        const c = row.getCell(7); // 满意 基本满意 不满意 有效票 → 满意率 is the 7th column (name, person, 3 levels, valid)
        rate = { value: c.value, numFmt: c.numFmt };
      }
    });
    expect(rate).toEqual({ value: 2 / 3, numFmt: '0.0%' });
    const cover = wb.worksheets[0]!;
    const times: unknown[] = [];
    cover.eachRow((row) => {
      if (row.getCell(1).value === '导出时间') times.push(row.getCell(2).value);
    });
    expect(String(times[0])).toMatch(/^2026-03-05 07:3\d:\d\d$/);
  });
});
