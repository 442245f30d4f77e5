// Every page under the server's Content-Security-Policy (server/headers.ts), in Chromium: the
// console (signed in, a vote run, the printed report), the QR sheet print page, the big
// screen, the overlay, a phone and the public receipt list. Each page records CSP violations
// (the securitypolicyviolation event and the console's own report); there must be none, and
// every page must render.
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { linkUrls, loginApi, shot } from './kinds-helpers.js';
import { ADMIN_PASSWORD, startBuiltServer, type RunningServer } from './server.js';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startBuiltServer();
});
test.afterAll(async () => {
  await server?.stop();
});

const violations: string[] = [];

async function watched(browser: Browser, opts: Parameters<Browser['newContext']>[0]): Promise<{ ctx: BrowserContext; page: () => Promise<Page> }> {
  const ctx = await browser.newContext(opts);
  await ctx.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`);
    });
    window.print = () => undefined;
  });
  const page = async () => {
    const p = await ctx.newPage();
    p.on('console', (m) => {
      const text = m.text();
      if (/content security policy|CSP violation/i.test(text)) violations.push(`${p.url()}: ${text}`);
    });
    return p;
  };
  return { ctx, page };
}

test('console, QR sheet, report, screen, overlay, phone and receipts render under the CSP with no violation', async ({ browser }) => {
  test.setTimeout(180_000);
  const session = await loginApi(server.url);
  const [link] = await linkUrls(server.url, session);
  if (!link) throw new Error('a deputy link');

  // The main document of each page carries the policy.
  for (const path of ['/console', '/screen', '/overlay', new URL(link).pathname]) {
    const res = await fetch(server.url + path);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
  }

  const desk = await watched(browser, { baseURL: server.url, viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  const con = await desk.page();
  const docResponse = await con.goto('/console');
  expect(docResponse?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  await con.getByTestId('login-username').fill('admin');
  await con.getByTestId('login-password').fill(ADMIN_PASSWORD);
  await con.getByTestId('login-submit').click();
  await expect(con.getByTestId('agenda-panel')).toBeVisible();

  const big = await watched(browser, { baseURL: server.url, viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
  const screen = await big.page();
  await screen.goto('/screen');
  await expect(screen.getByTestId('screen')).toBeVisible();
  const mixer = await watched(browser, { baseURL: server.url, viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
  const overlay = await mixer.page();
  await overlay.goto('/overlay?meeting=demo');
  await expect(overlay.getByTestId('overlay')).toBeVisible();

  const hand = await watched(browser, { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
  const phone = await hand.page();
  await phone.goto(link);
  await phone.getByTestId('check-in').click();
  await expect(phone.getByTestId('checked-in')).toBeVisible();

  // A vote from start to result: live charts, the result scene, the report.
  await con.getByTestId('agenda-item-motion-budget').click();
  await con.getByTestId('countdown-input').fill('0');
  await con.getByTestId('start-round').click();
  await con.getByTestId('confirm-no-quorum').click();
  await expect(con.getByTestId('round-status')).toHaveText('投票中');
  await phone.getByTestId('choice-for').click();
  await phone.getByTestId('confirm-submit').click();
  await expect(phone.getByTestId('submitted')).toBeVisible();
  await con.getByTestId('close-round').click();
  await con.getByTestId('confirm-close').click(); // 结束投票 asks first
  await con.getByTestId('reveal').click();
  await con.getByTestId('confirm-reveal').click(); // one ballot: the disclosure question
  await expect(con.getByTestId('revealed')).toBeVisible();
  await expect(screen.getByTestId('result-for')).toHaveText('1');
  await shot(screen, 'csp-screen-result');
  await shot(overlay, 'csp-overlay');

  await con.getByTestId('print-report').click();
  await expect(con.getByTestId('report-sheet')).toBeVisible();
  await shot(con, 'csp-console-report');

  // The QR sheet print page, opened from the console as its button does (same browser profile).
  const sheet = await desk.page();
  await sheet.goto('/console?meeting=demo&print=qr');
  await expect(sheet.getByTestId('qr-card').first()).toBeVisible();
  await expect(sheet.locator('img.qr-card__code').first()).toHaveJSProperty('complete', true);
  expect(await sheet.locator('img.qr-card__code').first().evaluate((i: HTMLImageElement) => i.naturalWidth)).toBeGreaterThan(0);
  await shot(sheet, 'csp-qr-sheet');

  // The phone's link to the public receipt list.
  await phone.getByTestId('receipt-check').click();
  await expect(phone.getByTestId('receipts-page')).toBeVisible();
  await expect(phone.getByTestId('receipt-found')).toBeVisible();
  await shot(phone, 'csp-phone-receipts');

  // Fonts from the bundle (some inlined as data: URLs) loaded: Chinese renders in the app's font.
  expect(await screen.evaluate(() => document.fonts.check('16px "Noto Sans SC"', '问政'))).toBe(true);

  expect(violations).toEqual([]);
  for (const c of [desk, big, mixer, hand]) await c.ctx.close();
});

test('a video mixer may frame the overlay; nobody may frame the console or a phone', async ({ browser }) => {
  const session = await loginApi(server.url);
  const [link] = await linkUrls(server.url, session);
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await ctx.newPage();
  // A host page framing ours. Same origin here (Chromium's local network checks refuse a
  // frame from 127.0.0.1 inside a page from 127.0.0.2); frame-ancestors 'none' refuses even
  // the same origin, and no frame-ancestors lets any origin frame.
  const host = `${server.url}/mixer-host.html`;
  await page.route(host, (r) =>
    r.fulfill({
      contentType: 'text/html',
      body: `<iframe id="o" src="${server.url}/overlay?meeting=demo" width="640" height="360"></iframe><iframe id="c" src="${server.url}/console"></iframe><iframe id="d" src="${link ?? ''}"></iframe>`,
    }),
  );
  await page.goto(host);
  await expect(page.frameLocator('#o').getByTestId('overlay')).toBeVisible();
  await page.waitForTimeout(1000);
  const frames = page.frames();
  const byUrl = (part: string) => frames.find((f) => f.url().includes(part));
  for (const part of ['/console', '/d/']) {
    const f = byUrl(part);
    // Blocked by frame-ancestors: the frame holds Chromium's error page, not the app.
    const rendered = f ? await f.locator('#root').count().catch(() => 0) : 0;
    expect({ part, rendered }).toEqual({ part, rendered: 0 });
  }
  await ctx.close();
});
