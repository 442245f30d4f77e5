// 满意度测评 end to end: three phones (390x844) rate the demo meeting's five departments one
// screen at a time, review and submit; seven more deputies rate from sockets; the big screen
// (1920x1080) shows each department's counts, 满意率 and score, then the meeting's 排名.
import { expect, test } from '@playwright/test';
import { startBuiltServer, type RunningServer } from './server.js';
import { linkUrls, loginApi, moderator, openConsole, openPhone, openScreen, shot, socketDeputy } from './kinds-helpers.js';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startBuiltServer();
});
test.afterAll(async () => {
  await server?.stop();
});

const ITEM = 'rating-departments';
const DEPTS = ['dept-housing', 'dept-transport', 'dept-environment', 'dept-education', 'dept-health'] as const;
type Level = 'satisfied' | 'basic' | 'unsatisfied';
/** What each phone gives the five departments, in order; null = skipped. */
const PHONES: readonly (readonly (Level | null)[])[] = [
  ['satisfied', 'basic', 'unsatisfied', 'satisfied', 'basic'],
  ['satisfied', 'unsatisfied', 'unsatisfied', 'unsatisfied', 'satisfied'],
  ['basic', 'basic', null, 'satisfied', 'satisfied'],
];
/** Seven socket deputies, all alike. */
const OTHERS: readonly Level[] = ['satisfied', 'basic', 'basic', 'satisfied', 'basic'];

test('five departments rated from three phones reach the big screen with 满意率 and score', async ({ browser }) => {
  test.setTimeout(150_000);
  const session = await loginApi(server.url);
  // A rehearsal with 10 of 30 present: the item's rule counts a rating started without quorum
  // (quorumRequired false, SPEC Q3), as staff set it in the item editor; otherwise it is void.
  const auth = { authorization: `Bearer ${session}`, 'content-type': 'application/json' };
  const meeting = (await (await fetch(`${server.url}/api/meetings/demo`, { headers: auth })).json()) as { agenda: { id: string; settings?: object }[] };
  const agenda = meeting.agenda.map((it) => (it.id === ITEM ? { ...it, settings: { ...it.settings, quorumRequired: false } } : it));
  expect((await fetch(`${server.url}/api/meetings/demo/agenda`, { method: 'PUT', headers: auth, body: JSON.stringify({ agenda }) })).status).toBe(200);
  const mod = await moderator(server.url, session);
  const links = await linkUrls(server.url, session);
  const screen = await openScreen(browser, server.url);
  const phones = [];
  for (const url of links.slice(0, 3)) phones.push(await openPhone(browser, url));
  const others = await Promise.all(links.slice(3, 10).map((l) => socketDeputy(server.url, l)));

  await mod.run({ type: 'setScene', scene: { kind: 'voting', itemId: ITEM } });
  await mod.run({ type: 'startRound', itemId: ITEM, countdownSec: 0, confirmNoQuorum: true }); // 10 of 30 present
  const rid = await mod.activeRound();

  for (const [i, phone] of phones.entries()) {
    const plan = PHONES[i] ?? [];
    await expect(phone.getByTestId('rating-progress')).toHaveText('第 1 / 5 项');
    if (i === 0) await shot(phone, 'phone-rating-subject');
    for (const level of plan) {
      if (level === null) await phone.getByTestId('rating-skip').click();
      else await phone.getByTestId(`level-${level}`).click();
    }
    await expect(phone.getByTestId('rating-review')).toBeVisible();
    if (i === 2) {
      await expect(phone.getByTestId('review-dept-environment')).toContainText('未测评');
      await shot(phone, 'phone-rating-review');
    }
    await phone.getByTestId('confirm-submit').click();
    await expect(phone.getByTestId('submitted')).toContainText('已提交');
    await expect(phone.getByTestId('echo-dept-housing')).toContainText(i === 2 ? '基本满意' : '满意');
    if (i === 2) {
      await expect(phone.getByTestId('recorded-echo').locator('li')).toHaveCount(4);
      await shot(phone, 'phone-rating-submitted');
    }
  }
  for (const d of others) await d.vote(rid, { kind: 'rating', ratings: Object.fromEntries(DEPTS.map((id, k) => [id, OTHERS[k]])) });

  await mod.run({ type: 'close', roundId: rid });
  await mod.run({ type: 'setScene', scene: { kind: 'result', itemId: ITEM } });
  // 市住建局: 满意 2+7 = 9, 基本满意 1 → 满意率 100%, score (900 + 60) / 10 = 96.
  const row = (id: string) => screen.getByTestId(`rating-bar-${id}`);
  await expect(row('dept-housing')).toContainText('100.0%');
  await expect(row('dept-housing')).toContainText('96.00');
  // 市生态环境局: rated by 9 (one skipped): 基本满意 7, 不满意 2 → 满意率 77.8%, score 46.67,
  // 不满意率 22% > 20%: flagged for rectification.
  await expect(row('dept-environment')).toContainText('77.8%');
  await expect(row('dept-environment')).toContainText('46.67');
  await expect(row('dept-environment')).toContainText('整改');
  // 市交通运输局: 基本满意 1+1+7 = 9, 不满意 1 → 90.0%, score 54.00, 不满意 10% (no flag).
  await expect(row('dept-transport')).toContainText('90.0%');
  await expect(row('dept-transport')).toContainText('54.00');
  await screen.waitForTimeout(1500);
  await shot(screen, 'screen-rating-result');

  await mod.run({ type: 'setScene', scene: { kind: 'ranking' } });
  const ranking = screen.getByTestId('scene-ranking');
  await expect(ranking.locator('tbody tr')).toHaveCount(5);
  // 96 (住建) > 90 (教育) > 68 (卫健) > 54 (交通) > 46.67 (生态环境).
  const order = ['市住建局', '市教育局', '市卫健委', '市交通运输局', '市生态环境局'];
  for (const [k, name] of order.entries()) await expect(ranking.locator('tbody tr').nth(k)).toContainText(name);
  await screen.waitForTimeout(800);
  await shot(screen, 'screen-rating-ranking');

  // Devices failed, say: the moderator voids the round and enters a show of hands by hand.
  await mod.run({ type: 'void', roundId: rid, reason: '设备故障' });
  const con = await openConsole(browser, server.url);
  await con.getByTestId('manual-open').click();
  const hands: Record<string, readonly [number, number, number]> = {
    'dept-housing': [8, 2, 0],
    'dept-transport': [5, 3, 2],
    'dept-environment': [2, 4, 4],
    'dept-education': [6, 4, 0],
    'dept-health': [7, 3, 0],
  };
  for (const [dept, counts] of Object.entries(hands)) {
    for (const [k, level] of (['satisfied', 'basic', 'unsatisfied'] as const).entries()) await con.getByTestId(`manual-${dept}/${level}`).fill(String(counts[k]));
  }
  await shot(con, 'console-manual-entry');
  await con.getByTestId('manual-save').click();
  await expect(con.getByTestId('manual-mark').first()).toHaveText('手工录入');
  await mod.run({ type: 'setScene', scene: { kind: 'result', itemId: ITEM } });
  await expect(screen.getByTestId('rating-chart')).toContainText('手工录入（举手表决）');
  // 市住建局 by hand: (8×100 + 2×60) / 10 = 92.
  await expect(row('dept-housing')).toContainText('92.00');
  await screen.waitForTimeout(800);
  await shot(screen, 'screen-rating-manual');
  for (const d of others) d.close();
  mod.socket.close();
});
