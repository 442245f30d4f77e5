// The walking skeleton, as people would do it: the moderator signs in, three deputies open
// their personal links on phones and check in, a motion vote runs from the phones to the big
// screen, and the revealed result is right. Screenshots go to test-results/screens/ for a
// human look (Chinese text must render with the self-hosted font, nothing clipped).
import { expect, test, type Browser, type Page } from '@playwright/test';
import { join } from 'node:path';
import { ADMIN_PASSWORD, startBuiltServer, type RunningServer } from './server.js';

let server: RunningServer;

test.beforeAll(async () => {
  server = await startBuiltServer();
});

test.afterAll(async () => {
  await server?.stop();
});

const SHOTS = join('test-results', 'screens');

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  // Let entrance builds and dissolves finish: the picture a viewer sees, not a frame mid-fade.
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
  );
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

/** The CJK font is self-hosted; without it the test machine draws boxes. */
async function expectChineseFont(page: Page, sample: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const ok = await page.evaluate((s) => document.fonts.check(`700 32px "Noto Sans SC"`, s), sample);
  expect(ok, 'Noto Sans SC loaded for Chinese text').toBe(true);
}

async function signIn(browser: Browser): Promise<Page> {
  const ctx = await browser.newContext({ baseURL: server.url, viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  const con = await ctx.newPage();
  await con.goto('/console');
  await con.getByTestId('login-username').fill('admin');
  await con.getByTestId('login-password').fill(ADMIN_PASSWORD);
  await con.getByTestId('login-submit').click();
  await expect(con.getByTestId('agenda-panel')).toBeVisible();
  return con;
}

async function openPhone(browser: Browser, url: string): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
  const page = await ctx.newPage();
  await page.goto(url);
  return page;
}

test('a motion vote from three phones reaches the big screen', async ({ browser }) => {
  test.setTimeout(180_000); // roomy: CI machines run several suites at once
  const started = Date.now();

  // The moderator signs in on a laptop-sized console.
  const con = await signIn(browser);
  await expect(con.getByTestId('console-roster')).toHaveText('30');

  // The big screen in its own 1920x1080 context.
  const screenCtx = await browser.newContext({ baseURL: server.url, viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
  const screen = await screenCtx.newPage();
  await screen.goto('/screen');
  await expect(screen.getByTestId('screen-roster')).toHaveText('30');

  // Three personal links, read from the console's roster as staff would.
  const links = con.getByTestId('deputy-link');
  await expect(links.first()).toBeVisible();
  const urls = (await links.evaluateAll((as) => as.slice(0, 3).map((a) => a.getAttribute('href') ?? ''))).filter(Boolean);
  expect(urls).toHaveLength(3);

  const phones: Page[] = [];
  for (const [i, url] of urls.entries()) {
    const phone = await openPhone(browser, url);
    await expect(phone.getByTestId('check-in')).toBeVisible();
    if (i === 0) await shot(phone, 'phone-check-in');
    await phone.getByTestId('check-in').click();
    await expect(phone.getByTestId('checked-in')).toBeVisible();
    phones.push(phone);
  }
  await expect(screen.getByTestId('screen-present')).toHaveText('3');
  await expect(con.getByTestId('console-present')).toHaveText('3');

  // Start the vote on the first item; 3 of 30 present is no quorum, so confirm.
  await con.getByTestId('agenda-item-motion-budget').click();
  await con.getByTestId('countdown-input').fill('300');
  await con.getByTestId('start-round').click();
  await expect(con.getByTestId('quorum-confirm')).toBeVisible();
  await con.getByTestId('confirm-no-quorum').click();
  await expect(con.getByTestId('round-status')).toHaveText('投票中');

  const [p1, p2, p3] = phones;
  if (!p1 || !p2 || !p3) throw new Error('three phones');
  await expect(p1.getByTestId('choice-for')).toBeVisible();
  await expectChineseFont(p1, '赞成反对弃权');
  await shot(p1, 'phone-voting');

  const choices = [
    [p1, 'for', '赞成'],
    [p2, 'for', '赞成'],
    [p3, 'against', '反对'],
  ] as const;
  for (const [phone, choice, word] of choices) {
    await phone.getByTestId(`choice-${choice}`).click();
    await expect(phone.getByTestId('confirm-choice')).toHaveText(word);
    if (phone === p3) await shot(phone, 'phone-confirm');
    await phone.getByTestId('confirm-submit').click();
    await expect(phone.getByTestId('submitted')).toContainText('已提交');
    await expect(phone.getByTestId('submitted-choice')).toHaveText(word);
    await expect(phone.getByTestId('receipt')).toHaveText(/^[A-Z2-9]{4} [A-Z2-9]{4}$/);
  }
  await shot(p3, 'phone-submitted');

  // While open the screen shows turnout 3 / 3 (and, this item being 'live', the tallies; being
  // secret, in steps of 10 ballots, so none counted yet: SPEC W7).
  await expect(screen.getByTestId('screen-voted')).toHaveText('3');
  await expect(screen.getByTestId('screen-voted-present')).toHaveText('3');
  await expect(screen.getByTestId('screen-live-chart')).toBeVisible();
  await expect(screen.getByText('每满 10 票更新')).toBeVisible();
  await expectChineseFont(screen, '表决实到应到');
  await shot(screen, 'screen-voting');

  // A phone reloaded after voting still knows it has voted, and what and with which receipt.
  const receipt = await p1.getByTestId('receipt').textContent();
  await p1.reload();
  await expect(p1.getByTestId('submitted')).toContainText('已提交');
  await expect(p1.getByTestId('submitted-choice')).toHaveText('赞成');
  await expect(p1.getByTestId('receipt')).toHaveText(receipt ?? '');
  // The language is in the phone's settings sheet (off the main screen since #14).
  await p1.getByTestId('settings').click();
  await p1.getByTestId('lang-en').click();
  await p1.getByTestId('settings-close').click();
  await expect(p1.getByTestId('submitted')).toContainText('Submitted');
  await expect(p1.getByTestId('submitted-choice')).toHaveText('For');
  await shot(p1, 'phone-submitted-en');

  // Close and reveal.
  await con.getByTestId('close-round').click();
  await con.getByTestId('confirm-close').click(); // 结束投票 asks first
  await expect(p2.getByText('投票已结束')).toBeVisible();
  await expect(p2.getByTestId('submitted')).toBeVisible();
  await shot(p2, 'phone-closed');
  await con.getByTestId('reveal').click();
  await expect(con.getByTestId('revealed')).toBeVisible();

  await expect(screen.getByTestId('result-for')).toHaveText('2');
  await expect(screen.getByTestId('result-against')).toHaveText('1');
  await expect(screen.getByTestId('result-abstain')).toHaveText('0');
  await expect(screen.getByTestId('result-notVoted')).toHaveText('0');
  // Three of 30 present: the vote was started without quorum (confirmed), so it is not valid
  // (SPEC Q3): neither 通过 nor 未通过.
  await expect(screen.getByTestId('result-outcome')).toHaveText('未达法定人数');
  await expect(screen.getByTestId('result-rule')).toHaveText('未达法定人数时开始，表决无效');
  await expect(con.getByTestId('console-outcome')).toContainText('未达法定人数');
  await shot(screen, 'screen-result');
  await expectChineseFont(con, '主持人控制台');
  await shot(con, 'console');

  test.info().annotations.push({ type: 'duration', description: `${Date.now() - started} ms` });
});

test('a bad link shows a clear see-staff page, in English with ?lang=en', async ({ browser }) => {
  const zh = await openPhone(browser, `${server.url}/d/AAAAAAAAAAAAAAAAAAAAAA`);
  await expect(zh.getByTestId('see-staff')).toContainText('请联系工作人员');
  const en = await openPhone(browser, `${server.url}/d/AAAAAAAAAAAAAAAAAAAAAA?lang=en`);
  await expect(en.getByTestId('see-staff')).toContainText('Please see staff');
  await shot(zh, 'phone-bad-link');
  // The choice is remembered for the phone role: without ?lang the page stays English.
  await en.goto(`${server.url}/d/AAAAAAAAAAAAAAAAAAAAAA`);
  await expect(en.getByTestId('see-staff')).toContainText('Please see staff');
});

test('the big screen and console speak English when asked', async ({ browser }) => {
  const ctx = await browser.newContext({ baseURL: server.url, viewport: { width: 1920, height: 1080 } });
  const screen = await ctx.newPage();
  await screen.goto('/screen?lang=en');
  // The first test left its revealed result on the screen.
  await expect(screen.getByTestId('result-outcome')).toHaveText('No quorum');
  await shot(screen, 'screen-en');
  const con = await ctx.newPage();
  await con.setViewportSize({ width: 1440, height: 900 });
  await con.goto('/console');
  await con.getByTestId('login-password').fill('wrong-password');
  await con.getByTestId('login-submit').click();
  await expect(con.getByTestId('login-error')).toHaveText('用户名或密码不正确');
  await con.getByTestId('lang-toggle').click();
  await expect(con.getByTestId('login-submit')).toHaveText('Sign in');
});

test('a vote pressed during a Wi-Fi drop is sent once when the network returns', async ({ browser }) => {
  const con = await signIn(browser);
  const link = con.getByTestId('deputy-link').nth(3); // a deputy the first test did not use
  const url = (await link.getAttribute('href')) ?? '';
  const phone = await openPhone(browser, url);
  await phone.getByTestId('check-in').click();
  await expect(phone.getByTestId('checked-in')).toBeVisible();

  await con.getByTestId('agenda-item-motion-appoint').click();
  await con.getByTestId('start-round').click();
  await con.getByTestId('confirm-no-quorum').click();
  await expect(phone.getByTestId('choice-abstain')).toBeVisible();

  await phone.context().setOffline(true);
  await expect(phone.getByTestId('conn-banner')).toBeVisible();
  await phone.getByTestId('choice-abstain').click();
  await phone.getByTestId('confirm-submit').click();
  // Kept on the phone and retried: no 已提交 until the server has acked.
  await expect(phone.getByTestId('submitting')).toBeVisible();
  await shot(phone, 'phone-submitting-offline');

  await phone.context().setOffline(false);
  await expect(phone.getByTestId('submitted-choice')).toHaveText('弃权');
  await expect(con.getByTestId('console-cast')).toContainText('已投票 1 / 实到 4');
  // A secret vote shows the moderator no figures while open, only how many voted (SPEC W7).
  await expect(con.getByTestId('console-withheld')).toBeVisible();
  await expect(con.getByTestId('console-abstain')).toHaveCount(0);
  await shot(con, 'console-secret-open');
});
