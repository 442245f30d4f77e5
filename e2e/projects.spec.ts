// 民生实事项目票决 end to end: three phones (390x844) tick projects in the demo meeting's
// 12→10 vote, 24 more deputies vote from sockets, three projects tie for the last two seats,
// a run-off among them settles it, and the big screen (1920x1080) shows the right numbers,
// then the 公告 with the ten adopted projects in rank order.
import { expect, test, type Page } from '@playwright/test';
import { startBuiltServer, type RunningServer } from './server.js';
import { linkUrls, loginApi, moderator, openConsole, openPhone, openScreen, shot, socketDeputy } from './kinds-helpers.js';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startBuiltServer();
});
test.afterAll(async () => {
  await server?.stop();
});

const ITEM = 'projects-2027';
const id = (n: number) => `prj${String(n).padStart(2, '0')}`;
const FIRST_EIGHT = [1, 2, 3, 4, 5, 6, 7, 8].map(id);
/** Pairs among prj09..prj11 rotate, so the three tie at 18 votes each for the last 2 seats. */
const PAIRS = [
  [id(9), id(10)],
  [id(10), id(11)],
  [id(9), id(11)],
] as const;

async function tick(phone: Page, ids: readonly string[]): Promise<void> {
  for (const x of ids) await phone.getByTestId(`pick-${x}`).click();
}

test('a 12→10 project vote with a tie and a run-off, from three phones to the big screen', async ({ browser }) => {
  test.setTimeout(180_000);
  const session = await loginApi(server.url);
  const mod = await moderator(server.url, session);
  const links = await linkUrls(server.url, session);
  const screen = await openScreen(browser, server.url);
  const phones = [];
  for (const url of links.slice(0, 3)) phones.push(await openPhone(browser, url));
  const others = await Promise.all(links.slice(3, 27).map((l) => socketDeputy(server.url, l)));

  await mod.run({ type: 'setScene', scene: { kind: 'voting', itemId: ITEM } });
  await mod.run({ type: 'startRound', itemId: ITEM, countdownSec: 0 });
  const first = await mod.activeRound();

  const [p1, p2, p3] = phones;
  if (!p1 || !p2 || !p3) throw new Error('three phones');
  await expect(p1.getByTestId('pick-counter')).toHaveText('已选 0 / 10');
  await shot(p1, 'phone-projects-list');
  // Ten ticks fill the ballot: the other two boxes cannot be ticked any more.
  await tick(p1, [...FIRST_EIGHT, ...PAIRS[0]]);
  await expect(p1.getByTestId('pick-counter')).toHaveText('已选 10 / 10');
  await expect(p1.getByTestId(`pick-${id(11)}`).locator('input')).toBeDisabled();
  await p1.getByTestId(`pick-${id(12)}`).click({ force: true });
  await expect(p1.getByTestId('pick-counter')).toHaveText('已选 10 / 10');
  await shot(p1, 'phone-projects-full');
  await p1.getByTestId('ballot-next').click();
  await expect(p1.getByTestId('confirm-picks').locator('li')).toHaveCount(10);
  await shot(p1, 'phone-projects-confirm');
  await p1.getByTestId('confirm-submit').click();
  await expect(p1.getByTestId('submitted')).toContainText('已提交');
  await expect(p1.getByTestId('recorded-echo').locator('li')).toHaveCount(10);
  await shot(p1, 'phone-projects-submitted');

  for (const [phone, pair] of [[p2, PAIRS[1]], [p3, PAIRS[2]]] as const) {
    await tick(phone, [...FIRST_EIGHT, ...pair]);
    await phone.getByTestId('ballot-next').click();
    await phone.getByTestId('confirm-submit').click();
    await expect(phone.getByTestId('recorded-echo')).toContainText('已记录您勾选的 10 个项目');
  }
  for (const [i, d] of others.entries()) await d.vote(first, { kind: 'select', picks: [...FIRST_EIGHT, ...(PAIRS[i % 3] ?? [])] });

  await mod.run({ type: 'close', roundId: first });
  await mod.run({ type: 'setScene', scene: { kind: 'result', itemId: ITEM } });
  // Ranked bars: the labels read votes and status; the majority and adoption lines are drawn.
  const chart = screen.getByTestId('projects-chart');
  const label = (re: RegExp) => chart.locator('text').filter({ hasText: re });
  await expect(label(/^27\s+入选$/)).toHaveCount(8);
  await expect(label(/^18\s+票数相同$/)).toHaveCount(3);
  await expect(label(/^0\s+未过半数$/)).toHaveCount(1);
  await expect(chart).toContainText('须过半数 16 票');
  await expect(screen.getByTestId('adoption-line')).toContainText('入选线：前 10 名');
  await screen.waitForTimeout(1500); // let the build animation finish
  await shot(screen, 'screen-projects-tie');

  // The console shows the tie and offers the run-off: only the three tied projects, two seats.
  const con = await openConsole(browser, server.url);
  await expect(con.getByTestId('console-project-prj09')).toContainText('票数相同');
  await expect(con.getByTestId('start-runoff')).toBeVisible();
  await shot(con, 'console-projects-tie');
  await con.getByTestId('start-runoff').click();
  const ro = await mod.activeRound();
  expect(ro).not.toBe(first);
  await expect(p1.getByTestId('pick-counter')).toHaveText('已选 0 / 2');
  await expect(p1.getByTestId('projects-ballot').locator('.pick')).toHaveCount(3);
  await shot(p1, 'phone-projects-runoff');
  for (const [phone, picks] of [[p1, [id(9), id(10)]], [p2, [id(9), id(10)]], [p3, [id(10), id(11)]]] as const) {
    await tick(phone, picks);
    await phone.getByTestId('ballot-next').click();
    await phone.getByTestId('confirm-submit').click();
    await expect(phone.getByTestId('submitted')).toContainText('已提交');
  }
  for (const [i, d] of others.entries()) await d.vote(ro, { kind: 'select', picks: i % 2 === 0 ? [id(9), id(10)] : [id(10), id(11)] });
  await mod.run({ type: 'close', roundId: ro });
  await mod.run({ type: 'setScene', scene: { kind: 'result', itemId: ITEM } });
  await expect(label(/^18\s+再次投票 27\s+入选$/)).toHaveCount(1);
  await expect(label(/^18\s+再次投票 14\s+入选$/)).toHaveCount(1);
  await expect(label(/^18\s+再次投票 13\s+未入选$/)).toHaveCount(1);
  await screen.waitForTimeout(500);
  await shot(screen, 'screen-projects-final');

  // The run-off's own result comes first, then the final list: both adopt prj10.
  await expect(con.getByTestId('runoff-own').getByTestId('console-project-prj10')).toContainText('入选');
  await expect(con.getByTestId('console-project-prj10').last()).toContainText('入选');
  await expect(con.getByTestId('start-runoff')).toHaveCount(0);
  await con.getByTestId('print-report').click();
  await expect(con.getByTestId('report-item-projects-2027')).toContainText('再次投票');
  await shot(con, 'console-report');
  await mod.run({ type: 'setScene', scene: { kind: 'notice', itemId: ITEM } });
  const notice = screen.getByTestId('scene-notice');
  await expect(notice.locator('[data-testid^="notice-row-"]')).toHaveCount(10);
  // prj10 won the run-off with 27, prj09 came second with 15: they follow the first eight.
  await expect(screen.getByTestId(`notice-row-${id(10)}`)).toContainText('18 票');
  await expect(notice.locator('[data-testid^="notice-row-"]').nth(8)).toHaveAttribute('data-testid', `notice-row-${id(10)}`);
  await expect(notice.locator('[data-testid^="notice-row-"]').nth(9)).toHaveAttribute('data-testid', `notice-row-${id(9)}`);
  await screen.waitForTimeout(800);
  await shot(screen, 'screen-projects-notice');
  for (const d of others) d.close();
  mod.socket.close();
});
