// 代表建议办理满意度 end to end (SPEC R14..R18): staff import four suggestions from a CSV in the
// console's agenda editor into a new rating item; three deputies on phones (390x844) each see
// only their own suggestions with the unit's reply and rate them; a fourth deputy with none is
// told so; a forged socket ballot for another's suggestion is refused; after close the units are
// ranked on the console (1440x900) and the big screen (1920x1080), and the 不满意 suggestion is
// a 再次办理 case in the supervision register. Screenshots: test-results/screens/suggestions-*.
import { expect, test } from '@playwright/test';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io } from 'socket.io-client';
import { NS, PROTOCOL_VERSION } from '../shared/protocol.js';
import { startBuiltServer, type RunningServer } from './server.js';
import { loginApi, moderator, openConsole, openPhone, openScreen, shot, socketDeputy } from './kinds-helpers.js';

let server: RunningServer;
let dir: string;
test.beforeAll(async () => {
  server = await startBuiltServer();
  dir = await mkdtemp(join(tmpdir(), 'wz-suggestions-'));
});
test.afterAll(async () => {
  await server?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

interface Link {
  deputyId: string;
  name: string;
  url: string;
}

test('suggestions imported, rated only by their own deputies on phones, units ranked, 不满意 reopened', async ({ browser }) => {
  test.setTimeout(180_000);
  const session = await loginApi(server.url);
  const auth = { authorization: `Bearer ${session}` };
  const links = ((await (await fetch(`${server.url}/api/meetings/demo/links`, { headers: auth })).json()) as { links: Link[] }).links;
  const [a, b, c, d, e] = links as [Link, Link, Link, Link, Link];
  // 1 and 2 go to 县水利局 (2 with 县财政局 会办), 3 to 县交通运输局, 4 to 县住建局. e has none.
  const csv = [
    '建议号,建议题目,领衔代表,附议代表,主办单位,会办单位,答复摘要',
    `1,关于加强农村饮水安全的建议,${a.name},${b.name},县水利局,,已将3个村纳入今年改造计划，年底前完工。`,
    `2,关于河道清淤整治的建议,${b.name},,县水利局,县财政局,明年汛期前完成主河道清淤。`,
    `3,关于增设城区公交线路的建议,${c.name},,县交通运输局,,已开通2路、9路，其余线路明年调整。`,
    `4,关于老旧小区加装电梯的建议,${d.name},,县住建局,,已出台补助办法，首批20部开工。`,
  ].join('\r\n');
  const file = join(dir, '代表建议.csv');
  await writeFile(file, `\uFEFF${csv}\r\n`);

  // Staff: a new rating item in the agenda editor, suggestions imported into it, saved.
  const con = await openConsole(browser, server.url);
  await con.getByTestId('tab-prepare').click();
  await con.getByTestId('agenda-add-rating').click();
  await con.getByTestId('item-title').fill('代表建议办理满意度测评');
  const box = con.getByTestId('import-suggestions');
  await box.getByTestId('import-file-suggestions').setInputFiles(file);
  await expect(box.getByTestId('import-summary')).toHaveText('文件无误，共 4 行。');
  await expect(box.getByTestId('import-rows')).toContainText(b.name); // joining deputies by name, not id
  await box.getByTestId('import-preview').scrollIntoViewIfNeeded();
  await shot(con, 'suggestions-console-import');
  await box.getByTestId('import-commit').click();
  await expect(con.getByTestId('suggestions-import')).toContainText('代表建议 4 件，主办单位 3 个');
  await con.getByTestId('agenda-save').click();
  await expect(con.getByTestId('agenda-editor')).toContainText('议程已保存');
  const agenda = ((await (await fetch(`${server.url}/api/meetings/demo`, { headers: auth })).json()) as { agenda: { id: string; title: string }[] }).agenda;
  const itemId = agenda.find((it) => it.title === '代表建议办理满意度测评')?.id ?? '';
  expect(itemId).not.toBe('');

  // Three deputies with suggestions on phones, one without; twelve more checked in for quorum.
  const mod = await moderator(server.url, session);
  const screen = await openScreen(browser, server.url);
  const [pa, pb, pc, pe] = [await openPhone(browser, a.url), await openPhone(browser, b.url), await openPhone(browser, c.url), await openPhone(browser, e.url)];
  const sd = await socketDeputy(server.url, d.url);
  const others = await Promise.all(links.slice(5, 17).map((l) => socketDeputy(server.url, l.url)));
  await mod.run({ type: 'showItem', itemId });
  await mod.run({ type: 'startRound', itemId, countdownSec: 0 });
  const rid = await mod.activeRound();

  // Each phone lists only its own: a has 1, b has 1 and 2, c has 3; e has none.
  await expect(pa.getByTestId('rating-progress')).toHaveText('第 1 / 1 项');
  await expect(pa.getByTestId('rate-g001')).toContainText('关于加强农村饮水安全的建议');
  await expect(pa.getByTestId('suggestion-g001')).toContainText('主办单位：县水利局');
  await expect(pa.getByTestId('suggestion-g001')).toContainText('已将3个村纳入今年改造计划');
  await shot(pa, 'suggestions-phone-own');
  await expect(pb.getByTestId('rating-progress')).toHaveText('第 1 / 2 项');
  await expect(pc.getByTestId('rate-g003')).toBeVisible();
  await expect(pe.getByTestId('no-suggestions')).toHaveText(/您没有需要测评的建议/);
  await shot(pe, 'suggestions-phone-none');

  await pa.getByTestId('level-unsatisfied').click();
  await pa.getByTestId('confirm-submit').click();
  await expect(pa.getByTestId('submitted')).toContainText('已提交');
  await pb.getByTestId('level-basic').click();
  await expect(pb.getByTestId('suggestion-g002')).toContainText('会办单位：县财政局');
  await pb.getByTestId('level-satisfied').click();
  await expect(pb.getByTestId('rating-review')).toContainText('关于河道清淤整治的建议');
  await shot(pb, 'suggestions-phone-review');
  await pb.getByTestId('confirm-submit').click();
  await expect(pb.getByTestId('submitted')).toContainText('已提交');
  await pc.getByTestId('level-satisfied').click();
  await pc.getByTestId('confirm-submit').click();
  await expect(pc.getByTestId('submitted')).toContainText('已提交');

  // A forged ballot: d's socket rates a's suggestion (and its own) — refused, nothing counted.
  const forged = io(server.url + NS.deputy, { auth: { v: PROTOCOL_VERSION, token: d.url.split('/d/')[1] ?? '' }, transports: ['websocket'], forceNew: true });
  await new Promise<void>((resolve, reject) => {
    forged.once('connect', () => resolve());
    forged.once('connect_error', reject);
  });
  const ack: unknown = await forged.timeout(5000).emitWithAck('vote', { roundId: rid, submissionId: 'forged-1', receipt: 'FRGD2345', content: { kind: 'rating', ratings: { g001: 'satisfied', g004: 'satisfied' } } });
  expect(ack).toEqual({ ok: false, error: 'NOT_YOUR_SUGGESTION' });
  forged.close();
  await sd.vote(rid, { kind: 'rating', ratings: { g004: 'basic' } });

  await mod.run({ type: 'close', roundId: rid });
  await mod.run({ type: 'setScene', scene: { kind: 'result', itemId } });

  // Units: 交通运输局 100 (满意), 住建局 60 (基本满意), 水利局 (0 + 60 + 100) / 3 = 53.33 with one 再次办理.
  const units = con.getByTestId('console-units');
  await con.getByTestId('tab-live').click();
  await expect(units.getByTestId('console-unit')).toHaveCount(3);
  await expect(con.getByTestId('console-proposers')).toHaveText('应评代表（提出建议的代表）4 人，其中实到 4 人，已测评 4 人');
  await expect(units.getByTestId('console-unit').nth(0)).toContainText('县交通运输局');
  await expect(units.getByTestId('console-unit').nth(2)).toContainText('县水利局');
  await expect(units.getByTestId('console-unit').nth(2)).toContainText('53.33');
  await expect(units.getByTestId('console-unit').nth(2)).toContainText('1 件');
  // The round's base is the four proposers, all checked in (R15), not the 17 of the meeting.
  await expect(con.getByTestId('console-cast')).toContainText('已投票 4 / 实到 4');
  // A unit's figures on air would tell how its one or two proposers rated: the console warns before reveal (W4).
  await expect(con.getByTestId('disclosure-badge')).toContainText(/县.+(仅 \d 位代表测评|位测评代表意见一致)/);
  await units.scrollIntoViewIfNeeded();
  await shot(con, 'suggestions-console-units');

  const rows = screen.getByTestId('unit-ranking').getByTestId('unit-row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText('第1');
  await expect(rows.nth(0)).toContainText('县交通运输局');
  await expect(rows.nth(1)).toContainText('县住建局');
  await expect(rows.nth(2)).toContainText('县水利局');
  await expect(rows.nth(2)).toContainText('53.33');
  await expect(rows.nth(2)).toContainText('再次办理 1 件');
  await expect(screen.getByTestId('scene-result')).not.toContainText('关于加强农村饮水安全的建议'); // units only on air
  await shot(screen, 'suggestions-screen-units');

  // The TV overlay's lower third: the units, the first of them, the 再次办理 count; never "0 个测评对象".
  const overlay = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await overlay.goto(`${server.url}/overlay?meeting=demo`);
  const third = overlay.getByTestId('lower-third-figures');
  await expect(third).toContainText('3 个主办单位');
  await expect(third).toContainText('第一名');
  await expect(third).toContainText('县交通运输局');
  await expect(third).toContainText('再次办理 1 件');
  await expect(third).not.toContainText('测评对象');
  await shot(overlay, 'suggestions-overlay');
  await overlay.close();

  // 再次办理: the register opens a case for 县水利局 from suggestion 1.
  const sv = await con.context().newPage();
  await sv.goto('/supervision');
  await expect(sv.getByTestId('sv-page')).toBeVisible();
  await sv.getByTestId('sv-rating-item').selectOption(`demo/${itemId}`);
  await sv.getByTestId('sv-lead').fill('县人大常委会代表工作委员会');
  await sv.getByTestId('sv-open-submit').click();
  await expect(sv.getByTestId('sv-open-note')).toBeVisible();
  const row = sv.getByTestId('sv-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('县水利局');
  await expect(row.getByTestId('sv-again')).toHaveText('再次办理 · 第1号建议');
  await row.click();
  await expect(sv.getByTestId('sv-suggestion')).toContainText('关于加强农村饮水安全的建议');
  await shot(sv, 'suggestions-case');

  sd.close();
  for (const o of others) o.close();
});
