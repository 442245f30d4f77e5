// The dashboard's counts (U43): by status, by department with the overdue ones first, projects
// by progress band, the laggards first.
import { describe, expect, it } from 'vitest';
import { bandOf, dashboardOf } from './dashboard.js';
import type { CaseStatus } from './status.js';
import type { CaseRow } from './view.js';
import type { YearProject } from './year-projects.js';

const row = (id: string, department: string, status: CaseStatus): CaseRow =>
  ({ id, details: { department, head: '', lead: '', questions: [], commitments: [] }, status, missed: status === 'overdue' ? 'notice' : null }) as unknown as CaseRow;
const project = (id: string, percent: number, status: YearProject['status']): YearProject => ({ id, name: id, department: '县住建局', lead: '', status, percent, budgetYuan: null, spentYuan: null, due: null, lastReportOn: null });

describe('the dashboard', () => {
  it('[U43] counts cases by status and by department, departments with overdue cases first', () => {
    const d = dashboardOf(
      [row('1', '县教育局', 'rectifying'), row('2', '县教育局', 'closed'), row('3', '县教育局', 'completed'), row('4', '县交通局', 'overdue'), row('5', '县住建局', 'awaitingNotice'), row('6', '县交通局', 'rectifying')],
      [],
    );
    expect(d.cases.total).toBe(6);
    expect(d.cases.byStatus).toEqual({ overdue: 1, awaitingNotice: 1, rectifying: 2, completed: 1, closed: 1 });
    expect(d.cases.byDepartment.map((r) => [r.department, r.counts.overdue, r.total])).toEqual([
      ['县交通局', 1, 2],
      ['县教育局', 0, 3],
      ['县住建局', 0, 1],
    ]);
  });

  it('[U43] projects by progress band, overdue first then the least advanced', () => {
    expect([0, 24, 25, 49.5, 50, 74, 75, 99, 100].map(bandOf)).toEqual(['0-24', '0-24', '25-49', '25-49', '50-74', '50-74', '75-99', '75-99', '100']);
    const d = dashboardOf([], [project('a', 80, 'inProgress'), project('b', 100, 'completed'), project('c', 10, 'inProgress'), project('d', 60, 'overdue'), project('e', 0, 'notStarted')]);
    expect(d.projects.byBand).toEqual({ '0-24': 2, '25-49': 0, '50-74': 1, '75-99': 1, '100': 1 });
    expect(d.projects.byStatus).toEqual({ overdue: 1, notStarted: 1, inProgress: 2, completed: 1 });
    expect(d.projects.rows.map((p) => p.id)).toEqual(['d', 'e', 'c', 'a', 'b']);
  });
});
