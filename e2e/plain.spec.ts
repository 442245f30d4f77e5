// The deputy page without JavaScript (server/plain/), in Chromium with JavaScript off: reached
// from the JS page's <noscript> link, it checks in and votes on a motion, a project ballot and
// a rating, and the moderator's tallies include those votes. And the fallback: a phone whose
// bundle cannot run is sent to the plain page by boot-check.js on its own.
import { expect, test, type Browser, type BrowserContext } from '@playwright/test';
import { startBuiltServer, type RunningServer } from './server.js';
import { addAgendaItem, linkUrls, loginApi, moderator, shot, socketDeputy, type Moderator } from './kinds-helpers.js';

let server: RunningServer;
let session: string;
let mod: Moderator;
let links: string[];
/** The moderator's latest view of the rounds, as the console sees them. */
let rounds: { id: string; status: string; voterCount: number; result: Record<string, unknown> | null }[] = [];

test.beforeAll(async () => {
  server = await startBuiltServer();
  session = await loginApi(server.url);
  mod = await moderator(server.url, session);
  mod.socket.on('view', (v: { rounds: typeof rounds }) => (rounds = v.rounds));
  links = await linkUrls(server.url, session);
});
test.afterAll(async () => {
  mod.socket.close();
  await server.stop();
});

function phone(browser: Browser, size: { width: number; height: number }, javaScriptEnabled = false): Promise<BrowserContext> {
  return browser.newContext({ viewport: size, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', javaScriptEnabled });
}

async function startRound(itemId: string): Promise<string> {
  await mod.run({ type: 'startRound', itemId, countdownSec: 0, confirmNoQuorum: true });
  return mod.activeRound();
}

async function closeRound(roundId: string) {
  await mod.run({ type: 'close', roundId });
  await expect.poll(() => rounds.find((r) => r.id === roundId)?.status).toBe('closed');
  return rounds.find((r) => r.id === roundId);
}

test('with JavaScript off: check in, vote on a motion, a project ballot and a rating; the tallies count them', async ({ browser }) => {
  const ctx = await phone(browser, { width: 390, height: 844 });
  const page = await ctx.newPage();
  const link = links[0] ?? '';
  await page.goto(link);
  await page.getByRole('link', { name: '无法加载页面？使用简易投票页' }).click();
  await expect(page).toHaveURL(`${link}/plain`);
  await shot(page, 'plain-checkin-390');
  await page.getByRole('button', { name: '签到' }).click();
  await expect(page.getByText('您已签到')).toBeVisible();
  await expect(page.getByText('请等待主持人开始表决')).toBeVisible();

  // Another deputy on the JS path, in the same rounds.
  const other = await socketDeputy(server.url, links[1] ?? '');

  let roundId = await startRound('motion-budget');
  await page.reload(); // what the page's own 10 s refresh does
  await page.getByLabel('赞成').check();
  await shot(page, 'plain-motion-390');
  await page.getByRole('button', { name: '确认提交' }).click();
  await expect(page.getByText('您的选票已记录')).toBeVisible();
  await expect(page.getByText(/回执码：[A-Z2-9]{4} [A-Z2-9]{4}/)).toBeVisible();
  await shot(page, 'plain-motion-recorded-390');
  await other.vote(roundId, { kind: 'motion', choice: 'against' });
  let r = await closeRound(roundId);
  expect(r?.result).toMatchObject({ for: 1, against: 1, cast: 2 });
  await page.reload();
  await expect(page.getByText('投票已结束')).toBeVisible();
  await expect(page.getByText('您的回执码已在公布的回执名单中')).toBeVisible();

  roundId = await startRound('projects-2027');
  await page.reload();
  const boxes = page.getByRole('checkbox');
  for (const i of [0, 2, 4]) await boxes.nth(i).check();
  await shot(page, 'plain-projects-390');
  await page.getByRole('button', { name: '确认提交' }).click();
  await expect(page.getByText('您的选票已记录')).toBeVisible();
  await other.vote(roundId, { kind: 'select', picks: ['prj01'] });
  r = await closeRound(roundId);
  expect(r?.result).toMatchObject({ kind: 'projects', cast: 2, valid: 2 });
  const votes = Object.fromEntries((r?.result?.projects as { projectId: string; votes: number }[]).map((p) => [p.projectId, p.votes]));
  expect(votes).toMatchObject({ prj01: 2, prj03: 1, prj05: 1, prj02: 0 });

  roundId = await startRound('rating-departments');
  await page.reload();
  const groups = page.locator('fieldset');
  const n = await groups.count();
  for (let i = 0; i < n; i++) await groups.nth(i).getByLabel(i % 2 === 0 ? '满意' : '不满意', { exact: true }).check();
  await shot(page, 'plain-rating-390');
  await page.getByRole('button', { name: '确认提交' }).click();
  await expect(page.getByText('您的选票已记录')).toBeVisible();
  r = await closeRound(roundId);
  expect(r?.voterCount).toBe(1);
  const subjects = r?.result?.subjects as { valid: number; unsatisfiedVotes: number }[];
  expect(subjects.map((s) => s.valid)).toEqual(Array.from({ length: n }, () => 1));
  expect(subjects.map((s) => s.unsatisfiedVotes)).toEqual(Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 0 : 1)));
  await page.reload();
  await shot(page, 'plain-closed-390');
  other.close();
  await ctx.close();
});

test('the plain pages at 320x640 (the smallest phone): check-in, a motion and a score rating', async ({ browser }) => {
  const ctx = await phone(browser, { width: 320, height: 640 });
  const page = await ctx.newPage();
  await page.goto(`${links[2] ?? ''}/plain`);
  await shot(page, 'plain-checkin-320');
  await page.getByRole('button', { name: '签到' }).click();
  await expect(page.getByText('您已签到')).toBeVisible();
  let roundId = await startRound('motion-appoint');
  await page.reload();
  await shot(page, 'plain-motion-320');
  await closeRound(roundId);

  await addAgendaItem(server.url, session, {
    id: 'rating-score',
    kind: 'rating',
    title: '部门负责人述职打分',
    settings: { scale: 'score', countdownSec: 0 },
    subjects: [
      { id: 's1', name: '市住建局', person: '王建军', title: '局长' },
      { id: 's2', name: '市交通运输局', person: '李海涛', title: '局长' },
    ],
  });
  roundId = await startRound('rating-score');
  await page.reload();
  await page.getByRole('spinbutton').first().fill('88');
  await shot(page, 'plain-score-320');
  await page.getByRole('button', { name: '确认提交' }).click();
  await expect(page.getByText('您的选票已记录')).toBeVisible();
  await shot(page, 'plain-score-recorded-320');
  const r = await closeRound(roundId);
  expect((r?.result?.subjects as { valid: number }[]).map((s) => s.valid)).toEqual([1, 0]);
  await ctx.close();
});

test('a bundle that cannot run sends the deputy to the plain page by itself; one that runs does not', async ({ browser }) => {
  const ctx = await phone(browser, { width: 390, height: 844 }, true);
  const page = await ctx.newPage();
  // The app's entry as an older browser sees newer syntax: a SyntaxError, nothing runs.
  await page.route('**/assets/index-*.js', (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: 'const broken = ;' }));
  const link = links[3] ?? '';
  await page.goto(link);
  await expect(page).toHaveURL(`${link}/plain`, { timeout: 15_000 });
  await expect(page.getByRole('button', { name: '签到' })).toBeVisible();

  const healthy = await (await phone(browser, { width: 390, height: 844 }, true)).newPage();
  await healthy.goto(links[4] ?? '');
  await expect(healthy.getByTestId('check-in')).toBeVisible();
  await healthy.waitForTimeout(6000); // past boot-check's wait after load
  expect(new URL(healthy.url()).pathname).toBe(new URL(links[4] ?? '').pathname);
  await ctx.close();
});
