// The audit chain head where people can write it down (issue 12): the console's header, small
// print on the big screen's result at close, and a block of its own in the printed report; the
// same head on all three after the close, in the form `npm run verify -- --head` accepts.
import { expect, test } from '@playwright/test';
import { linkUrls, loginApi, openConsole, openPhone, openScreen, shot } from './kinds-helpers.js';
import { startBuiltServer, type RunningServer } from './server.js';

let server: RunningServer;

test.beforeAll(async () => {
  server = await startBuiltServer();
});

test.afterAll(async () => {
  await server?.stop();
});

const HEAD = /^#\d+ [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4}…$/;

test('the chain head shows on the console, on the screen at close and in the report', async ({ browser }) => {
  test.setTimeout(120_000);
  const session = await loginApi(server.url);
  const [url] = await linkUrls(server.url, session);
  if (!url) throw new Error('no link');
  const con = await openConsole(browser, server.url);
  const screen = await openScreen(browser, server.url);
  const phone = await openPhone(browser, url);

  await expect(con.getByTestId('console-chain-head')).toContainText('审计链头');
  await expect(con.getByTestId('console-chain-head-value')).toHaveText(HEAD);

  await con.getByTestId('agenda-item-motion-budget').click();
  await con.getByTestId('countdown-input').fill('0');
  await con.getByTestId('start-round').click();
  await con.getByTestId('confirm-no-quorum').click();
  await expect(con.getByTestId('round-status')).toHaveText('投票中');
  await expect(screen.getByTestId('screen-chain-head')).toHaveCount(0);
  await phone.getByTestId('choice-for').click();
  await phone.getByTestId('confirm-submit').click();
  await expect(phone.getByTestId('submitted')).toBeVisible();
  await con.getByTestId('close-round').click();
  await con.getByTestId('confirm-close').click(); // 结束投票 asks first
  await con.getByTestId('reveal').click();
  await con.getByTestId('confirm-reveal').click(); // one ballot: the disclosure warning asks first
  await expect(con.getByTestId('revealed')).toBeVisible();

  const head = (await con.getByTestId('console-chain-head-value').textContent()) ?? '';
  expect(head).toMatch(HEAD);
  await shot(con, 'chain-head-console');
  await expect(screen.getByTestId('screen-chain-head-value')).toHaveText(head);
  await shot(screen, 'chain-head-screen-result');

  await con.getByTestId('print-report').click();
  const block = con.getByTestId('report-chain');
  await expect(block).toContainText('审计链头（打印时）');
  await expect(block.getByTestId('report-chain-head-value')).toHaveText(head);
  await block.scrollIntoViewIfNeeded();
  await shot(con, 'chain-head-report');
});
