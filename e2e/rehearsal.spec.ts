// 彩排 in the browser (SPEC J): the moderator starts a rehearsal from the console, a phone checks
// in and votes, the moderator ends the rehearsal (with a confirmation), and the console shows a
// clean meeting while the same phone checks in again. Screenshots go to test-results/screens/.
import { expect, test } from '@playwright/test';
import { linkUrls, loginApi, openConsole, openScreen, shot } from './kinds-helpers.js';
import { startBuiltServer, type RunningServer } from './server.js';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startBuiltServer();
});
test.afterAll(async () => {
  await server?.stop();
});

test('[J1][J2] a rehearsal from the console leaves a clean meeting, and the phone checks in again', async ({ browser }) => {
  test.setTimeout(180_000);
  const con = await openConsole(browser, server.url);
  const screen = await openScreen(browser, server.url);
  await expect(screen.getByTestId('screen-meeting')).toBeVisible();
  await expect(screen.getByTestId('screen-rehearsal-mark')).toHaveCount(0);

  // Start, confirmed.
  await con.getByTestId('rehearsal-start').click();
  await expect(con.getByTestId('rehearsal-start-confirm')).toBeVisible();
  await con.getByTestId('rehearsal-start-yes').click();
  await expect(con.getByTestId('rehearsal-banner')).toBeVisible();
  await expect(con.getByTestId('console-rehearsal-mark')).toHaveText('彩排');
  await expect(screen.getByTestId('screen-rehearsal-mark')).toHaveText('彩排 REHEARSAL');

  // A phone on its real link sees the rehearsal line, checks in and votes.
  const [link] = await linkUrls(server.url, await loginApi(server.url));
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
  const phone = await ctx.newPage();
  await phone.goto(link ?? '');
  await expect(phone.getByTestId('deputy-rehearsal')).toHaveText('彩排 — 不计入正式结果');
  await phone.getByTestId('check-in').click();
  await expect(phone.getByTestId('checked-in')).toBeVisible();
  await expect(con.getByTestId('console-present')).toHaveText('1');

  await con.getByTestId('agenda-item-motion-budget').click();
  await con.getByTestId('countdown-input').fill('300');
  await con.getByTestId('start-round').click();
  await con.getByTestId('confirm-no-quorum').click();
  await expect(con.getByTestId('round-status')).toHaveText('投票中');
  await phone.getByTestId('choice-for').click();
  await phone.getByTestId('confirm-submit').click();
  await expect(phone.getByTestId('submitted')).toContainText('已提交');
  await shot(phone, 'rehearsal-phone');
  await shot(screen, 'rehearsal-screen');
  await shot(con, 'rehearsal-console');

  // Ending is refused while the vote is open; close it, then end (confirmed).
  await con.getByTestId('rehearsal-end').click();
  await expect(con.getByTestId('rehearsal-end-yes')).toBeDisabled();
  await con.getByTestId('close-round').click();
  await con.getByTestId('confirm-close').click(); // 结束投票 asks first
  await expect(con.getByTestId('rehearsal-end-yes')).toBeEnabled();
  await expect(con.getByTestId('rehearsal-end-confirm')).toContainText('1 轮表决');
  await shot(con, 'rehearsal-console-end-confirm');
  await con.getByTestId('rehearsal-end-yes').click();

  // A clean meeting: no mark, nobody present, no round (the start panel is back), nothing on the screen.
  await expect(con.getByTestId('rehearsal-banner')).toHaveCount(0);
  await expect(con.getByTestId('console-rehearsal-mark')).toHaveCount(0);
  await expect(con.getByTestId('console-present')).toHaveText('0');
  await expect(con.getByTestId('rehearsal-panel')).toBeVisible();
  await expect(screen.getByTestId('screen-rehearsal-mark')).toHaveCount(0);
  await shot(con, 'rehearsal-console-after');

  // The same phone, on the same link, checks in again.
  await expect(phone.getByTestId('deputy-rehearsal')).toHaveCount(0);
  await phone.getByTestId('check-in').click();
  await expect(phone.getByTestId('checked-in')).toBeVisible();
  await expect(con.getByTestId('console-present')).toHaveText('1');
});
