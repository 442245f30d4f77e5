// Supervision through the real server: a hand-counted rating flags two departments, their cases
// open with the questions of their segments, a 督办通知书 prints (text read back with
// pdftotext), one case goes overdue on the test clock, and all of it survives a restart (U4..U13).
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { SupervisionView } from '../../shared/supervision/view.js';
import { api } from '../test/api.js';
import { command, console_, login, startServer } from '../test/harness.js';
import { SUPERVISION_FILE } from './journal.js';
import { cmd, DAY, FLAGGED_RATING, loginOperator, supervisionServer } from './test-setup.js';
import { backup } from '../ops/backup.js';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';

const t = supervisionServer();
const flaggedRating = () => t.start(FLAGGED_RATING);

const view = async (url: string, session: string) => (await api(url, 'GET', '/api/supervision', { session })).body as unknown as SupervisionView;

describe('rectification cases through the server', () => {
  it('[U4][U5][U6][U7][U8] flagged departments open as cases with their segment questions; one goes overdue on the clock', async () => {
    const { h, operator } = await flaggedRating();
    const opened = await cmd(h.url, operator, { type: 'openFromRating', meetingId: 'demo', itemId: 'rating-departments', lead: '常委会财经工委' });
    expect(opened.body).toEqual({ ok: true, caseIds: ['2026-1', '2026-2'] });
    expect((await cmd(h.url, operator, { type: 'openFromRating', meetingId: 'demo', itemId: 'rating-departments', lead: '' })).body).toEqual({ ok: false, error: 'ALREADY_OPEN' });
    let v = await view(h.url, operator);
    expect(v.cases.map((c) => [c.id, c.details.department, c.status, c.due.notice, c.details.questions.length])).toEqual([
      ['2026-1', '市住建局', 'awaitingNotice', '2026-12-07', 3],
      ['2026-2', '市交通运输局', 'awaitingNotice', '2026-12-07', 3],
    ]);
    expect(v.cases[0]?.details.head).toBe('王建军 市住房和城乡建设局局长');
    expect(v.cases[0]?.source).toMatchObject({ kind: 'rating', figures: { satisfactionRate: 0.6, unsatisfiedRate: 0.4, score: 52 } });

    expect((await cmd(h.url, operator, { type: 'issueNotice', caseId: '2026-2' })).body).toEqual({ ok: true, caseIds: [] });
    t.now += 8 * DAY; // Tuesday 12-08: the housing notice was due on 12-07
    v = await view(h.url, await loginOperator(h.url)); // sessions last a day
    expect(v.today).toBe('2026-12-08');
    expect(v.cases.map((c) => [c.id, c.status, c.missed])).toEqual([
      ['2026-1', 'overdue', 'notice'],
      ['2026-2', 'rectifying', null],
    ]);
    // [U16] The register as a workbook: overdue first, and counts by department and status.
    const res = await fetch(`${h.url}/api/supervision/cases.xlsx`, { headers: { authorization: `Bearer ${await loginOperator(h.url)}` } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const sheet = wb.getWorksheet('整改督办台账');
    expect([3, 4].map((n) => [sheet?.getRow(n).getCell(1).text, sheet?.getRow(n).getCell(2).text, sheet?.getRow(n).getCell(5).text, sheet?.getRow(n).getCell(6).text])).toEqual([
      ['2026-1', '市住建局', '逾期', '督办通知书未按时发出'],
      ['2026-2', '市交通运输局', '整改中', ''],
    ]);
    const byDept = wb.getWorksheet('按单位统计');
    expect(byDept?.getRow(4).values).toEqual([undefined, '合计', 1, 0, 1, 0, 0, 2]);
    // Replayed from the journal after a restart: the same cases, the same timeline.
    await h.restart();
    const again = await loginOperator(h.url);
    expect((await view(h.url, again)).cases).toEqual(v.cases);
  });

  it('[U13] the 督办通知书 prints as A4 PDF with the number, the department, the deadlines and the issuer', async () => {
    const { h, admin, operator } = await flaggedRating();
    await cmd(h.url, admin, { type: 'setConfig', config: { issuer: '某某市人大常委会', numberPrefix: '督字', noticeDays: 5, planDays: 15, completionDays: 60 } });
    await cmd(h.url, operator, { type: 'openFromRating', meetingId: 'demo', itemId: 'rating-departments', lead: '常委会财经工委' });
    const c = (await view(h.url, operator)).cases[0]!;
    await cmd(h.url, operator, { type: 'editCase', caseId: c.id, details: { ...c.details, commitments: ['年底前完成城东片区雨污分流改造'] }, completion: '2027-03-31' });
    expect((await api(h.url, 'GET', `/api/supervision/notices/${c.id}.pdf`, { session: operator })).body).toEqual({ ok: false, error: 'NOTICE_FIRST' });
    await cmd(h.url, operator, { type: 'issueNotice', caseId: c.id });
    const res = await fetch(`${h.url}/api/supervision/notices/${c.id}.pdf`, { headers: { authorization: `Bearer ${operator}` } });
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const file = join(h.dataDir, 'notice.pdf');
    await writeFile(file, Buffer.from(await res.arrayBuffer()));
    const text = execFileSync('pdftotext', [file, '-']).toString('utf-8').replace(/\s+/g, '');
    for (const s of ['督办通知书', '督字〔2026〕1号', '市住建局（王建军市住房和城乡建设局局长）：', '常委会财经工委领衔督办', '年底前完成城东片区雨污分流改造', '2027年3月31日', '2026年12月21日', '某某市人大常委会', '2026年11月30日', '老旧小区改造进度滞后']) {
      expect(text).toContain(s);
    }
    expect((await api(h.url, 'GET', `/api/supervision/notices/${c.id}.pdf`)).status).toBe(401);
  });

  it('[U10][U11] steps in order; only an administrator configures; bad payloads are refused', async () => {
    const { h, admin, operator } = await flaggedRating();
    await cmd(h.url, operator, { type: 'openFromRating', meetingId: 'demo', itemId: 'rating-departments', lead: '' });
    const plan = { type: 'recordPlan', caseId: '2026-1', report: { text: '整改方案', attachments: [] } };
    expect(await cmd(h.url, operator, plan)).toEqual({ status: 409, body: { ok: false, error: 'NOTICE_FIRST' } });
    const cal = { type: 'setCalendar', calendar: { holidays: ['2026-12-01'], workdays: [] } };
    expect(await cmd(h.url, operator, cal)).toEqual({ status: 403, body: { ok: false, error: 'FORBIDDEN' } });
    expect((await cmd(h.url, admin, cal)).status).toBe(200);
    expect((await cmd(h.url, operator, { type: 'issueNotice', caseId: '2026-1', extra: 1 })).status).toBe(400);
    expect((await cmd(h.url, operator, { type: 'openFromRating', meetingId: 'demo', itemId: 'rating-seg-housing', lead: '' })).body).toEqual({ ok: false, error: 'NOT_CLOSED' });
    expect((await cmd(h.url, operator, { type: 'openFromRating', meetingId: 'demo', itemId: 'seg-housing', lead: '' })).body).toEqual({ ok: false, error: 'WRONG_KIND' });
    expect((await view(h.url, operator)).calendar.holidays).toEqual(['2026-12-01']);
  });

  it('[U14] a plan and two progress reports with a photo from the media store; an unknown file is refused', async () => {
    const { h, operator } = await flaggedRating();
    await cmd(h.url, operator, { type: 'openFromRating', meetingId: 'demo', itemId: 'rating-departments', lead: '' });
    await cmd(h.url, operator, { type: 'issueNotice', caseId: '2026-1' });
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    const up = await api(h.url, 'POST', '/api/media', { session: operator, raw: png });
    const photo = { mediaId: up.body.mediaId as string, type: 'image', name: '施工现场.png' };
    expect((await cmd(h.url, operator, { type: 'recordPlan', caseId: '2026-1', report: { text: '整改方案：三个小区年底前完工', attachments: [] } })).status).toBe(200);
    t.now += 20 * DAY;
    const op = await loginOperator(h.url);
    expect((await cmd(h.url, op, { type: 'recordProgress', caseId: '2026-1', report: { text: '雨污分流已完成两处', attachments: [photo] } })).status).toBe(200);
    expect((await cmd(h.url, op, { type: 'recordProgress', caseId: '2026-1', report: { text: '第三处开工', attachments: [{ ...photo, type: 'video' }] } })).body).toEqual({ ok: false, error: 'NO_SUCH_MEDIA' });
    expect((await cmd(h.url, op, { type: 'recordProgress', caseId: '2026-1', report: { text: '第三处开工', attachments: [{ ...photo, mediaId: 'md0000000000000000' }] } })).body).toEqual({ ok: false, error: 'NO_SUCH_MEDIA' });
    expect((await cmd(h.url, op, { type: 'recordProgress', caseId: '2026-1', report: { text: '第三处开工', attachments: [] } })).status).toBe(200);
    const c = (await view(h.url, op)).cases.find((x) => x.id === '2026-1');
    expect(c?.plan).toMatchObject({ on: '2026-11-30', text: '整改方案：三个小区年底前完工' });
    expect(c?.progress.map((p) => [p.on, p.text, p.attachments.map((a) => a.name)])).toEqual([
      ['2026-12-20', '雨污分流已完成两处', ['施工现场.png']],
      ['2026-12-20', '第三处开工', []],
    ]);
    expect(c?.timeline.map((t) => [t.kind, t.actor])).toEqual([
      ['opened', 'desk'],
      ['notice', 'desk'],
      ['plan', 'desk'],
      ['progress', 'desk'],
      ['progress', 'desk'],
    ]);
    expect((await fetch(`${h.url}/api/media/${photo.mediaId}`)).status).toBe(200);
  });

  it('[U15] a review item from the cases, rated at a later meeting, gives before and after on the register', async () => {
    const { h, admin, operator } = await flaggedRating();
    await cmd(h.url, operator, { type: 'openFromRating', meetingId: 'demo', itemId: 'rating-departments', lead: '' });
    expect((await api(h.url, 'GET', '/api/supervision/review-item?cases=2026-1,nope', { session: operator })).status).toBe(404);
    const item = (await api(h.url, 'GET', '/api/supervision/review-item?cases=2026-1,2026-2&itemId=review', { session: operator })).body.item as { subjects: { id: string }[] };
    expect(item.subjects.map((x) => x.id)).toEqual(['rv-2026-1', 'rv-2026-2']);
    const created = await api(h.url, 'POST', '/api/meetings', { session: admin, json: { title: '第十四次会议', date: '', quorum: 'half' } });
    const id = created.body.id as string;
    expect((await api(h.url, 'PUT', `/api/meetings/${id}/agenda`, { session: admin, json: { agenda: [item] } })).status).toBe(200);
    let reviews = (await api(h.url, 'GET', '/api/supervision', { session: operator })).body.reviews as { rows: { caseId: string; after: unknown }[] }[];
    expect(reviews.map((r) => r.rows.map((x) => [x.caseId, x.after]))).toEqual([
      [
        ['2026-1', null],
        ['2026-2', null],
      ],
    ]);
    const con = console_(h.url, admin, id);
    const counts = { 'rv-2026-1': { satisfied: 5, basic: 0, unsatisfied: 0 }, 'rv-2026-2': { satisfied: 2, basic: 1, unsatisfied: 2 } };
    expect(await command(con, { type: 'manualResult', itemId: 'review', counts: { kind: 'rating', counts } })).toEqual({ ok: true });
    con.close();
    reviews = (await api(h.url, 'GET', '/api/supervision', { session: operator })).body.reviews as typeof reviews;
    expect(reviews[0]?.rows).toMatchObject([
      { caseId: '2026-1', before: { satisfactionRate: 0.6, score: 52 }, after: { satisfactionRate: 1, score: 100 }, change: { satisfactionRate: 40, score: 48 } },
      { caseId: '2026-2', before: { satisfactionRate: 0.6, score: 44 }, after: { satisfactionRate: 0.6, score: 52 }, change: { satisfactionRate: 0, score: 8 } },
    ]);
    // The meeting's report carries the same before and after, on its own sheet.
    const report = await (await fetch(`${h.url}/api/meetings/${id}/results.csv`, { headers: { authorization: `Bearer ${operator}` } })).text();
    const sheet = report.slice(report.indexOf('回头看'));
    expect(sheet).toContain('市住建局');
    expect(sheet).toMatch(/市住建局,2026-1,[^\r\n]*,60(\.0)?%,52,100(\.0)?%,100,40,48/);
  });

  it('[U12] a backup holds the supervision journal, and a server started on it has the same cases', async () => {
    const { h, operator } = await flaggedRating();
    await cmd(h.url, operator, { type: 'openFromRating', meetingId: 'demo', itemId: 'rating-departments', lead: '' });
    await cmd(h.url, operator, { type: 'issueNotice', caseId: '2026-1' });
    const out = join(await mkdtemp(join(tmpdir(), 'wz-sv-backup-')), 'copy');
    await backup(h.dataDir, out);
    expect(await readFile(join(out, SUPERVISION_FILE), 'utf8')).toBe(await readFile(join(h.dataDir, SUPERVISION_FILE), 'utf8'));
    const copy = await startServer({ demoSize: 5, clock: t.clock }, out);
    try {
      await api(copy.url, 'POST', '/api/users', { session: await login(copy.url), json: { username: 'desk2', password: 'operator-pw-2', role: 'operator' } });
      const v = await view(copy.url, await login(copy.url));
      expect(v.cases.map((c) => [c.id, c.status])).toEqual([
        ['2026-2', 'awaitingNotice'],
        ['2026-1', 'rectifying'],
      ]);
    } finally {
      await copy.close();
      await rm(join(out, '..'), { recursive: true, force: true });
    }
  });

  it('[U12] each change is a hash-chained line naming who made it; a changed line stops the start', async () => {
    const { h, operator } = await flaggedRating();
    await cmd(h.url, operator, { type: 'openFromRating', meetingId: 'demo', itemId: 'rating-departments', lead: '' });
    await cmd(h.url, operator, { type: 'issueNotice', caseId: '2026-1' });
    const path = join(h.dataDir, SUPERVISION_FILE);
    const lines = (await readFile(path, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { seq: number; actor: string; prev: string; hash: string; event: { t: string } });
    expect(lines.map((l) => [l.seq, l.actor, l.event.t])).toEqual([
      [1, 'desk', 'case.opened'],
      [2, 'desk', 'case.opened'],
      [3, 'desk', 'notice.issued'],
    ]);
    expect(lines[1]?.prev).toBe(lines[0]?.hash);
    await h.app.close();
    // Someone edits the record by hand: the department of the first case.
    const text = await readFile(path, 'utf8');
    await writeFile(path, text.replace('市住建局', '市住建厅'));
    await expect(h.restart()).rejects.toThrow(/line 1 does not follow/);
    // A torn last line (a crash mid-write) is cut off instead.
    await writeFile(path, text + '{"seq":4,');
    await h.restart();
    const op = await loginOperator(h.url);
    expect((await view(h.url, op)).cases.length).toBe(2);
  });
});
