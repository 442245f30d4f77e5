// 百分制测评 (the 0–100 score scale) end to end: staff add a two-department score rating to the
// agenda, two phones (390x844) type a score per department, one mistyped score is refused by the
// phone before it is sent, and the big screen (1920x1080) shows the average score per department
// with the bands counted as 满意 (≥ 80) / 基本满意 (60–79) / 不满意 (< 60).
import { expect, test } from '@playwright/test';
import { startBuiltServer, type RunningServer } from './server.js';
import { addAgendaItem, linkUrls, loginApi, moderator, openPhone, openScreen, shot, socketDeputy } from './kinds-helpers.js';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startBuiltServer();
});
test.afterAll(async () => {
  await server?.stop();
});

const ITEM = 'rating-score';

test('a 0–100 score rating: typed on two phones, refused when out of range, averaged on the big screen', async ({ browser }) => {
  test.setTimeout(120_000);
  const session = await loginApi(server.url);
  const item = {
    id: ITEM,
    kind: 'rating',
    title: '对两个部门答复的百分制测评',
    description: '请为每个部门打 0 到 100 分。',
    settings: { visibility: 'live', countdownSec: 0, scale: 'score' },
    subjects: [
      { id: 'dept-education', name: '市教育局', person: '刘志远', title: '市教育局局长' },
      { id: 'dept-health', name: '市卫健委', person: '陈晓东', title: '市卫生健康委员会主任' },
    ],
  };
  await addAgendaItem(server.url, session, item);

  const mod = await moderator(server.url, session);
  const links = await linkUrls(server.url, session);
  const screen = await openScreen(browser, server.url);
  const phones = [await openPhone(browser, links[0] ?? ''), await openPhone(browser, links[1] ?? '')];
  const others = await Promise.all(links.slice(2, 5).map((l) => socketDeputy(server.url, l)));
  await mod.run({ type: 'setScene', scene: { kind: 'voting', itemId: ITEM } });
  await mod.run({ type: 'startRound', itemId: ITEM, countdownSec: 0, confirmNoQuorum: true });
  const rid = await mod.activeRound();

  // Phone 1: types 105 first (not a score: the button stays off), then 95; then 70.
  const [p1, p2] = phones as [(typeof phones)[0], (typeof phones)[0]];
  await expect(p1.getByTestId('rating-progress')).toHaveText('第 1 / 2 项');
  await p1.getByTestId('score-input').fill('105');
  await expect(p1.getByTestId('score-next')).toBeDisabled();
  await expect(p1.getByTestId('score-error')).toHaveText('分数须为 0 到 100 之间的整数');
  await shot(p1, 'phone-score-refused');
  await p1.getByTestId('score-input').fill('95');
  await expect(p1.getByTestId('score-error')).toHaveCount(0);
  await p1.getByTestId('score-next').click();
  await p1.getByTestId('score-input').fill('70');
  await p1.getByTestId('score-next').click();
  await expect(p1.getByTestId('rating-review')).toBeVisible();
  await shot(p1, 'phone-score-review');
  await p1.getByTestId('confirm-submit').click();
  await expect(p1.getByTestId('submitted')).toContainText('已提交');
  await expect(p1.getByTestId('echo-dept-education')).toContainText('95');
  await shot(p1, 'phone-score-submitted');

  // Phone 2: 85 and 50.
  await p2.getByTestId('score-input').fill('85');
  await p2.getByTestId('score-next').click();
  await p2.getByTestId('score-input').fill('50');
  await p2.getByTestId('score-next').click();
  await p2.getByTestId('confirm-submit').click();
  await expect(p2.getByTestId('submitted')).toContainText('已提交');

  // Three more from sockets: 市教育局 60, 80, 100; 市卫健委 40, 90, 60.
  for (const [k, d] of others.entries()) await d.vote(rid, { kind: 'rating', ratings: { 'dept-education': [60, 80, 100][k], 'dept-health': [40, 90, 60][k] } });

  await mod.run({ type: 'close', roundId: rid });
  await mod.run({ type: 'setScene', scene: { kind: 'result', itemId: ITEM } });
  const row = (id: string) => screen.getByTestId(`rating-bar-${id}`);
  // 市教育局: 95, 85, 60, 80, 100 → average 84.00; ≥ 80: 4 of 5 → 满意率 counts 满意 + 基本满意 = 100.0%.
  await expect(row('dept-education')).toContainText('84.00');
  await expect(row('dept-education')).toContainText('100.0%');
  // 市卫健委: 70, 50, 40, 90, 60 → average 62.00; 不满意 (< 60) 2 of 5 → 满意率 60.0%.
  await expect(row('dept-health')).toContainText('62.00');
  await expect(row('dept-health')).toContainText('60.0%');
  await screen.waitForTimeout(1500);
  await shot(screen, 'screen-score-result');
  for (const d of others) d.close();
  mod.socket.close();
});
