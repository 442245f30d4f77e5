// Integration: every kind of vote through the real server, real sockets and the journal:
// livelihood projects (both forms, TOO_MANY_PICKS, run-off), ratings, a show of hands, void
// and re-run, and the results exports. Rule ids cite docs/SPEC.md.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BallotContent } from '../shared/model.js';
import { AgendaItem } from '../shared/model.js';
import { ok } from '../shared/result.js';
import type { ConsoleView, DeputyView, ScreenView } from '../shared/views.js';
import { demoRoster } from './demo.js';
import { command, connect, console_, deputy, emit, links, login, receipt, startServer, vote, type Client, type Harness } from './test/harness.js';
import { NS } from '../shared/protocol.js';

let h: Harness;
let session: string;
let clients: { close(): void }[] = [];
const track = <T extends { close(): void }>(c: T): T => (clients.push(c), c);

const M = 'kinds';
const roster = demoRoster(5);
const agenda = [
  AgendaItem.parse({
    id: 'p-select',
    kind: 'projects',
    title: '项目票决（差额）',
    settings: { adopt: 2, countdownSec: 0, base: 'present', visibility: 'turnout' },
    projects: ['x', 'y', 'z', 'w'].map((id) => ({ id, name: `项目${id}`, department: '市住建局', budget: '100 万元' })),
  }),
  AgendaItem.parse({
    id: 'p-each',
    kind: 'projects',
    title: '项目票决（逐项）',
    settings: { adopt: 1, form: 'each', countdownSec: 0, visibility: 'live' },
    projects: ['e1', 'e2'].map((id) => ({ id, name: `项目${id}` })),
  }),
  AgendaItem.parse({
    id: 'rate',
    kind: 'rating',
    title: '满意度测评',
    settings: { countdownSec: 0, visibility: 'turnout' },
    subjects: ['s1', 's2', 's3'].map((id) => ({ id, name: `部门${id}`, person: '某某', title: '局长' })),
  }),
];

beforeEach(async () => {
  h = await startServer({ demoSize: 5 });
  session = await login(h.url);
  const created = { t: 'meeting.created' as const, at: 1, meeting: { id: M, title: '测试会议', date: '', settings: { quorum: 'half' as const } }, roster, agenda };
  const r = await h.app.ctx.meetings.commit(M, () => ok({ events: [created] }), null);
  if (!r.ok) throw new Error(r.error);
  await h.app.ctx.auth.ensureLinks(M, roster.map((d) => d.id));
});
afterEach(async () => {
  for (const c of clients) c.close();
  clients = [];
  await h.close();
});

async function setup() {
  const con = track(console_(h.url, session, M));
  await con.until(() => true);
  const deps: Client<DeputyView>[] = [];
  for (const l of await links(h.url, session, M)) {
    const d = track(deputy(h.url, l.url));
    await d.until(() => true);
    expect(await emit(d.socket, 'checkIn', {})).toEqual({ ok: true });
    deps.push(d);
  }
  return { con, deps };
}

const seen = new Set<string>();
/** Start a vote and wait for the console view that shows this new round (views are coalesced). */
async function start(con: Client<ConsoleView>, itemId: string): Promise<string> {
  expect(await command(con, { type: 'startRound', itemId, countdownSec: 0 })).toEqual({ ok: true });
  const id = (await con.until((v) => v.activeRoundId !== null && !seen.has(v.activeRoundId))).activeRoundId as string;
  seen.add(id);
  return id;
}
const screenOf = () => track(connect<ScreenView>(h.url, NS.screen, { meetingId: M }));
const ballot = (roundId: string, content: BallotContent) => ({ roundId, submissionId: `s-${receipt()}`, receipt: receipt(), content });
async function castAll(deps: Client<DeputyView>[], roundId: string, contents: BallotContent[]) {
  for (const [i, content] of contents.entries()) {
    const r = await vote(deps[i]!, ballot(roundId, content));
    expect(r).toMatchObject({ ok: true, recorded: { roundId, content } }); // the phone shows what was recorded
  }
}
const pick = (...picks: string[]): BallotContent => ({ kind: 'select', picks });
const outcome = (v: ConsoleView, itemId: string) => v.outcomes?.find((o) => o.itemId === itemId);

describe('livelihood projects through the real server', () => {
  it('[P4] a select ballot with more than N ticks is refused TOO_MANY_PICKS and changes nothing', async () => {
    const { con, deps } = await setup();
    const rid = await start(con, 'p-select');
    expect(await vote(deps[0]!, ballot(rid, pick('x', 'y', 'z')))).toEqual({ ok: false, error: 'TOO_MANY_PICKS' });
    expect(await vote(deps[0]!, ballot(rid, pick('x', 'ghost')))).toEqual({ ok: false, error: 'UNKNOWN_ID' });
    expect(await vote(deps[0]!, ballot(rid, { kind: 'motion', choice: 'for' }))).toEqual({ ok: false, error: 'WRONG_KIND' });
    const v = await con.until(() => true);
    // A secret vote shows the moderator no figures while open (W7): nothing recorded, no figures.
    expect(v.rounds.find((r) => r.id === rid)).toMatchObject({ voterCount: 0, result: null });
    // Fewer than N is valid (P5), and the deputy can still vote after the refusals.
    await castAll(deps, rid, [pick('x')]);
  });

  it('[P11][P12][P13] a tie at the last seat is run off among the tied projects; the screen shows the merged list', async () => {
    const { con, deps } = await setup();
    const scr = screenOf();
    const rid = await start(con, 'p-select');
    await castAll(deps, rid, [pick('x', 'y'), pick('x', 'z'), pick('x', 'y'), pick('x', 'z'), pick('y', 'z')]);
    expect(await command(con, { type: 'close', roundId: rid })).toEqual({ ok: true });
    const closed = await con.until((v) => outcome(v, 'p-select')?.runoffReady === true);
    expect(outcome(closed, 'p-select')?.result).toMatchObject({ adopted: ['x'], tie: { projectIds: ['y', 'z'], votes: 3, seats: 1 } });

    expect(await command(con, { type: 'runoff', roundId: rid, countdownSec: 0 })).toEqual({ ok: true });
    const ro = (await con.until((v) => v.activeRoundId !== null && !seen.has(v.activeRoundId))).activeRoundId as string;
    const dv = await deps[0]!.until((v) => v.round?.id === ro);
    expect(dv.round).toMatchObject({ purpose: 'runoff', candidates: ['y', 'z'], seats: 1 });
    expect(await vote(deps[0]!, ballot(ro, pick('y', 'z')))).toEqual({ ok: false, error: 'TOO_MANY_PICKS' });
    expect(await vote(deps[0]!, ballot(ro, pick('x')))).toEqual({ ok: false, error: 'UNKNOWN_ID' });
    await castAll(deps, ro, [pick('z'), pick('z'), pick('y'), pick('z')]);
    expect(await command(con, { type: 'close', roundId: ro })).toEqual({ ok: true });
    const sv = await scr.until((v) => v.round?.id === ro && v.round.status === 'closed' && v.outcome != null);
    expect(sv.outcome).toMatchObject({ kind: 'projects', adopted: ['x', 'z'], tie: null, unfilled: 0, runoffsMerged: 1 });
    const list = sv.outcome?.kind === 'projects' ? sv.outcome.projects : [];
    expect(list.map((p) => [p.projectId, p.votes, p.runoffVotes, p.status])).toEqual([
      ['x', 4, [], 'adopted'],
      ['z', 3, [3], 'adopted'],
      ['y', 3, [1], 'notAdopted'],
      ['w', 0, [], 'belowThreshold'],
    ]);
  });

  it('[P6] the each form takes a mark for every project; an incomplete ballot is refused', async () => {
    const { con, deps } = await setup();
    const scr = screenOf();
    const rid = await start(con, 'p-each');
    const each = (e1: 'for' | 'against' | 'abstain', e2: 'for' | 'against' | 'abstain'): BallotContent => ({ kind: 'each', choices: { e1, e2 } });
    expect(await vote(deps[0]!, ballot(rid, { kind: 'each', choices: { e1: 'for' } }))).toEqual({ ok: false, error: 'INCOMPLETE' });
    await castAll(deps, rid, [each('for', 'against'), each('for', 'abstain'), each('for', 'for'), each('against', 'for')]);
    // Secret, so its live figures move in steps of 10 ballots (W7): the four are read at close.
    expect(await command(con, { type: 'close', roundId: rid })).toEqual({ ok: true });
    const live = await scr.until((v) => v.result?.kind === 'projects' && v.result.cast === 4);
    const p = live.result?.kind === 'projects' ? live.result.projects : [];
    expect(p.map((x) => [x.projectId, x.votes, x.against, x.abstain])).toEqual([
      ['e1', 3, 1, 0],
      ['e2', 2, 1, 1],
    ]);
    expect(live.result).toMatchObject({ needed: 3, adopted: ['e1'] });
  });
});

describe('satisfaction rating through the real server', () => {
  it('[R4][R6][R7] per subject counts, 满意率 and score reach the screen after close', async () => {
    const { con, deps } = await setup();
    const scr = screenOf();
    const rid = await start(con, 'rate');
    const rate = (s1: string, s2: string, s3?: string): BallotContent => ({ kind: 'rating', ratings: { s1, s2, ...(s3 ? { s3 } : {}) } });
    expect(await vote(deps[0]!, ballot(rid, rate('satisfied', 'excellent')))).toEqual({ ok: false, error: 'BAD_VALUE' });
    expect(await vote(deps[0]!, ballot(rid, { kind: 'rating', ratings: {} }))).toEqual({ ok: false, error: 'INCOMPLETE' });
    await castAll(deps, rid, [rate('satisfied', 'basic', 'unsatisfied'), rate('satisfied', 'unsatisfied', 'unsatisfied'), rate('basic', 'basic')]);
    expect((await scr.until((v) => v.round?.id === rid)).result).toBeNull(); // turnout only while open
    expect(await command(con, { type: 'close', roundId: rid })).toEqual({ ok: true });
    const v = await scr.until((x) => x.round?.status === 'closed' && x.result !== null);
    const subjects = v.result?.kind === 'rating' ? v.result.subjects : [];
    expect(subjects.map((s) => [s.subjectId, s.levels.map((l) => l.count), s.satisfactionRate, s.score, s.rank, s.flagged])).toEqual([
      ['s1', [2, 1, 0], 1, 86.67, 1, false],
      ['s2', [0, 2, 1], 2 / 3, 40, 2, true],
      ['s3', [0, 0, 2], 0, 0, 3, true],
    ]);
    expect(v.ranking?.map((r) => [r.name, r.rank])).toEqual([['部门s1', 1], ['部门s2', 2], ['部门s3', 3]]);
  });
});

describe('exceptions: void, re-run, show of hands', () => {
  it('[S4][S5] a voided round stays marked; the re-run counts; a show of hands is marked manual everywhere', async () => {
    const { con, deps } = await setup();
    const rid = await start(con, 'p-select');
    await castAll(deps, rid, [pick('x')]);
    expect(await command(con, { type: 'void', roundId: rid, reason: '设备故障' })).toEqual({ ok: true });
    // After the void there is no result; the moderator enters a show of hands instead.
    const bad = { type: 'manualResult', itemId: 'p-select', counts: { kind: 'projects', votes: { x: 5, y: 4 } } };
    expect(await command(con, bad)).toEqual({ ok: false, error: 'INCOMPLETE' });
    const hands = { type: 'manualResult', itemId: 'p-select', counts: { kind: 'projects', votes: { x: 5, y: 4, z: 1, w: 0 } } };
    expect(await command(con, hands)).toEqual({ ok: true });
    const v = await con.until((x) => x.rounds.length === 2);
    expect(v.rounds[0]).toMatchObject({ id: rid, status: 'voided', voidReason: '设备故障' });
    expect(v.rounds[1]).toMatchObject({ manual: true, status: 'closed', result: { manual: true, adopted: ['x', 'y'], cast: 5 } });
    expect(outcome(v, 'p-select')).toMatchObject({ manual: true, result: { adopted: ['x', 'y'] } });

    // A rating re-run after a void: purpose 'revote', following the voided round.
    const r1 = await start(con, 'rate');
    expect(await command(con, { type: 'void', roundId: r1, reason: '网络中断' })).toEqual({ ok: true });
    const r2 = await start(con, 'rate');
    const after = await con.until((x) => x.rounds.some((r) => r.id === r2));
    expect(after.rounds.find((r) => r.id === r2)).toMatchObject({ purpose: 'revote', status: 'open' });
    void deps;
  });

  it('exports: CSV with a BOM and XLSX hold every round, the voided and manual ones marked; a login is needed', async () => {
    const { con, deps } = await setup();
    const rid = await start(con, 'rate');
    await castAll(deps, rid, [{ kind: 'rating', ratings: { s1: 'satisfied' } }]);
    expect(await command(con, { type: 'void', roundId: rid, reason: '设备故障' })).toEqual({ ok: true });
    const hands = { type: 'manualResult', itemId: 'rate', counts: { kind: 'rating', counts: { s1: { satisfied: 4, basic: 1 }, s2: { unsatisfied: 5 }, s3: { basic: 5 } } } };
    expect(await command(con, hands)).toEqual({ ok: true });
    await con.until((v) => v.rounds.length === 2);
    const get = (ext: string, auth = true) => fetch(`${h.url}/api/meetings/${M}/results.${ext}`, auth ? { headers: { authorization: `Bearer ${session}` } } : {});
    expect((await get('csv', false)).status).toBe(401);
    const csvRes = await get('csv');
    expect(csvRes.headers.get('content-type')).toMatch(/text\/csv/);
    const bytes = new Uint8Array(await csvRes.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes);
    expect(csv).toContain('已作废');
    expect(csv).toContain('作废原因：设备故障');
    expect(csv).toContain('手工录入（举手表决）');
    expect(csv).toMatch(/部门s1,某某 局长,4,1,0,5,100\.0%,0\.0%,92,1,/);
    const x = await get('xlsx');
    expect(x.status).toBe(200);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await x.arrayBuffer());
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toContain('3 满意度测评');
    const text = JSON.stringify(wb.getWorksheet('3 满意度测评')?.getSheetValues());
    expect(text).toContain('手工录入（举手表决）');
    expect(text).toContain('已作废');
    const json = (await (await get('json')).json()) as { ok: boolean; report: { items: { rounds: { status: string; manual: boolean }[] }[] } };
    expect(json.ok).toBe(true);
    expect(json.report.items[2]?.rounds.map((r) => [r.status, r.manual])).toEqual([
      ['voided', false],
      ['closed', true],
    ]);
    expect((await fetch(`${h.url}/api/meetings/nope/results.csv`, { headers: { authorization: `Bearer ${session}` } })).status).toBe(404);
  });

  it('the demo meeting holds one item of each kind: two motions, a 12→10 project vote and a 5-department rating', async () => {
    const v = await track(console_(h.url, session)).until(() => true);
    // The first four items, in this order; other items (questioning segments) may follow.
    expect(v.agenda.slice(0, 4).map((i) => [i.id, i.kind])).toEqual([
      ['motion-budget', 'motion'],
      ['motion-appoint', 'motion'],
      ['projects-2027', 'projects'],
      ['rating-departments', 'rating'],
    ]);
    const p = v.agenda[2];
    expect(p?.kind === 'projects' && [p.projects.length, p.settings.adopt]).toEqual([12, 10]);
    const r = v.agenda[3];
    expect(r?.kind === 'rating' && r.subjects.map((s) => s.name)).toEqual(['市住建局', '市交通运输局', '市生态环境局', '市教育局', '市卫健委']);
  });
});
