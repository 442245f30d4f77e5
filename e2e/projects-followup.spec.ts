// Livelihood projects after the vote (#18): 27 deputies adopt ten projects in the demo meeting's
// 票决; the staff track them on the supervision page, add a milestone and mark it done, record two
// progress reports (one with a photo) and a deputies' visit; a project whose completion date the
// staff moved up goes 逾期 on the test clock; at the year's end a later meeting rates the
// projects' delivery from phones, and each project shows its 满意率 linked back to its vote.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { linkUrls, loginApi, moderator, openPhone, SHOTS, shot, socketDeputy } from './kinds-helpers.js';
import { ADMIN_PASSWORD, startBuiltServer, type RunningServer } from './server.js';

const DAY = 86_400_000;
let server: RunningServer;
let clockFile = '';
test.beforeAll(async () => {
  clockFile = join(SHOTS, '..', `clock-projects-${process.pid}`);
  await mkdir(SHOTS, { recursive: true });
  writeFileSync(clockFile, '0');
  server = await startBuiltServer({ TEST_CLOCK_FILE: clockFile });
});
test.afterAll(async () => {
  await server?.stop();
});

const ITEM = 'projects-2027';
const id = (n: number) => `prj${String(n).padStart(2, '0')}`;
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const HOUSING = '城区老旧小区改造提升工程';
const KINDERGARTEN = '新建和改扩建公办幼儿园';

async function signIn(page: Page): Promise<void> {
  await page.getByTestId('login-username').fill('admin');
  await page.getByTestId('login-password').fill(ADMIN_PASSWORD);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('sv-page')).toBeVisible();
}

async function register(browser: Browser, url: string): Promise<Page> {
  const ctx = await browser.newContext({ baseURL: url, viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  const page = await ctx.newPage();
  await page.goto('/supervision');
  await signIn(page);
  return page;
}

const dayAfter = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

test('a 票决 adopts projects → tracked → progress with a photo → a visit → one overdue on the test clock → delivery rated on phones, linked back to the vote', async ({ browser }) => {
  test.setTimeout(240_000);
  const session = await loginApi(server.url);
  const mod = await moderator(server.url, session);
  const links = await linkUrls(server.url, session);
  const deputies = await Promise.all(links.slice(0, 27).map((l) => socketDeputy(server.url, l)));

  // 27 of 30 vote: 20 tick prj01..prj10, 7 tick prj01..prj08 with prj11 and prj12 (below half of 30).
  await mod.run({ type: 'startRound', itemId: ITEM, countdownSec: 0 });
  const rid = await mod.activeRound();
  const first = [1, 2, 3, 4, 5, 6, 7, 8].map(id);
  for (const [i, d] of deputies.entries()) await d.vote(rid, { kind: 'select', picks: [...first, ...(i < 20 ? [id(9), id(10)] : [id(11), id(12)])] });
  await mod.run({ type: 'close', roundId: rid });
  for (const d of deputies) d.close();

  // The staff track the ten adopted projects.
  const page = await register(browser, server.url);
  await page.getByTestId('sv-tab-projects').click();
  await expect(page).toHaveURL(/tab=projects/);
  await expect(page.getByTestId('pj-item')).toContainText('2027年市级民生实事项目票决');
  await page.getByTestId('pj-lead').fill('常委会农工委');
  await page.getByTestId('pj-track-submit').click();
  await expect(page.getByTestId('pj-track-note')).toHaveText('已纳入跟踪 10 个项目');
  const rows = page.getByTestId('pj-row');
  await expect(rows).toHaveCount(10);
  await expect(page.getByTestId('pj-list')).not.toContainText('农贸市场标准化改造'); // prj11: not adopted
  await page.getByTestId('pj-track-submit').click();
  await expect(page.getByTestId('pj-track-note')).toHaveText('这些项目已经纳入跟踪');
  const today = (await page.getByTestId('sv-today').textContent())?.replace('今天：', '') ?? '';

  // The housing project: the vote that adopted it, a milestone done, two progress reports.
  await rows.filter({ hasText: HOUSING }).click();
  const detail = page.getByTestId('pj-detail');
  await expect(page.getByTestId('pj-vote')).toContainText('得票 27（有效票 27），第 1 名');
  await expect(detail).toContainText('3,200 万元（3200 万元）');
  await page.getByTestId('pj-milestone-title').fill('完成城东片区施工招标');
  await page.getByTestId('pj-milestone-due').fill(dayAfter(today, 3));
  await page.getByTestId('pj-milestone-submit').click();
  await expect(page.getByTestId('pj-milestones').locator('li')).toHaveCount(1);
  await page.getByTestId('pj-milestone-done').click();
  await expect(page.getByTestId('pj-milestones')).toContainText(`${today} 完成`);

  await page.getByTestId('pj-percent').fill('35');
  await page.getByTestId('pj-spent').fill('9000000');
  await page.getByTestId('pj-progress-text').fill('城东片区三个小区开工，雨污分流完成两处');
  // [U44] The report and the visit take what a case's report takes, and say so; a file of any
  // other kind is refused in words that name what would do.
  for (const form of ['pj-progress-form', 'pj-visit-form']) await expect(page.getByTestId(form).locator('label', { has: page.getByTestId('pj-files') })).toContainText('附件（照片、视频、PDF、Word）');
  await page.getByTestId('pj-progress-form').getByTestId('pj-files').setInputFiles({ name: '说明.txt', mimeType: 'text/plain', buffer: Buffer.from('施工说明') });
  await page.getByTestId('pj-progress-submit').click();
  await expect(page.getByTestId('pj-progress-form').getByRole('status')).toHaveText('只能上传照片（JPG、PNG、WebP）、视频（MP4、WebM）或文件（PDF、Word .docx）');
  await expect(page.getByTestId('pj-report')).toHaveCount(0);
  await page.getByTestId('pj-progress-form').scrollIntoViewIfNeeded();
  await shot(page, 'projects-progress-refused');
  await page.getByTestId('pj-progress-form').getByTestId('pj-files').setInputFiles({ name: '施工现场.png', mimeType: 'image/png', buffer: PNG });
  await page.getByTestId('pj-progress-submit').click();
  await expect(page.getByTestId('pj-report')).toHaveCount(1);
  await page.getByTestId('pj-percent').fill('60');
  await page.getByTestId('pj-spent').fill('15000000');
  await page.getByTestId('pj-progress-text').fill('加装电梯 12 部完工');
  await page.getByTestId('pj-progress-submit').click();
  await expect(page.getByTestId('pj-report')).toHaveCount(2);
  // A lower figure is a correction: the form asks why.
  await page.getByTestId('pj-percent').fill('55');
  await expect(page.getByTestId('pj-correction')).toBeVisible();
  await page.getByTestId('pj-percent').fill('60');
  await expect(page.getByTestId('pj-correction')).toBeHidden();
  await expect(page.getByTestId('pj-spent-total')).toHaveText('1,500 万元');
  await expect(page.locator('.sv-thumb')).toHaveCount(1);
  expect(await page.locator('.sv-thumb').evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(1);

  // Deputies visit it: two from the adopting meeting's roster, one typed, a photo.
  const visit = page.getByTestId('pj-visit-form');
  const roster = visit.getByTestId('pj-roster').locator('label');
  await expect(roster).toHaveCount(30);
  const names = [(await roster.nth(0).textContent())?.trim() ?? '', (await roster.nth(1).textContent())?.trim() ?? ''];
  await roster.nth(0).locator('input').check();
  await roster.nth(1).locator('input').check();
  await visit.getByTestId('pj-visit-typed').fill('市政协委员赵某');
  await visit.getByTestId('pj-visit-findings').fill('施工围挡不规范，夜间施工扰民，要求整改');
  await visit.getByTestId('pj-files').setInputFiles({ name: '视察.png', mimeType: 'image/png', buffer: PNG });
  await visit.getByTestId('pj-visit-submit').click();
  const visits = page.getByTestId('pj-visit');
  await expect(visits).toHaveCount(1);
  for (const n of [...names, '市政协委员赵某', '施工围挡不规范']) await expect(visits.first()).toContainText(n);
  await expect(page.locator('.sv-thumb')).toHaveCount(2);
  await expect(page.getByTestId('pj-timeline').locator('li')).toHaveCount(6); // tracked, milestone, done, 2 progress, visit
  await expect(rows.filter({ hasText: HOUSING })).toContainText('60%');
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, 'projects-detail');
  await visits.first().scrollIntoViewIfNeeded();
  await shot(page, 'projects-detail-visit');

  // The kindergarten project: the staff bring its completion date forward to five days on.
  await rows.filter({ hasText: KINDERGARTEN }).click();
  await page.getByTestId('pj-completion').fill(dayAfter(today, 5));
  await page.getByTestId('pj-save').click();
  await expect(page.getByTestId('pj-note')).toHaveText('已保存');

  // Ten days on: it is overdue, first in the list and in red; the housing project is not.
  writeFileSync(clockFile, String(10 * DAY));
  await expect.poll(async () => (await fetch(`${server.url}/api/health`)).ok).toBe(true);
  await page.waitForTimeout(300); // the server re-reads the clock file within 50 ms
  await page.goto('/supervision?tab=projects');
  await expect(page.getByTestId('login-submit')).toBeVisible(); // the session expired with the days
  await signIn(page);
  await expect(rows.nth(0)).toHaveAttribute('data-status', 'overdue');
  await expect(rows.nth(0)).toContainText(KINDERGARTEN);
  await expect(rows.nth(0)).toContainText('未按期完成');
  await expect(rows.filter({ hasText: HOUSING })).toHaveAttribute('data-status', 'inProgress');
  await expect(page.getByTestId('pj-counts')).toHaveText('逾期 1 · 未开工 8 · 实施中 1 · 已完成 0');
  await shot(page, 'projects-overdue');

  // Year end: a later meeting, the delivery rating of all ten put on its agenda from this page.
  const admin = await loginApi(server.url);
  const auth = { authorization: `Bearer ${admin}` };
  const created = (await (await fetch(`${server.url}/api/meetings`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ title: '市人大常委会第二十次会议', date: '2027年12月25日', quorum: 'half' }) })).json()) as { id: string };
  const csv = ['姓名,代表团,座位', ...Array.from({ length: 10 }, (_, i) => `代表${i + 1},城关代表团,1排${i + 1}号`)].join('\r\n') + '\r\n';
  expect((await fetch(`${server.url}/api/meetings/${created.id}/import/roster?filename=r.csv&commit=1`, { method: 'POST', headers: { ...auth, 'content-type': 'application/octet-stream' }, body: csv })).status).toBe(200);
  await page.reload();
  await page.getByTestId('pj-delivery-meeting').selectOption(created.id);
  await page.getByTestId('pj-delivery-submit').click();
  await expect(page.getByTestId('pj-delivery-note')).toHaveText('已将 10 个项目的测评加入议程');
  const agenda = ((await (await fetch(`${server.url}/api/meetings/${created.id}`, { headers: auth })).json()) as { agenda: { id: string; kind: string; subjects: { id: string; name: string }[]; deliveries: { trackedId: string; votes: number }[] }[] }).agenda;
  const item = agenda[0];
  expect(item?.kind).toBe('rating');
  expect(item?.deliveries.every((d) => d.votes >= 20)).toBe(true);
  expect((await fetch(`${server.url}/api/meetings/${created.id}/activate`, { method: 'POST', headers: auth })).status).toBe(200);

  // Three deputies rate on their phones, seven from sockets: the kindergarten gets 不满意 from five.
  const later = ((await (await fetch(`${server.url}/api/meetings/${created.id}/links`, { headers: auth })).json()) as { links: { url: string }[] }).links;
  const phones = [];
  for (const l of later.slice(0, 3)) phones.push(await openPhone(browser, l.url));
  const voters = await Promise.all(later.slice(3).map((l) => socketDeputy(server.url, l.url)));
  const mod2 = await moderator(server.url, admin);
  await mod2.run({ type: 'startRound', itemId: item?.id ?? '', countdownSec: 0 });
  const rid2 = await mod2.activeRound();
  const subjects = item?.subjects ?? [];
  const kinder = subjects.find((s) => s.name.includes(KINDERGARTEN))?.id ?? '';
  for (const [i, phone] of phones.entries()) {
    await expect(phone.getByTestId('rating-progress')).toHaveText(`第 1 / ${subjects.length} 项`);
    if (i === 0) await shot(phone, 'projects-delivery-phone');
    for (const s of subjects) await phone.getByTestId(`level-${s.id === kinder ? 'unsatisfied' : 'satisfied'}`).click();
    await phone.getByTestId('confirm-submit').click();
    await expect(phone.getByTestId('submitted')).toContainText('已提交');
  }
  for (const [i, d] of voters.entries()) {
    await d.vote(rid2, { kind: 'rating', ratings: Object.fromEntries(subjects.map((s) => [s.id, s.id === kinder ? (i < 2 ? 'unsatisfied' : 'basic') : i < 4 ? 'satisfied' : 'basic'])) });
  }
  await mod2.run({ type: 'close', roundId: rid2 });

  // Each project now shows its delivery rating, and the vote that adopted it.
  await page.reload();
  await expect(rows.filter({ hasText: HOUSING })).toContainText('100.0%');
  await expect(rows.filter({ hasText: KINDERGARTEN })).toContainText('50.0%');
  await rows.filter({ hasText: KINDERGARTEN }).click();
  await expect(page.getByTestId('pj-delivery')).toContainText('市人大常委会第二十次会议');
  expect(subjects[0]?.name).toContain('城区老旧小区改造'); // the vote's rank order: prj01 first
  await expect(page.getByTestId('pj-delivery')).toContainText('满意率 50.0%');
  await expect(page.getByTestId('pj-vote')).toContainText('2027年市级民生实事项目票决，得票 27');
  await shot(page, 'projects-delivery');
  for (const d of voters) d.close();
  mod.socket.close();
  mod2.socket.close();
});
