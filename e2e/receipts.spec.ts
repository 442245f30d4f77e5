// The checkable record from a deputy's side (issue 6): three phones vote, the moderator closes,
// and the ballot commitment shows on the console, in the printed report and (shortened) on the
// big screen; the public receipt list shows the same commitment, and each phone's "check my
// ballot" link finds its own code. A unanimous secret vote makes Reveal ask first.
import { expect, test, type Page } from '@playwright/test';
import { linkUrls, loginApi, moderator, openConsole, openPhone, openScreen, shot } from './kinds-helpers.js';
import { startBuiltServer, type RunningServer } from './server.js';

let server: RunningServer;

test.beforeAll(async () => {
  server = await startBuiltServer();
});

test.afterAll(async () => {
  await server?.stop();
});

const HASH = /^[0-9a-f]{64}$/;

async function vote(phone: Page, choice: 'for' | 'against' | 'abstain'): Promise<string> {
  await phone.getByTestId(`choice-${choice}`).click();
  await phone.getByTestId('confirm-submit').click();
  await expect(phone.getByTestId('submitted')).toBeVisible();
  const text = (await phone.getByTestId('receipt').textContent()) ?? '';
  expect(text).toMatch(/^[A-Z2-9]{4} [A-Z2-9]{4}$/);
  return text.replace(' ', '');
}

async function startVote(con: Page, itemId: string): Promise<void> {
  await con.getByTestId(`agenda-item-${itemId}`).click();
  await con.getByTestId('countdown-input').fill('0');
  await con.getByTestId('start-round').click();
  await con.getByTestId('confirm-no-quorum').click(); // 3 of 30 present
  await expect(con.getByTestId('round-status')).toHaveText('投票中');
}

test('the commitment is shown with the result and each phone finds its receipt in the published list', async ({ browser }) => {
  test.setTimeout(180_000);
  const session = await loginApi(server.url);
  const urls = (await linkUrls(server.url, session)).slice(0, 3);
  const con = await openConsole(browser, server.url);
  const screen = await openScreen(browser, server.url);
  const phones = await Promise.all(urls.map((u) => openPhone(browser, u)));
  const [p1, p2, p3] = phones;
  if (!p1 || !p2 || !p3) throw new Error('three phones');

  // A secret motion, 2 for and 1 against: not unanimous, so no disclosure warning.
  await startVote(con, 'motion-budget');
  const codes = [await vote(p1, 'for'), await vote(p2, 'for'), await vote(p3, 'against')];
  await expect(p1.getByTestId('receipt-check')).toHaveCount(0); // nothing to check while open

  await con.getByTestId('close-round').click();
  await con.getByTestId('confirm-close').click(); // 结束投票 asks first
  const commitment = con.getByTestId('console-commitment-value');
  await expect(commitment).toHaveText(HASH);
  const hash = (await commitment.textContent()) ?? '';
  await expect(con.getByTestId('console-commitment')).toContainText('选票承诺值');
  await expect(con.getByTestId('disclosure-badge')).toHaveCount(0);
  await con.getByTestId('reveal').click();
  await expect(con.getByTestId('revealed')).toBeVisible();
  await shot(con, 'receipts-console-result');
  await con.getByTestId('result-panel').screenshot({ path: 'test-results/screens/receipts-console-panel.png' });

  // The big screen shows the first 16 hex digits, quietly.
  await expect(screen.getByTestId('result-for')).toHaveText('2');
  await expect(screen.getByTestId('screen-commitment-value')).toHaveText(`${hash.slice(0, 16)}…`);
  await shot(screen, 'receipts-screen-result');

  // The printed report carries the full value.
  await con.getByTestId('print-report').click();
  await expect(con.getByTestId('report-item-motion-budget').getByTestId(/^report-commitment-.*-value$/)).toHaveText(hash);
  await shot(con, 'receipts-report');
  await con.getByTestId('report-sheet').getByRole('button', { name: '取消' }).click();

  // Each phone's link opens the public list with its own code filled in, and finds it.
  for (const [i, phone] of phones.entries()) {
    const link = phone.getByTestId('receipt-check');
    await expect(link).toHaveText('核对我的选票已计入');
    if (i === 0) await shot(phone, 'receipts-phone-check-link');
    await link.click();
    await expect(phone.getByTestId('receipts-page')).toBeVisible();
    await expect(phone.getByTestId('receipt-input')).toHaveValue(`${codes[i]?.slice(0, 4)} ${codes[i]?.slice(4)}`);
    await expect(phone.getByTestId('receipt-found')).toContainText('您的选票已计入');
    // H5: this phone's own leaf (receipt, salt and choice from its outbox) is the published one,
    // and the published leaves rebuild the commitment.
    await expect(phone.getByTestId('receipt-leaf-ok')).toContainText('您的选票按原样计入');
    await expect(phone.getByTestId('receipts-root-ok')).toBeVisible();
    await expect(phone.getByTestId('receipts-commitment-value')).toHaveText(hash);
    await expect(phone.getByTestId('receipts-count')).toHaveText('共 3 张选票');
    await expect(phone.getByTestId('receipts-list').locator('li')).toHaveText([...codes].sort().map((c) => `${c.slice(0, 4)} ${c.slice(4)}`));
  }
  await shot(p1, 'receipts-phone-found');

  // A mistyped code is not found; lower case and spaces are forgiven.
  const input = p1.getByTestId('receipt-input');
  await input.fill('ZZZZ ZZZZ');
  await expect(p1.getByTestId('receipt-not-found')).toBeVisible();
  await expect(p1.getByTestId('receipt-found')).toHaveCount(0);
  await input.fill((codes[0] ?? '').toLowerCase());
  await expect(p1.getByTestId('receipt-found')).toBeVisible();
  await input.fill('ZZZZ ZZZZ');
  await shot(p1, 'receipts-phone-not-found');

  // English on the same page.
  await p1.getByTestId('lang-toggle').click();
  await expect(p1.getByTestId('receipt-not-found')).toContainText('not in the list');
  await expect(p1.getByTestId('receipts-count')).toHaveText('Ballots: 3');
  await p1.getByTestId('lang-toggle').click();
});

test('a unanimous secret vote asks before revealing; its receipt list waits for the close', async ({ browser }) => {
  test.setTimeout(180_000);
  const session = await loginApi(server.url);
  const urls = (await linkUrls(server.url, session)).slice(3, 6);
  const con = await openConsole(browser, server.url);
  const phones = await Promise.all(urls.map((u) => openPhone(browser, u)));
  const mod = await moderator(server.url, session);

  await startVote(con, 'motion-appoint');
  const roundId = await mod.activeRound();
  for (const phone of phones) await vote(phone, 'for');

  // Before the close the list is not published: a human sentence, and a way to try again.
  const [p1] = phones;
  if (!p1) throw new Error('phone');
  await p1.goto(`${server.url}/receipts/demo/${roundId}`);
  await expect(p1.getByTestId('receipts-error')).toContainText('这轮投票尚未结束');
  await shot(p1, 'receipts-phone-not-closed');

  await con.getByTestId('close-round').click();
  await con.getByTestId('confirm-close').click(); // 结束投票 asks first
  await expect(con.getByTestId('console-commitment-value')).toHaveText(HASH);
  await expect(con.getByTestId('disclosure-badge')).toContainText('全体一致');

  // Reveal asks first; cancelling reveals nothing.
  await con.getByTestId('reveal').click();
  const ask = con.getByTestId('disclosure-confirm');
  await expect(ask).toContainText('公布此结果将暴露个人投票意向（全体一致');
  await shot(con, 'receipts-console-disclosure');
  await con.getByTestId('disclosure-confirm-cancel').click();
  await expect(ask).toHaveCount(0);
  await expect(con.getByTestId('revealed')).toHaveCount(0);
  await con.getByTestId('reveal').click();
  await con.getByTestId('confirm-reveal').click();
  await expect(con.getByTestId('revealed')).toBeVisible();
  await expect(con.getByTestId('disclosure-badge')).toHaveCount(0);

  // Now the same page shows the list.
  await p1.getByTestId('receipts-retry').click();
  await expect(p1.getByTestId('receipts-count')).toHaveText('共 3 张选票');
  await expect(p1.getByTestId('receipts-commitment-value')).toHaveText((await con.getByTestId('console-commitment-value').textContent()) ?? '');
  mod.socket.close();
});
