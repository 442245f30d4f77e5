// The year's public record through the real server (U40..U44): an administrator publishes one of
// two cases; GET /api/public/year, without a login, holds that one and none of its internal
// fields; the dashboard's sheets count by status and department; PDF and Word documents are
// kept by their content, refused when forged, and handed out as downloads to staff only.
import ExcelJS from 'exceljs';
import { readdir, readFile } from 'node:fs/promises';
import { MAX_DOCUMENT_BYTES } from '../media-documents.js';
import { join } from 'node:path';
import { SUPERVISION_FILE } from './journal.js';
import { describe, expect, it } from 'vitest';
import { api } from '../test/api.js';
import { login } from '../test/harness.js';
import { cmd, FLAGGED_RATING, supervisionServer, type Started } from './test-setup.js';
import { docx, pdf, zip } from '../test/zip.js';

const t = supervisionServer();
/** Two cases opened from the flagged rating: 2026-1 (housing) and 2026-2 (transport). */
async function twoCases(): Promise<Started> {
  const started = await t.start(FLAGGED_RATING);
  expect((await cmd(started.h.url, started.operator, { type: 'openFromRating', meetingId: 'demo', itemId: 'rating-departments', lead: '常委会财经工委' })).status).toBe(200);
  return started;
}

const upload = (url: string, session: string, raw: Buffer) => api(url, 'POST', '/api/media?documents=1', { session, raw });

describe('the public year and the dashboard', () => {
  it('[U40][U41][U42] only the published case reaches GET /api/public/year, without its internal fields, and the flag survives a restart', async () => {
    const { h, admin, operator } = await twoCases();
    expect((await api(h.url, 'GET', '/api/public/year')).body).toMatchObject({ ok: true, cases: [], projects: [] });
    const publish = { type: 'setPublished', kind: 'case', id: '2026-1', published: true };
    expect(await cmd(h.url, operator, publish)).toEqual({ status: 403, body: { ok: false, error: 'FORBIDDEN' } });
    expect((await cmd(h.url, admin, { ...publish, id: 'nope' })).body).toEqual({ ok: false, error: 'NOT_FOUND' });
    expect((await cmd(h.url, admin, publish)).status).toBe(200);
    // Publishing it again changes nothing and writes nothing.
    const lines = async () => (await readFile(join(h.dataDir, SUPERVISION_FILE), 'utf8')).trim().split('\n');
    const before = await lines();
    expect(JSON.parse(before[before.length - 1] ?? '{}')).toMatchObject({ actor: 'admin', event: { t: 'published.set', kind: 'case', id: '2026-1', published: true } });
    expect((await cmd(h.url, admin, publish)).status).toBe(200);
    expect((await lines()).length).toBe(before.length);
    // Internal working papers on both cases: a plan with a document and a progress report.
    const doc = await upload(h.url, operator, pdf());
    for (const id of ['2026-1', '2026-2']) {
      await cmd(h.url, operator, { type: 'issueNotice', caseId: id });
      await cmd(h.url, operator, { type: 'recordPlan', caseId: id, report: { text: '内部方案：联系人张三 13800000000', attachments: [{ mediaId: doc.body.mediaId, type: 'document', name: '内部方案.pdf' }] } });
    }
    const res = await fetch(`${h.url}/api/public/year`);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const text = await res.text();
    const body = JSON.parse(text) as { cases: { id: string; department: string; status: string; notice: unknown; planOn: string }[] };
    expect(body.cases.map((c) => [c.id, c.department, c.status, c.planOn])).toEqual([['2026-1', '市住建局', 'rectifying', '2026-11-30']]);
    // Nothing of the unpublished case, no report text, no file, no head, no asking deputy, no staff user.
    for (const s of ['市交通运输局', '内部方案', '13800000000', String(doc.body.mediaId), '王建军', 'desk', 'admin', '老旧小区改造进度滞后']) expect(text).not.toContain(s);
    const asker = ((await api(h.url, 'GET', '/api/supervision', { session: operator })).body.cases as { details: { questions: { asker: string }[] } }[])[0]?.details.questions[0]?.asker ?? '';
    expect(asker).not.toBe('');
    expect(text).not.toContain(asker);
    // The register itself stays behind the login.
    expect((await api(h.url, 'GET', '/api/supervision')).status).toBe(401);
    await h.restart();
    expect(((await api(h.url, 'GET', '/api/public/year')).body.cases as unknown[]).length).toBe(1);
    expect((await cmd(h.url, await login(h.url), { ...publish, published: false })).status).toBe(200);
    expect((await api(h.url, 'GET', '/api/public/year')).body.cases).toEqual([]);
  });

  it('[U43] the register workbook counts by department (overdue first) and by status; the projects workbook has its sheets', async () => {
    const { h, operator } = await twoCases();
    await cmd(h.url, operator, { type: 'issueNotice', caseId: '2026-2' });
    const get = async (path: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(await (await fetch(`${h.url}${path}`, { headers: { authorization: `Bearer ${operator}` } })).arrayBuffer());
      return wb;
    };
    const wb = await get('/api/supervision/cases.xlsx');
    expect(wb.getWorksheet('按状态统计')?.getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1))).toEqual([
      ['状态', '件数'],
      ['逾期', 0],
      ['待通知', 1],
      ['整改中', 1],
      ['已完成', 0],
      ['已销号', 0],
      ['合计', 2],
    ]);
    // The dashboard's JSON counts the same way.
    const dash = (await api(h.url, 'GET', '/api/supervision/dashboard', { session: operator })).body as { cases: { total: number; byStatus: Record<string, number>; byDepartment: { department: string; total: number }[] }; projects: { total: number } };
    expect([dash.cases.total, dash.cases.byStatus.awaitingNotice, dash.cases.byStatus.rectifying, dash.cases.byDepartment.map((r) => r.department), dash.projects.total]).toEqual([2, 1, 1, ['市交通运输局', '市住建局'], 0]);
    expect((await api(h.url, 'GET', '/api/supervision/dashboard')).status).toBe(401);
    const projects = await get('/api/supervision/projects.xlsx');
    expect(projects.worksheets.map((w) => w.name)).toEqual(['民生实事项目跟踪', '项目按单位统计']);
    expect(projects.getWorksheet('民生实事项目跟踪')?.getRow(2).getCell(2).text).toBe('项目名称');
    expect((await fetch(`${h.url}/api/supervision/projects.xlsx`)).status).toBe(401);
  });
});

describe('documents attached to plans and reports', () => {
  it('[U44] a PDF and a Word document are kept and attached; they download as attachments, nosniff, to staff only', async () => {
    const { h, operator } = await twoCases();
    const p = await upload(h.url, operator, pdf());
    const w = await upload(h.url, operator, docx());
    expect([p.body.type, p.body.mime, w.body.type, w.body.mime]).toEqual(['document', 'application/pdf', 'document', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document']);
    await cmd(h.url, operator, { type: 'issueNotice', caseId: '2026-1' });
    const attachments = [
      { mediaId: p.body.mediaId, type: 'document', name: '整改方案.pdf' },
      { mediaId: w.body.mediaId, type: 'document', name: '整改方案.docx' },
    ];
    expect((await cmd(h.url, operator, { type: 'recordPlan', caseId: '2026-1', report: { text: '整改方案', attachments } })).status).toBe(200);
    const res = await fetch(`${h.url}/api/media/${String(p.body.mediaId)}`, { headers: { authorization: `Bearer ${operator}` } });
    expect(res.status).toBe(200);
    expect([res.headers.get('content-type'), res.headers.get('content-disposition'), res.headers.get('x-content-type-options')]).toEqual(['application/pdf', `attachment; filename="${String(p.body.mediaId)}.pdf"`, 'nosniff']);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(pdf());
    const word = await fetch(`${h.url}/api/media/${String(w.body.mediaId)}`, { headers: { authorization: `Bearer ${operator}` } });
    expect(word.headers.get('content-disposition')).toBe(`attachment; filename="${String(w.body.mediaId)}.docx"`);
    // Without a login: not handed out (photos stay public for the big screen).
    expect((await fetch(`${h.url}/api/media/${String(p.body.mediaId)}`)).status).toBe(401);
  });

  it('[U44] forged or wrongly named files are refused: HTML sent as PDF, a truncated PDF, a zip or XLSX named .docx, a macro document', async () => {
    const { h, operator } = await twoCases();
    const refused = async (raw: Buffer, contentType = 'application/octet-stream') => {
      const res = await fetch(`${h.url}/api/media?documents=1&filename=plan.pdf`, { method: 'POST', headers: { authorization: `Bearer ${operator}`, 'content-type': contentType }, body: Uint8Array.from(raw) });
      return [res.status, ((await res.json()) as { error: string }).error];
    };
    expect(await refused(Buffer.from('<html><script>alert(1)</script></html>'), 'application/pdf')).toEqual([415, 'UNSUPPORTED_MEDIA']);
    expect(await refused(pdf().subarray(0, 40))).toEqual([415, 'UNSUPPORTED_MEDIA']);
    expect(await refused(Buffer.from('%PDX-1.4\n%%EOF\n'))).toEqual([415, 'UNSUPPORTED_MEDIA']);
    expect(await refused(zip({ 'readme.txt': 'not a document' }))).toEqual([415, 'UNSUPPORTED_MEDIA']);
    const book = new ExcelJS.Workbook();
    book.addWorksheet('s').addRow(['x']);
    expect(await refused(Buffer.from(await book.xlsx.writeBuffer()), DOCX)).toEqual([415, 'UNSUPPORTED_MEDIA']);
    expect(await refused(docx({ 'word/vbaProject.bin': 'macro' }), DOCX)).toEqual([415, 'UNSUPPORTED_MEDIA']);
    expect(await refused(docx().subarray(0, 200))).toEqual([415, 'UNSUPPORTED_MEDIA']);
    // Past the documents' limit (50 MB), though under the videos': refused, and nothing is kept.
    const big = Buffer.concat([pdf().subarray(0, 9), Buffer.alloc(MAX_DOCUMENT_BYTES + 1, 0x20), Buffer.from('\n%%EOF\n')]);
    const res = await fetch(`${h.url}/api/media?documents=1`, { method: 'POST', headers: { authorization: `Bearer ${operator}`, 'content-type': 'application/octet-stream' }, body: Uint8Array.from(big) });
    expect([res.status, ((await res.json()) as { error: string }).error]).toEqual([413, 'FILE_TOO_LARGE']);
    expect((await readdir(join(h.dataDir, 'media'))).filter((f) => f.endsWith('.part'))).toEqual([]);
    // A segment's evidence (no ?documents=1) still takes only what the screens play (G10).
    expect((await api(h.url, 'POST', '/api/media', { session: operator, raw: pdf() })).body).toMatchObject({ ok: false, error: 'UNSUPPORTED_MEDIA', accepted: ['mp4', 'webm', 'jpg', 'png', 'webp'] });
    // A photo said to be a document, or a document said to be a photo: the report is refused.
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    const photo = await upload(h.url, operator, png);
    const doc = await upload(h.url, operator, pdf());
    await cmd(h.url, operator, { type: 'issueNotice', caseId: '2026-1' });
    const plan = (mediaId: unknown, type: string) => cmd(h.url, operator, { type: 'recordPlan', caseId: '2026-1', report: { text: '方案', attachments: [{ mediaId, type }] } });
    expect((await plan(photo.body.mediaId, 'document')).body).toEqual({ ok: false, error: 'NO_SUCH_MEDIA' });
    expect((await plan(doc.body.mediaId, 'image')).body).toEqual({ ok: false, error: 'NO_SUCH_MEDIA' });
  });
});

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
