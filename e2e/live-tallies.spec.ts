// Live tallies for projects and ratings: with visibility 'live', the voting scene shows a
// leaderboard that follows the ballots while the vote is open (issue 5: "tallies per the
// item's visibility"). Ballots come from socket deputies; the screen is a real browser.
// Named votes follow every ballot; a secret vote's live figures move in steps of k ballots
// (SPEC W7), so the leaderboards are shown on named votes and the steps on a secret motion.
import { expect, test } from '@playwright/test';
import { startBuiltServer, type RunningServer } from './server.js';
import { linkUrls, loginApi, moderator, openConsole, openScreen, shot, socketDeputy } from './kinds-helpers.js';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startBuiltServer();
});
test.afterAll(async () => {
  await server?.stop();
});

async function makeLive(url: string, session: string, ids: string[], extra: Record<string, unknown> = { secret: false }): Promise<void> {
  const auth = { authorization: `Bearer ${session}` };
  const meeting = (await (await fetch(`${url}/api/meetings/demo`, { headers: auth })).json()) as { agenda: { id: string; settings: Record<string, unknown> }[] };
  const agenda = meeting.agenda.map((it) => (ids.includes(it.id) ? { ...it, settings: { ...it.settings, visibility: 'live', ...extra } } : it));
  const res = await fetch(`${url}/api/meetings/demo/agenda`, { method: 'PUT', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ agenda }) });
  expect(res.status).toBe(200);
}

test('named projects and ratings set to live show a leaderboard on the big screen while voting', async ({ browser }) => {
  test.setTimeout(120_000);
  const session = await loginApi(server.url);
  await makeLive(server.url, session, ['projects-2027', 'rating-departments']);
  const mod = await moderator(server.url, session);
  const links = await linkUrls(server.url, session);
  const screen = await openScreen(browser, server.url);
  const deputies = await Promise.all(links.slice(0, 3).map((l) => socketDeputy(server.url, l)));

  await mod.run({ type: 'startRound', itemId: 'projects-2027', countdownSec: 0, confirmNoQuorum: true });
  const round = await mod.activeRound();
  await expect(screen.getByTestId('live-projects')).toBeVisible();
  await deputies[0]!.vote(round, { kind: 'select', picks: ['prj01', 'prj02'] });
  await deputies[1]!.vote(round, { kind: 'select', picks: ['prj01'] });
  await expect(screen.getByTestId('live-votes-prj01')).toHaveText('2');
  await expect(screen.getByTestId('live-votes-prj02')).toHaveText('1');
  await shot(screen, 'screen-live-projects');
  await mod.run({ type: 'close', roundId: round });

  await mod.run({ type: 'startRound', itemId: 'rating-departments', countdownSec: 0, confirmNoQuorum: true });
  const rating = await mod.activeRound();
  await expect(screen.getByTestId('live-rating')).toBeVisible();
  const subjects = ['s01', 's02', 's03', 's04', 's05'];
  const meeting = (await (await fetch(`${server.url}/api/meetings/demo`, { headers: { authorization: `Bearer ${session}` } })).json()) as {
    agenda: { id: string; subjects?: { id: string }[] }[];
  };
  const ids = meeting.agenda.find((it) => it.id === 'rating-departments')?.subjects?.map((s) => s.id) ?? subjects;
  const first = ids[0]!;
  await deputies[0]!.vote(rating, { kind: 'rating', ratings: { [first]: 'satisfied' } });
  await deputies[1]!.vote(rating, { kind: 'rating', ratings: { [first]: 'unsatisfied' } });
  await deputies[2]!.vote(rating, { kind: 'rating', ratings: { [first]: 'basic' } });
  // (satisfied + basic) / valid = 2 / 3
  await expect(screen.getByTestId(`live-rate-${first}`)).toHaveText('66.7%');
  await screen.waitForTimeout(700); // let the 450 ms dissolve from the previous item finish
  await shot(screen, 'screen-live-rating');
  await mod.run({ type: 'close', roundId: rating }); // the next test starts a vote of its own
  for (const d of deputies) d.close();
});

test('a secret motion set to live moves on the screen and the console in steps of 10 ballots', async ({ browser }) => {
  test.setTimeout(120_000);
  const session = await loginApi(server.url);
  await makeLive(server.url, session, ['motion-budget'], { secret: true, liveBatch: 10 });
  const mod = await moderator(server.url, session);
  const links = await linkUrls(server.url, session);
  const screen = await openScreen(browser, server.url);
  const con = await openConsole(browser, server.url);
  const deputies = await Promise.all(links.slice(0, 25).map((l) => socketDeputy(server.url, l)));
  await mod.run({ type: 'startRound', itemId: 'motion-budget', countdownSec: 0, confirmNoQuorum: true });
  const round = await mod.activeRound();
  await expect(screen.getByText('每满 10 票更新')).toBeVisible();
  // 19 ballots: nothing counted yet (the figures are 10 and more ballots behind).
  for (const [i, d] of deputies.slice(0, 19).entries()) await d.vote(round, { kind: 'motion', choice: i < 10 ? 'against' : 'for' });
  await expect(screen.getByTestId('screen-voted')).toHaveText('19');
  await expect(con.getByTestId('console-batched')).toContainText('现计入 0 票');
  await expect(con.getByTestId('console-against')).toHaveText('0');
  // The 20th: the first 10 are counted at once, never one by one.
  await deputies[19]!.vote(round, { kind: 'motion', choice: 'for' });
  await expect(con.getByTestId('console-batched')).toContainText('现计入 10 票');
  await expect(con.getByTestId('console-against')).toHaveText('10');
  await expect(con.getByTestId('console-for')).toHaveText('0');
  for (const d of deputies.slice(20, 25)) await d.vote(round, { kind: 'motion', choice: 'abstain' });
  await expect(screen.getByTestId('screen-voted')).toHaveText('25');
  await expect(con.getByTestId('console-for')).toHaveText('0');
  await shot(con, 'console-secret-live-batched');
  await shot(screen, 'screen-secret-live-batched');
  // At close the rest come in together: 10 for and 5 abstentions after the 10 against.
  await mod.run({ type: 'close', roundId: round });
  await expect(con.getByTestId('console-for')).toHaveText('10');
  await expect(con.getByTestId('console-abstain')).toHaveText('5');
  for (const d of deputies) d.close();
});
