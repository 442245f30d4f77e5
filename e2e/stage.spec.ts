// What the camera shows (issue #16): the single-subject rating card and its cut-safe build,
// rankings with ties in words, transitions the director sets, every scene inside the
// title-safe area at 1920x1080 and on a 4:3 projector, Chinese line breaking, odd names that
// stay in their box, and the wording of a rating. Twenty deputies vote from sockets on the
// demo meeting; the screen and the overlay are real Chromium pages. Screenshots:
// test-results/screens/stage-*.png (kept in /tmp/wz-screens).
import { expect, test, type Browser, type Page } from '@playwright/test';
import { addAgendaItem, linkUrls, loginApi, moderator, openConsole, shot, socketDeputy, type Moderator } from './kinds-helpers.js';
import { closingAtLineStart } from './line-starts.js';
import { outsideTitleSafe, spillingNames, splitWords } from './stage-checks.js';
import { startBuiltServer, type RunningServer } from './server.js';

let server: RunningServer;
let mod: Moderator;
let deputies: Awaited<ReturnType<typeof socketDeputy>>[] = [];
type Level = 'satisfied' | 'basic' | 'unsatisfied';

const ONE = { id: 'rating-one', kind: 'rating', title: '对市住房和城乡建设局工作的满意度测评', settings: { visibility: 'hidden', countdownSec: 0, scale: 'three' }, subjects: [{ id: 'housing', name: '市住房和城乡建设局', person: '王建军', title: '局长' }] };
const FLAG = { id: 'rating-flag', kind: 'rating', title: '对市城市管理局工作的满意度测评', settings: { visibility: 'hidden', countdownSec: 0, scale: 'three' }, subjects: [{ id: 'city', name: '市城市管理局', person: '赵建国', title: '局长' }] };
const ODD_NAMES = ['Z̷̢̛̪a̸̡͎l̵g̶o̴̢͙ Z̷̢̛̪a̸̡͎l̵g̶o̴̢͙ Z̷̢̛̪a̸̡͎l̵g̶o̴̢͙', '﷽﷽﷽﷽﷽﷽﷽﷽﷽﷽', '𒐫𒐫𒐫𒐫𒐫𒐫𒐫𒐫𒐫𒐫𒐫𒐫', 'ＷＷＷＷＷＷＷＷＷＷＷＷＷＷＷＷＷＷＷＷＷＷＷＷＷＷＷＷ'];
/** Long messages: without care a line starts with ， 。 ” or …, or a word like 不要 is split. */
const MESSAGES = [
  '休会十分钟，请各位代表不要离开会场，准时返回座位，会议将于十时三十分继续举行，进行满意度测评！',
  '请各位代表注意：会议将于十时三十分继续举行，请不要离开会场。',
  '休会十分钟。请各位代表准时返回会场，不要迟到，谢谢！',
  '“不忘初心、牢记使命”——请各位代表按时返回会场，会议马上开始……',
  '请请各位代表注意：会议将于十时三十分继续举行，请不要离开会场，谢谢配合。',
];
const ODD = { id: 'rating-odd', kind: 'rating', title: '名称测试', settings: { visibility: 'turnout', countdownSec: 0, scale: 'three' }, subjects: ODD_NAMES.map((name, i) => ({ id: `odd${i}`, name, person: '', title: '' })) };

async function vote(itemId: string, content: (i: number) => unknown, n = 20): Promise<string> {
  await mod.run({ type: 'startRound', itemId, countdownSec: 0 });
  const rid = await mod.activeRound();
  for (const [i, d] of deputies.slice(0, n).entries()) await d.vote(rid, content(i));
  return rid;
}

const rating = (subjects: string[], level: (i: number, subject: string) => Level) => (i: number) => ({ kind: 'rating', ratings: Object.fromEntries(subjects.map((s) => [s, level(i, s)])) });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await startBuiltServer();
  const session = await loginApi(server.url);
  for (const item of [ONE, FLAG, ODD]) await addAgendaItem(server.url, session, item);
  mod = await moderator(server.url, session);
  const links = await linkUrls(server.url, session);
  deputies = await Promise.all(links.slice(0, 20).map((l) => socketDeputy(server.url, l)));
  // A motion, shown live.
  await mod.run({ type: 'close', roundId: await vote('motion-budget', (i) => ({ kind: 'motion', choice: i < 15 ? 'for' : i < 18 ? 'against' : 'abstain' })) });
  // 12 → 10 projects: the last two seats tie among three, so two seats stay unfilled.
  const prj = (k: number) => `prj${String(k).padStart(2, '0')}`;
  const first8 = [1, 2, 3, 4, 5, 6, 7, 8].map(prj);
  await mod.run({ type: 'close', roundId: await vote('projects-2027', (i) => ({ kind: 'select', picks: [...first8, ...[[prj(9), prj(10)], [prj(10), prj(11)], [prj(9), prj(11)]][i % 3]!] }), 18) });
  // Five departments: 市住建局 and 市交通运输局 rated alike (a tie), 市生态环境局 flagged.
  const depts = ['dept-housing', 'dept-transport', 'dept-environment', 'dept-education', 'dept-health'];
  await mod.run({ type: 'close', roundId: await vote('rating-departments', rating(depts, (i, s) => (s === 'dept-environment' ? (i < 8 ? 'unsatisfied' : 'basic') : s === 'dept-health' ? (i < 2 ? 'basic' : 'satisfied') : i < 5 ? 'basic' : 'satisfied'))) });
  await mod.run({ type: 'close', roundId: await vote('rating-odd', rating(ODD.subjects.map((s) => s.id), (i) => (i % 3 === 0 ? 'basic' : 'satisfied'))) });
});

test.afterAll(async () => {
  for (const d of deputies) d.close();
  mod?.socket.close();
  await server?.stop();
});

async function page(browser: Browser, path: string, size = { width: 1920, height: 1080 }, reducedMotion: 'reduce' | 'no-preference' = 'no-preference'): Promise<Page> {
  const ctx = await browser.newContext({ baseURL: server.url, viewport: size, locale: 'zh-CN', reducedMotion });
  const p = await ctx.newPage();
  await p.goto(path);
  return p;
}

test('[B16] a single subject\'s rating result is a full-frame card whose build is cut-safe: final figures in every frame', async ({ browser }) => {
  test.setTimeout(90_000);
  const screen = await page(browser, '/screen');
  await expect(screen.getByTestId('screen')).toBeVisible();
  // 9 满意, 4 基本满意, 3 不满意 of 16: 满意率 81.3%, score (900 + 240 + 0) / 16 = 71.25.
  const rid = await vote('rating-one', rating(['housing'], (i) => (i < 9 ? 'satisfied' : i < 13 ? 'basic' : 'unsatisfied')), 16);
  await mod.run({ type: 'close', roundId: rid });
  await mod.run({ type: 'reveal', roundId: rid });
  const card = screen.getByTestId('rating-card');
  await expect(card).toBeVisible();
  // Mid-build: the animation runs, and the figures already say what they will say at the end.
  await screen.waitForTimeout(350);
  const mid = await screen.evaluate(() => document.querySelector('[data-testid="rating-card"]')?.getAnimations({ subtree: true }).filter((a) => a.playState === 'running').length ?? 0);
  expect(mid).toBeGreaterThan(0);
  await expect(screen.getByTestId('card-rate')).toHaveText('81.3%');
  await expect(screen.getByTestId('card-score')).toHaveText('71.25');
  await expect(screen.getByTestId('card-level-satisfied')).toContainText('9');
  await expect(screen.getByTestId('card-level-satisfied')).toContainText('56.3%');
  await shot(screen, 'stage-card-mid-build');
  await screen.waitForTimeout(1500);
  await expect(card).toContainText('市住房和城乡建设局');
  await expect(card).toContainText('王建军');
  await expect(screen.getByTestId('card-flag')).toHaveCount(0);
  expect(await outsideTitleSafe(screen)).toEqual([]);
  await shot(screen, 'stage-card-final');

  // Viewers who ask for less motion (and a screen so set) get the final frame at once.
  const calm = await page(browser, '/screen', { width: 1920, height: 1080 }, 'reduce');
  await expect(calm.getByTestId('rating-card')).toBeVisible();
  await mod.run({ type: 'setScene', scene: { kind: 'title' } });
  await mod.run({ type: 'setScene', scene: { kind: 'result', itemId: 'rating-one' } });
  await expect(calm.getByTestId('rating-card')).toBeVisible();
  await calm.waitForTimeout(100);
  expect(await calm.evaluate(() => document.querySelector('[data-testid="rating-card"]')?.getAnimations({ subtree: true }).length ?? -1)).toBe(0);
  await calm.context().close();
  await screen.context().close();
});

test('[B16] a flagged subject\'s card says 需整改 in words, with the rule', async ({ browser }) => {
  test.setTimeout(60_000);
  const screen = await page(browser, '/screen');
  const overlay = await page(browser, '/overlay?guides=1');
  // 4 满意, 6 基本满意, 6 不满意 of 16: 不满意率 37.5% > 20%.
  await mod.run({ type: 'setScene', scene: { kind: 'voting', itemId: 'rating-flag' } });
  const rid = await vote('rating-flag', rating(['city'], (i) => (i < 4 ? 'satisfied' : i < 10 ? 'basic' : 'unsatisfied')), 16);
  // [B17] A rating is 测评, not 表决; results held for the moderator are not promised at close.
  await expect(overlay.getByTestId('lower-third-figures')).toContainText('测评进行中');
  await expect(overlay.getByTestId('lower-third-figures')).not.toContainText('表决');
  await shot(overlay, 'stage-overlay-rating-open');
  await expect(screen.getByTestId('scene-voting')).toContainText('测评进行中');
  await expect(screen.getByTestId('scene-voting')).not.toContainText('结束后公布');
  await expect(screen.getByTestId('scene-voting')).toContainText('主持人宣布');
  await shot(screen, 'stage-voting-rating-hidden');
  await mod.run({ type: 'close', roundId: rid });
  await expect(screen.getByTestId('screen-closed')).toContainText('测评已结束');
  await expect(overlay.getByTestId('lower-third-figures')).toContainText('测评已结束');
  await shot(overlay, 'stage-overlay-rating-closed');
  await mod.run({ type: 'reveal', roundId: rid });
  await expect(screen.getByTestId('card-flag')).toContainText('需整改');
  await expect(screen.getByTestId('card-flag')).toContainText('37.5%');
  await screen.waitForTimeout(1700);
  expect(await outsideTitleSafe(screen)).toEqual([]);
  await shot(screen, 'stage-card-flagged');
  await expect(overlay.getByTestId('lower-third-figures')).toContainText('需整改');
  await overlay.waitForTimeout(600);
  await shot(overlay, 'stage-overlay-rating-result');
  await screen.context().close();
  await overlay.context().close();
});

/** Cut to a scene and wait until it is up and its transition and build are over. */
async function cut(screen: Page, scene: Record<string, unknown>): Promise<void> {
  await mod.run({ type: 'setScene', scene });
  await expect(screen.getByTestId(`scene-${String(scene.kind)}`)).toBeVisible();
  await screen.waitForTimeout(1700);
}

const SCENES: [string, Record<string, unknown>][] = [
  ['title', { kind: 'title' }],
  ['agenda', { kind: 'agenda' }],
  ['checkin', { kind: 'checkin' }],
  ['intro-rating', { kind: 'intro', itemId: 'rating-departments' }],
  ['intro-projects', { kind: 'intro', itemId: 'projects-2027' }],
  ['result-motion', { kind: 'result', itemId: 'motion-budget' }],
  ['result-projects', { kind: 'result', itemId: 'projects-2027' }],
  ['result-rating', { kind: 'result', itemId: 'rating-departments' }],
  ['result-rating-odd', { kind: 'result', itemId: 'rating-odd' }],
  ['result-rating-one', { kind: 'result', itemId: 'rating-one' }],
  ['ranking', { kind: 'ranking' }],
  ['notice', { kind: 'notice', itemId: 'projects-2027' }],
  ...MESSAGES.map((text, i): [string, Record<string, unknown>] => [`message-${i + 1}`, { kind: 'message', text }]),
];

async function walk(screen: Page, suffix: string): Promise<Record<string, string[]>> {
  const bad: Record<string, string[]> = {};
  for (const [name, scene] of SCENES) {
    await cut(screen, scene);
    const found = [
      ...(await outsideTitleSafe(screen)).map((x) => `title-safe: ${x}`),
      ...(await closingAtLineStart(screen, '.scene-layer')).map((x) => `line start: ${x}`),
      ...(await spillingNames(screen, '.scene-layer .fit-text, .scene-layer td, .scene-layer th')).map((x) => `spills: ${x}`),
      ...(await screen.evaluate(() => {
        const stage = document.querySelector('.scene-layer')?.getBoundingClientRect();
        const out: string[] = [];
        for (const el of document.querySelectorAll('.scene-layer *')) {
          const b = el.getBoundingClientRect();
          if (stage && b.width > 0 && (b.right > stage.right + 1 || b.bottom > stage.bottom + 1)) out.push(`overflow: ${el.className} ${Math.round(b.right)},${Math.round(b.bottom)}`);
        }
        return out.slice(0, 3);
      })),
    ];
    if (name.startsWith('message')) found.push(...(await splitWords(screen, '[data-testid="scene-message-text"]')).map((w) => `split word: ${w}`));
    if (found.length > 0) bad[name] = found;
    await shot(screen, `stage-${name}-${suffix}`);
  }
  return bad;
}

test('[B15][B18] every scene at 1920x1080 and on a 4:3 projector: text inside title-safe, no line starting with closing punctuation, no word split, nothing spilling', async ({ browser }) => {
  test.setTimeout(240_000);
  const wide = await page(browser, '/screen');
  await expect(wide.getByTestId('screen')).toBeVisible();
  expect(await walk(wide, '16x9')).toEqual({});
  await wide.context().close();
  const square = await page(browser, '/screen', { width: 1440, height: 1080 });
  await expect(square.getByTestId('screen')).toBeVisible();
  expect(await walk(square, '4x3')).toEqual({});

  // A vote in progress and closed, with the attendance column at the frame's right edge.
  const wide2 = await page(browser, '/screen');
  await mod.run({ type: 'startRound', itemId: 'motion-appoint', countdownSec: 90 });
  const rid = await mod.activeRound();
  for (const d of deputies.slice(0, 7)) await d.vote(rid, { kind: 'motion', choice: 'for' });
  for (const [p, suffix] of [[wide2, '16x9'], [square, '4x3']] as const) {
    await expect(p.getByTestId('screen-voted')).toHaveText('7');
    await p.waitForTimeout(1000);
    expect(await outsideTitleSafe(p)).toEqual([]);
    await shot(p, `stage-voting-open-${suffix}`);
  }
  await mod.run({ type: 'close', roundId: rid });
  for (const [p, suffix] of [[wide2, '16x9'], [square, '4x3']] as const) {
    await expect(p.getByTestId('screen-closed')).toBeVisible();
    expect(await outsideTitleSafe(p)).toEqual([]);
    await shot(p, `stage-voting-closed-${suffix}`);
  }
  await wide2.context().close();
  await square.context().close();
});

test('[B14] the director sets the transition: dissolve, wipe or cut, on the screen and the overlay', async ({ browser }) => {
  test.setTimeout(90_000);
  const screen = await page(browser, '/screen');
  const overlay = await page(browser, '/overlay');
  await cut(screen, { kind: 'result', itemId: 'motion-budget' });
  // What is on air 150 ms after a cut: the outgoing scene's ghost and how it leaves.
  const after = async (scene: Record<string, unknown>) => {
    // Every ghost the cut adds, however briefly it stays (a loaded machine may be slow to look).
    await screen.evaluate(() => {
      const w = window as unknown as { ghosts: string[]; watching?: boolean };
      w.ghosts = [];
      const host = document.querySelector('.scene-ghosts');
      if (host && !w.watching) w.watching = true;
      else return;
      new MutationObserver((ms) => ms.forEach((m) => m.addedNodes.forEach((n) => w.ghosts.push((n as Element).className)))).observe(host, { childList: true });
    });
    await mod.run({ type: 'setScene', scene });
    // Each step changes the transition, so the layer's attribute says the new scene is up.
    await expect(screen.locator('.scene-layer')).toHaveAttribute('data-transition', String(scene.transition ?? 'dissolve'));
    return screen.evaluate(() => ({
      ghosts: (window as unknown as { ghosts: string[] }).ghosts,
      running: document.querySelector('.scene-layer')?.getAnimations({ subtree: true }).length ?? 0,
      transition: document.querySelector('.scene-layer')?.getAttribute('data-transition'),
    }));
  };
  expect((await after({ kind: 'result', itemId: 'rating-departments', transition: 'wipe' })).ghosts).toEqual(['scene-ghost scene-ghost--wipe']);
  await expect(overlay.locator('.overlay__scene')).toHaveAttribute('data-transition', 'wipe');
  expect(await overlay.evaluate(() => document.querySelector('.lower-third')?.getAnimations().map((a) => (a as CSSAnimation).animationName))).toEqual(['lower-third-wipe']);
  await screen.waitForTimeout(800);
  const cutNow = await after({ kind: 'result', itemId: 'motion-budget', transition: 'cut' });
  // A cut: no ghost, no build; the result is complete in the first frame.
  expect(cutNow).toEqual({ ghosts: [], running: 0, transition: 'cut' });
  await expect(overlay.locator('.overlay__scene')).toHaveAttribute('data-transition', 'cut');
  expect(await overlay.evaluate(() => document.querySelector('.lower-third')?.getAnimations().length)).toBe(0);
  await screen.waitForTimeout(800);
  expect((await after({ kind: 'title' })).ghosts).toEqual(['scene-ghost scene-ghost--dissolve']);
  await screen.waitForTimeout(800);

  // From the console's scene panel: the transition select applies to the next cut.
  const con = await openConsole(browser, server.url);
  await con.getByTestId('scene-transition').selectOption('cut');
  await con.getByTestId('scene-cut-agenda').click();
  await expect(screen.getByTestId('scene-agenda')).toBeVisible();
  await expect(screen.locator('.scene-layer')).toHaveAttribute('data-transition', 'cut');
  await con.getByTestId('scene-panel').screenshot({ path: 'test-results/screens/stage-console-transition.png' });
  await con.context().close();
  await screen.context().close();
  await overlay.context().close();
});

test('[B18] odd names stay inside their cells in the console\'s tables too', async ({ browser }) => {
  test.setTimeout(60_000);
  const con = await openConsole(browser, server.url);
  await con.getByTestId('agenda-item-rating-odd').click();
  const panel = con.getByTestId('result-panel');
  await expect(panel.locator('td, th').first()).toBeVisible();
  await expect(panel).toContainText('﷽');
  expect(await spillingNames(con, '[data-testid="result-panel"] td, [data-testid="result-panel"] th')).toEqual([]);
  await shot(con, 'stage-console-odd-names');
  await con.context().close();
});
