// The record a clerk signs, end to end (issue #13), in the demo meeting (30 deputies):
// a motion started without quorum shows 未达法定人数 on the big screen; a rating set to show
// at close appears on the screen at close; a tie for the last seat is run off, and the run-off
// round's own result lists only its candidates (console, CSV, XLSX); a two-thirds item labels
// a short project 未达三分之二 and its empty seat 空缺（未达票数）. Screens at 1920x1080.
import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { startBuiltServer, type RunningServer } from './server.js';
import { addAgendaItem, linkUrls, loginApi, moderator, openConsole, openScreen, shot, socketDeputy } from './kinds-helpers.js';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startBuiltServer();
});
test.afterAll(async () => {
  await server?.stop();
});

const projects = (id: string, title: string, threshold: 'half' | 'twoThirds', ids: string[]) => ({
  id,
  kind: 'projects',
  title,
  settings: { adopt: 2, base: 'present', threshold, visibility: 'turnout', countdownSec: 0 },
  projects: ids.map((p, i) => ({ id: p, name: `民生项目${i + 1}${p.toUpperCase()}`, department: '市住建局' })),
});

/** Read the console's download (a blob link) as text or bytes. */
async function download(con: Page, testId: string): Promise<Buffer> {
  const [d] = await Promise.all([con.waitForEvent('download'), con.getByTestId(testId).click()]);
  return readFile((await d.path()) ?? '');
}

test('run-off, two thirds, a rating at close and a vote without quorum, on the screen and in the exports', async ({ browser }) => {
  test.setTimeout(180_000);
  const session = await loginApi(server.url);
  await addAgendaItem(server.url, session, projects('rec-p', '再次投票测试：民生实事项目', 'half', ['a', 'b', 'c', 'd']));
  await addAgendaItem(server.url, session, projects('rec-23', '三分之二测试：民生实事项目', 'twoThirds', ['e', 'f']));
  await addAgendaItem(server.url, session, { id: 'rec-mo', kind: 'motion', title: '法定人数测试：表决某决议', settings: { visibility: 'live', countdownSec: 0 } });
  await addAgendaItem(server.url, session, {
    id: 'rec-rate',
    kind: 'rating',
    title: '闭幕时公布的满意度测评',
    settings: { visibility: 'turnout', countdownSec: 0 },
    subjects: [{ id: 'rs1', name: '市水利局', person: '周某某', title: '局长' }],
  });
  const mod = await moderator(server.url, session);
  const links = await linkUrls(server.url, session);
  const screen = await openScreen(browser, server.url);

  // 0. The item editor sets the rating's weights and 整改 line (R13): 基本满意 70, above 30%.
  const con = await openConsole(browser, server.url);
  await con.goto('/console?meeting=demo&tab=prepare');
  await con.getByTestId('tab-prepare').click();
  const rateRow = con.locator('[data-testid^="agenda-item-"]').filter({ hasText: '闭幕时公布的满意度测评' });
  await rateRow.getByRole('button', { name: '编辑' }).click();
  await expect(rateRow.getByTestId('item-weight-satisfied')).toHaveValue('100');
  await rateRow.getByTestId('item-weight-basic').fill('70');
  await rateRow.getByTestId('item-flag-above').fill('30');
  await rateRow.getByTestId('item-form').locator('select').last().selectOption('latest');
  await shot(con, 'console-record-item-weights');
  await con.getByTestId('agenda-save').click();
  await expect(con.getByTestId('agenda-editor')).toContainText('议程已保存');
  await con.getByTestId('tab-live').click();

  // 1. Three of 30 present, 16 needed: the moderator confirms and the motion is void.
  const few = await Promise.all(links.slice(0, 3).map((l) => socketDeputy(server.url, l)));
  await mod.run({ type: 'setScene', scene: { kind: 'voting', itemId: 'rec-mo' } });
  await mod.run({ type: 'startRound', itemId: 'rec-mo', countdownSec: 0, confirmNoQuorum: true });
  const mo = await mod.activeRound();
  for (const d of few) await d.vote(mo, { kind: 'motion', choice: 'for' });
  await mod.run({ type: 'close', roundId: mo });
  await mod.run({ type: 'setScene', scene: { kind: 'result', itemId: 'rec-mo' } });
  await expect(screen.getByTestId('result-outcome')).toHaveText('未达法定人数');
  await expect(screen.getByTestId('result-rule')).toHaveText('未达法定人数时开始，表决无效');
  await expect(screen.getByTestId('scene-result')).not.toContainText('通过');
  // The result builds in (the outcome last, at 0.9 s + 0.5 s): shoot it built.
  await screen.waitForTimeout(1600);
  await shot(screen, 'screen-record-no-quorum');

  // Twenty present from here on (quorum met).
  const deps = [...few, ...(await Promise.all(links.slice(3, 20).map((l) => socketDeputy(server.url, l))))];

  // 2. A rating shown at close: at close the voting scene shows its figures, no reveal needed.
  await mod.run({ type: 'setScene', scene: { kind: 'voting', itemId: 'rec-rate' } });
  await mod.run({ type: 'startRound', itemId: 'rec-rate', countdownSec: 0 });
  const rr = await mod.activeRound();
  for (const [i, d] of deps.entries()) await d.vote(rr, { kind: 'rating', ratings: { rs1: i < 15 ? 'satisfied' : i < 18 ? 'basic' : 'unsatisfied' } });
  await expect(screen.getByTestId('rating-chart')).toHaveCount(0);
  await mod.run({ type: 'close', roundId: rr });
  await expect(screen.getByTestId('scene-voting').getByTestId('rating-chart')).toBeVisible();
  await expect(screen.getByTestId('rating-bar-rs1')).toContainText('90.0%');
  // 15 满意, 3 基本满意 at the edited weight 70, 2 不满意: (1500 + 210) / 20
  await expect(screen.getByTestId('rating-bar-rs1')).toContainText('85.50');
  await shot(screen, 'screen-record-rating-at-close');

  // 3. a 14, b 13, c 13, d 0 of 20 present (11 needed): a adopted, b and c tie for the last seat.
  await mod.run({ type: 'setScene', scene: { kind: 'voting', itemId: 'rec-p' } });
  await mod.run({ type: 'startRound', itemId: 'rec-p', countdownSec: 0 });
  const first = await mod.activeRound();
  for (const [i, d] of deps.entries()) await d.vote(first, { kind: 'select', picks: i < 7 ? ['a', 'b'] : i < 14 ? ['a', 'c'] : ['b', 'c'] });
  await mod.run({ type: 'close', roundId: first });
  // Shown at close in the voting scene too (B13), with the tie's seat named as such.
  await expect(screen.getByTestId('scene-voting').getByTestId('projects-unfilled')).toHaveText('1 个名额待再次投票（同票）');
  await screen.waitForTimeout(800);
  await shot(screen, 'screen-record-projects-at-close');
  await mod.run({ type: 'setScene', scene: { kind: 'result', itemId: 'rec-p' } });
  await expect(screen.getByTestId('projects-unfilled')).toHaveText('1 个名额待再次投票（同票）');
  await mod.run({ type: 'runoff', roundId: first, countdownSec: 0 });
  const ro = await mod.activeRound();
  for (const [i, d] of deps.entries()) await d.vote(ro, { kind: 'select', picks: [i < 12 ? 'c' : 'b'] });
  await mod.run({ type: 'close', roundId: ro });
  await mod.run({ type: 'setScene', scene: { kind: 'result', itemId: 'rec-p' } });
  const chart = screen.getByTestId('projects-chart');
  const label = (re: RegExp) => chart.locator('text').filter({ hasText: re });
  await expect(label(/^13\s+再次投票 12\s+入选$/)).toHaveCount(1);
  await expect(label(/^13\s+再次投票 8\s+未入选$/)).toHaveCount(1);
  await expect(screen.getByTestId('projects-unfilled')).toHaveCount(0);
  await screen.waitForTimeout(1200);
  await shot(screen, 'screen-record-runoff-final');

  // The console's round view: the run-off's own result (two candidates, one seat), then the final list.
  await mod.run({ type: 'showItem', itemId: 'rec-p' });
  const own = con.getByTestId('runoff-own');
  await expect(own.locator('tbody tr')).toHaveCount(2);
  await expect(own.getByTestId('console-projects-rule')).toHaveText('再次投票：2 个项目争 1 个名额，得票多者入选');
  await expect(own).not.toContainText('未过半数');
  await shot(con, 'console-record-runoff');

  // 4. Two thirds of 20 present: 14 needed. e 20, f 12: f is short of two thirds, a seat stays empty.
  await mod.run({ type: 'setScene', scene: { kind: 'voting', itemId: 'rec-23' } });
  await mod.run({ type: 'startRound', itemId: 'rec-23', countdownSec: 0 });
  const tt = await mod.activeRound();
  for (const [i, d] of deps.entries()) await d.vote(tt, { kind: 'select', picks: i < 12 ? ['e', 'f'] : ['e'] });
  await mod.run({ type: 'close', roundId: tt });
  await mod.run({ type: 'setScene', scene: { kind: 'result', itemId: 'rec-23' } });
  await expect(screen.getByTestId('scene-result').locator('text').filter({ hasText: /^12\s+未达三分之二$/ })).toHaveCount(1);
  await expect(screen.getByTestId('projects-unfilled')).toHaveText('空缺 1 个名额（未达票数）');
  await expect(screen.getByTestId('projects-rule')).toContainText('须达三分之二 14 票');
  await screen.waitForTimeout(1200);
  await shot(screen, 'screen-record-two-thirds');

  // The downloads: the run-off's own section, and the two-thirds labels, in CSV and XLSX.
  const csv = (await download(con, 'export-csv')).toString('utf8').split('\r\n');
  const at = csv.findIndex((l) => l.startsWith('第 2 轮,再次投票'));
  expect(csv.slice(at + 1, at + 6)).toEqual([
    '投票数,20,有效票,20,无效票,0,应选,1,空缺,0',
    '规则,再次投票：2 个项目争 1 个名额，得票多者入选',
    '名次,项目,承办部门,预算,完成时限,得票,再次投票得票,状态',
    '1,民生项目3C,市住建局,,,12,,入选',
    '2,民生项目2B,市住建局,,,8,,未入选',
  ]);
  expect(csv).toContain('2,民生项目2F,市住建局,,,12,,未达三分之二');
  expect(csv).toContain('计分权重,满意 100 · 基本满意 70 · 不满意 0,整改线,不满意率超过 30%,排名规则,按得分排序');
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  const xlsx = await download(con, 'export-xlsx');
  await wb.xlsx.load(xlsx.buffer.slice(xlsx.byteOffset, xlsx.byteOffset + xlsx.byteLength) as ArrayBuffer);
  const sheet = wb.worksheets.find((w) => w.name.includes('三分之二测试'));
  const rows = Array.from(sheet?.getSheetValues() ?? [], (r) => (Array.isArray(r) ? r.slice(1) : []));
  expect(rows.find((r) => r[1] === '民生项目2F')?.at(-1)).toBe('未达三分之二');
  expect(rows.find((r) => r[0] === '规则')).toEqual(['规则', '须达到实到人数的三分之二：14 票', '空缺 1 个名额（未达票数）']);
  const pSheet = wb.worksheets.find((w) => w.name.includes('再次投票测试'));
  const pRows = Array.from(pSheet?.getSheetValues() ?? [], (r) => (Array.isArray(r) ? r.slice(1) : []));
  const roAt = pRows.findIndex((r) => r[0] === '第 2 轮' && r[1] === '再次投票');
  expect(pRows.slice(roAt + 4).map((r) => [r[1], r.at(-1)])).toEqual([
    ['民生项目3C', '入选'],
    ['民生项目2B', '未入选'],
  ]);
  for (const d of deps) d.close();
});
