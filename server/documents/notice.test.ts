// Integration: the 公告 and the 测评结果通报 from a real sitting on the real server (N4, N5):
// the numbered notice with the adopted list in order, the statement on an unfilled seat and
// why, the rating notice's figures, refusals before close, and a real A4 PDF.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { badLineStarts } from '../../shared/line-break.js';
import { AgendaItem, type BallotContent } from '../../shared/model.js';
import type { ConsoleView, DeputyView } from '../../shared/views.js';
import { demoRoster } from '../demo.js';
import { command, console_, deputy, emit, links, login, receipt, startServer, vote, type Client, type Harness, clientTracker, prepareMeeting } from '../test/harness.js';
import type { NoticeText } from './words.js';

const M = 'docs';
const roster = demoRoster(6);
const agenda = [
  AgendaItem.parse({
    id: 'first',
    kind: 'projects',
    title: '第一批项目',
    settings: { adopt: 1, countdownSec: 0 },
    projects: [{ id: 'a', name: '项目甲' }],
  }),
  AgendaItem.parse({
    id: 'proj',
    kind: 'projects',
    title: '2026年民生实事项目',
    settings: { adopt: 3, countdownSec: 0, base: 'present' },
    projects: [
      { id: 'x', name: '城区老旧小区改造', department: '县住建局' },
      { id: 'y', name: '农村饮水安全巩固提升', department: '县水利局' },
      { id: 'z', name: '中小学食堂改造', department: '县教育局' },
      { id: 'w', name: '乡村公路养护', department: '县交通局' },
    ],
  }),
  AgendaItem.parse({ id: 'rate', kind: 'rating', title: '部门满意度测评', settings: { countdownSec: 0 }, subjects: [{ id: 's1', name: '县住建局' }, { id: 's2', name: '县水利局' }] }),
];

let h: Harness;
let session: string;
const clients = clientTracker();
const track = clients.track;

beforeEach(async () => {
  h = await startServer({ demoSize: 5 });
  session = await login(h.url);
  const meeting = { id: M, title: '××县第十八届人民代表大会第四次会议', date: '2026年3月5日', settings: { quorum: 'half' as const, issuer: '××县第十八届人民代表大会第四次会议主席团', noticeFrom: 5 } };
  await prepareMeeting(h, { meeting, roster, agenda });
});
afterEach(async () => {
  clients.closeAll();
  await h.close();
});

async function round(itemId: string, contents: BallotContent[]) {
  const con: Client<ConsoleView> = track(console_(h.url, session, M));
  await con.until(() => true);
  const deps: Client<DeputyView>[] = [];
  for (const l of await links(h.url, session, M)) {
    const d = track(deputy(h.url, l.url));
    await d.until(() => true);
    await emit(d.socket, 'checkIn', {});
    deps.push(d);
  }
  expect(await command(con, { type: 'startRound', itemId, countdownSec: 0 })).toEqual({ ok: true });
  const rid = (await con.until((v) => v.activeRoundId !== null)).activeRoundId as string;
  for (const [i, content] of contents.entries()) {
    await deps[i]!.until((v) => v.round?.id === rid);
    expect(await vote(deps[i]!, { roundId: rid, submissionId: `s-${receipt()}`, receipt: receipt(), content })).toMatchObject({ ok: true });
  }
  return { con, rid };
}

const get = (item: string, ext: 'json' | 'pdf') => fetch(`${h.url}/api/meetings/${M}/notices/${item}.${ext}`, { headers: { authorization: `Bearer ${session}` } });
const pick = (...picks: string[]): BallotContent => ({ kind: 'select', picks });

describe('公告 (N4)', () => {
  it('[N4] lists the adopted projects in order with votes, numbered from the setting, and says why a seat is unfilled', async () => {
    // 6 present, more than half = 4 votes: x 6, y 4, z 2, w 0 -> two adopted, one seat short of the threshold.
    const { con, rid } = await round('proj', [pick('x', 'y'), pick('x', 'y'), pick('x', 'y'), pick('x', 'y', 'z'), pick('x', 'z'), pick('x')]);
    expect((await get('proj', 'json')).status).toBe(409); // NOT_CLOSED while voting
    expect(await command(con, { type: 'close', roundId: rid })).toEqual({ ok: true });
    const body = (await (await get('proj', 'json')).json()) as { notice: NoticeText };
    const n = body.notice;
    expect(n.title).toBe('公告');
    expect(n.number).toBe('第6号'); // the meeting's second projects item, numbered from 5
    expect(n.issuer).toBe('××县第十八届人民代表大会第四次会议主席团');
    expect(n.date).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);
    expect(n.rows).toEqual([
      ['1', '城区老旧小区改造', '县住建局', '6'],
      ['2', '农村饮水安全巩固提升', '县水利局', '4'],
    ]);
    expect(n.lead).toContain('应到代表6人，实到6人');
    expect(n.statements).toEqual(['应选3项，入选2项，尚缺1项：1个名额因其余项目得票未达到规定票数（4票）而空缺。']);

    const pdf = Buffer.from(await (await get('proj', 'pdf')).arrayBuffer());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000); // embedded font subsets
    expect(pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length).toBe(1);
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
  });

  it('[N4] a tie at the last seat is stated as awaiting a run-off; an unknown item has no notice', async () => {
    // x 6, y 4, z 4, w 4: x adopted, y z w tied for the two seats left.
    const { con, rid } = await round('proj', [pick('x', 'y', 'z'), pick('x', 'y', 'w'), pick('x', 'y', 'z'), pick('x', 'y', 'w'), pick('x', 'z', 'w'), pick('x', 'z', 'w')]);
    expect(await command(con, { type: 'close', roundId: rid })).toEqual({ ok: true });
    const n = ((await (await get('proj', 'json')).json()) as { notice: NoticeText }).notice;
    expect(n.rows.map((r) => r[1])).toEqual(['城区老旧小区改造']);
    expect(n.statements).toEqual(['应选3项，入选1项，尚缺2项：农村饮水安全巩固提升、中小学食堂改造、乡村公路养护得票相同（各4票），2个名额待再次投票确定。']);
    expect((await get('nope', 'json')).status).toBe(404);
    expect((await fetch(`${h.url}/api/meetings/${M}/notices/proj.pdf`)).status).toBe(401);
  });
});

describe('测评结果通报 (N4)', () => {
  it('[N4] each subject with 满意/基本满意/不满意, 满意率, score, rank and the 整改 flag', async () => {
    const rate = (s1: string, s2: string): BallotContent => ({ kind: 'rating', ratings: { s1, s2 } });
    const { con, rid } = await round('rate', [rate('satisfied', 'unsatisfied'), rate('satisfied', 'unsatisfied'), rate('basic', 'basic'), rate('satisfied', 'satisfied')]);
    expect(await command(con, { type: 'close', roundId: rid })).toEqual({ ok: true });
    const n = ((await (await get('rate', 'json')).json()) as { notice: NoticeText }).notice;
    expect(n.title).toBe('测评结果通报');
    expect(n.columns).toEqual(['名次', '测评对象', '满意', '基本满意', '不满意', '满意率', '得分', '整改']);
    expect(n.rows[0]?.slice(0, 6)).toEqual(['1', '县住建局', '3', '1', '0', '100.0%']);
    expect(n.rows[1]?.slice(0, 6)).toEqual(['2', '县水利局', '1', '1', '2', '50.0%']);
    expect(n.rows[1]?.[7]).toBe('需整改');
    expect(n.statements[0]).toBe('不满意率超过20%、需限期整改的有：县水利局。');
    for (const text of [n.lead, ...n.statements]) expect(badLineStarts([text])).toEqual([]);
  });
});
