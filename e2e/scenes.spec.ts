// Every scene of the big screen at 1920x1080 with a meeting of realistic size (300 deputies,
// 25 projects, 17 departments), screenshots in test-results/screens/scene-*.png for a human
// look; checks that no text is clipped, that Chinese renders in the self-hosted font, and one
// 4:3 screen. Also: a reloaded screen paints the current scene at once, the overlay is
// transparent, and the console previews the live and the cued scene.
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { largeMeeting } from './large-meeting.js';
import { closingAtLineStart } from './line-starts.js';
import { ADMIN_PASSWORD, startBuiltServer, type RunningServer } from './server.js';

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
    // Cells of a row side by side never overlap (an English status is longer than a Chinese one).
    for (const row of document.querySelectorAll<HTMLElement>('.scene-layer .project-row, .scene-layer .notice__row, .scene-layer tr')) {
      const boxes = [...row.children].map((c) => c.getBoundingClientRect()).filter((b) => b.width > 0);
      for (let i = 1; i < boxes.length; i++) {
        const [a, b] = [boxes[i - 1], boxes[i]];
        if (a && b && a.right > b.left + 1) out.push(`overlap in row: ${row.textContent ?? ''}`);
      }
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

test('记名表决: every deputy of 300 as a seat coloured by choice with its word, at 1920x1080 and 4:3; the 公告 scene breaks no line before closing punctuation', async ({ browser }) => {
  test.setTimeout(120_000);
  // A named motion added to the agenda, as staff would before the sitting.
  const auth = { authorization: `Bearer ${m.session}`, 'content-type': 'application/json' };
  const meeting = (await (await fetch(`${server.url}/api/meetings/${m.id}`, { headers: auth })).json()) as { agenda: unknown[] };
  const named = { id: 'named-vote', kind: 'motion', title: '表决《关于设立城市更新专项基金的决定（草案）》（记名表决）', settings: { secret: false, visibility: 'turnout', countdownSec: 0 } };
  const put = await fetch(`${server.url}/api/meetings/${m.id}/agenda`, { method: 'PUT', headers: auth, body: JSON.stringify({ agenda: [...meeting.agenda, named] }) });
  expect(put.status).toBe(200);
  expect((await m.command({ type: 'startRound', itemId: 'named-vote', countdownSec: 0 })).ok).toBe(true);
  await m.vote('motion', 276, (i) => (i % 23 === 5 ? 'against' : i % 31 === 7 ? 'abstain' : 'for'));
  const r = await m.activeRound();
  expect((await m.command({ type: 'close', roundId: r })).ok).toBe(true);

  const ctx = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
  const page = await ctx.newPage();
  await openScreen(page);
  await cut(page, { kind: 'named', itemId: 'named-vote' });
  await expect(page.getByTestId('named-seat')).toHaveCount(300);
  await expect(page.locator('[data-mark="notVoted"]')).toHaveCount(12); // 288 present, 276 voted
  await expect(page.locator('[data-mark="absent"]')).toHaveCount(12);
  await expect(page.getByTestId('named-legend')).toContainText('赞成');
  // Every seat lies inside the stage.
  const outside = await page.evaluate(() => {
    const stage = document.querySelector('.scene-layer .scene')?.getBoundingClientRect();
    return [...document.querySelectorAll('.scene-layer [data-testid="named-seat"]')].filter((e) => {
      const b = e.getBoundingClientRect();
      return !stage || b.bottom > stage.bottom + 1 || b.right > stage.right + 1;
    }).length;
  });
  expect(outside).toBe(0);
  await shot(page, 'named');
  const square = await browser.newContext({ viewport: { width: 1440, height: 1080 }, locale: 'zh-CN' });
  const sq = await square.newPage();
  await openScreen(sq);
  await expect(sq.getByTestId('named-seat')).toHaveCount(300);
  await sq.waitForTimeout(800);
  await shot(sq, 'named-4x3');
  await square.close();

  await cut(page, { kind: 'notice', itemId: 'projects-2027' });
  expect(await closingAtLineStart(page, '[data-testid="scene-notice"]')).toEqual([]);
  await ctx.close();
});

test('a reloaded screen shows the current scene in its first frame, and after going offline', async ({ browser }) => {
  const ctx = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
  const page = await ctx.newPage();
  await openScreen(page);
  await cut(page, { kind: 'ranking' });
  // Record, from the first script of the next load, every animation frame that shows no scene.
  await page.addInitScript(() => {
    const w = window as unknown as { blankFrames: number; sceneFrames: number };
    w.blankFrames = 0;
    w.sceneFrames = 0;
    const tick = () => {
      if (document.querySelector('[data-testid="screen"]')) {
        if (document.querySelector('[data-testid^="scene-"]')) w.sceneFrames += 1;
        else w.blankFrames += 1;
      }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  // The server is unreachable during the reload: the cached view must still paint the scene.
  await page.route('**/socket.io/**', (route) => route.abort());
  await page.reload();
  await expect(page.getByTestId('scene-ranking')).toBeVisible();
  await page.unroute('**/socket.io/**');
  await cut(page, { kind: 'checkin' });
  const frames = await page.evaluate(() => {
    const w = window as unknown as { blankFrames: number; sceneFrames: number };
    return { blankFrames: w.blankFrames, sceneFrames: w.sceneFrames };
  });
  expect(frames.blankFrames).toBe(0);
  expect(frames.sceneFrames).toBeGreaterThan(0);
  // Offline and back: the last frame stays up, then the screen follows again.
  await ctx.setOffline(true);
  await expect(page.getByTestId('scene-checkin')).toBeVisible();
  await ctx.setOffline(false);
  await cut(page, { kind: 'agenda' });
  await ctx.close();
});

test('the overlay draws only a lower third on a transparent page, or on a key colour', async ({ browser }) => {
  const ctx = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
  const page = await ctx.newPage();
  await m.command({ type: 'setScene', scene: { kind: 'result', itemId: 'budget' } });
  await page.goto(`${server.url}/overlay?meeting=${m.id}`);
  await expect(page.getByTestId('lower-third-figures')).toContainText('250');
  await page.waitForTimeout(600);
  const png = await page.screenshot({ path: join(SHOTS, 'scene-overlay.png'), omitBackground: true });
  // Decode the PNG in the page and read the alpha of the four corners and the box's middle.
  const alpha = async (b64: string) =>
    page.evaluate(async (data) => {
      const img = new Image();
      img.src = `data:image/png;base64,${data}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const g = c.getContext('2d');
      if (!g) return [];
      g.drawImage(img, 0, 0);
      const at = (x: number, y: number) => g.getImageData(x, y, 1, 1).data[3] ?? -1;
      return [at(0, 0), at(img.width - 1, 0), at(0, img.height - 1), at(img.width - 1, img.height - 1), at(400, img.height - 160)];
    }, b64);
  const [a1, a2, a3, a4, box] = await alpha(png.toString('base64'));
  expect([a1, a2, a3, a4]).toEqual([0, 0, 0, 0]);
  expect(box).toBeGreaterThan(230); // the box itself is nearly opaque
  // Inside the title-safe area (10% of 1920x1080).
  const r = await page.getByTestId('lower-third').boundingBox();
  expect(r && r.x >= 192 && r.y + r.height <= 1080 - 108 + 1).toBe(true);
  await page.goto(`${server.url}/overlay?meeting=${m.id}&key=green&pos=top`);
  await expect(page.getByTestId('lower-third')).toBeVisible();
  const keyed = await page.screenshot({ path: join(SHOTS, 'scene-overlay-green.png') });
  expect((await alpha(keyed.toString('base64')))[0]).toBe(255);
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(0, 177, 64)');
  // A rating of 17 departments: the count, the first and its 满意率, in one line.
  await m.command({ type: 'setScene', scene: { kind: 'result', itemId: 'rating-2026' } });
  await page.goto(`${server.url}/overlay?meeting=${m.id}&guides=1`);
  await expect(page.getByTestId('lower-third-figures')).toContainText('17');
  await expect(page.getByTestId('lower-third-figures')).toContainText('市公安局');
  await page.waitForTimeout(600);
  await page.screenshot({ path: join(SHOTS, 'scene-overlay-rating.png'), omitBackground: true });
  await ctx.close();
});

test('the console previews what airs and what is cued, and take cuts to it', async ({ browser }) => {
  const ctx = await browser.newContext({ viewport: { width: 1600, height: 1000 }, locale: 'zh-CN' });
  const con = await ctx.newPage();
  await con.goto(`${server.url}/console?meeting=${m.id}`);
  await con.getByTestId('login-username').fill('admin');
  await con.getByTestId('login-password').fill(ADMIN_PASSWORD);
  await con.getByTestId('login-submit').click();
  await con.getByTestId('scene-cut-title').click();
  await expect(con.getByTestId('preview-live')).toHaveAttribute('data-scene', 'title');
  await con.getByTestId('scene-message-input').fill('休会 10 分钟');
  await con.getByTestId('scene-cue-message').click();
  await expect(con.getByTestId('preview-next')).toHaveAttribute('data-scene', 'message');
  await con.getByTestId('scene-panel').screenshot({ path: join(SHOTS, 'scene-console-panel.png') });
  await con.getByTestId('scene-take').click();
  await expect(con.getByTestId('preview-live')).toHaveAttribute('data-scene', 'message');
  await expect(con.getByTestId('preview-next')).toHaveCount(0);
  await con.getByTestId('feed-toggle').click();
  await expect(con.getByTestId('feed-state')).toHaveText('已开放（无需登录）');
  expect((await fetch(`${server.url}/api/feed/${m.id}.csv`)).status).toBe(200);
  await ctx.close();
});
