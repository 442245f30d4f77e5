// 逐项表决 (the each-project form) end to end: staff add a four-project item, two phones
// (390x844) mark 赞成 / 反对 / 弃权 on every project (the button waits for the last mark),
// eighteen more deputies vote from sockets, and the big screen (1920x1080) shows each
// project's 赞成 with the two adopted ones.
import { expect, test, type Page } from '@playwright/test';
import { startBuiltServer, type RunningServer } from './server.js';
import { addAgendaItem, linkUrls, loginApi, moderator, openPhone, openScreen, shot, socketDeputy } from './kinds-helpers.js';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startBuiltServer();
});
test.afterAll(async () => {
  await server?.stop();
});

const ITEM = 'projects-each';
const NAMES = { pa: '城区老旧小区加装电梯', pb: '社区食堂建设', pc: '城市书房建设', pd: '口袋公园改造' } as const;
type Mark = '赞成' | '反对' | '弃权';

async function mark(phone: Page, marks: Record<keyof typeof NAMES, Mark>): Promise<void> {
  for (const [id, m] of Object.entries(marks)) await phone.getByTestId(`each-${id}`).getByRole('radio', { name: m }).click();
}

test('an each-project vote: every project marked on two phones, 赞成 counted and two adopted on the big screen', async ({ browser }) => {
  test.setTimeout(120_000);
  const session = await loginApi(server.url);
  const item = {
    id: ITEM,
    kind: 'projects',
    title: '2027年社区微实事项目逐项表决',
    description: '对每个项目逐一表决：赞成、反对或弃权；赞成票过半数的前两名入选。',
    settings: { visibility: 'live', countdownSec: 0, form: 'each', adopt: 2 },
    projects: Object.entries(NAMES).map(([id, name]) => ({ id, name, department: '市住建局', budget: '500 万元' })),
  };
  await addAgendaItem(server.url, session, item);

  const mod = await moderator(server.url, session);
  const links = await linkUrls(server.url, session);
  const screen = await openScreen(browser, server.url);
  const [p1, p2] = [await openPhone(browser, links[0] ?? ''), await openPhone(browser, links[1] ?? '')];
  const others = await Promise.all(links.slice(2, 20).map((l) => socketDeputy(server.url, l)));
  await mod.run({ type: 'setScene', scene: { kind: 'voting', itemId: ITEM } });
  await mod.run({ type: 'startRound', itemId: ITEM, countdownSec: 0, confirmNoQuorum: true });
  const rid = await mod.activeRound();

  await expect(p1.getByTestId('pick-counter')).toHaveText('已表决 0 / 4');
  await p1.getByTestId('each-pa').getByRole('radio', { name: '赞成' }).click();
  await p1.getByTestId('each-pb').getByRole('radio', { name: '赞成' }).click();
  await p1.getByTestId('each-pc').getByRole('radio', { name: '反对' }).click();
  await expect(p1.getByTestId('pick-counter')).toHaveText('已表决 3 / 4');
  await expect(p1.getByTestId('ballot-next')).toBeDisabled(); // a project without a mark: not yet
  await shot(p1, 'phone-each-incomplete');
  await p1.getByTestId('each-pd').getByRole('radio', { name: '弃权' }).click();
  await expect(p1.getByTestId('ballot-next')).toBeEnabled();
  await p1.getByTestId('ballot-next').click();
  await expect(p1.getByTestId('each-confirm')).toContainText('反对');
  await shot(p1, 'phone-each-confirm');
  await p1.getByTestId('confirm-submit').click();
  await expect(p1.getByTestId('submitted')).toContainText('已提交');
  await shot(p1, 'phone-each-submitted');

  await mark(p2, { pa: '赞成', pb: '反对', pc: '赞成', pd: '弃权' });
  await p2.getByTestId('ballot-next').click();
  await p2.getByTestId('confirm-submit').click();
  await expect(p2.getByTestId('submitted')).toContainText('已提交');

  for (const d of others) await d.vote(rid, { kind: 'each', choices: { pa: 'for', pb: 'for', pc: 'against', pd: 'against' } });
  await mod.run({ type: 'close', roundId: rid });
  await mod.run({ type: 'setScene', scene: { kind: 'result', itemId: ITEM } });
  // 赞成: pa 20, pb 19, pc 1, pd 0; more than half of the roster of 30 is 16: pa and pb are adopted.
  const chart = screen.getByTestId('projects-chart');
  const label = (re: RegExp) => chart.locator('text').filter({ hasText: re });
  await expect(label(/^20\s+入选$/)).toHaveCount(1);
  await expect(label(/^19\s+入选$/)).toHaveCount(1);
  await expect(label(/^1\s+未过半数$/)).toHaveCount(1);
  await expect(label(/^0\s+未过半数$/)).toHaveCount(1);
  await screen.waitForTimeout(1500);
  await shot(screen, 'screen-each-result');
  for (const d of others) d.close();
  mod.socket.close();
});
