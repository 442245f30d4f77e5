// Preparing and running a real meeting, as staff would: the administrator creates a meeting,
// imports a 60-deputy roster from an Excel file (one bad row, imported without it), prints
// the QR sheet (PDF download and the HTML page printed to PDF), deputies check in from their
// phones and staff check in the rest, a second phone is refused and the link reissued, and
// the big screen shows 应到 60 / 实到 n and the quorum. Screenshots: test-results/screens/.
import { expect, test, type Browser, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN_PASSWORD, startBuiltServer, type RunningServer } from './server.js';
import { loginApi } from './kinds-helpers.js';

let server: RunningServer;
let dir: string;
const SHOTS = join('test-results', 'screens');

test.beforeAll(async () => {
  server = await startBuiltServer();
  dir = await mkdtemp(join(tmpdir(), 'wz-prepare-'));
});
test.afterAll(async () => {
  await server?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢';
const GIVEN = ['建华', '秀兰', '志刚', '丽娟', '海峰', '国平', '红霞', '卫国', '晓东', '桂芳', '德胜', '玉梅'];
const GROUPS = ['城关代表团', '东区代表团', '西区代表团', '南区代表团', '北区代表团'];

/** 姓名 / 代表团 / 座位 / 联系电话 (ignored), 60 good rows and one without a name. */
async function rosterXlsx(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('代表名单');
  ws.addRow(['姓名', '代表团', '座位', '联系电话']);
  for (let i = 0; i < 60; i += 1) {
    if (i === 9) ws.addRow(['', GROUPS[0], '9排9号', '13800000000']);
    ws.addRow([`${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 5) % GIVEN.length]}`, GROUPS[i % GROUPS.length], `${Math.floor(i / 12) + 1}排${(i % 12) + 1}号`, `1390000${String(i).padStart(4, '0')}`]);
  }
  await wb.xlsx.writeFile(path);
}

const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;

/** Playwright clears its output folder when the run starts: make the folder on each save. */
async function save(name: string, data: Buffer): Promise<void> {
  await mkdir(SHOTS, { recursive: true });
  await writeFile(join(SHOTS, name), data);
}

async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage });
}

async function phone(browser: Browser, url: string): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
  const page = await ctx.newPage();
  await page.goto(url);
  return page;
}

test('prepare a meeting from a spreadsheet, print the QR sheet, check in, quorum on the screen', async ({ browser }) => {
  test.setTimeout(180_000);
  const consoleCtx = await browser.newContext({ baseURL: server.url, viewport: { width: 1440, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
  const con = await consoleCtx.newPage();
  await con.goto('/console?tab=prepare');
  await con.getByTestId('login-username').fill('admin');
  await con.getByTestId('login-password').fill(ADMIN_PASSWORD);
  await con.getByTestId('login-submit').click();

  // A new meeting; the console opens it.
  await con.getByTestId('tab-prepare').click();
  const meetings = con.getByTestId('meetings-panel');
  await meetings.getByTestId('meeting-new').click();
  await meetings.getByTestId('meeting-title').fill('市十七届人大常委会第五次会议');
  await meetings.getByTestId('meeting-date').fill('2026年11月24日');
  await meetings.getByTestId('meeting-submit').click();
  await con.waitForURL(/meeting=m[0-9a-f]+/);
  const meetingId = new URL(con.url()).searchParams.get('meeting') ?? '';
  await expect(con.getByTestId('console-meeting')).toHaveText('市十七届人大常委会第五次会议');

  // The roster from Excel: the preview names the bad row; import the 60 good ones.
  const xlsxPath = join(dir, '代表名单.xlsx');
  await rosterXlsx(xlsxPath);
  await con.getByTestId('import-file-roster').setInputFiles(xlsxPath);
  await expect(con.getByTestId('import-summary')).toHaveText('共 60 行可以导入，1 个问题');
  await expect(con.getByTestId('import-issues')).toContainText('缺少姓名或名称');
  await expect(con.getByTestId('import-issues')).toContainText('11');
  await expect(con.getByTestId('import-preview')).toContainText('联系电话');
  await shot(con, 'prepare-import-preview');
  await con.getByTestId('import-good-rows').click();
  await expect(con.getByTestId('import-done')).toHaveText('已导入 60 行。');
  await expect(con.getByTestId(`meeting-${meetingId}`)).toContainText('代表 60 人');

  // One motion on the agenda.
  await con.getByTestId('agenda-add-motion').click();
  await con.getByTestId('item-title').fill('表决《关于批准2026年市级预算调整方案的决议（草案）》');
  await con.getByTestId('agenda-save').click();
  await expect(con.getByTestId('agenda-editor')).toContainText('议程已保存');
  await shot(con, 'prepare-page', true);

  // The QR sheet as a PDF download: 60 cards, 12 a page.
  const [download] = await Promise.all([con.waitForEvent('download'), con.getByTestId('qr-pdf').click()]);
  const pdfPath = join(dir, 'qr.pdf');
  await download.saveAs(pdfPath);
  const pdf = await readFile(pdfPath);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdfPages(pdf)).toBe(5);
  await save('qr-sheet-download.pdf', pdf);

  // The HTML print view, printed to PDF by the browser.
  const sheet = await consoleCtx.newPage();
  await sheet.setViewportSize({ width: 900, height: 1200 });
  await sheet.goto(`/console?meeting=${meetingId}&print=qr`);
  await expect(sheet.getByTestId('qr-card')).toHaveCount(60);
  await expect(sheet.getByTestId('qr-page')).toHaveCount(5);
  await expect(sheet.getByTestId('qr-card').first()).toContainText('城关代表团');
  await shot(sheet, 'qr-sheet');
  const printed = await sheet.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  await save('qr-sheet-print.pdf', printed);
  expect(pdfPages(printed)).toBe(5);

  // Links as staff read them, and the big screen on the check-in scene.
  const session = await con.evaluate(() => (JSON.parse(localStorage.getItem('wz.console.session') ?? '{}') as { token?: string }).token ?? '');
  const res = await fetch(`${server.url}/api/meetings/${meetingId}/links`, { headers: { authorization: `Bearer ${session}` } });
  const links = ((await res.json()) as { links: { deputyId: string; name: string; url: string }[] }).links;
  expect(links).toHaveLength(60);

  await con.getByTestId('tab-live').click();
  await con.getByTestId('scene-cut-checkin').click();
  const screenCtx = await browser.newContext({ baseURL: server.url, viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
  const screen = await screenCtx.newPage();
  await screen.goto(`/screen?meeting=${meetingId}`);
  await expect(screen.getByTestId('screen-roster')).toHaveText('60');

  // Three deputies check in from their phones.
  const phones: Page[] = [];
  for (const l of links.slice(0, 3)) {
    const p = await phone(browser, l.url);
    await p.getByTestId('check-in').click();
    await expect(p.getByTestId('checked-in')).toBeVisible();
    phones.push(p);
  }
  await expect(screen.getByTestId('screen-present')).toHaveText('3');

  // A second phone opens the first deputy's link: refused, and the console shows it.
  const intruder = await phone(browser, links[0]!.url);
  await expect(intruder.getByTestId('see-staff')).toContainText('绑定另一部手机');
  await shot(intruder, 'phone-device-mismatch');
  await con.getByTestId('tab-checkin').click();
  await expect(con.getByTestId('refused-devices')).toContainText(links[0]!.name);

  // Staff check in 27 more by hand: 30 of 60 is not a quorum (more than half: 31).
  for (let n = 4; n <= 30; n += 1) {
    await con.getByTestId('absent-list').getByTestId('checkin-staff').first().click();
    await expect(con.getByTestId('checkin-present')).toHaveText(String(n)); // the list has moved on
  }
  await expect(con.getByTestId('checkin-announce')).toHaveText('应到 60 人，实到 30 人，不足法定人数（须 31 人）。');
  await expect(screen.getByTestId('screen-quorum')).toHaveClass(/is-not-met/);
  await shot(screen, 'screen-checkin-no-quorum');

  // One more phone and one more by staff, then undo one: 31 present, the quorum holds.
  const p4 = await phone(browser, links[40]!.url);
  await p4.getByTestId('check-in').click();
  await expect(p4.getByTestId('checked-in')).toBeVisible();
  await con.getByTestId('absent-list').getByTestId('checkin-staff').first().click();
  await expect(con.getByTestId('checkin-present')).toHaveText('32');
  await con.getByTestId('present-list').getByTestId('checkin-undo').last().click();
  await expect(con.getByTestId('checkin-announce')).toHaveText('应到 60 人，实到 31 人，符合法定人数。');
  await expect(screen.getByTestId('screen-present')).toHaveText('31');
  await expect(screen.getByTestId('screen-absent')).toHaveText('29');
  await expect(screen.getByTestId('screen-quorum')).toHaveClass(/is-met/);
  await shot(screen, 'screen-checkin-quorum');

  await con.evaluate(() => window.scrollTo(0, 0));
  await shot(con, 'console-checkin');

  // A second console on the live tab shows the first deputy's link in its roster.
  const live = await consoleCtx.newPage();
  await live.goto(`/console?meeting=${meetingId}&tab=live`);
  const liveLink = live.getByTestId(`roster-row-${links[0]!.deputyId}`).getByTestId('deputy-link');
  await expect(liveLink).toHaveText(links[0]!.url);

  // Reissue the first deputy's link: the phone holding it is cut off, the new link works.
  await con.getByTestId('refused-devices').getByRole('button').first().click();
  await con.getByTestId('reissue-confirm').click();
  const fresh = (await con.getByTestId('reissued-url').textContent()) ?? '';
  expect(fresh).toMatch(/\/d\/[A-Za-z0-9_-]+$/);
  await expect(phones[0]!.getByTestId('see-staff')).toBeVisible();
  await shot(con, 'console-reissued');
  await expect(liveLink).toHaveText(fresh); // the other console's roster follows, without a reload
  await live.close();
  await intruder.goto(fresh);
  await expect(intruder.getByTestId('checked-in')).toBeVisible(); // still present: the check-in belongs to the deputy
  await expect(con.getByTestId('refused-devices')).toHaveCount(0);
});

test('an operator signs in to the console without the 会议准备 tab (administrators only), and runs check-in', async ({ browser }) => {
  const session = await loginApi(server.url);
  const made = await fetch(`${server.url}/api/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${session}` },
    body: JSON.stringify({ username: 'clerk1', password: 'clerk-password-1', role: 'operator' }),
  });
  expect(made.status).toBe(201);
  const ctx = await browser.newContext({ baseURL: server.url, viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  const con = await ctx.newPage();
  await con.goto('/console?tab=prepare'); // a link to the prepare tab lands on 会议进行 for an operator
  await con.getByTestId('login-username').fill('clerk1');
  await con.getByTestId('login-password').fill('clerk-password-1');
  await con.getByTestId('login-submit').click();
  await expect(con.getByTestId('tab-live')).toBeVisible();
  await expect(con.getByTestId('tab-checkin')).toBeVisible();
  await expect(con.getByTestId('tab-prepare')).toHaveCount(0);
  await expect(con.getByTestId('tab-live')).toHaveAttribute('aria-selected', 'true');
  await con.getByTestId('tab-checkin').click();
  await expect(con.getByTestId('checkin-roster')).toBeVisible();
  await shot(con, 'console-operator');
  await ctx.close();
});
