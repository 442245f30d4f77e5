// The audience page served by a public edge (SPEC Y9), in Chromium: the core starts one edge
// (WZ_EDGES=1) on Redis and points the public link at it (AUDIENCE_PUBLIC_URL). A phone of the
// public (390x844) loads /live/<code> from the edge, page, assets, font and socket, never
// touching the chamber's server, and rates; the chamber's big screen counts it.
import { expect, test } from '@playwright/test';
import { createServer } from 'node:net';
import { startRedis, type TestRedis } from '../server/test/redis.js';
import { loginApi, moderator, openConsole, openScreen, shot } from './kinds-helpers.js';
import { startBuiltServer, type RunningServer } from './server.js';

let server: RunningServer;
let redis: TestRedis;
let edgeUrl = '';
const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });

test.beforeAll(async () => {
  redis = await startRedis();
  const edgePort = await freePort();
  edgeUrl = `http://127.0.0.1:${edgePort}`;
  server = await startBuiltServer({ WZ_REDIS_URL: redis.url, WZ_EDGES: '1', WZ_EDGE_PORT: String(edgePort), AUDIENCE_PUBLIC_URL: edgeUrl });
  await expect.poll(() => fetch(`${edgeUrl}/live`).then((r) => r.status, () => 0), { timeout: 30_000 }).toBe(200);
});
test.afterAll(async () => {
  await server?.stop();
  await redis?.close();
});

test('[Y9] a phone rates on the page a public edge serves; the chamber\'s screen counts it', async ({ browser }) => {
  test.setTimeout(120_000);
  const mod = await moderator(server.url, await loginApi(server.url));
  const con = await openConsole(browser, server.url);
  const screen = await openScreen(browser, server.url);
  await mod.run({ type: 'segmentGo', itemId: 'seg-housing', questionIndex: 0, phase: 'answer' });
  await con.getByTestId('audience-item').selectOption('rating-seg-housing');
  await con.getByTestId('audience-seconds').fill('300');
  await con.getByTestId('audience-open-online').click();
  const link = (await con.getByTestId('audience-link').getAttribute('href')) ?? '';
  expect(link.startsWith(`${edgeUrl}/live/`)).toBe(true);
  const code = (await screen.getByTestId('screen-audience-code').textContent()) ?? '';

  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
  const phone = await ctx.newPage();
  const origins = new Set<string>();
  phone.on('request', (r) => origins.add(new URL(r.url()).origin));
  await phone.goto(link);
  await expect(phone.getByTestId('live-page')).toBeVisible();
  await expect(phone.getByTestId('live-segment')).toContainText('市住建局');
  await phone.getByTestId('live-choice-seg-housing-dept-satisfied').click();
  await phone.getByTestId('live-code').fill(code);
  await phone.getByTestId('live-submit').click();
  await expect(phone.getByTestId('live-rate-thanks')).toContainText('感谢参与');
  await expect(screen.getByTestId('screen-audience-n')).toContainText('1');
  await shot(phone, 'audience-edge-phone');
  // Everything the page loaded came from the edge: a viewer needs nothing from the chamber.
  expect([...origins].filter((o) => o.startsWith('http'))).toEqual([edgeUrl]);
  mod.socket.close();
});
