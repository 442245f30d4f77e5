// The deputy's phone on a bad day (#14): Wi-Fi gone for 20 s in the middle of a vote, a reload
// half-way through a five-department rating, a round that closes on someone who did not vote;
// and on every screen a deputy can reach, controls big enough for a thumb and text dark enough
// for older eyes, in normal and 大字 (large text) mode.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { addAgendaItem, linkUrls, loginApi, moderator, shot, socketDeputy, type Moderator } from './kinds-helpers.js';
import { measurePhone } from './phone-a11y.js';
import { startBuiltServer, type RunningServer } from './server.js';

let server: RunningServer;
let session: string;
let mod: Moderator;
let links: string[];
const others: { close(): void }[] = [];
/** The latest console view's voter count per round, from the moderator's own socket. */
const voters = new Map<string, number>();

const SUBJECTS = [
  { id: 's1', name: '市住建局', person: '王建军', title: '局长' },
  { id: 's2', name: '市交通运输局', person: '李海涛', title: '局长' },
  { id: 's3', name: '市生态环境局', person: '张丽萍', title: '局长' },
  { id: 's4', name: '市教育局', person: '刘志远', title: '局长' },
  { id: 's5', name: '市卫健委', person: '陈晓东', title: '主任' },
];

test.beforeAll(async () => {
  server = await startBuiltServer();
  session = await loginApi(server.url);
  for (const k of [1, 2, 3, 4, 5, 6]) {
    await addAgendaItem(server.url, session, { id: `ux-m${k}`, kind: 'motion', title: `表决《关于第${k}项决定的草案》`, settings: { countdownSec: 300 } });
  }
  for (const k of [1, 2, 3, 4]) {
    await addAgendaItem(server.url, session, { id: `ux-r${k}`, kind: 'rating', title: `满意度测评（第${k}轮）`, settings: { countdownSec: 300, scale: 'three' }, subjects: SUBJECTS });
  }
  await addAgendaItem(server.url, session, {
    id: 'ux-p1',
    kind: 'projects',
    title: '民生实事项目票决（6 选 3）',
    settings: { countdownSec: 300, form: 'select', adopt: 3 },
    projects: ['城区老旧小区改造提升工程（含加装电梯与雨污分流改造）', '新建公办幼儿园 6 所', '城乡公交一体化', '社区嵌入式养老服务中心', '背街小巷路面整治', '农村饮水安全巩固提升'].map((name, i) => ({ id: `p${i + 1}`, name, department: '市住建局', budget: `${(i + 1) * 300} 万元` })),
  });
  await addAgendaItem(server.url, session, {
    id: 'ux-p2',
    kind: 'projects',
    title: '民生实事项目票决（4 选 2）',
    settings: { countdownSec: 300, form: 'select', adopt: 2 },
    projects: ['新建公办幼儿园', '城乡公交一体化', '社区养老服务中心', '农村饮水安全'].map((name, i) => ({ id: `q${i + 1}`, name })),
  });
  mod = await moderator(server.url, session);
  mod.socket.on('view', (v: { rounds?: { id: string; voterCount: number }[] }) => {
    for (const r of v.rounds ?? []) voters.set(r.id, r.voterCount);
  });
  links = await linkUrls(server.url, session);
  // Sixteen of thirty present from sockets: every round here has its quorum.
  for (const l of links.slice(14, 30)) others.push(await socketDeputy(server.url, l));
});

test.afterAll(async () => {
  for (const o of others) o.close();
  mod?.socket.close();
  await server?.stop();
});

async function phone(browser: Browser, link: string, size = { width: 390, height: 844 }): Promise<Page> {
  const ctx = await browser.newContext({ viewport: size, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
  const page = await ctx.newPage();
  await page.goto(link);
  return page;
}

async function checkIn(page: Page): Promise<void> {
  await page.getByTestId('check-in').click();
  await expect(page.getByTestId('checked-in')).toBeVisible();
}

async function start(itemId: string): Promise<string> {
  await mod.run({ type: 'startRound', itemId, countdownSec: 300 });
  return mod.activeRound();
}

test('[#14] Wi-Fi gone for 20 s mid-vote: banner within 3 s, countdown marked paused, the ballot sent once on return', async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await phone(browser, links[0] ?? '');
  await checkIn(page);
  const rid = await start('ux-m1');
  await page.getByTestId('choice-for').click();
  await expect(page.getByTestId('vote-confirm')).toBeVisible();
  // The page fetches the offline words' font pieces while online (warm-font.ts); on a loaded
  // machine that can take longer than the few steps above. A phone online for a moment has them.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));

  const cut = Date.now();
  await page.context().setOffline(true);
  await page.getByTestId('confirm-submit').click();
  const banner = page.getByTestId('conn-banner');
  await expect(banner).toContainText('连接中断，正在重连', { timeout: 3000 });
  expect(Date.now() - cut).toBeLessThan(3000);
  await expect(banner).toContainText('选票已保存在本机');
  // The phone cannot know the time left while cut off: it says so rather than count on.
  await expect(page.getByTestId('countdown')).toContainText('已断开');
  await expect(page.getByTestId('countdown')).toContainText('计时以大屏为准');
  // Waiting, not failing: no error wording on the pending ballot.
  await expect(page.getByTestId('submitting')).toContainText('等待网络恢复后自动提交');
  await expect(page.getByTestId('submitting')).not.toContainText('失败');
  // No boxes: every character of what the phone says while cut off is in a loaded font piece.
  const unrendered = await page.evaluate(() => {
    const family = getComputedStyle(document.body).fontFamily;
    return ['conn-banner', 'countdown', 'submitting'].flatMap((id) => {
      const el = document.querySelector(`[data-testid="${id}"]`);
      const text = el?.textContent ?? '';
      return [400, 700].every((w) => document.fonts.check(`${w} 16px ${family}`, text)) ? [] : [text];
    });
  });
  expect(unrendered).toEqual([]);
  await page.waitForTimeout(20_000 - (Date.now() - cut));
  expect(voters.get(rid) ?? 0).toBe(0);

  await page.context().setOffline(false);
  await expect(page.getByTestId('submitted')).toBeVisible({ timeout: 15_000 });
  await expect(banner).toHaveCount(0);
  await expect(page.getByTestId('submitted-choice')).toHaveText('赞成');
  await expect.poll(() => voters.get(rid)).toBe(1);
  // Resends after the return (the queued emit and the outbox's own) must not count twice.
  await page.waitForTimeout(3000);
  expect(voters.get(rid)).toBe(1);
  await mod.run({ type: 'close', roundId: rid });
  await page.context().close();
});

test('[#14] a reload in the middle of a five-subject rating keeps the step and every choice', async ({ browser }) => {
  const page = await phone(browser, links[1] ?? '');
  await checkIn(page);
  const rid = await start('ux-r1');
  await expect(page.getByTestId('rating-progress')).toHaveText('第 1 / 5 项');
  await page.getByTestId('level-satisfied').click();
  await page.getByTestId('level-basic').click();
  await page.getByTestId('rating-skip').click();
  await page.getByTestId('level-unsatisfied').click();
  await expect(page.getByTestId('rating-progress')).toHaveText('第 5 / 5 项');

  await page.reload();
  await expect(page.getByTestId('rating-progress')).toHaveText('第 5 / 5 项');
  await page.getByTestId('level-satisfied').click();
  await expect(page.getByTestId('rating-review')).toBeVisible();
  await expect(page.getByTestId('review-s1')).toContainText('满意');
  await expect(page.getByTestId('review-s2')).toContainText('基本满意');
  await expect(page.getByTestId('review-s3')).toContainText('未测评');
  await expect(page.getByTestId('review-s4')).toContainText('不满意');
  await expect(page.getByTestId('review-s5')).toContainText('满意');
  // The review itself survives a reload too.
  await page.reload();
  await expect(page.getByTestId('rating-review')).toBeVisible();
  await page.getByTestId('confirm-submit').click();
  await expect(page.getByTestId('submitted')).toBeVisible();
  await expect(page.getByTestId('echo-s4')).toContainText('不满意');
  // Submitted: the draft is gone from the phone.
  const left = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('wz.draft.')));
  expect(left).toEqual([]);
  await mod.run({ type: 'close', roundId: rid });
  await page.context().close();
});

test('[#14] a reload keeps the ticks on a project ballot, and the confirm step', async ({ browser }) => {
  const page = await phone(browser, links[12] ?? '');
  await checkIn(page);
  const rid = await start('ux-p2');
  await page.getByTestId('pick-q2').click();
  await page.getByTestId('pick-q4').click();
  await expect(page.getByTestId('pick-counter')).toContainText('2');
  await page.reload();
  await expect(page.getByTestId('pick-counter')).toContainText('2');
  await expect(page.getByTestId('pick-q2').locator('input')).toBeChecked();
  await expect(page.getByTestId('pick-q4').locator('input')).toBeChecked();
  await expect(page.getByTestId('pick-q1').locator('input')).toBeDisabled(); // full: 2 of 2
  await page.getByTestId('ballot-next').click();
  await page.reload();
  await expect(page.getByTestId('confirm-picks').locator('li')).toHaveText(['城乡公交一体化', '农村饮水安全']);
  await page.getByTestId('confirm-submit').click();
  await expect(page.getByTestId('echo-q4')).toBeVisible();
  await mod.run({ type: 'close', roundId: rid });
  await page.context().close();
});

test('[#14] at close, a deputy who did not vote is told so plainly; one who did sees the recorded choice', async ({ browser }) => {
  const absent = await phone(browser, links[2] ?? '');
  const voted = await phone(browser, links[3] ?? '');
  await checkIn(absent);
  await checkIn(voted);
  const rid = await start('ux-m2');
  // The one who did not vote started on a draft: close clears it.
  await absent.getByTestId('choice-against').click();
  await voted.getByTestId('choice-abstain').click();
  await voted.getByTestId('confirm-submit').click();
  await expect(voted.getByTestId('submitted')).toBeVisible();
  await mod.run({ type: 'close', roundId: rid });
  await expect(absent.getByTestId('not-voted')).toHaveText(/您未参加本轮表决/);
  await expect(voted.getByTestId('submitted-choice')).toHaveText('弃权');
  await expect(voted.getByTestId('not-voted')).toHaveCount(0);
  await absent.reload();
  await expect(absent.getByTestId('not-voted')).toBeVisible();
  await absent.context().close();
  await voted.context().close();
});

test('[#14] during a questioning segment the phone says what is happening, not that something is unsupported', async ({ browser }) => {
  const page = await phone(browser, links[4] ?? '');
  await checkIn(page);
  const meeting = (await (await fetch(`${server.url}/api/meetings/demo`, { headers: { authorization: `Bearer ${session}` } })).json()) as { agenda: { id: string; kind: string; department?: string }[] };
  const seg = meeting.agenda.find((i) => i.kind === 'segment');
  expect(seg).toBeDefined();
  await mod.run({ type: 'showItem', itemId: seg?.id ?? null });
  await expect(page.getByTestId('segment-notice')).toContainText('问政进行中，请关注大屏');
  await expect(page.getByTestId('segment-notice')).toContainText(seg?.department ?? '');
  await expect(page.getByText('此项暂不支持手机投票')).toHaveCount(0);
  await page.context().close();
});

/** Every control ≥ 56 px and all text ≥ 4.5:1 on the screen as it is now. */
async function expectReadable(page: Page, state: string): Promise<void> {
  const m = await measurePhone(page);
  expect(m.controls, `${state}: controls measured`).toBeGreaterThan(0);
  expect(m.texts, `${state}: texts measured`).toBeGreaterThan(0);
  expect(m.small, `${state}: tap targets under 56 px`).toEqual([]);
  expect(m.faint, `${state}: text under 4.5:1`).toEqual([]);
}

async function setLarge(page: Page, on: boolean): Promise<void> {
  await page.getByTestId('settings').click();
  const sw = page.getByTestId('large-text');
  if ((await sw.getAttribute('aria-checked')) !== String(on)) await sw.click();
  await expect(sw).toHaveAttribute('aria-checked', String(on));
  await page.getByTestId('settings-close').click();
}

test('[#14] tap targets ≥ 56 px and text contrast ≥ 4.5:1 on every phone screen, normal and 大字', async ({ browser }) => {
  test.setTimeout(120_000);
  for (const [k, large] of [[5, false], [6, true]] as const) {
    const page = await phone(browser, links[k] ?? '');
    await expect(page.getByTestId('lang-toggle')).toHaveCount(0); // off the main screen, in the menu
    if (large) await setLarge(page, true);
    await expectReadable(page, `check-in ${large}`);
    await page.getByTestId('settings').click();
    await expect(page.getByTestId('settings-sheet')).toBeVisible();
    await expectReadable(page, `settings ${large}`);
    await page.getByTestId('settings-close').click();
    await checkIn(page);
    await expectReadable(page, `waiting ${large}`);
    const m = await start(large ? 'ux-m4' : 'ux-m3');
    await expectReadable(page, `motion ${large}`);
    await page.getByTestId('choice-for').click();
    await expectReadable(page, `confirm ${large}`);
    await page.getByTestId('confirm-submit').click();
    await expect(page.getByTestId('submitted')).toBeVisible();
    await expectReadable(page, `submitted ${large}`);
    await mod.run({ type: 'close', roundId: m });
    await expect(page.getByTestId('receipt-check')).toBeVisible();
    await expectReadable(page, `closed ${large}`);
    if (!large) {
      // 差额选择: the list with its ticks and the full state (others cannot be ticked), then the confirm step.
      const p = await start('ux-p1');
      await expectReadable(page, 'projects list');
      for (const id of ['p1', 'p3', 'p5']) await page.getByTestId(`pick-${id}`).click();
      await expect(page.getByTestId('pick-counter')).toContainText('3');
      await expectReadable(page, 'projects full');
      await page.getByTestId('ballot-next').click();
      await expectReadable(page, 'projects confirm');
      await mod.run({ type: 'close', roundId: p });
    }
    const r = await start(large ? 'ux-r3' : 'ux-r2');
    await expectReadable(page, `rating ${large}`);
    for (let i = 0; i < 5; i += 1) await page.getByTestId('level-basic').click();
    await expectReadable(page, `review ${large}`);
    await mod.run({ type: 'close', roundId: r });
    await expect(page.getByTestId('not-voted')).toBeVisible();
    await expectReadable(page, `not voted ${large}`);
    // 大字 is kept on this phone across a reload.
    await page.reload();
    await expect(page.getByTestId('not-voted')).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.classList.contains('large-text'))).toBe(large);
    await page.context().close();
  }
});

const SIZES = [
  { name: '390', width: 390, height: 844 },
  { name: '320', width: 320, height: 640 },
] as const;

/** Nothing sticks out sideways: at 320 px in 大字 a cut-off word is a ballot misread. */
async function expectNoSideways(page: Page, state: string): Promise<void> {
  const over = await page.evaluate(() => {
    const w = document.documentElement.clientWidth;
    return [...document.querySelectorAll('main *')]
      .filter((el) => el.getBoundingClientRect().right > w + 1 && getComputedStyle(el).position !== 'fixed')
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`)
      .slice(0, 5);
  });
  expect(over, `${state}: wider than the screen`).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), `${state}: sideways scroll`).toBe(true);
}

test('[#14] screenshots at 390x844 and 320x640, normal and 大字: check-in, motion, rating step, offline banner, closed', async ({ browser }) => {
  test.setTimeout(150_000);
  const phones: { page: Page; tag: string }[] = [];
  let k = 7;
  for (const size of SIZES) {
    for (const large of [false, true]) {
      const page = await phone(browser, links[k] ?? '', size);
      k += 1;
      if (large) await setLarge(page, true);
      phones.push({ page, tag: `${size.name}${large ? '-large' : ''}` });
    }
  }
  const each = async (state: string, f: (page: Page) => Promise<void> = async () => undefined) => {
    for (const { page, tag } of phones) {
      await f(page);
      await expectNoSideways(page, `${state} ${tag}`);
      await shot(page, `phone-${state}-${tag}`);
    }
  };
  await each('checkin', (p) => expect(p.getByTestId('check-in')).toBeVisible());
  await each('settings', (p) => p.getByTestId('settings').click());
  for (const { page } of phones) await page.getByTestId('settings-close').click();
  for (const { page } of phones) await checkIn(page);
  const m = await start('ux-m5');
  await each('motion', (p) => expect(p.getByTestId('choice-for')).toBeVisible());
  await each('offline', async (p) => {
    await p.context().setOffline(true);
    await expect(p.getByTestId('conn-banner')).toBeVisible({ timeout: 3000 });
  });
  for (const { page } of phones) {
    await page.context().setOffline(false);
    await expect(page.getByTestId('conn-banner')).toHaveCount(0, { timeout: 15_000 });
  }
  await mod.run({ type: 'close', roundId: m });
  await each('closed', (p) => expect(p.getByTestId('not-voted')).toBeVisible());
  const r = await start('ux-r4');
  await each('rating', (p) => expect(p.getByTestId('rating-progress')).toHaveText('第 1 / 5 项'));
  await mod.run({ type: 'close', roundId: r });
  for (const { page } of phones) await page.context().close();
});
