// 代表建议办理满意度 through the real server: suggestions imported over HTTP into a rating item,
// each deputy's socket given only their own, a ballot for another's refused, the units ranked
// in the closed result, and a 不满意 suggestion reopened as a 再次办理 case (R14..R18).
import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RatingItem } from '../../shared/model.js';
import type { RatingResult } from '../../shared/rules/index.js';
import type { SupervisionView } from '../../shared/supervision/view.js';
import type { ConsoleView, DeputyView } from '../../shared/views.js';
import { api } from '../test/api.js';
import { PlainBrowser, formOf, textOf, tokenOf } from '../test/plain-client.js';
import { clientTracker, command, console_, deputy, emit, links, login, prepareMeeting, receipt, startServer, vote, type Client, type Harness } from '../test/harness.js';

const M = 'jy';
const roster = ['张伟', '李娜', '王强', '赵敏', '陈刚'].map((name, i) => ({ id: `d${i + 1}`, name, group: '', seat: '' }));
const placeholder: RatingItem = {
  id: 'rate-jy',
  kind: 'rating',
  title: '代表建议办理满意度测评',
  description: '',
  settings: { secret: true, visibility: 'turnout', allowChange: false, countdownSec: 0, scale: 'three', flagAbove: 0.2 },
  subjects: [{ id: 's1', name: '待导入', person: '', title: '' }],
};
const FILE = [
  '建议号,建议题目,领衔代表,附议代表,主办单位,会办单位,答复摘要',
  '1,关于农村饮水安全的建议,张伟,李娜,县水利局,县财政局,已纳入今年计划',
  '2,关于河道清淤的建议,李娜,,县水利局,,明年汛前完成',
  '3,关于增设公交线路的建议,王强,,县交通运输局,,已开通2路',
].join('\n');

let h: Harness;
let session: string;
const { track, closeAll } = clientTracker();
beforeEach(async () => {
  h = await startServer({ demoSize: 5 });
  session = await login(h.url);
  await prepareMeeting(h, { meeting: { id: M, title: '县人大常委会第九次会议', date: '', settings: { quorum: 'half' } }, roster, agenda: [placeholder] });
});
afterEach(async () => {
  closeAll();
  await h.close();
});

const importFile = (text: string, commit: boolean) =>
  api(h.url, 'POST', `/api/meetings/${M}/import/suggestions?filename=jy.csv&itemId=rate-jy${commit ? '&commit=1' : ''}`, { session, raw: text });

async function phones() {
  const byId = new Map<string, Client<DeputyView>>();
  for (const l of await links(h.url, session, M)) {
    const d = track(deputy(h.url, l.url));
    await d.until(() => true);
    expect(await emit(d.socket, 'checkIn', {})).toEqual({ ok: true });
    byId.set(l.deputyId, d);
  }
  return byId;
}

describe('[R14][R15][R16][R17][R18] suggestions through the server', () => {
  it('a row naming a deputy not on the roster is refused by name, and nothing is stored', async () => {
    const bad = await importFile(`${FILE}\n4,关于路灯的建议,孙悟空,,县城管局,,`, true);
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toEqual([{ row: 5, reason: 'UNKNOWN_DEPUTY', field: 'lead', column: '领衔代表', value: '孙悟空' }]);
    expect(h.app.ctx.meetings.get(M)?.agenda[0]).toEqual(placeholder);
  });

  it('deputies rate only their own; a forged ballot for another is refused; units ranked; the 不满意 suggestion reopens as a case', async () => {
    const imported = await importFile(FILE, true);
    expect(imported.body).toMatchObject({ ok: true, committed: true });
    const con = track(console_(h.url, session, M));
    const item = (await con.until((v) => (v.agenda[0] as RatingItem).suggestions?.length === 3)).agenda[0] as RatingItem;
    expect(item.subjects.map((x) => [x.id, x.name, x.person])).toEqual([
      ['g001', '关于农村饮水安全的建议', '张伟'],
      ['g002', '关于河道清淤的建议', '李娜'],
      ['g003', '关于增设公交线路的建议', '王强'],
    ]);
    const deps = await phones();
    expect(await command(con, { type: 'startRound', itemId: 'rate-jy', countdownSec: 0 })).toEqual({ ok: true });
    const roundId = (await con.until((v) => v.activeRoundId !== null)).activeRoundId as string;

    const own = async (id: string) => ((await deps.get(id)!.until((v) => v.round?.id === roundId)).item as RatingItem).subjects.map((x) => x.id);
    expect(await own('d1')).toEqual(['g001']);
    expect(await own('d2')).toEqual(['g001', 'g002']);
    expect(await own('d3')).toEqual(['g003']);
    expect(await own('d4')).toEqual([]);

    const cast = (id: string, ratings: Record<string, string>) => vote(deps.get(id)!, { roundId, submissionId: `s-${receipt()}`, receipt: receipt(), content: { kind: 'rating', ratings } });
    // Forged: 王强 rates 张伟's suggestion; 赵敏, with none, rates one.
    expect(await cast('d3', { g001: 'unsatisfied', g003: 'satisfied' })).toEqual({ ok: false, error: 'NOT_YOUR_SUGGESTION' });
    expect(await cast('d4', { g002: 'unsatisfied' })).toEqual({ ok: false, error: 'NOT_YOUR_SUGGESTION' });
    expect(await cast('d1', { g001: 'unsatisfied' })).toMatchObject({ ok: true });
    expect(await cast('d2', { g001: 'basic', g002: 'satisfied' })).toMatchObject({ ok: true });
    expect(await cast('d3', { g003: 'satisfied' })).toMatchObject({ ok: true });
    expect(await command(con, { type: 'close', roundId })).toEqual({ ok: true });
    const closed = await con.until((v: ConsoleView) => v.rounds.some((r) => r.id === roundId && r.status === 'closed' && r.result !== null));
    const result = closed.rounds.find((r) => r.id === roundId)?.result as RatingResult;
    expect([result.roster, result.present, result.cast, result.notVoted]).toEqual([3, 3, 3, 0]);
    expect(result.units?.map((u) => [u.unit, u.subjectIds.length, u.valid, u.satisfactionRate, u.score, u.reopened, u.rank])).toEqual([
      ['县交通运输局', 1, 1, 1, 100, 0, 1],
      ['县水利局', 2, 3, 2 / 3, 53.33, 1, 2],
    ]);

    // The report's workbook has the units ranked and each suggestion, in Chinese.
    const res = await fetch(`${h.url}/api/meetings/${M}/results.xlsx`, { headers: { authorization: `Bearer ${session}` } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const sheet = wb.getWorksheet('建议办理');
    const values = (n: number) => (sheet?.getRow(n).values as unknown[]).slice(1);
    expect(values(2)).toEqual(['名次', '主办单位', '建议件数', '测评人次', '满意率', '不满意率', '得分', '再次办理（件）']);
    expect(values(3)).toEqual([1, '县交通运输局', 1, 1, 1, 0, 100, 0]);
    expect(values(4)).toEqual([2, '县水利局', 2, 3, 2 / 3, 1 / 3, 53.33, 1]);
    expect(values(6)?.slice(0, 5)).toEqual(['1', '关于农村饮水安全的建议', '张伟', '县水利局', '县财政局']);

    const opened = await api(h.url, 'POST', '/api/supervision/commands', { session, json: { type: 'openFromRating', meetingId: M, itemId: 'rate-jy', lead: '常委会代表工委' } });
    expect(opened.body).toMatchObject({ ok: true });
    const v = (await api(h.url, 'GET', '/api/supervision', { session })).body as unknown as SupervisionView;
    expect(v.cases.map((c) => [c.details.department, c.source.kind, c.source.kind === 'suggestion' ? [c.source.number, c.source.title, c.source.leadDeputy] : null])).toEqual([
      ['县水利局', 'suggestion', ['1', '关于农村饮水安全的建议', '张伟']],
    ]);
    const again = await api(h.url, 'POST', '/api/supervision/commands', { session, json: { type: 'openFromRating', meetingId: M, itemId: 'rate-jy', lead: '' } });
    expect(again.body).toEqual({ ok: false, error: 'ALREADY_OPEN' });
    // Its 督办通知书 says why: the suggestion, its lead deputy, the 不满意 share against the line.
    const caseId = v.cases[0]!.id;
    expect((await api(h.url, 'POST', '/api/supervision/commands', { session, json: { type: 'issueNotice', caseId } })).body).toMatchObject({ ok: true });
    const pdf = await fetch(`${h.url}/api/supervision/notices/${caseId}.pdf`, { headers: { authorization: `Bearer ${session}` } });
    const file = join(h.dataDir, 'notice.pdf');
    await writeFile(file, Buffer.from(await pdf.arrayBuffer()));
    const text = execFileSync('pdftotext', [file, '-']).toString('utf-8').replace(/\s+/g, '');
    for (const x of ['县水利局：', '第1号建议《关于农村饮水安全的建议》（领衔代表张伟）', '不满意率为50.0%', '须再次办理，重新答复代表', '常委会代表工委领衔督办']) expect(text).toContain(x);
    // What it asks for is a second reply to the deputies, not a rectification (R17).
    for (const x of ['报送再次办理方案', '重新书面答复领衔代表', '办理期间']) expect(text).toContain(x);
    for (const x of ['整改方案', '完成整改', '整改期间']) expect(text).not.toContain(x);
  });

  it('[R14][L1] the plain page lists only the deputy\'s own suggestions with the reply; a posted rating of another is refused', async () => {
    expect((await importFile(FILE, true)).body).toMatchObject({ ok: true });
    const con = track(console_(h.url, session, M));
    await con.until(() => true);
    const ls = await links(h.url, session, M);
    const browser = async (id: string) => {
      const l = ls.find((x) => x.deputyId === id)!;
      const b = new PlainBrowser(h.url, `/d/${tokenOf(l.url)}/plain`);
      await b.post(formOf((await b.get()).html), []);
      return b;
    };
    const [pa, pd] = [await browser('d1'), await browser('d4')];
    for (const id of ['d2', 'd3', 'd5']) await browser(id); // quorum
    expect(await command(con, { type: 'startRound', itemId: 'rate-jy', countdownSec: 0 })).toEqual({ ok: true });
    const page = textOf((await pa.get()).html);
    expect(page).toContain('关于农村饮水安全的建议');
    expect(page).toContain('主办单位：县水利局');
    expect(page).toContain('已纳入今年计划');
    expect(page).not.toContain('关于河道清淤的建议');
    expect(textOf((await pd.get()).html)).toContain('您没有需要测评的建议');
    // A hand-made POST naming 王强's suggestion: refused with the rule's message, nothing stored.
    const forged = await pa.post(formOf((await pa.get()).html), [['r.g003', 'unsatisfied']]);
    expect(forged.res.headers.get('location')).toBe(`${pa.path}?m=NOT_YOUR_SUGGESTION`);
    expect(textOf(forged.page.html)).toContain('这不是您领衔或附议的建议');
    const ok = await pa.post(formOf((await pa.get()).html), [['r.g001', 'satisfied']]);
    expect(textOf(ok.page.html)).toContain('您的选票已记录');
  });
});
