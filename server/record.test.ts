// The record a clerk signs, through the real server (issue #13): a run-off round's own result
// in the console's round view, the exports and the audit entry at close; labels by the rule
// that applied (未达三分之二); a vote without quorum as 未达法定人数 everywhere; one ranking row
// per department, with the weights and the 整改 line printed beside the scores.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AgendaItem, type BallotContent } from '../shared/model.js';
import type { ConsoleView, DeputyView } from '../shared/views.js';
import { parseAudit } from './audit/chain.js';
import { demoRoster } from './demo.js';
import { command, console_, deputy, emit, links, login, receipt, startServer, vote, type Client, type Harness, clientTracker, prepareMeeting } from './test/harness.js';

let h: Harness;
let session: string;
const clients = clientTracker();
const track = clients.track;

const M = 'record';
const roster = demoRoster(5);
const agenda = [
  AgendaItem.parse({
    id: 'p',
    kind: 'projects',
    title: '民生实事票决',
    settings: { adopt: 2, countdownSec: 0, base: 'present', visibility: 'turnout' },
    projects: ['x', 'y', 'z', 'w'].map((id) => ({ id, name: `项目${id}` })),
  }),
  AgendaItem.parse({
    id: 'p23',
    kind: 'projects',
    title: '三分之二票决',
    // 5 deputies, two thirds of the roster: 4 needed.
    settings: { adopt: 2, countdownSec: 0, threshold: 'twoThirds', visibility: 'turnout' },
    projects: ['a', 'b'].map((id) => ({ id, name: `项目${id}` })),
  }),
  AgendaItem.parse({ id: 'mo', kind: 'motion', title: '议案', settings: { countdownSec: 0, visibility: 'live' } }),
  AgendaItem.parse({
    id: 'all',
    kind: 'rating',
    title: '五部门测评',
    settings: { countdownSec: 0, visibility: 'turnout', weights: { basic: 70 }, flagAbove: 0.3 },
    subjects: [
      { id: 'd-housing', name: '市住建局' },
      { id: 'd-health', name: '市卫健委' },
    ],
  }),
  AgendaItem.parse({
    id: 'seg-rating',
    kind: 'rating',
    title: '对市住建局答复的测评',
    settings: { countdownSec: 0, visibility: 'turnout', weights: { basic: 70 }, flagAbove: 0.3 },
    subjects: [{ id: 'seg-housing', name: '市住建局' }],
  }),
];

beforeEach(async () => {
  h = await startServer({ demoSize: 5 });
  session = await login(h.url);
  await prepareMeeting(h, { meeting: { id: M, title: '记录会议', date: '', settings: { quorum: 'half' as const } }, roster, agenda });
});
afterEach(async () => {
  clients.closeAll();
  await h.close();
});

/** The console and `present` deputies, checked in. */
async function setup(present = 5) {
  const con = track(console_(h.url, session, M));
  await con.until(() => true);
  const deps: Client<DeputyView>[] = [];
  for (const l of (await links(h.url, session, M)).slice(0, present)) {
    const d = track(deputy(h.url, l.url));
    await d.until(() => true);
    expect(await emit(d.socket, 'checkIn', {})).toEqual({ ok: true });
    deps.push(d);
  }
  return { con, deps };
}
const seen = new Set<string>();
async function newRound(con: Client<ConsoleView>): Promise<string> {
  const id = (await con.until((v) => v.activeRoundId !== null && !seen.has(v.activeRoundId))).activeRoundId as string;
  seen.add(id);
  return id;
}
async function castAll(deps: Client<DeputyView>[], roundId: string, contents: BallotContent[]) {
  for (const [i, content] of contents.entries()) {
    expect(await vote(deps[i]!, { roundId, submissionId: `s-${receipt()}`, receipt: receipt(), content })).toMatchObject({ ok: true });
  }
}
async function runClosed(con: Client<ConsoleView>, deps: Client<DeputyView>[], itemId: string, contents: BallotContent[], confirmNoQuorum = false) {
  expect(await command(con, { type: 'startRound', itemId, countdownSec: 0, ...(confirmNoQuorum ? { confirmNoQuorum } : {}) })).toEqual({ ok: true });
  const id = await newRound(con);
  await castAll(deps, id, contents);
  expect(await command(con, { type: 'close', roundId: id })).toEqual({ ok: true });
  await con.until((v) => v.rounds.some((r) => r.id === id && r.status === 'closed'));
  return id;
}
const pick = (...picks: string[]): BallotContent => ({ kind: 'select', picks });
const get = (path: string) => fetch(`${h.url}${path}`, { headers: { authorization: `Bearer ${session}` } });
const csvLines = async () => (await (await get(`/api/meetings/${M}/results.csv`)).text()).split('\r\n');
/** The lines of the CSV from the heading that starts with `from` to the next empty line. */
const section = (lines: string[], from: (l: string) => boolean) => {
  const i = lines.findIndex(from);
  const j = lines.indexOf('', i);
  return lines.slice(i, j < 0 ? undefined : j);
};
async function closeEntry(roundId: string) {
  for (let i = 0; i < 100; i++) {
    const { entries } = parseAudit(await readFile(join(h.dataDir, 'audit.jsonl'), 'utf8').catch(() => ''));
    const c = entries.flatMap((e) => e.closes ?? []).find((x) => x.roundId === roundId);
    if (c) return c;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`no audit entry closes ${roundId}`);
}

describe('the record of a run-off (P12a)', () => {
  it('[P12a] the run-off round lists only its candidates for its seats in the console, the CSV, the XLSX and the audit entry at close', async () => {
    const { con, deps } = await setup();
    // x 4, y 3, z 3 of 5 present (3 needed): x adopted, y and z tied for the last seat.
    const first = await runClosed(con, deps, 'p', [pick('x', 'y'), pick('x', 'z'), pick('x', 'y'), pick('x', 'z'), pick('y', 'z')]);
    expect(await command(con, { type: 'runoff', roundId: first, countdownSec: 0 })).toEqual({ ok: true });
    const ro = await newRound(con);
    await castAll(deps, ro, [pick('z'), pick('z'), pick('y'), pick('z')]);
    expect(await command(con, { type: 'close', roundId: ro })).toEqual({ ok: true });
    const v = await con.until((x) => x.rounds.some((r) => r.id === ro && r.status === 'closed'));

    const own = v.rounds.find((r) => r.id === ro)?.result;
    expect(own).toMatchObject({ kind: 'projects', runoff: true, seats: 1, needed: 0, adopted: ['z'] });
    expect(own?.kind === 'projects' && own.projects.map((p) => [p.projectId, p.votes, p.status])).toEqual([
      ['z', 3, 'adopted'],
      ['y', 1, 'notAdopted'],
    ]);
    expect(v.outcomes?.find((o) => o.itemId === 'p')?.result).toMatchObject({ adopted: ['x', 'z'], runoffsMerged: 1 });

    const lines = await csvLines();
    const runoff = section(lines, (l) => l.startsWith('第 2 轮,再次投票'));
    expect(runoff[1]).toBe('投票数,4,有效票,4,无效票,0,应选,1,空缺,0');
    expect(runoff[2]).toBe('规则,再次投票：2 个项目争 1 个名额，得票多者入选');
    expect(runoff.slice(4).map((l) => l.split(',').slice(0, 2).concat(l.split(',').slice(-1)))).toEqual([
      ['1', '项目z', '入选'],
      ['2', '项目y', '未入选'],
    ]);
    expect(runoff.join('\n')).not.toContain('未过半数');
    // the final list stays the merged one
    const final = section(lines, (l) => l.startsWith('最终结果'));
    expect(final.filter((l) => l.includes(',入选')).map((l) => l.split(',')[1])).toEqual(['项目x', '项目z']);

    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await (await get(`/api/meetings/${M}/results.xlsx`)).arrayBuffer());
    const ws = wb.getWorksheet('1 民生实事票决');
    // getSheetValues is sparse and 1-based: fill the holes (empty rows) and drop column 0.
    const rows = Array.from(ws?.getSheetValues() ?? [], (r) => (Array.isArray(r) ? r.slice(1) : []));
    const at = rows.findIndex((r) => r[0] === '第 2 轮' && r[1] === '再次投票');
    expect(rows[at + 2]).toEqual(['规则', '再次投票：2 个项目争 1 个名额，得票多者入选']);
    expect(rows.slice(at + 4).map((r) => [r[1], r[r.length - 1]])).toEqual([
      ['项目z', '入选'],
      ['项目y', '未入选'],
    ]);

    const audit = await closeEntry(ro);
    expect(audit.result).toMatchObject({ kind: 'projects', runoff: true, seats: 1, adopted: ['z'] });
    expect((audit.result as { projects: unknown[] }).projects).toHaveLength(2);
  });
});

describe('labels and quorum in the record', () => {
  it('[O2] [O4] a two-thirds item labels a short project 未达三分之二, and an empty seat 未达票数, in the CSV', async () => {
    const { con, deps } = await setup();
    // a: 5 of 5, b: 3 of 5 (4 needed): one seat empty because too few passed, not a tie.
    await runClosed(con, deps, 'p23', [pick('a', 'b'), pick('a', 'b'), pick('a', 'b'), pick('a'), pick('a')]);
    const lines = section(await csvLines(), (l) => l.startsWith('最终结果'));
    expect(lines.find((l) => l.includes('项目b'))?.endsWith(',未达三分之二')).toBe(true);
    expect(lines[2]).toBe('规则,须达到应到人数的三分之二：4 票,空缺 1 个名额（未达票数）');
    expect(lines.join('\n')).not.toContain('未过半数');
  });

  it('[Q3] a motion started without quorum is 未达法定人数 in the console, the feed, the CSV and the audit entry', async () => {
    const { con, deps } = await setup(2); // 2 of 5: 3 needed
    const id = await runClosed(con, deps, 'mo', [{ kind: 'motion', choice: 'for' }, { kind: 'motion', choice: 'for' }], true);
    const v = await con.until((x) => x.rounds.some((r) => r.id === id && r.status === 'closed'));
    expect(v.rounds.find((r) => r.id === id)).toMatchObject({ withoutQuorum: true, result: { noQuorum: true, passed: false } });
    const feed = (await (await get(`/api/feed/${M}.json`)).json()) as { rows: { type: string; id: string; status: string }[] };
    expect(feed.rows.find((r) => r.type === 'outcome' && r.id === 'passed')?.status).toBe('noQuorum');
    const lines = section(await csvLines(), (l) => l.startsWith('最终结果'));
    expect(lines[2]?.split(',').at(-1)).toBe('未达法定人数');
    expect(lines.join('\n')).not.toContain('通过');
    expect((await closeEntry(id)).result).toMatchObject({ noQuorum: true, passed: false });
  });
});

describe('the ranking in the record (R11)', () => {
  it('[R11] a department rated with the others and again after its segment is one row; weights and the 整改 line are printed', async () => {
    const { con, deps } = await setup();
    const rate = (ratings: Record<string, string>): BallotContent => ({ kind: 'rating', ratings });
    await runClosed(con, deps, 'all', [
      rate({ 'd-housing': 'basic', 'd-health': 'satisfied' }),
      rate({ 'd-housing': 'basic', 'd-health': 'satisfied' }),
      rate({ 'd-housing': 'unsatisfied', 'd-health': 'basic' }),
    ]);
    await runClosed(con, deps, 'seg-rating', [rate({ 'seg-housing': 'satisfied' }), rate({ 'seg-housing': 'satisfied' })]);
    const lines = await csvLines();
    const ranking = section(lines, (l) => l === '【满意度排名】');
    const rows = ranking.slice(2).filter((l) => /^\d/.test(l));
    expect(rows.map((l) => l.split(',').slice(0, 2))).toEqual([
      ['1', '市住建局'],
      ['2', '市卫健委'],
    ]);
    expect(rows[0]).toContain(',满意 100 · 基本满意 70 · 不满意 0,不满意率超过 30%');
    expect(lines).toContain('排名规则,按得分排序；同一部门多次测评的，取最近一次');
    expect(lines).toContain('计分权重,满意 100 · 基本满意 70 · 不满意 0,整改线,不满意率超过 30%,排名规则,按得分排序');
  });
});
