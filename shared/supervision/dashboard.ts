// The console's dashboard (U43): cases counted by status and by department (the departments
// with overdue cases first), and the tracked projects by progress. Pure; the page and the
// XLSX export (server/supervision/export.ts) count with this one function.
import type { CaseStatus } from './status.js';
import type { CaseRow } from './view.js';
import { PROJECT_STATUSES } from './projects-view.js';
import type { YearProject } from './year-projects.js';
import type { ProjectStatus } from './projects-view.js';

export { PROJECT_STATUSES };

export const CASE_STATUSES: readonly CaseStatus[] = ['overdue', 'awaitingNotice', 'rectifying', 'completed', 'closed'];

export type StatusCounts = Readonly<Record<CaseStatus, number>>;

export interface DepartmentRow {
  readonly department: string;
  readonly counts: StatusCounts;
  readonly total: number;
}

/** Progress bands of the projects: below 25 %, 25–49, 50–74, 75–99, done (100). */
export const BANDS = ['0-24', '25-49', '50-74', '75-99', '100'] as const;
export type Band = (typeof BANDS)[number];

export interface Dashboard {
  readonly cases: { readonly total: number; readonly byStatus: StatusCounts; readonly byDepartment: readonly DepartmentRow[] };
  readonly projects: {
    readonly total: number;
    readonly byStatus: Readonly<Record<ProjectStatus, number>>;
    readonly byBand: Readonly<Record<Band, number>>;
    /** Overdue first, then the least advanced: those that need a push lead the list. */
    readonly rows: readonly YearProject[];
  };
}

function countBy<K extends string>(keys: readonly K[], of: readonly K[]): Record<K, number> {
  const out = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  for (const k of of) out[k] += 1;
  return out;
}

export function bandOf(percent: number): Band {
  if (percent >= 100) return '100';
  if (percent >= 75) return '75-99';
  if (percent >= 50) return '50-74';
  if (percent >= 25) return '25-49';
  return '0-24';
}

/** [U43] Counts by status and by department (most overdue first, then most cases, then by name); projects by progress. */
export function dashboardOf(cases: readonly CaseRow[], projects: readonly YearProject[]): Dashboard {
  const departments = [...new Set(cases.map((c) => c.details.department))];
  const byDepartment = departments
    .map((department): DepartmentRow => {
      const mine = cases.filter((c) => c.details.department === department);
      return { department, counts: countBy(CASE_STATUSES, mine.map((c) => c.status)), total: mine.length };
    })
    .sort((a, b) => b.counts.overdue - a.counts.overdue || b.total - a.total || a.department.localeCompare(b.department, 'zh-CN'));
  const rank = (p: YearProject) => (p.status === 'overdue' ? 0 : 1);
  return {
    cases: { total: cases.length, byStatus: countBy(CASE_STATUSES, cases.map((c) => c.status)), byDepartment },
    projects: {
      total: projects.length,
      byStatus: countBy(PROJECT_STATUSES, projects.map((p) => p.status)),
      byBand: countBy(BANDS, projects.map((p) => bandOf(p.percent))),
      rows: [...projects].sort((a, b) => rank(a) - rank(b) || a.percent - b.percent || a.id.localeCompare(b.id)),
    },
  };
}
