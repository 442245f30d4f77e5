// Tracked livelihood projects through the real server: a hand-counted 票决 adopts ten projects,
// the staff track them, report progress with a photo, record a visit, one project goes overdue
// on the clock, a later meeting rates two projects' delivery and the ratings come back onto the
// projects; the workbook and a restart keep all of it (U20..U27).
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ProjectsView } from '../../shared/supervision/projects-view.js';
import { api } from '../test/api.js';
import { command, console_ } from '../test/harness.js';
import { cmd, DAY, loginOperator, supervisionServer } from './test-setup.js';

const t = supervisionServer();
/** The projects 票决 counted by hand: prj01..prj10 adopted (4 or 5 votes of 5), prj11 and prj12 not. */
const votes = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`prj${String(i + 1).padStart(2, '0')}`, i < 4 ? 5 : i < 10 ? 4 : 1]));
const adopted = () => t.start({ itemId: 'projects-2027', counts: { kind: 'projects', votes } });

const projects = async (url: string, session: string) => (await api(url, 'GET', '/api/supervision/projects', { session })).body as unknown as ProjectsView;
const report = (percent: number, spentYuan: number, text: string, attachments: unknown[] = []) => ({ percent, spentYuan, text, attachments });

describe('tracked projects through the server', () => {
  it('[U20][U22][U23][U24][U12][U28] adopted projects are tracked with their vote, reported on with a photo, visited, one goes overdue; a restart keeps them', async () => {
    const { h, operator } = await adopted();
    expect((await cmd(h.url, operator, { type: 'trackAdopted', meetingId: 'demo', itemId: 'motion-budget' })).body).toEqual({ ok: false, error: 'WRONG_KIND' });
    const tracked = await cmd(h.url, operator, { type: 'trackAdopted', meetingId: 'demo', itemId: 'projects-2027', lead: '常委会农工委' });
    expect(tracked.body).toEqual({ ok: true, caseIds: Array.from({ length: 10 }, (_, i) => `P2026-${i + 1}`) });
    expect((await cmd(h.url, operator, { type: 'trackAdopted', meetingId: 'demo', itemId: 'projects-2027' })).status).toBe(409);
    let v = await projects(h.url, operator);
    const first = v.projects.find((p) => p.id === 'P2026-1');
    expect(first?.details).toEqual({ name: '城区老旧小区改造提升工程（含加装电梯与雨污分流改造）', department: '市住建局', lead: '常委会农工委', budgetText: '3200 万元', budgetYuan: 32_000_000, completion: '2027-12-31' });
    expect(first?.adoptedBy).toMatchObject({ meetingId: 'demo', itemId: 'projects-2027', projectId: 'prj01', votes: 5, rank: 1 });

    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    const up = await api(h.url, 'POST', '/api/media', { session: operator, raw: png });
    const photo = { mediaId: up.body.mediaId as string, type: 'image', name: '施工现场.png' };
    expect((await cmd(h.url, operator, { type: 'reportProgress', trackedId: 'P2026-1', report: report(101, 0, '超额') })).body).toEqual({ ok: false, error: 'BAD_REQUEST' });
    expect((await cmd(h.url, operator, { type: 'reportProgress', trackedId: 'P2026-1', report: report(30, 8_000_000, '两处开工', [{ ...photo, type: 'video' }]) })).body).toEqual({ ok: false, error: 'NO_SUCH_MEDIA' });
    expect((await cmd(h.url, operator, { type: 'reportProgress', trackedId: 'P2026-1', report: report(30, 8_000_000, '两处开工', [photo]) })).status).toBe(200);
    expect((await cmd(h.url, operator, { type: 'reportProgress', trackedId: 'P2026-1', report: report(20, 8_000_000, '改口') })).body).toEqual({ ok: false, error: 'BACKWARDS' });
    const visit = { date: '2026-11-30', kind: 'inspection', deputies: [{ name: '王建国', deputyId: 'd001' }, { name: '李秀英' }], findings: '施工围挡不规范', attachments: [{ ...photo, mediaId: 'md0000000000000000' }] };
    expect((await cmd(h.url, operator, { type: 'recordVisit', trackedId: 'P2026-1', visit })).body).toEqual({ ok: false, error: 'NO_SUCH_MEDIA' });
    expect((await cmd(h.url, operator, { type: 'recordVisit', trackedId: 'P2026-1', visit: { ...visit, attachments: [photo] } })).status).toBe(200);
    expect((await cmd(h.url, operator, { type: 'recordVisit', trackedId: 'P2026-1', visit: { ...visit, date: '2026-12-01', attachments: [] } })).body).toEqual({ ok: false, error: 'BAD_DATE' });
    const second = v.projects.find((p) => p.id === 'P2026-2');
    expect((await cmd(h.url, operator, { type: 'editProject', trackedId: 'P2026-2', details: { ...second?.details, completion: '2026-12-10' } })).status).toBe(200);
    expect((await cmd(h.url, operator, { type: 'addMilestone', trackedId: 'P2026-2', title: '完成选址', due: '2026-12-05' })).status).toBe(200);

    t.now += 11 * DAY; // 12-11: the second project's completion date (12-10) has passed
    const op = await loginOperator(h.url);
    v = await projects(h.url, op);
    expect(v.today).toBe('2026-12-11');
    expect(v.projects.slice(0, 2).map((p) => [p.id, p.status, p.missed, p.percent])).toEqual([
      ['P2026-2', 'overdue', 'completion', 0],
      ['P2026-8', 'notStarted', null, 0], // 2027年6月: the nearest completion date
    ]);
    expect(v.projects.find((p) => p.id === 'P2026-1')).toMatchObject({ status: 'inProgress', percent: 30, spentYuan: 8_000_000 });
    expect(v.counts).toEqual({ overdue: 1, notStarted: 8, inProgress: 1, completed: 0 });
    const one = v.projects.find((p) => p.id === 'P2026-1');
    expect(one?.visits.map((x) => [x.date, x.deputies.map((d) => d.name), x.attachments.length])).toEqual([['2026-11-30', ['王建国', '李秀英'], 1]]);
    expect(one?.timeline.map((t) => [t.kind, t.actor])).toEqual([
      ['tracked', 'desk'],
      ['progress', 'desk'],
      ['visit', 'desk'],
    ]);

    await h.restart();
    const again = await projects(h.url, await loginOperator(h.url));
    expect(again).toEqual(v);
  });

  it('[U25][U26][U27] a later meeting rates two projects; each shows its delivery rating and its vote, in the view and the workbook', async () => {
    const { h, admin, operator } = await adopted();
    await cmd(h.url, operator, { type: 'trackAdopted', meetingId: 'demo', itemId: 'projects-2027', lead: '' });
    expect((await api(h.url, 'GET', '/api/supervision/delivery-item?projects=P2026-1,nope', { session: operator })).status).toBe(404);
    for (const path of ['/api/supervision/projects', '/api/supervision/projects.xlsx', '/api/supervision/delivery-item?projects=P2026-1']) expect((await fetch(`${h.url}${path}`)).status).toBe(401);
    const item = (await api(h.url, 'GET', '/api/supervision/delivery-item?projects=P2026-1,P2026-5&itemId=delivery', { session: operator })).body.item as {
      subjects: { id: string }[];
      deliveries: { trackedId: string; votes: number; rank: number; meetingId: string }[];
    };
    expect(item.subjects.map((x) => x.id)).toEqual(['dl-P2026-1', 'dl-P2026-5']);
    expect(item.deliveries.map((d) => [d.trackedId, d.meetingId, d.votes, d.rank])).toEqual([
      ['P2026-1', 'demo', 5, 1],
      ['P2026-5', 'demo', 4, 5],
    ]);
    const created = await api(h.url, 'POST', '/api/meetings', { session: admin, json: { title: '第十六次会议', date: '', quorum: 'half' } });
    const id = created.body.id as string;
    // On the scale asked for, else on the scale the meeting already rates on, else three levels.
    const four = { id: 'officials', kind: 'rating', title: '述职评议', settings: { scale: 'four' }, subjects: [{ id: 's1', name: '市住建局' }] };
    expect((await api(h.url, 'PUT', `/api/meetings/${id}/agenda`, { session: admin, json: { agenda: [four] } })).status).toBe(200);
    const scaleOf = async (q: string) => ((await api(h.url, 'GET', `/api/supervision/delivery-item?projects=P2026-1&${q}`, { session: operator })).body.item as { settings: { scale: string } }).settings.scale;
    expect([await scaleOf('scale=score'), await scaleOf(`meeting=${id}`), await scaleOf('')]).toEqual(['score', 'four', 'three']);
    expect((await api(h.url, 'PUT', `/api/meetings/${id}/agenda`, { session: admin, json: { agenda: [item] } })).status).toBe(200);
    expect((await projects(h.url, operator)).projects.every((p) => p.delivery === null)).toBe(true);
    const con = console_(h.url, admin, id);
    const counts = { 'dl-P2026-1': { satisfied: 4, basic: 1, unsatisfied: 0 }, 'dl-P2026-5': { satisfied: 1, basic: 2, unsatisfied: 2 } };
    expect(await command(con, { type: 'manualResult', itemId: 'delivery', counts: { kind: 'rating', counts } })).toEqual({ ok: true });
    con.close();
    const v = await projects(h.url, operator);
    expect(v.projects.find((p) => p.id === 'P2026-1')?.delivery).toMatchObject({ meetingId: id, itemId: 'delivery', satisfactionRate: 1, valid: 5 });
    expect(v.projects.find((p) => p.id === 'P2026-5')?.delivery).toMatchObject({ satisfactionRate: 0.6 });
    // The later meeting's own report carries each rating beside the vote that adopted the project.
    const report = await (await fetch(`${h.url}/api/meetings/${id}/results.csv`, { headers: { authorization: `Bearer ${operator}` } })).text();
    const csv = report.slice(report.indexOf('项目实施测评'));
    expect(csv).toMatch(/城区老旧小区改造提升工程（含加装电梯与雨污分流改造）,P2026-1,演示会议[^,]*,2027年市级民生实事项目票决,5,1,100(\.0)?%/);
    expect(csv).toMatch(/,P2026-5,[^\r\n]*,4,5,60(\.0)?%/);

    const res = await fetch(`${h.url}/api/supervision/projects.xlsx`, { headers: { authorization: `Bearer ${operator}` } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const sheet = wb.getWorksheet('民生实事项目跟踪');
    const row = [3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((n) => sheet?.getRow(n)).find((r) => r?.getCell(1).text === 'P2026-1');
    expect([2, 3, 5, 9, 15, 16, 17, 18, 20].map((c) => row?.getCell(c).value)).toEqual(['城区老旧小区改造提升工程（含加装电梯与雨污分流改造）', '市住建局', '未开工', 32_000_000, '演示会议 · 市人大常委会第十二次会议 · 2027年市级民生实事项目票决', 5, 1, 1, '第十六次会议 · 民生实事项目实施情况满意度测评']);
    expect(wb.getWorksheet('项目按单位统计')?.lastRow?.values).toEqual([undefined, '合计', 0, 10, 0, 0, 10]);
  });
});

describe('tracked projects on the public year page', () => {
  it('[U40][U41] a published tracked project shows on /api/public/year with its public fields only; the others and the report texts stay internal', async () => {
    const { h, admin, operator } = await adopted();
    expect((await cmd(h.url, operator, { type: 'trackAdopted', meetingId: 'demo', itemId: 'projects-2027' })).status).toBe(200);
    expect((await cmd(h.url, operator, { type: 'reportProgress', trackedId: 'P2026-1', report: report(40, 9_000_000, '内部备注：施工方联系电话 13800000000') })).status).toBe(200);
    // Only administrators publish (U40); an unknown project is NOT_FOUND now that projects exist.
    expect((await cmd(h.url, operator, { type: 'setPublished', kind: 'project', id: 'P2026-1', published: true })).body).toEqual({ ok: false, error: 'FORBIDDEN' });
    expect((await cmd(h.url, admin, { type: 'setPublished', kind: 'project', id: 'P2026-99', published: true })).body).toEqual({ ok: false, error: 'NOT_FOUND' });
    expect((await cmd(h.url, admin, { type: 'setPublished', kind: 'project', id: 'P2026-1', published: true })).status).toBe(200);
    expect((await projects(h.url, operator)) as unknown as { published: string[] }).toMatchObject({ published: ['P2026-1'] });
    const res = await fetch(`${h.url}/api/public/year`);
    const text = await res.text();
    const body = JSON.parse(text) as { projects: { id: string; name: string; percent: number; spentYuan: number | null; status: string }[] };
    expect(body.projects.map((p) => [p.id, p.percent, p.spentYuan, p.status])).toEqual([['P2026-1', 40, 9_000_000, 'inProgress']]);
    expect(body.projects[0]?.name).toBe('城区老旧小区改造提升工程（含加装电梯与雨污分流改造）');
    expect(text).not.toContain('13800000000');
    expect(text).not.toContain('P2026-2');
  });
});
