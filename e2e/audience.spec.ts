// 网络评议 end to end (SPEC Y1..Y8), counted in a real Redis: the moderator opens audience rating
// on the 市住建局 segment's rating from the console; three phones of the public (390x844) open
// the page by its short link, enter the code shown on the big screen and rate; one tries twice
// and is refused politely (您已评价); Redis stops (the page and the screen say 网络评议暂停,
// the deputies' vote goes on) and comes back; the moderator closes and reveals; the big screen
// shows 网络满意度 and the combined figure beside the deputies' result.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { startRedis, type TestRedis } from '../server/test/redis.js';
import { linkUrls, loginApi, moderator, openConsole, openScreen, shot, socketDeputy } from './kinds-helpers.js';
import { startBuiltServer, type RunningServer } from './server.js';

let server: RunningServer;
let redis: TestRedis;
test.beforeAll(async () => {
  redis = await startRedis();
  server = await startBuiltServer({ AUDIENCE_REDIS_URL: redis.url });
});
test.afterAll(async () => {
  await server?.stop();
  await redis?.close();
});

async function audiencePhone(browser: Browser, url: string): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
  const page = await ctx.newPage();
  await page.goto(url);
  await expect(page.getByTestId('live-page')).toBeVisible();
  return page;
}

async function rate(page: Page, subjectId: string, level: string, code: string): Promise<void> {
  await page.getByTestId(`live-choice-${subjectId}-${level}`).click();
  await page.getByTestId('live-code').fill(code);
  await page.getByTestId('live-submit').click();
}

test('the public rates online, counted apart; the big screen shows 网络满意度 and the combined figure', async ({ browser }) => {
  test.setTimeout(180_000);
  const session = await loginApi(server.url);
  const mod = await moderator(server.url, session);
  const links = await linkUrls(server.url, session);
  const deputies = await Promise.all(links.slice(0, 16).map((l) => socketDeputy(server.url, l)));
  const con = await openConsole(browser, server.url);
  const screen = await openScreen(browser, server.url);
  await mod.run({ type: 'segmentGo', itemId: 'seg-housing', questionIndex: 0, phase: 'answer' });

  // The console opens 网络评议 on the segment's rating, with a code for the broadcast.
  await con.getByTestId('audience-item').selectOption('rating-seg-housing');
  await con.getByTestId('audience-seconds').fill('300');
  await expect(con.getByTestId('audience-with-code')).toBeChecked();
  await con.getByTestId('audience-open-online').click();
  await expect(con.getByTestId('audience-poll-online')).toBeVisible();
  const link = (await con.getByTestId('audience-link').getAttribute('href')) ?? '';
  expect(link).toMatch(/\/live\/[a-z2-9]{6}$/);
  await expect(screen.getByTestId('screen-audience-open')).toBeVisible();
  const code = (await screen.getByTestId('screen-audience-code').textContent()) ?? '';
  expect(code).toMatch(/^[0-9]{4}$/);
  await shot(screen, 'audience-screen-open');

  const phones = [];
  for (let i = 0; i < 3; i++) phones.push(await audiencePhone(browser, link));
  const [p1, p2, p3] = phones;
  if (!p1 || !p2 || !p3) throw new Error('phones');
  await expect(p1.getByTestId('live-segment')).toContainText('市住建局');
  await expect(p1.getByTestId('live-rate')).toContainText('网络评议进行中');
  await shot(p1, 'audience-phone-open');
  const subject = 'seg-housing-dept';
  // A wrong code first: refused, the form stays.
  await rate(p1, subject, 'satisfied', code === '0000' ? '1111' : '0000');
  await expect(p1.getByTestId('live-rate-wrongCode')).toContainText('评议码不对');
  await rate(p1, subject, 'satisfied', code);
  await expect(p1.getByTestId('live-rate-thanks')).toContainText('感谢参与');
  await shot(p1, 'audience-phone-thanks');
  await rate(p2, subject, 'satisfied', code);
  await expect(p2.getByTestId('live-rate-thanks')).toBeVisible();
  await rate(p3, subject, 'unsatisfied', code);
  await expect(p3.getByTestId('live-rate-thanks')).toBeVisible();

  // Phone 1 tries again: its page forgets it rated (storage cleared but the signed device kept).
  await p1.evaluate(() => localStorage.removeItem('wz.live.rated'));
  await p1.reload();
  await rate(p1, subject, 'unsatisfied', code);
  await expect(p1.getByTestId('live-rate-already')).toContainText('您已评价');
  await shot(p1, 'audience-phone-already');
  await expect(screen.getByTestId('screen-audience-n')).toContainText('3');

  // Redis stops: audience rating pauses (page and screen say so); the deputies' vote goes on.
  // Stopped, not crashed: Redis writes its append-only file on the way down. A crash (SIGKILL) with
  // appendfsync everysec may lose the last second or two it acknowledged (docs/SECURITY.md).
  await redis.stop('SIGTERM');
  await expect(p2.getByTestId('live-paused')).toContainText('网络评议暂停');
  await expect(screen.getByTestId('screen-audience-paused')).toBeVisible();
  await shot(p2, 'audience-phone-paused');
  await mod.run({ type: 'segmentGo', itemId: 'seg-housing', questionIndex: 0, phase: 'rating' });
  const roundId = await mod.activeRound();
  for (const [i, d] of deputies.entries()) await d.vote(roundId, { kind: 'rating', ratings: { [subject]: i < 12 ? 'satisfied' : 'basic' } });
  await mod.run({ type: 'close', roundId });
  await redis.start();
  await expect(p2.getByTestId('live-paused')).toHaveCount(0, { timeout: 15_000 });

  // The moderator closes audience rating and reveals the deputies' result.
  await con.getByTestId('audience-close-online').click();
  await expect(con.getByTestId('audience-poll-online')).toContainText('已结束');
  await expect(p2.getByTestId('live-rate')).toHaveCount(0);
  await expect(p2.getByTestId('audience-figures')).toHaveCount(0); // nothing before Reveal
  await mod.run({ type: 'reveal', roundId });
  await expect(screen.getByTestId('audience-figure-online')).toContainText('网络满意度');
  await expect(screen.getByTestId('audience-figure-online')).toContainText('3 人参与');
  await expect(screen.getByTestId('audience-figure-online')).toContainText('66.7%');
  // Combined: 70 % of the deputies' (16 of 16 satisfied or basic: 100 %) + 30 % of 66.7 % = 90.0 %.
  await expect(screen.getByTestId('audience-combined')).toContainText('90.0%');
  await expect(screen.getByTestId('audience-combined')).toContainText('代表 70%');
  await screen.waitForTimeout(1200); // the result's build-up animation
  // The band never covers the deputies' figures, the card's foot line or the chain head.
  const covered = await screen.evaluate(() => {
    const band = document.querySelector('[data-testid="audience-figures"]')?.getBoundingClientRect();
    if (!band) return ['no band'];
    const hit = (r: DOMRect) => r.width > 0 && r.left < band.right && r.right > band.left && r.top < band.bottom && r.bottom > band.top;
    return [...document.querySelectorAll('.rating-card__big, .rating-card__level, .rating-card__foot, [data-testid="screen-chain-head"], .commitment')]
      .filter((e) => !e.closest('.scene-ghosts') && hit(e.getBoundingClientRect()))
      .map((e) => e.className || e.getAttribute('data-testid') || e.tagName);
  });
  expect(covered).toEqual([]);
  await shot(screen, 'audience-screen-result');
  await expect(p2.getByTestId('audience-figures')).toContainText('网络满意度');
  await expect(p2.getByTestId('live-result')).toContainText('代表测评');
  await shot(p2, 'audience-phone-result');
  for (const d of deputies) d.close();
  mod.socket.close();
});
