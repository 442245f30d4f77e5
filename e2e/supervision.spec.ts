// After the vote (#18): a real rating flags two departments; the staff open their cases on the
// supervision register, print a 督办通知书 (A4 page and PDF, text read back with pdftotext),
// record a plan and two progress reports with a photo; then the test clock moves on and the case
// whose notice never went out turns 逾期, first in the list and in red.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { linkUrls, loginApi, moderator, SHOTS, shot, socketDeputy } from './kinds-helpers.js';
import { ADMIN_PASSWORD, startBuiltServer, type RunningServer } from './server.js';

const DAY = 86_400_000;
let server: RunningServer;
let clockFile = '';
test.beforeAll(async () => {
  clockFile = join(SHOTS, '..', `clock-${process.pid}`);
  await mkdir(SHOTS, { recursive: true });
  writeFileSync(clockFile, '0');
  server = await startBuiltServer({ TEST_CLOCK_FILE: clockFile });
});
test.afterAll(async () => {
  await server?.stop();
});

const RATING = 'rating-departments';
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

function pdfText(buf: Buffer, name: string): string {
  const file = join(SHOTS, name);
  writeFileSync(file, buf);
  return execFileSync('pdftotext', [file, '-']).toString('utf-8').replace(/\s+/g, '');
}

async function register(browser: Browser, url: string): Promise<Page> {
  const ctx = await browser.newContext({ baseURL: url, viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  const page = await ctx.newPage();
  await page.addInitScript(() => {
    window.print = () => undefined;
  });
  await page.goto('/supervision');
  await signIn(page);
  return page;
}

async function signIn(page: Page): Promise<void> {
  await page.getByTestId('login-username').fill('admin');
  await page.getByTestId('login-password').fill(ADMIN_PASSWORD);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('sv-page')).toBeVisible();
}

test('a rating flags two departments → cases → 督办通知书 → plan and progress with a photo → one case overdue on the test clock', async ({ browser }) => {
  test.setTimeout(180_000);
  const session = await loginApi(server.url);
  const mod = await moderator(server.url, session);
  const links = await linkUrls(server.url, session);
  const deputies = await Promise.all(links.slice(0, 16).map((l) => socketDeputy(server.url, l)));

  // 16 deputies rate five departments; 住建局 and 交通运输局 get 不满意 from 6 of 16 (37.5% > 20%).
  await mod.run({ type: 'startRound', itemId: RATING, countdownSec: 0 });
  const rid = await mod.activeRound();
  for (const [i, d] of deputies.entries()) {
    const poor = i < 6 ? 'unsatisfied' : 'satisfied';
    await d.vote(rid, { kind: 'rating', ratings: { 'dept-housing': poor, 'dept-transport': i < 6 ? 'unsatisfied' : 'basic', 'dept-environment': 'satisfied', 'dept-education': 'satisfied', 'dept-health': 'basic' } });
  }
  await mod.run({ type: 'close', roundId: rid });

  const page = await register(browser, server.url);
  // The administrator names the issuing body once (the settings panel; operators do not see it).
  await page.getByTestId('sv-issuer').fill('某某市人大常委会');
  await page.getByTestId('sv-settings-save').click();
  await expect(page.getByTestId('sv-settings')).toContainText('已保存');
  await expect(page.getByTestId('sv-rating-item')).toContainText('电视问政满意度测评');
  await page.getByTestId('sv-rating-item').selectOption(`demo/${RATING}`);
  await page.getByTestId('sv-lead').fill('常委会财经工委');
  await page.getByTestId('sv-open-submit').click();
  await expect(page.getByTestId('sv-open-note')).toHaveText('已立案 2 件');
  const rows = page.getByTestId('sv-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('市住建局');
  await expect(rows.nth(1)).toContainText('市交通运输局');
  await expect(rows.nth(0)).toContainText('待通知');

  // The housing case: its questions came from the segment; the staff type the commitments.
  const caseId = (await rows.nth(0).getAttribute('data-case')) ?? '';
  await rows.nth(0).click();
  const detail = page.getByTestId('sv-detail');
  await expect(detail).toContainText('老旧小区改造进度滞后');
  await expect(page.getByTestId('sv-figures')).toContainText('不满意率 37.5%');
  await page.getByTestId('sv-commitments').fill('年底前完成城东片区雨污分流改造\n加装电梯审批压缩至 30 个工作日');
  await page.getByTestId('sv-save').click();
  await expect(page.getByTestId('sv-note')).toHaveText('已保存');
  await page.getByTestId('sv-issue').click();
  await expect(page.getByTestId('sv-detail-status')).toHaveText('整改中');
  await shot(page, 'supervision-case');

  // The A4 page, printed to PDF by Chromium, and the server's PDF: the same words in both.
  await page.getByTestId('sv-print').click();
  await expect(page.getByTestId('notice-doc')).toContainText('督办通知书');
  await shot(page, 'supervision-notice-a4');
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const printed = pdfText(await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }), 'supervision-notice-print.pdf');
  const res = await fetch(`${server.url}/api/supervision/notices/${caseId}.pdf`, { headers: { authorization: `Bearer ${session}` } });
  expect(res.headers.get('content-type')).toBe('application/pdf');
  const served = pdfText(Buffer.from(await res.arrayBuffer()), 'supervision-notice.pdf');
  for (const text of [printed, served]) {
    for (const s of ['督办通知书', '〕1号', '市住建局', '常委会财经工委领衔督办', '年底前完成城东片区雨污分流改造', '加装电梯审批压缩至30个工作日', '老旧小区改造进度滞后', '不满意率为37.5%', '某某市人大常委会']) expect(text).toContain(s);
  }

  // Back on the register: a plan, then two progress reports, the first with a photo.
  await page.goBack();
  await expect(page.getByTestId('sv-detail')).toBeVisible();
  const plan = page.getByTestId('sv-form-recordPlan');
  await plan.getByTestId('sv-report-text').fill('整改方案：三个小区年底前完工，电梯审批并联办理');
  await plan.getByTestId('sv-report-submit').click();
  await expect(page.getByTestId('sv-report')).toHaveCount(1);
  const progress = page.getByTestId('sv-form-recordProgress');
  await progress.getByTestId('sv-report-text').fill('雨污分流已完成两处');
  await progress.getByTestId('sv-report-files').setInputFiles({ name: '施工现场.png', mimeType: 'image/png', buffer: PNG });
  await progress.getByTestId('sv-report-submit').click();
  await expect(page.getByTestId('sv-report')).toHaveCount(2);
  await page.getByTestId('sv-form-recordProgress').getByTestId('sv-report-text').fill('第三处开工');
  await page.getByTestId('sv-form-recordProgress').getByTestId('sv-report-submit').click();
  await expect(page.getByTestId('sv-report')).toHaveCount(3);
  await expect(page.locator('.sv-thumb')).toHaveCount(1);
  expect(await page.locator('.sv-thumb').evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(1);
  await expect(page.getByTestId('sv-timeline').locator('li')).toHaveCount(6); // opened, edited, notice, plan, 2 progress

  // Ten days on: the transport case never got its notice (due 5 working days after opening).
  writeFileSync(clockFile, String(10 * DAY));
  await expect.poll(async () => (await fetch(`${server.url}/api/health`)).ok).toBe(true);
  await page.waitForTimeout(300); // the server re-reads the clock file within 50 ms
  await page.goto('/supervision');
  // The session expired with the days: the server refuses it and the page asks to sign in again.
  await expect(page.getByTestId('login-submit')).toBeVisible();
  await signIn(page);
  await expect(rows.nth(0)).toHaveAttribute('data-status', 'overdue');
  await expect(rows.nth(0)).toContainText('市交通运输局');
  await expect(rows.nth(0)).toContainText('督办通知书未按时发出');
  await expect(rows.nth(1)).toHaveAttribute('data-status', 'rectifying');
  await shot(page, 'supervision-overdue');
  for (const d of deputies) d.close();
  mod.socket.close();

  // 回头看 at a later meeting: the review item made from both cases, on a new meeting's agenda.
  const admin = await loginApi(server.url);
  const auth = { authorization: `Bearer ${admin}` };
  const ids = [caseId, (await rows.nth(0).getAttribute('data-case')) ?? ''];
  const item = ((await (await fetch(`${server.url}/api/supervision/review-item?cases=${ids.join(',')}&itemId=review`, { headers: auth })).json()) as { item: unknown }).item;
  const created = (await (await fetch(`${server.url}/api/meetings`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ title: '市人大常委会第十四次会议', date: '2027年3月5日', quorum: 'half' }) })).json()) as { id: string };
  const roster = ['姓名,代表团,座位', ...Array.from({ length: 10 }, (_, i) => `代表${i + 1},城关代表团,1排${i + 1}号`)].join('\r\n') + '\r\n';
  expect((await fetch(`${server.url}/api/meetings/${created.id}/import/roster?filename=r.csv&commit=1`, { method: 'POST', headers: { ...auth, 'content-type': 'application/octet-stream' }, body: roster })).status).toBe(200);
  expect((await fetch(`${server.url}/api/meetings/${created.id}/agenda`, { method: 'PUT', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ agenda: [item] }) })).status).toBe(200);
  expect((await fetch(`${server.url}/api/meetings/${created.id}/activate`, { method: 'POST', headers: auth })).status).toBe(200);
  const later = (await (await fetch(`${server.url}/api/meetings/${created.id}/links`, { headers: auth })).json()) as { links: { url: string }[] };
  const voters = await Promise.all(later.links.map((l) => socketDeputy(server.url, l.url)));
  const mod2 = await moderator(server.url, admin);
  await mod2.run({ type: 'startRound', itemId: 'review', countdownSec: 0 });
  const rid2 = await mod2.activeRound();
  const [housing = '', transport = ''] = ['rv-' + ids[0], 'rv-' + ids[1]];
  for (const [i, d] of voters.entries()) await d.vote(rid2, { kind: 'rating', ratings: { [housing]: i < 9 ? 'satisfied' : 'basic', [transport]: i < 4 ? 'satisfied' : i < 6 ? 'basic' : 'unsatisfied' } });
  await mod2.run({ type: 'close', roundId: rid2 });
  await mod2.run({ type: 'reveal', roundId: rid2 });
  await mod2.run({ type: 'setScene', scene: { kind: 'review', itemId: 'review' } });
  const screenCtx = await browser.newContext({ baseURL: server.url, viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
  const screen = await screenCtx.newPage();
  await screen.goto(`/screen?meeting=${created.id}`);
  const reviewRows = screen.getByTestId('review-row');
  await expect(reviewRows).toHaveCount(2);
  await expect(reviewRows.nth(0)).toContainText('市住建局');
  await expect(reviewRows.nth(0)).toContainText('62.5%');
  await expect(reviewRows.nth(0)).toContainText('100.0%');
  await expect(reviewRows.nth(0)).toContainText('+37.5');
  await expect(reviewRows.nth(1)).toContainText('60.0%');
  await shot(screen, 'supervision-review-screen');

  // The register shows the same before and after on the case.
  await page.goto(`/supervision?case=${caseId}`);
  await expect(page.getByTestId('sv-review')).toContainText('满意率 62.5%，得分 62.50');
  await expect(page.getByTestId('sv-review')).toContainText('满意率 100.0%，得分 96.00');
  await page.getByTestId('sv-review').scrollIntoViewIfNeeded();
  await shot(page, 'supervision-review-register');
  for (const d of voters) d.close();
  mod2.socket.close();
});
