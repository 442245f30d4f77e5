// The console on air, as a director would fumble it: 结束投票, 作废 and a secret Reveal ask
// first (Enter never confirms), and a checked-in deputy's link is reissued without undoing the
// check-in, with the new link's QR code on the console for the phone to scan. Screenshots at
// 1440x900 land in test-results/screens/ (a copy in /tmp/wz-screens).
import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { linkUrls, loginApi, moderator, openConsole, shot, socketDeputy } from './kinds-helpers.js';
import { startBuiltServer, type RunningServer } from './server.js';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startBuiltServer();
});
test.afterAll(async () => {
  await server?.stop();
});

test('[desk] 结束投票 asks first, saying how many checked-in deputies have not voted; Enter does not confirm; void asks too', async ({ browser }) => {
  const session = await loginApi(server.url);
  const urls = await linkUrls(server.url, session);
  const deps = [];
  for (const u of urls.slice(0, 4)) deps.push(await socketDeputy(server.url, u));
  const mod = await moderator(server.url, session);
  const con = await openConsole(browser, server.url);
  await con.getByTestId('agenda-item-motion-budget').click();
  await con.getByTestId('start-round').click();
  await con.getByTestId('confirm-no-quorum').click();
  await expect(con.getByTestId('round-status')).toHaveText('投票中');
  const roundId = await mod.activeRound();
  await deps[0]!.vote(roundId, { kind: 'motion', choice: 'for' });

  await con.getByTestId('close-round').click();
  const ask = con.getByTestId('close-confirm');
  await expect(ask).toContainText('还有 3 位已签到的代表未投票（已投 1 人，实到 4 人）');
  await shot(con, 'desk-close-confirm');
  // Enter, pressed where the focus lands and on the action itself, does not close the vote.
  await con.keyboard.press('Enter');
  await expect(ask).toHaveCount(0);
  await expect(con.getByTestId('round-status')).toHaveText('投票中');
  await con.getByTestId('close-round').click();
  await con.getByTestId('confirm-close').focus();
  await con.keyboard.press('Enter');
  await expect(con.getByTestId('round-status')).toHaveText('投票中');
  await con.keyboard.press('Escape');
  await expect(ask).toHaveCount(0);

  // Void asks with the ballots it sets aside, and needs a reason.
  await con.getByTestId('void-open').click();
  const box = con.getByTestId('void-box');
  await expect(box).toContainText('已投的 1 票不计入结果');
  await expect(con.getByTestId('void-confirm')).toBeDisabled();
  await con.getByTestId('void-reason').fill('设备故障');
  await con.keyboard.press('Enter');
  await expect(con.getByTestId('round-status')).toHaveText('投票中');
  await shot(con, 'desk-void-confirm');
  await con.getByTestId('void-box-cancel').click();

  // Everyone votes: the box says so, and confirming closes.
  for (const d of deps.slice(1)) await d.vote(roundId, { kind: 'motion', choice: 'for' });
  await con.getByTestId('close-round').click();
  await expect(ask).toContainText('已签到的代表都已投票（4 人）');
  await con.getByTestId('confirm-close').click();
  await expect(con.getByTestId('reveal')).toBeVisible();
  for (const d of deps) d.close();
  mod.socket.close();
});

test('[desk] reissue for a checked-in deputy keeps 实到 and shows the new link as a QR code', async ({ browser }) => {
  const session = await loginApi(server.url);
  const urls = await linkUrls(server.url, session);
  const con = await openConsole(browser, server.url);
  await con.getByTestId('tab-checkin').click();
  const present = Number(await con.getByTestId('checkin-present').textContent());
  const fresh = await socketDeputy(server.url, urls[6]!);
  await expect(con.getByTestId('checkin-present')).toHaveText(String(present + 1));

  const row = con.getByTestId('present-list').locator('li').filter({ has: con.getByTestId('checkin-reissue') }).last();
  await row.getByTestId('checkin-reissue').click();
  await expect(con.getByTestId('reissue-bar')).toContainText('签到保留，实到人数不变');
  await con.getByTestId('reissue-confirm').click();
  const url = (await con.getByTestId('reissued-url').textContent()) ?? '';
  expect(url).toMatch(/\/d\/[A-Za-z0-9_-]+$/);
  const qr = con.getByTestId('reissue-bar').getByTestId('qr');
  await expect(qr).toBeVisible();
  await expect(qr).toHaveAttribute('alt', url);
  await expect(con.getByTestId('checkin-present')).toHaveText(String(present + 1));
  await qr.scrollIntoViewIfNeeded();
  await shot(con, 'desk-reissue-qr');
  fresh.close();
});

/** The text of a PDF, as poppler's pdftotext reads it. */
async function pdfText(pdf: Buffer): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'wz-desk-pdf-'));
  try {
    await writeFile(join(dir, 'p.pdf'), pdf);
    return execFileSync('pdftotext', ['-layout', join(dir, 'p.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test('[desk] each printable page prints itself: the QR sheet has the deputies’ cards in it, the results report its record', async ({ browser }) => {
  const session = await loginApi(server.url);
  const con = await openConsole(browser, server.url);
  const roster = ((await (await fetch(`${server.url}/api/meetings/demo`, { headers: { authorization: `Bearer ${session}` } })).json()) as { roster: { name: string }[] }).roster;

  await con.goto('/console?meeting=demo&print=qr');
  await expect(con.getByTestId('qr-card')).toHaveCount(roster.length);
  await con.emulateMedia({ media: 'print' });
  const qrText = await pdfText(await con.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
  for (const d of roster.slice(0, 12)) expect(qrText).toContain(d.name);
  for (const p of qrText.split('\f').slice(0, -1)) expect(p.trim()).not.toBe('');
  expect(qrText).toContain('演示会议');
  await con.emulateMedia({ media: null });

  // The results report, opened from the live console, prints its own record and nothing else.
  await con.goto('/console?meeting=demo');
  await con.getByTestId('print-report').click();
  await expect(con.getByTestId('report-sheet')).toBeVisible();
  const reportText = await pdfText(await con.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
  expect(reportText).toContain('表决结果报告');
  expect(reportText).not.toContain('出席情况'); // the console behind it is not printed
  // No blank pages: the console behind the report takes no room on paper.
  const pages = reportText.split('\f').filter((p, i, all) => i < all.length - 1 || p.trim() !== '');
  expect(pages.length).toBeGreaterThan(0);
  for (const p of pages) expect(p.trim()).not.toBe('');
});

test('[desk] every console page says which meeting the screen shows, and offers to switch to its own', async ({ browser }) => {
  const session = await loginApi(server.url);
  const made = await fetch(`${server.url}/api/meetings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${session}` },
    body: JSON.stringify({ title: '市十七届人大常委会第六次会议', date: '2026年12月1日', quorum: 'half' }),
  });
  const { id } = (await made.json()) as { id: string };
  const con = await openConsole(browser, server.url);
  await con.goto(`/console?meeting=${id}&tab=live`);
  const bar = con.getByTestId('screen-meeting');
  await expect(bar).toHaveClass(/is-other/);
  await expect(con.getByTestId('screen-meeting-title')).toHaveText('演示会议 · 市人大常委会第十二次会议');
  await expect(con.getByTestId('screen-meeting-other')).toContainText('市十七届人大常委会第六次会议');
  for (const tab of ['checkin', 'prepare', 'live']) {
    await con.getByTestId(`tab-${tab}`).click();
    await expect(bar).toBeVisible();
  }
  await shot(con, 'desk-screen-meeting-other');

  await con.getByTestId('screen-meeting-switch').click();
  await expect(bar).toHaveClass(/is-same/);
  await expect(con.getByTestId('screen-meeting-title')).toHaveText('市十七届人大常委会第六次会议');
  const screenPage = await (await browser.newContext({ baseURL: server.url, viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' })).newPage();
  await screenPage.goto('/screen');
  await expect(screenPage.getByText('市十七届人大常委会第六次会议').first()).toBeVisible();
  await shot(con, 'desk-screen-meeting-same');

  // Back to the demo for the other tests, from the demo's own console.
  await con.goto('/console?meeting=demo');
  await expect(bar).toHaveClass(/is-other/);
  await con.getByTestId('screen-meeting-switch').click();
  await expect(bar).toHaveClass(/is-same/);
});

test('[desk] cueing a scene with nothing to show warns before it can be taken; shortcuts cue, take, step the rundown and start/stop its timer, never while typing', async ({ browser }) => {
  const session = await loginApi(server.url);
  const mod = await moderator(server.url, session);
  await mod.run({ type: 'showItem', itemId: null });
  await mod.run({ type: 'setScene', scene: { kind: 'title' } });
  const con = await openConsole(browser, server.url);
  await expect(con.getByTestId('shortcut-legend')).toContainText('切换到下一画面');
  const live = con.getByTestId('preview-live');
  await expect(live).toHaveAttribute('data-scene', 'title');

  // 6 cues the result scene: no current item, so the first press only says so.
  await con.locator('body').click({ position: { x: 5, y: 300 } });
  await con.keyboard.press('6');
  await expect(con.getByTestId('scene-error')).toContainText('没有当前事项');
  await expect(con.getByTestId('preview-next')).toHaveCount(0);
  await con.keyboard.press('6'); // the second press goes ahead
  await expect(con.getByTestId('preview-next')).toHaveAttribute('data-scene', 'result');
  await expect(con.getByTestId('cue-warning')).toContainText('没有当前事项');

  // Take (T) asks first; Enter lands on cancel; confirming takes it.
  await con.keyboard.press('t');
  await expect(con.getByTestId('take-confirm')).toBeVisible();
  await con.getByTestId('scene-panel').scrollIntoViewIfNeeded();
  await shot(con, 'desk-cue-warning');
  await con.keyboard.press('Enter');
  await expect(con.getByTestId('take-confirm')).toHaveCount(0);
  await expect(live).toHaveAttribute('data-scene', 'title');
  await con.keyboard.press('t');
  await con.getByTestId('confirm-take').click();
  await expect(live).toHaveAttribute('data-scene', 'result');

  // Typing in the message line, or a key with Shift held, fires nothing.
  await con.getByTestId('scene-message-input').fill('');
  await con.getByTestId('scene-message-input').pressSequentially('t1n');
  await expect(con.getByTestId('scene-message-input')).toHaveValue('t1n');
  await con.locator('body').click({ position: { x: 5, y: 300 } });
  await con.keyboard.press('Shift+1');
  await expect(con.getByTestId('preview-next')).toHaveCount(0);
  await expect(live).toHaveAttribute('data-scene', 'result');
  await expect(con.getByTestId('rundown-now')).toContainText('未开始');

  // N steps the rundown (intro, then the first question with its timer); S stops and starts it.
  await con.keyboard.press('n');
  await expect(con.getByTestId('rundown-now')).toContainText('环节介绍');
  await con.keyboard.press('n');
  await expect(con.getByTestId('timer-pause')).toBeVisible();
  await con.keyboard.press('s');
  await expect(con.getByTestId('timer-resume')).toBeVisible();
  await con.keyboard.press('s');
  await expect(con.getByTestId('timer-pause')).toBeVisible();

  // The segment's rating without a quorum asks in the same box, saying the figures.
  await con.getByTestId('rundown-panel').locator('[data-testid$="-rating"]').first().click();
  await expect(con.getByTestId('rundown-quorum')).toContainText('未达法定人数');
  await con.keyboard.press('Enter'); // focus is on cancel
  await expect(con.getByTestId('rundown-quorum')).toHaveCount(0);
  mod.socket.close();
});

test('[desk] wording: 问政环节 not "segment", 使用这些测评对象, the import preview shows its rows, the 法定人数 choice fits; a segment’s department is its rating subject', async ({ browser }) => {
  const con = await openConsole(browser, server.url);
  await con.goto('/console?meeting=demo&tab=prepare');
  const editor = con.getByTestId('agenda-editor');
  await expect(editor).toContainText('问政环节');
  await expect(editor.locator('.agenda-editor__kind').filter({ hasText: /^segment$/ })).toHaveCount(0);

  // A new segment: its rating rates the department typed, and says so; the rating's own form too.
  await con.getByTestId('agenda-add-segment').click();
  await con.getByTestId('segment-department-input').fill('市水务局');
  await expect(con.getByTestId('segment-subject-note')).toContainText('测评对象：市水务局');
  const items = editor.locator('.agenda-editor__list > li');
  const last = items.last();
  await last.getByRole('button', { name: '编辑' }).click();
  await expect(last.getByTestId('subjects-from-segment')).toBeVisible();
  await expect(last).toContainText('市水务局');
  await con.getByTestId('agenda-save').click();
  await expect(editor).toContainText('议程已保存');
  const session = await loginApi(server.url);
  const agenda = ((await (await fetch(`${server.url}/api/meetings/demo`, { headers: { authorization: `Bearer ${session}` } })).json()) as { agenda: { kind: string; subjects?: { name: string }[] }[] }).agenda;
  expect(agenda.at(-1)?.subjects?.map((s) => s.name)).toEqual(['市水务局']);

  // Subjects imported into a rating item: the rows are shown, the button speaks of 测评对象.
  await con.getByTestId('agenda-add-rating').click();
  const csv = '单位名称,负责人,职务\n市教育局,张某,局长\n市卫健委,李某,主任\n市民政局,王某,局长\n';
  await con.getByTestId('import-file-subjects').setInputFiles({ name: '测评对象.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(con.getByTestId('import-summary')).toHaveText('文件无误，共 3 行。');
  const rows = con.getByTestId('import-rows');
  await expect(rows).toContainText('市卫健委');
  await expect(rows.locator('tbody tr')).toHaveCount(3);
  await expect(con.getByTestId('import-commit')).toHaveText('使用这些测评对象');
  await rows.scrollIntoViewIfNeeded();
  await shot(con, 'desk-import-preview');

  // The new-meeting form: the 法定人数 choice is as wide as its longest option.
  await con.getByTestId('meeting-new').click();
  const quorums = con.getByTestId('meeting-quorum'); // the new meeting's form and the open meeting's
  await expect(quorums.last()).toBeVisible();
  for (const quorum of await quorums.all()) {
    const fits = await quorum.evaluate((el: HTMLSelectElement) => {
      const probe = document.createElement('span');
      probe.style.font = getComputedStyle(el).font;
      probe.style.whiteSpace = 'nowrap';
      probe.style.position = 'absolute';
      document.body.append(probe);
      const widest = Math.max(...[...el.options].map((o) => ((probe.textContent = o.text), probe.getBoundingClientRect().width)));
      probe.remove();
      return { widest, box: el.clientWidth };
    });
    expect(fits.box).toBeGreaterThan(fits.widest + 24); // room for the text and the arrow
  }
  const quorum = quorums.last();
  await quorum.scrollIntoViewIfNeeded();
  await shot(con, 'desk-meeting-form');
});

test('[desk] the gallery shows the tokens, the components and every screen scene from sample data; a token change is seen everywhere at once', async ({ browser }) => {
  const ctx = await browser.newContext({ baseURL: server.url, viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  const page = await ctx.newPage();
  await page.goto('/console/gallery'); // no sign-in: sample data only
  await expect(page.getByTestId('gallery')).toBeVisible();
  expect(await page.getByTestId('gallery-colours').locator('li').count()).toBeGreaterThan(20);
  // One swatch per type-scale token declared in tokens.css (a new size shows up here by itself).
  const sizes = new Set(readFileSync('client/src/styles/tokens.css', 'utf8').match(/--fs-[\w-]+(?=:)/g) ?? []);
  await expect(page.getByTestId('gallery-type').locator('li')).toHaveCount(sizes.size);
  await expect(page.getByTestId('gallery-spacing').locator('li')).toHaveCount(8);
  await expect(page.getByTestId('gallery-radii').locator('li')).toHaveCount(6);
  await expect(page.getByTestId('gallery-confirm')).toBeVisible();
  const scenes = page.getByTestId('gallery-scenes').locator('.scene-preview');
  await expect(scenes).toHaveCount(12);
  await expect(page.getByTestId('gallery-scenes')).toContainText('休会 10 分钟');
  await expect(page.getByTestId('gallery-scenes')).toContainText('市住建局');
  await shot(page, 'desk-gallery');
  await page.getByTestId('gallery-scenes').scrollIntoViewIfNeeded();
  await shot(page, 'desk-gallery-scenes');

  // One token changed: the panel titles of the components and the buttons follow at once.
  const accent = () => page.locator('.panel__title').first().evaluate((el) => getComputedStyle(el).color);
  const before = await accent();
  await page.evaluate(() => document.documentElement.style.setProperty('--c-accent', 'rgb(0, 128, 0)'));
  expect(await accent()).toBe('rgb(0, 128, 0)');
  expect(before).not.toBe('rgb(0, 128, 0)');
  await ctx.close();
});
