// 电视问政 end to end: the demo's two segments (市住建局, 市交通运输局) run from the console's
// rundown panel with one click per step. Checked on the 1920x1080 big screen: who asks and who
// answers, the question, the speaking clock against the server clock (warning colour in the
// last 30 s, "time is up" at zero), the evidence (a photo, an undercover WebM); on the overlay
// the lower thirds; three phones rate each department; the ranking holds both.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { io, type Socket } from 'socket.io-client';
import { NS, PROTOCOL_VERSION } from '../shared/protocol.js';
import type { ConsoleView } from '../shared/views.js';
import { linkUrls, loginApi, moderator, openPhone, openScreen, shot, socketDeputy } from './kinds-helpers.js';
import { attachEvidence, makePhoto, makeVideo, upload } from './questioning-media.js';
import { ADMIN_PASSWORD, startBuiltServer, type RunningServer } from './server.js';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startBuiltServer();
});
test.afterAll(async () => {
  await server?.stop();
});

async function openConsole(browser: Browser): Promise<Page> {
  const ctx = await browser.newContext({ baseURL: server.url, viewport: { width: 1600, height: 1000 }, locale: 'zh-CN' });
  const page = await ctx.newPage();
  await page.goto('/console');
  await page.getByTestId('login-username').fill('admin');
  await page.getByTestId('login-password').fill(ADMIN_PASSWORD);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('rundown-panel')).toBeVisible();
  return page;
}

/** The console's view as the server sends it, for the server's own timer instants. */
function watch(session: string): { socket: Socket; view: () => ConsoleView | null } {
  let latest: ConsoleView | null = null;
  const socket = io(server.url + NS.console, { auth: { v: PROTOCOL_VERSION, session }, transports: ['websocket'], forceNew: true });
  socket.on('view', (v: ConsoleView) => (latest = v));
  return { socket, view: () => latest };
}

/** The screen's clock agrees with the server's instant: endsAt - now, within a second. */
async function expectClockOnServerTime(page: Page, testId: string, view: () => ConsoleView | null): Promise<void> {
  await expect.poll(() => view()?.rundown?.segment?.timer?.endsAt ?? null).not.toBeNull();
  const endsAt = view()?.rundown?.segment?.timer?.endsAt ?? 0;
  const shown = Number(await page.getByTestId(testId).getAttribute('data-left-ms'));
  // The test and the server share this machine's clock.
  expect(Math.abs(shown - (endsAt - Date.now()))).toBeLessThan(1200);
}

/** A screenshot once the scene's dissolve (450 ms) is over. */
async function still(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(700);
  await shot(page, name);
}

const next = async (con: Page, label: RegExp) => {
  await expect(con.getByTestId('rundown-next')).toContainText(label);
  await con.getByTestId('rundown-next').click();
};

test('a two-segment questioning: rundown, timers, lower thirds, evidence, ratings and the ranking', async ({ browser }) => {
  test.setTimeout(240_000);
  const session = await loginApi(server.url);
  const photo = await upload(server.url, session, await makePhoto(browser));
  const video = await upload(server.url, session, await makeVideo(browser));
  expect(video.type).toBe('video');
  await attachEvidence(server.url, session, { 'seg-housing/q1': photo, 'seg-transport/q3': video });

  const mod = await moderator(server.url, session);
  const watcher = watch(session);
  const con = await openConsole(browser);
  const screen = await openScreen(browser, server.url);
  const overlayCtx = await browser.newContext({ baseURL: server.url, viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
  const overlay = await overlayCtx.newPage();
  await overlay.goto('/overlay');
  const links = await linkUrls(server.url, session);
  const phones = [];
  for (const url of links.slice(0, 3)) phones.push(await openPhone(browser, url));
  // Thirteen more deputies check in from sockets: 16 of 30 present, the quorum for the ratings.
  const present = await Promise.all(links.slice(3, 16).map((l) => socketDeputy(server.url, l)));
  const lower = overlay.getByTestId('segment-lower-line');
  const clock = screen.getByTestId('screen-clock');

  // ---- segment 1: 市住建局 ----
  await next(con, /开场介绍/);
  await expect(screen.getByTestId('segment-department')).toHaveText('市住建局');
  await expect(screen.getByTestId('segment-person')).toContainText('王建军');
  await expect(lower).toHaveText('回答：王建军 市住房和城乡建设局局长');
  await still(screen, 'segment-intro');

  await next(con, /播放暗访/);
  const img = screen.getByTestId('segment-evidence-image');
  await expect(img).toBeVisible();
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBe(1280);
  await expect(overlay.getByTestId('segment-lower-third')).toHaveCount(0);
  await still(screen, 'segment-evidence-image');

  await next(con, /开始提问计时/);
  await expect(screen.getByTestId('segment-speaker')).toContainText('提问');
  await expect(screen.getByTestId('segment-speaker')).toContainText('王建国 代表');
  await expect(screen.getByTestId('segment-topic')).toHaveText('老旧小区改造进度滞后');
  await expect(lower).toHaveText('提问：王建国 代表');
  await expect(clock).toHaveAttribute('data-state', 'normal');
  await expect(screen.getByTestId('screen-clock-digits')).toHaveText(/^1:(2\d|30)$/);
  await expectClockOnServerTime(screen, 'screen-clock', watcher.view);
  await expectClockOnServerTime(overlay, 'overlay-clock', watcher.view);
  await still(screen, 'segment-question');
  await shot(overlay, 'segment-lower-third-question');

  // Pause holds the time; −30 s twice brings the last 30 s (warning colour); −30 s more: zero.
  await con.getByTestId('timer-pause').click();
  await expect(clock).toContainText('计时暂停');
  await con.getByTestId('timer-resume').click();
  await con.getByTestId('timer-take').click();
  await con.getByTestId('timer-take').click();
  await expect(clock).toHaveAttribute('data-state', 'warn');
  await expectClockOnServerTime(screen, 'screen-clock', watcher.view);
  await expect(con.getByTestId('console-clock')).toHaveAttribute('data-state', 'warn');
  await still(screen, 'segment-question-warning');
  await con.getByTestId('timer-take').click();
  await expect(clock).toHaveAttribute('data-state', 'over');
  await expect(screen.getByTestId('screen-clock-over')).toContainText('时间到');
  await expect(screen.getByTestId('screen-clock-digits')).toHaveText('0:00');
  await still(screen, 'segment-question-timeup');
  await con.getByTestId('timer-reset').click();
  await expect(clock).toContainText('计时暂停');
  await expect(screen.getByTestId('screen-clock-digits')).toHaveText('1:30');
  await con.getByTestId('timer-resume').click();
  await shot(con, 'segment-console');

  await next(con, /开始答复计时/);
  await expect(screen.getByTestId('segment-speaker')).toContainText('回答');
  await expect(lower).toHaveText('回答：王建军 市住房和城乡建设局局长');
  await expect(screen.getByTestId('screen-clock-digits')).toHaveText(/^(2:59|3:00)$/);
  await expectClockOnServerTime(screen, 'screen-clock', watcher.view);
  await still(screen, 'segment-answer');
  await shot(overlay, 'segment-lower-third-answer');

  for (const asker of ['赵丽华', '胡红梅']) {
    await next(con, /开始提问计时/);
    await expect(lower).toHaveText(`提问：${asker} 代表`);
    await next(con, /开始答复计时/);
    await expect(lower).toHaveText('回答：王建军 市住房和城乡建设局局长');
  }
  await rateSegment(con, screen, phones, mod, 'seg-housing-dept', ['satisfied', 'satisfied', 'basic']);
  await expect(screen.getByTestId('card-score')).toContainText('86.67'); // one subject: the full-frame card (B16)
  await still(screen, 'segment-rating-result');
  await next(con, /结束本环节/);
  await expect(con.getByTestId('segment-log-0')).toContainText('王建国');
  await expect(con.getByTestId('segment-log-rating')).toContainText('86.67');

  // ---- segment 2: 市交通运输局, the third question with an undercover video ----
  await con.getByTestId('rundown-pick-seg-transport').click();
  await next(con, /开场介绍/);
  await expect(screen.getByTestId('segment-department')).toHaveText('市交通运输局');
  for (const asker of ['梁桂兰', '邓文博']) {
    await next(con, /开始提问计时/);
    await expect(lower).toHaveText(`提问：${asker} 代表`);
    await next(con, /开始答复计时/);
    await expect(lower).toHaveText('回答：李海涛 市交通运输局局长');
  }
  await next(con, /播放暗访/);
  const vid = screen.getByTestId('segment-evidence-video');
  await expect(vid).toBeVisible();
  await expect.poll(() => vid.evaluate((el: HTMLVideoElement) => el.readyState >= 2 && el.videoWidth)).toBe(640);
  expect(await vid.evaluate((el: HTMLVideoElement) => el.controls)).toBe(false);
  // The console plays it on the screen, then pauses it; the screen has no controls of its own.
  expect(await vid.evaluate((el: HTMLVideoElement) => el.paused)).toBe(true);
  await con.getByTestId('evidence-play').click();
  await expect.poll(() => vid.evaluate((el: HTMLVideoElement) => !el.paused && el.currentTime > 0.5)).toBe(true);
  await still(screen, 'segment-evidence-video');
  await con.getByTestId('evidence-pause').click();
  await expect.poll(() => vid.evaluate((el: HTMLVideoElement) => el.paused)).toBe(true);
  await next(con, /开始提问计时/);
  await expect(lower).toHaveText('提问：袁春燕 代表');
  await next(con, /开始答复计时/);
  await rateSegment(con, screen, phones, mod, 'seg-transport-dept', ['basic', 'unsatisfied', 'basic']);
  await expect(screen.getByTestId('card-score')).toContainText('40.00');
  await next(con, /结束本环节/);
  await expect(screen.getByTestId('segment-done')).toContainText('本环节问政结束');
  await still(screen, 'segment-done');

  // ---- the ranking of the meeting holds both departments, 住建局 first ----
  await mod.run({ type: 'setScene', scene: { kind: 'ranking' } });
  const rows = screen.getByTestId('scene-ranking').locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText('市住建局');
  await expect(rows.last()).toContainText('市交通运输局');
  await screen.waitForTimeout(800);
  await still(screen, 'segment-ranking');

  // ---- the segment log for the report: who asked, what, time used ----
  const report = (await (await fetch(`${server.url}/api/meetings/demo/segments`, { headers: { authorization: `Bearer ${session}` } })).json()) as {
    segments: { itemId: string; questions: { asker: string; question: { usedMs: number } | null; answer: { usedMs: number } | null }[]; rating: { score: number } | null }[];
  };
  const [s1, s2] = report.segments;
  expect(s1?.questions.map((q) => q.asker)).toEqual(['王建国', '赵丽华', '胡红梅']);
  expect(s1?.questions.every((q) => q.question !== null && q.answer !== null)).toBe(true);
  expect(s1?.rating?.score).toBe(86.67);
  expect(s2?.rating?.score).toBe(40);
  for (const d of present) d.close();
  watcher.socket.close();
  mod.socket.close();
});

type Level = 'satisfied' | 'basic' | 'unsatisfied';

/** One click opens the rating pre-filled with the department; three phones rate; close and reveal. */
async function rateSegment(con: Page, screen: Page, phones: Page[], mod: Awaited<ReturnType<typeof moderator>>, subject: string, levels: Level[]) {
  await next(con, /发起满意度测评/);
  const rid = await mod.activeRound();
  await expect(screen.getByTestId('scene-voting')).toBeVisible();
  for (const [i, phone] of phones.entries()) {
    await phone.getByTestId(`level-${levels[i] ?? 'satisfied'}`).click();
    await phone.getByTestId('confirm-submit').click();
    await expect(phone.getByTestId('submitted')).toContainText('已提交');
  }
  await mod.run({ type: 'close', roundId: rid });
  await mod.run({ type: 'reveal', roundId: rid });
  // The segment's one subject, its department (G12), revealed as the full-frame card (B16).
  await expect(screen.getByTestId('rating-card')).toBeVisible();
  await expect(screen.getByTestId('rating-card')).toContainText(subject === 'seg-housing-dept' ? '市住建局' : '市交通运输局');
}
