// [#14] The chamber Wi-Fi goes silent (no 'offline' event, connections hang, e2e/freeze-proxy.ts)
// while a deputy is voting: the phone notices by its heartbeat within 3 s, says so, keeps the
// ballot, and sends it once the link is back — counted once.
import { expect, test } from '@playwright/test';
import { freezeProxy, type FreezeProxy } from './freeze-proxy.js';
import { addAgendaItem, linkUrls, loginApi, moderator, socketDeputy, type Moderator } from './kinds-helpers.js';
import { startBuiltServer, type RunningServer } from './server.js';

let server: RunningServer;
let proxy: FreezeProxy;
let mod: Moderator;
const others: { close(): void }[] = [];
const voters = new Map<string, number>();

test.beforeAll(async () => {
  server = await startBuiltServer();
  proxy = await freezeProxy(server.url);
  const session = await loginApi(server.url);
  await addAgendaItem(server.url, session, { id: 'hb-m1', kind: 'motion', title: '表决《关于心跳测试的决定》', settings: { countdownSec: 300 } });
  mod = await moderator(server.url, session);
  mod.socket.on('view', (v: { rounds?: { id: string; voterCount: number }[] }) => {
    for (const r of v.rounds ?? []) voters.set(r.id, r.voterCount);
  });
  const links = await linkUrls(server.url, session);
  for (const l of links.slice(10, 26)) others.push(await socketDeputy(server.url, l));
});

test.afterAll(async () => {
  for (const o of others) o.close();
  mod?.socket.close();
  await proxy?.close();
  await server?.stop();
});

test('[#14] a silent link (no offline event) is noticed within 3 s by the heartbeat; the ballot goes once it returns', async ({ browser }) => {
  test.setTimeout(90_000);
  const session = await loginApi(server.url);
  const [link] = await linkUrls(server.url, session);
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
  const page = await ctx.newPage();
  await page.goto((link ?? '').replace(server.url, proxy.url));
  await page.getByTestId('check-in').click();
  await expect(page.getByTestId('checked-in')).toBeVisible();
  await mod.run({ type: 'startRound', itemId: 'hb-m1', countdownSec: 300 });
  const rid = await mod.activeRound();
  await page.getByTestId('choice-against').click();

  const cut = Date.now();
  proxy.freeze();
  await expect(page.getByTestId('conn-banner')).toContainText('连接中断，正在重连', { timeout: 3000 });
  expect(Date.now() - cut).toBeLessThan(3000);
  expect(await page.evaluate(() => navigator.onLine)).toBe(true); // the browser itself noticed nothing
  await expect(page.getByTestId('countdown')).toContainText('计时以大屏为准');
  await page.getByTestId('confirm-submit').click();
  await expect(page.getByTestId('submitting')).toContainText('等待网络恢复后自动提交');
  await page.waitForTimeout(8000);
  expect(voters.get(rid) ?? 0).toBe(0);

  proxy.thaw();
  await expect(page.getByTestId('submitted-choice')).toHaveText('反对', { timeout: 20_000 });
  await expect(page.getByTestId('conn-banner')).toHaveCount(0);
  await expect.poll(() => voters.get(rid)).toBe(1);
  await page.waitForTimeout(2000);
  expect(voters.get(rid)).toBe(1);
  await ctx.close();
});
