// 网络评议 end to end (SPEC Y1..Y8), counted in a real Redis: the moderator opens audience rating
// on the 市住建局 segment's rating from the console; three phones of the public (390x844) open
// the page by its short link, enter the code shown on the big screen and rate; one tries twice
// and is refused politely (您已评价); Redis stops (the page and the screen say 网络评议暂停,
// the deputies' vote goes on) and comes back; the moderator closes and reveals; the big screen
// shows 网络满意度 and the combined figure beside the deputies' result. The TV overlay shows the
// QR code, code, countdown and count while it is open, then 网络满意度 under the deputies'
// figures, inside the title-safe area (Y21); the printed report, the 测评结果通报 PDF, the CSV and
// the data feed carry the audience's figures apart from the deputies' (Y20, read back with pdftotext).
import { expect, test, type Browser, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startRedis, type TestRedis } from '../server/test/redis.js';
import { linkUrls, loginApi, moderator, openConsole, openScreen, SHOTS, shot, socketDeputy } from './kinds-helpers.js';
import { outsideTitleSafe } from './stage-checks.js';
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

async function openOverlay(browser: Browser, options = 'guides=1'): Promise<Page> {
  const ctx = await browser.newContext({ baseURL: server.url, viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
  const page = await ctx.newPage();
  await page.goto(`/overlay?${options}`);
  await expect(page.getByTestId('overlay')).toBeVisible();
  return page;
}

/** The overlay's audience card and lower third lie inside the title-safe area (90 %: 96 / 54 px margins). */
async function overlayOutsideSafe(page: Page): Promise<string[]> {
  const boxes = await page.evaluate(() =>
    [...document.querySelectorAll('.overlay__aud, .lower-third')].map((e) => {
      const r = e.getBoundingClientRect();
      return { c: e.className, l: r.left, t: r.top, r: r.right, b: r.bottom };
    }),
  );
  const out = boxes.filter((b) => b.l < 96 || b.t < 54 || b.r > 1920 - 96 || b.b > 1080 - 54).map((b) => b.c);
  return [...out, ...(await outsideTitleSafe(page, '.overlay'))];
}

/** A PDF's text as poppler reads it, the file kept beside the screenshots. */
async function pdfText(buf: Buffer, name: string): Promise<string> {
  await mkdir(SHOTS, { recursive: true });
  const file = join(SHOTS, name);
  await writeFile(file, buf);
  return execFileSync('pdftotext', ['-layout', file, '-']).toString('utf-8');
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
  const overlay = await openOverlay(browser);
  await mod.run({ type: 'segmentGo', itemId: 'seg-housing', questionIndex: 0, phase: 'answer' });
  await expect(overlay.getByTestId('overlay-audience-open')).toHaveCount(0);

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
  // The screen's corner carries the live link's QR code, drawn in the browser (no QR service).
  await expect(screen.getByTestId('screen-audience-open').getByTestId('qr')).toHaveAttribute('alt', link);
  expect(await screen.getByTestId('screen-audience-open').getByTestId('qr').evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(100);
  await shot(screen, 'audience-screen-open');
  // The overlay (Y21): QR code, the code for TV, the countdown and the count, inside title-safe.
  const corner = overlay.getByTestId('overlay-audience-open');
  await expect(corner).toBeVisible();
  await expect(corner.getByTestId('qr')).toHaveAttribute('alt', link);
  await expect(overlay.getByTestId('overlay-audience-code')).toHaveText(code);
  await expect(overlay.getByTestId('overlay-audience-left')).toContainText(/剩余 (29\d|300) 秒/);
  await overlay.waitForTimeout(600); // the card's fade-in
  expect(await overlayOutsideSafe(overlay)).toEqual([]);
  await shot(overlay, 'audience-overlay-open');
  // With the lower third on top, the card goes to the bottom corner, still inside title-safe.
  const keyed = await openOverlay(browser, 'pos=top&key=green');
  await expect(keyed.locator('.overlay__aud--bottom')).toBeVisible();
  await keyed.waitForTimeout(600);
  expect(await overlayOutsideSafe(keyed)).toEqual([]);
  await shot(keyed, 'audience-overlay-open-top');
  await keyed.context().close();

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
  await expect(overlay.getByTestId('overlay-audience-n')).toContainText('已有 3 人参与');

  // Redis stops: audience rating pauses (page and screen say so); the deputies' vote goes on.
  // Stopped, not crashed: Redis writes its append-only file on the way down. A crash (SIGKILL) with
  // appendfsync everysec may lose the last second or two it acknowledged (docs/SECURITY.md).
  await redis.stop('SIGTERM');
  await expect(p2.getByTestId('live-paused')).toContainText('网络评议暂停');
  await expect(screen.getByTestId('screen-audience-paused')).toBeVisible();
  await expect(overlay.getByTestId('overlay-audience-paused')).toContainText('网络评议暂停');
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

  // The overlay: the corner has gone with the poll; 网络满意度 and the combined figure under the
  // deputies' figures (100.0 %), each with its own label, inside title-safe.
  await expect(overlay.getByTestId('overlay-audience-open')).toHaveCount(0);
  await expect(overlay.getByTestId('lower-third-figures')).toContainText('100.0%');
  await expect(overlay.getByTestId('lower-third-audience-online')).toContainText('网络满意度66.7%3 人参与');
  await expect(overlay.getByTestId('lower-third-audience-combined')).toContainText('综合满意度90.0%代表 70% · 网络 30% · 现场 0%');
  await overlay.waitForTimeout(700);
  expect(await overlayOutsideSafe(overlay)).toEqual([]);
  await shot(overlay, 'audience-overlay-result');

  // Y20: the record. The console's printed report, read back from the PDF Chromium prints.
  await con.getByTestId('print-report').click();
  await expect(con.getByTestId('report-audience')).toContainText('网络满意度：参与 3 人');
  const report = await pdfText(await con.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }), 'audience-report.pdf');
  const flat = report.replace(/\s+/g, '');
  expect(flat).toContain('网络评议与现场观众评议公众意见，单独统计，不计入代表测评的法定结果');
  expect(flat).toContain('网络满意度：参与3人');
  // 满意 2, 基本满意 0, 不满意 1 of 3: 66.7 %, score 66.67; combined 0.7·90 + 0.3·66.67 = 83.00, 90.0 %.
  expect(flat).toContain('市住建局201366.7%66.67');
  expect(flat).toContain('综合满意度：代表测评70%·网络评议30%·现场观众0%');
  expect(flat).toContain('市住建局90.0%83.00');
  expect(flat).toContain('规则Y5');

  // The 测评结果通报 PDF (the server's, with the subset font) and its A4 page.
  const auth = { authorization: `Bearer ${session}` };
  const notice = await fetch(`${server.url}/api/meetings/demo/notices/rating-seg-housing.pdf`, { headers: auth });
  expect(notice.status).toBe(200);
  const nt = (await pdfText(Buffer.from(await notice.arrayBuffer()), 'audience-notice.pdf')).replace(/\s+/g, '');
  expect(nt).toContain('测评结果通报');
  expect(nt).toContain('网络评议与现场观众评议情况');
  expect(nt).toContain('以下为公众意见，单独统计，不计入代表测评的法定结果。');
  expect(nt).toContain('网络评议（网络满意度）：参与3人');
  expect(nt).toContain('市住建局20166.7%66.67');
  expect(nt).toContain('综合满意度：代表测评70%、网络评议30%、现场观众0%');
  expect(nt).toContain('市住建局90.0%83.00');
  execFileSync('pdftoppm', ['-png', '-r', '70', join(SHOTS, 'audience-notice.pdf'), join(SHOTS, 'audience-notice-pdf')]);
  const page = await con.context().newPage();
  await page.setViewportSize({ width: 900, height: 1400 });
  await page.goto('/console?meeting=demo&print=notice&item=rating-seg-housing');
  await expect(page.getByTestId('notice-annex')).toContainText('网络评议（网络满意度）：参与3人');
  await expect(page.getByTestId('notice-annex')).toContainText('90.0%');
  await shot(page, 'audience-notice-page');

  // The CSV's own sheet, and the data feed's audience rows.
  const csv = await (await fetch(`${server.url}/api/meetings/demo/results.csv`, { headers: auth })).text();
  expect(csv).toContain('【网络与现场评议】');
  expect(csv).toContain('市住建局,2,0,1,3,66.7%,66.67');
  expect(csv).toContain('市住建局,90.0%,83');
  const feed = (await (await fetch(`${server.url}/api/feed/demo.json`, { headers: auth })).json()) as { audience: { type: string; id: string; value: number | null; share: number | null }[] };
  expect(feed.audience).toContainEqual(expect.objectContaining({ type: 'audience', id: 'online', value: 3 }));
  expect(feed.audience).toContainEqual(expect.objectContaining({ type: 'combined', id: 'seg-housing-dept', value: 83, share: 0.9 }));
  for (const d of deputies) d.close();
  mod.socket.close();
});
