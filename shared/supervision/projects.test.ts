// Tracked livelihood projects on a real meeting state: a hand-counted 票决 of four projects adopts
// three; they are tracked, reported on, visited, go overdue, and are rated at the year's end in a
// later meeting whose result is read back onto each project (U20..U26).
import { describe, expect, it } from 'vitest';
import type { MeetingEvent } from '../events.js';
import { AgendaItem, type ManualCounts } from '../model.js';
import { decideCommand } from '../decide.js';
import { reduce, type MeetingState } from '../state.js';
import { resultOf } from '../views.js';
import { decideSupervision, type DecideEnv } from './decide.js';
import type { SupervisionCommand, SupervisionEvent } from './model.js';
import { adoptedProjects, budgetYuan, completionDate } from './projects-adopted.js';
import { deliveryItem, deliveryRatings } from './projects-delivery.js';
import { projectsView } from './projects-view.js';
import { EMPTY_SUPERVISION, reduceSupervision, type SupervisionState } from './state.js';

function meeting(id: string, agenda: AgendaItem[], counts: { itemId: string; counts: ManualCounts } | null): MeetingState {
  const created: MeetingEvent = {
    t: 'meeting.created',
    at: 1,
    meeting: { id, title: `会议${id}`, date: '', settings: { quorum: 'half' } },
    roster: Array.from({ length: 10 }, (_, i) => ({ id: `d${i}`, name: `代表${i}`, group: '', seat: '' })),
    agenda,
  };
  let s = reduce(undefined, created);
  if (!s) throw new Error('no meeting');
  if (!counts) return s;
  const d = decideCommand(s, { type: 'manualResult', itemId: counts.itemId, counts: counts.counts }, 2, () => 'r1');
  if (!d.ok) throw new Error(d.error);
  for (const e of d.value) s = reduce(s, e) ?? s;
  return s;
}

const projectsItem = AgendaItem.parse({
  id: 'vote',
  kind: 'projects',
  title: '2027年民生实事项目票决',
  settings: { adopt: 3, form: 'select' },
  projects: [
    { id: 'p1', name: '老旧小区改造', department: '县住建局', budget: '3200 万元', deadline: '2027年12月' },
    { id: 'p2', name: '新建幼儿园', department: '县教育局', budget: '1.5亿元', deadline: '2027年9月30日' },
    { id: 'p3', name: '公交更新', department: '县交通局', budget: '另行安排', deadline: '年内' },
    { id: 'p4', name: '农贸市场改造', department: '县商务局', budget: '800万', deadline: '2027年7月' },
  ],
});
const M = meeting('m1', [projectsItem], { itemId: 'vote', counts: { kind: 'projects', votes: { p1: 9, p2: 8, p3: 6, p4: 2 } } });
const OPEN = meeting('m0', [projectsItem], null);

const env = (today: string): DecideEnv => ({
  today,
  role: 'operator',
  flagged: () => ({ ok: false, error: 'NOT_FOUND' }),
  adopted: (meetingId, itemId, lead) => adoptedProjects(meetingId === 'm1' ? M : OPEN, itemId, resultOf, lead),
});
let seq = 0;
const apply = (s: SupervisionState, events: readonly SupervisionEvent[]) => events.reduce((acc, e) => reduceSupervision(acc, e, { seq: ++seq, at: seq, actor: 'op' }), s);
function run(s: SupervisionState, cmd: SupervisionCommand, today: string): SupervisionState {
  const d = decideSupervision(s, cmd, env(today));
  if (!d.ok) throw new Error(d.error);
  return apply(s, d.value.events);
}
const refusal = (s: SupervisionState, cmd: SupervisionCommand, today: string) => {
  const d = decideSupervision(s, cmd, env(today));
  return d.ok ? null : d.error;
};
const progress = (percent: number, spentYuan: number, correction = '') => ({ percent, spentYuan, text: `完成${percent}%`, correction, attachments: [] });
const tracked = () => run(EMPTY_SUPERVISION, { type: 'trackAdopted', meetingId: 'm1', itemId: 'vote', lead: '常委会农工委' }, '2026-12-01');

describe('tracked projects', () => {
  it('[U21] budgets read into yuan, deadlines into completion dates, else null', () => {
    expect([budgetYuan('3200 万元'), budgetYuan('1.5亿元'), budgetYuan('3,200万'), budgetYuan('800000元'), budgetYuan('另行安排'), budgetYuan('')]).toEqual([32_000_000, 150_000_000, 32_000_000, 800_000, null, null]);
    expect([completionDate('2027年12月'), completionDate('2028年2月'), completionDate('2027年9月30日'), completionDate('2027-06-15'), completionDate('2027年底'), completionDate('2027年2月30日'), completionDate('年内')]).toEqual([
      '2027-12-31',
      '2028-02-29',
      '2027-09-30',
      '2027-06-15',
      '2027-12-31',
      null,
      null,
    ]);
  });

  it('[U20] every adopted project of a closed 票决 is tracked with its vote; tracking again leaves them alone', () => {
    const s = tracked();
    expect(s.projects.map((p) => [p.id, p.details.name, p.details.department, p.details.lead, p.details.budgetYuan, p.details.completion, p.adoptedBy.votes, p.adoptedBy.rank])).toEqual([
      ['P2026-1', '老旧小区改造', '县住建局', '常委会农工委', 32_000_000, '2027-12-31', 9, 1],
      ['P2026-2', '新建幼儿园', '县教育局', '常委会农工委', 150_000_000, '2027-09-30', 8, 2],
      ['P2026-3', '公交更新', '县交通局', '常委会农工委', null, null, 6, 3],
    ]);
    expect(s.projects[0]?.adoptedBy).toMatchObject({ meetingId: 'm1', meetingTitle: '会议m1', itemId: 'vote', itemTitle: '2027年民生实事项目票决', seats: 3 });
    expect(refusal(s, { type: 'trackAdopted', meetingId: 'm1', itemId: 'vote', lead: '' }, '2026-12-02')).toBe('ALREADY_TRACKED');
    expect(refusal(EMPTY_SUPERVISION, { type: 'trackAdopted', meetingId: 'm0', itemId: 'vote', lead: '' }, '2026-12-02')).toBe('NOT_CLOSED');
    expect(refusal(EMPTY_SUPERVISION, { type: 'trackAdopted', meetingId: 'm1', itemId: 'nope', lead: '' }, '2026-12-02')).toBe('NOT_FOUND');
  });

  it('[U22] progress is cumulative: a lower percentage or spend needs a correction note', () => {
    let s = run(tracked(), { type: 'reportProgress', trackedId: 'P2026-1', report: progress(40, 1_000_000) }, '2027-03-01');
    expect(refusal(s, { type: 'reportProgress', trackedId: 'P2026-1', report: progress(30, 1_000_000) }, '2027-04-01')).toBe('BACKWARDS');
    expect(refusal(s, { type: 'reportProgress', trackedId: 'P2026-1', report: progress(50, 900_000) }, '2027-04-01')).toBe('BACKWARDS');
    s = run(s, { type: 'reportProgress', trackedId: 'P2026-1', report: progress(30, 1_000_000, '上次误报，二期未开工') }, '2027-04-01');
    expect(s.projects[0]?.progress.map((r) => [r.on, r.percent, r.correction])).toEqual([
      ['2027-03-01', 40, ''],
      ['2027-04-01', 30, '上次误报，二期未开工'],
    ]);
    expect(refusal(s, { type: 'reportProgress', trackedId: 'P2026-9', report: progress(10, 0) }, '2027-04-01')).toBe('NOT_FOUND');
  });

  it('[U23] a visit names its deputies and is recorded after it happened', () => {
    const visit = { date: '2027-05-10', kind: 'inspection' as const, deputies: [{ name: '代表1', deputyId: 'd1' }, { name: '张三' }], findings: '进度滞后', attachments: [] };
    expect(refusal(tracked(), { type: 'recordVisit', trackedId: 'P2026-2', visit }, '2027-05-09')).toBe('BAD_DATE');
    const s = run(tracked(), { type: 'recordVisit', trackedId: 'P2026-2', visit }, '2027-05-10');
    expect(s.projects[1]?.visits).toEqual([{ on: '2027-05-10', ...visit }]);
    expect(s.projects[1]?.timeline.map((t) => t.kind)).toEqual(['tracked', 'visit']);
  });

  it('[U24][U29] status: 未开工, 实施中, 逾期 past the completion date or a milestone not done, 已完成 at 100%', () => {
    let s = run(tracked(), { type: 'addMilestone', trackedId: 'P2026-1', title: '主体完工', due: '2027-06-30' }, '2026-12-05');
    expect(refusal(s, { type: 'addMilestone', trackedId: 'P2026-1', title: '早于立项', due: '2026-11-01' }, '2026-12-05')).toBe('BAD_DATE');
    // The timeline dates a change by the day it was made, not by the date it sets.
    expect(s.projects[0]?.timeline.map((t) => [t.kind, t.on, t.about])).toEqual([
      ['tracked', '2026-12-01', '老旧小区改造'],
      ['milestone', '2026-12-05', '主体完工（2027-06-30）'],
    ]);
    s = run(s, { type: 'reportProgress', trackedId: 'P2026-1', report: progress(50, 100) }, '2027-03-01');
    s = run(s, { type: 'reportProgress', trackedId: 'P2026-2', report: progress(100, 100) }, '2027-03-01');
    const statuses = (today: string) => projectsView(s, today).projects.map((p) => [p.id, p.status, p.missed]);
    expect(statuses('2027-06-30')).toEqual([
      ['P2026-3', 'notStarted', null],
      ['P2026-1', 'inProgress', null],
      ['P2026-2', 'completed', null],
    ]);
    expect(statuses('2027-07-01')[0]).toEqual(['P2026-1', 'overdue', 'milestone']);
    s = run(s, { type: 'markMilestone', trackedId: 'P2026-1', milestoneId: 'm1' }, '2027-07-01');
    expect(refusal(s, { type: 'markMilestone', trackedId: 'P2026-1', milestoneId: 'm1' }, '2027-07-02')).toBe('ALREADY_DONE');
    expect(statuses('2027-12-31')[1]).toEqual(['P2026-1', 'inProgress', null]);
    expect(statuses('2028-01-01')[0]).toEqual(['P2026-1', 'overdue', 'completion']);
    expect(projectsView(s, '2028-01-01').counts).toEqual({ overdue: 1, notStarted: 1, inProgress: 0, completed: 1 });
    // Spending beyond the budget shows; an unknown budget (P2026-3) never does.
    s = run(s, { type: 'reportProgress', trackedId: 'P2026-1', report: progress(90, 32_500_000) }, '2027-12-01');
    s = run(s, { type: 'reportProgress', trackedId: 'P2026-3', report: progress(10, 5_000_000) }, '2027-12-01');
    expect(projectsView(s, '2027-12-01').projects.map((p) => [p.id, p.spentYuan, p.overBudgetYuan])).toEqual([
      ['P2026-1', 32_500_000, 500_000],
      ['P2026-3', 5_000_000, 0],
      ['P2026-2', 100, 0],
    ]);
  });

  it('[U25][U26] a delivery rating item links each project to its vote; its closed result is read back onto the project', () => {
    const s = tracked();
    const item = deliveryItem(s.projects.slice(0, 2), 'delivery', '实施情况测评');
    expect(item.subjects.map((x) => [x.id, x.name, x.person])).toEqual([
      ['dl-P2026-1', '老旧小区改造', '县住建局'],
      ['dl-P2026-2', '新建幼儿园', '县教育局'],
    ]);
    expect(item.deliveries?.[0]).toEqual({ subjectId: 'dl-P2026-1', trackedId: 'P2026-1', meetingId: 'm1', meetingTitle: '会议m1', itemId: 'vote', itemTitle: '2027年民生实事项目票决', votes: 9, rank: 1 });
    const open = meeting('m2', [item], null);
    expect(deliveryRatings([open], resultOf)).toEqual([]);
    const later = meeting('m2', [item], { itemId: 'delivery', counts: { kind: 'rating', counts: { 'dl-P2026-1': { satisfied: 8, basic: 2, unsatisfied: 0 }, 'dl-P2026-2': { satisfied: 5, basic: 2, unsatisfied: 3 } } } });
    const rows = projectsView(s, '2027-12-20', deliveryRatings([M, later], resultOf)).projects;
    expect(rows.map((p) => [p.id, p.delivery?.satisfactionRate ?? null, p.delivery?.itemTitle ?? null])).toEqual([
      ['P2026-2', 0.7, '实施情况测评'],
      ['P2026-1', 1, '实施情况测评'],
      ['P2026-3', null, null],
    ]);
  });
});
