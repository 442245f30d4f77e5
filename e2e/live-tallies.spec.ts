// Live tallies for projects and ratings: with visibility 'live', the voting scene shows a
// leaderboard that follows the ballots while the vote is open (issue 5: "tallies per the
// item's visibility"). Ballots come from socket deputies; the screen is a real browser.
import { expect, test } from '@playwright/test';
import { startBuiltServer, type RunningServer } from './server.js';
import { linkUrls, loginApi, moderator, openScreen, shot, socketDeputy } from './kinds-helpers.js';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startBuiltServer();
});
test.afterAll(async () => {
  await server?.stop();
});

async function makeLive(url: string, session: string, ids: string[]): Promise<void> {
  const auth = { authorization: `Bearer ${session}` };
  const meeting = (await (await fetch(`${url}/api/meetings/demo`, { headers: auth })).json()) as { agenda: { id: string; settings: Record<string, unknown> }[] };
  const agenda = meeting.agenda.map((it) => (ids.includes(it.id) ? { ...it, settings: { ...it.settings, visibility: 'live' } } : it));
  const res = await fetch(`${url}/api/meetings/demo/agenda`, { method: 'PUT', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ agenda }) });
  expect(res.status).toBe(200);
}

test('projects and ratings set to live show a leaderboard on the big screen while voting', async ({ browser }) => {
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
  for (const d of deputies) d.close();
});
