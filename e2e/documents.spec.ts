// The documents from a real sitting: phones vote on the demo meeting's project item and its
// rating; the console warns before putting an empty 公告 on air; the 公告 and the 测评结果通报
// are printed from their A4 pages (page.pdf) and downloaded as PDF from the console, and the
// figures are read back out of the files with pdftotext (poppler-utils: scripts/ensure-chromium.sh).
// The QR sheet's print page prints its cards, not blank pages. No line starts with closing
// punctuation on the notice page or the 公告 scene (N5).
import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { closingAtLineStart } from './line-starts.js';
import { addAgendaItem, linkUrls, loginApi, moderator, openConsole, openPhone, openScreen, SHOTS, shot, socketDeputy } from './kinds-helpers.js';
import { startBuiltServer, type RunningServer } from './server.js';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startBuiltServer();
});
test.afterAll(async () => {
  await server?.stop();
});

const PROJECTS = 'projects-2027';
const RATING = 'rating-departments';

/** Saves the PDF beside the screenshots and reads its text back (pdftotext keeps the layout). */
function pdfText(buf: Buffer, name: string): string {
  const file = join(SHOTS, name);
  writeFileSync(file, buf);
  return execFileSync('pdftotext', ['-layout', file, '-']).toString('utf-8');
}

async function printed(page: Page, name: string): Promise<{ text: string; pages: number }> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const buf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  const text = pdfText(buf, name);
  return { text, pages: (text.match(/\f/g) ?? []).length };
}

test('公告 and 测评结果通报 from a real sitting: the console warns on an empty notice, prints and downloads both with the figures inside', async ({ browser }) => {
  test.setTimeout(180_000);
  await mkdir(SHOTS, { recursive: true });
  const session = await loginApi(server.url);
  const mod = await moderator(server.url, session);
  const links = await linkUrls(server.url, session);
  const screen = await openScreen(browser, server.url);
  const phones = [];
  for (const url of links.slice(0, 3)) phones.push(await openPhone(browser, url));
  const others = await Promise.all(links.slice(3, 16).map((l) => socketDeputy(server.url, l)));
  const console_ = await openConsole(browser, server.url);

  // The 公告 scene before any vote: the console warns and cues nothing on the first press.
  await mod.run({ type: 'showItem', itemId: PROJECTS });
  await console_.getByTestId('scene-cue-notice').click();
  await expect(console_.getByTestId('scene-error')).toContainText('公告尚无入选项目');
  await expect(console_.getByTestId('scene-take')).toBeDisabled();

  // 16 present; three phones tick prj01-03, thirteen sockets tick 7 to 10 of prj01-10: prj01-03
  // get 16 votes, the rest 13 or fewer; more than half the roster (16) is needed, so 3 of 10 seats fill.
  await mod.run({ type: 'startRound', itemId: PROJECTS, countdownSec: 0 });
  const rid = await mod.activeRound();
  for (const phone of phones) {
    for (const id of ['prj01', 'prj02', 'prj03']) await phone.getByTestId(`pick-${id}`).click();
    await phone.getByTestId('ballot-next').click();
    await phone.getByTestId('confirm-submit').click();
    await expect(phone.getByTestId('submitted')).toBeVisible();
  }
  const ticks = (i: number) => ['prj01', 'prj02', 'prj03', 'prj04', 'prj05', 'prj06', 'prj07', 'prj08', 'prj09', 'prj10'].slice(0, 10 - (i % 4));
  for (const [i, d] of others.entries()) await d.vote(rid, { kind: 'select', picks: ticks(i) });
  await mod.run({ type: 'close', roundId: rid });
  await mod.run({ type: 'reveal', roundId: rid });

  // On air now: no warning, and no line of the scene starts with closing punctuation.
  await mod.run({ type: 'setScene', scene: { kind: 'notice', itemId: PROJECTS } });
  await expect(screen.getByTestId('scene-notice')).toBeVisible();
  await screen.waitForTimeout(800);
  expect(await closingAtLineStart(screen, '[data-testid="scene-notice"]')).toEqual([]);

  // The A4 page: text, line starts, print to PDF, figures in the file.
  const doc = await console_.context().newPage();
  await doc.goto(`/console?meeting=demo&print=notice&item=${PROJECTS}`);
  await expect(doc.getByTestId('notice-doc')).toBeVisible();
  await expect(doc.getByTestId('notice-table').locator('tbody tr').first()).toContainText('城区老旧小区改造提升工程');
  expect(await closingAtLineStart(doc, '.notice-doc__page')).toEqual([]);
  await doc.setViewportSize({ width: 900, height: 1200 });
  await shot(doc, 'notice-page');
  const page1 = await printed(doc, 'notice-printed.pdf');
  expect(page1.pages).toBe(1);
  expect(page1.text).toMatch(/公\s*告/);
  expect(page1.text).toMatch(/1\s+城区老旧小区改造提升工程（含加装电梯与雨污分流改造）\s+市住建局\s+16/);
  expect(page1.text).toContain('特此公告。');
  expect(page1.text).not.toContain('下载 PDF'); // the page's own buttons do not print

  // The PDF download from the console (session in the header), and its text.
  const dl = await fetch(`${server.url}/api/meetings/demo/notices/${PROJECTS}.pdf`, { headers: { authorization: `Bearer ${session}` } });
  expect(dl.headers.get('content-type')).toContain('application/pdf');
  const noticePdf = Buffer.from(await dl.arrayBuffer());
  const t1 = pdfText(noticePdf, 'notice.pdf');
  expect(t1).toContain('公告');
  expect(t1).toContain('第1号');
  expect(t1).toMatch(/应到代表30人，实到16人/);
  // The long name wraps inside its cell, never cut with an ellipsis.
  expect(t1).toMatch(/1\s+城区老旧小区改造提升工程（含加装/);
  expect(t1).toMatch(/市住建局\s+16\s+电梯与雨污分流改造）/);
  expect(t1).not.toContain('…');
  expect(t1).toMatch(/3\s+城乡公交一体化及新能源公交车更新\s+市交通运输局\s+16/);
  expect(t1).toContain('应选10项，入选3项，尚缺7项');
  expect(t1).toMatch(/得票未达到规定票数（16\s*票）而空缺/);
  expect(t1).toContain('特此公告。');
  for (const line of t1.split('\n').map((l) => l.trim())) expect('、，。）：；'.includes(line[0] ?? 'x'), line).toBe(false);
  execFileSync('pdftoppm', ['-png', '-r', '80', '-singlefile', join(SHOTS, 'notice.pdf'), join(SHOTS, 'notice-pdf')]);

  // Console: the document links appear once the result is closed.
  await expect(console_.getByTestId(`notice-pdf-${PROJECTS}`)).toBeVisible();

  // The rating notice from a rating round.
  await mod.run({ type: 'startRound', itemId: RATING, countdownSec: 0 });
  const rr = await mod.activeRound();
  const levels = ['satisfied', 'satisfied', 'basic', 'unsatisfied'];
  for (const [i, d] of others.entries()) {
    await d.vote(rr, { kind: 'rating', ratings: { 'dept-housing': levels[i % 4], 'dept-transport': 'satisfied', 'dept-environment': i < 5 ? 'unsatisfied' : 'basic', 'dept-education': 'basic', 'dept-health': 'satisfied' } });
  }
  await mod.run({ type: 'close', roundId: rr });
  const rp = await fetch(`${server.url}/api/meetings/demo/notices/${RATING}.pdf`, { headers: { authorization: `Bearer ${session}` } });
  const t2 = pdfText(Buffer.from(await rp.arrayBuffer()), 'rating-notice.pdf');
  expect(t2).toContain('测评结果通报');
  expect(t2).toMatch(/应到代表30人，实到16人，收回选票13张/);
  // housing: 满意 7, 基本满意 3, 不满意 3 of 13 -> 满意率 76.9%.
  expect(t2).toMatch(/市住建局\s+7\s+3\s+3\s+76\.9%/);
  expect(t2).toContain('需整改');
  await doc.goto(`/console?meeting=demo&print=notice&item=${RATING}`);
  await expect(doc.getByTestId('notice-table')).toContainText('76.9%');
  expect(await closingAtLineStart(doc, '.notice-doc__page')).toEqual([]);
  await shot(doc, 'rating-notice-page');

  for (const d of others) d.close();
});

test('the printed report is a formal record: meeting, place, 应到/实到, rule and rounds, 测评 labels, the named list, chain head slot and signatures', async ({ browser }) => {
  test.setTimeout(120_000);
  const session = await loginApi(server.url);
  const auth = { authorization: `Bearer ${session}`, 'content-type': 'application/json' };
  const patch = await fetch(`${server.url}/api/meetings/demo`, { method: 'PATCH', headers: auth, body: JSON.stringify({ place: '市人民大会堂第一会议室' }) });
  expect(patch.status).toBe(200);
  await addAgendaItem(server.url, session, { id: 'named-motion', kind: 'motion', title: '表决《关于命名市级文明社区的决定》（记名）', settings: { secret: false, countdownSec: 0 } });
  const mod = await moderator(server.url, session);
  const links = await linkUrls(server.url, session);
  const deps = await Promise.all(links.slice(16, 22).map((l) => socketDeputy(server.url, l)));
  await mod.run({ type: 'startRound', itemId: 'named-motion', countdownSec: 0, confirmNoQuorum: true });
  const rid = await mod.activeRound();
  for (const [i, d] of deps.entries()) if (i < 5) await d.vote(rid, { kind: 'motion', choice: i === 1 ? 'against' : 'for' });
  await mod.run({ type: 'close', roundId: rid });

  const console_ = await openConsole(browser, server.url);
  await mod.run({ type: 'showItem', itemId: 'named-motion' });
  await expect(console_.getByTestId('named-list')).toBeVisible();
  await expect(console_.getByTestId('named-row')).toHaveCount(30);
  await expect(console_.locator('[data-testid="named-row"][data-mark="against"]')).toHaveCount(1);
  await console_.getByTestId('print-report').click();
  const report = console_.getByTestId('report-sheet');
  await expect(report).toBeVisible();
  await expect(console_.getByTestId('report-meta')).toContainText('市人民大会堂第一会议室');
  await expect(console_.getByTestId('report-meta')).toContainText('应到 30 人');
  await expect(console_.getByTestId('report-item-rating-departments')).toContainText('测评');
  await expect(console_.getByTestId('report-item-rating-departments')).not.toContainText('表决 ·');
  await expect(console_.getByTestId(`report-named-${rid}`).getByTestId('named-row')).toHaveCount(30);
  await expect(console_.getByTestId(`report-named-${rid}`)).toContainText('未按');
  await expect(console_.getByTestId('report-chain-head-value')).not.toBeEmpty();
  await expect(console_.getByTestId('report-sign')).toContainText('监票人');
  // The ranking says which weights and 整改 line made its scores (R7, R9).
  await expect(console_.getByTestId('report-ranking-weights').first()).toContainText('计分权重：满意 100 · 基本满意 60 · 不满意 0');
  expect(await closingAtLineStart(console_, '.report__page')).toEqual([]);
  await shot(console_, 'report');
  // Printed, the report is the only thing on the paper.
  const { text } = await printed(console_, 'report-printed.pdf');
  expect(text).toContain('记录人');
  expect(text).not.toContain('大屏画面');
  for (const d of deps) d.close();
});

test('the QR sheet print page prints its cards, not blank pages', async ({ browser }) => {
  const console_ = await openConsole(browser, server.url);
  await console_.goto('/console?meeting=demo&print=qr');
  await expect(console_.getByTestId('qr-card')).toHaveCount(30);
  const { text, pages } = await printed(console_, 'qr-printed.pdf');
  expect(pages).toBe(3);
  const names = await console_.locator('.qr-card__name').allTextContents();
  for (const n of [names[0], names[12], names[29]]) expect(text).toContain(n);
  expect(text).not.toContain('打印');
});

