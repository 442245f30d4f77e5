// [#14] The deputy page's first load, fonts included, is at most 300 KB transferred, measured in
// Chromium through CDP (bytes are deterministic; times are printed by `npm run phone-budget`,
// never asserted). It loads none of the console's, the screen's or the full font's files.
import { expect, test } from '@playwright/test';
import { deputyLink, loadDeputyPage } from './phone-load.js';
import { startBuiltServer, type RunningServer } from './server.js';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startBuiltServer();
});
test.afterAll(async () => {
  await server?.stop();
});

test('[#14] the deputy page: ≤ 300 KB on a cold load, almost nothing on a warm one, no other page\'s code', async ({ browser }) => {
  const { cold, warm, page } = await loadDeputyPage(browser, await deputyLink(server.url), null);
  console.log(`deputy page cold ${cold.total} B ${JSON.stringify(cold.bytes)}; warm ${warm.total} B`);
  expect(cold.bytes.font).toBeGreaterThan(10_000); // the meeting's font is counted
  expect(cold.bytes.js).toBeGreaterThan(0);
  expect(cold.total).toBeLessThanOrEqual(300 * 1024);
  const urls = cold.requests.map((r) => r.url);
  expect(urls.filter((u) => /console-page|screen-page|overlay-page|scene-tables|broadcast-font|noto-sans-sc-|recharts/.test(u))).toEqual([]);
  expect(urls.filter((u) => u.includes('/fonts/phone/') && u.endsWith('.woff2'))).toHaveLength(1);
  // Hashed assets and the font come from the cache on a reload: only the page and the socket.
  expect(warm.total).toBeLessThan(8 * 1024);
  await page.context().close();

  // A phone on plain http://<LAN address> is offered no br by Chromium: gzip stays within too.
  const lan = await loadDeputyPage(browser, await deputyLink(server.url, 1), null, true);
  console.log(`deputy page cold, gzip only ${lan.cold.total} B ${JSON.stringify(lan.cold.bytes)}`);
  expect(lan.cold.total).toBeLessThanOrEqual(300 * 1024);
  await lan.page.context().close();
});
