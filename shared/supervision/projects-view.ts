// What the console, the dashboard and the public year page are given about tracked projects: each
// with its status and current figures as of today, overdue first, and its delivery rating once
// rated (U24, U26). Pure; `today` is the server's injected clock in the chamber's zone.
import type { DeliveryRating } from './projects-delivery.js';
import type { TrackedProject } from './projects-state.js';
import type { SupervisionState } from './state.js';
import type { IsoDate } from './workdays.js';

/** 未开工, 实施中, 逾期, 已完成: keys; words in the locale files and server/supervision/words.ts. */
export type ProjectStatus = 'notStarted' | 'inProgress' | 'overdue' | 'completed';
export const PROJECT_STATUSES: readonly ProjectStatus[] = ['overdue', 'notStarted', 'inProgress', 'completed'];

/** Which date a project has missed: a milestone not done by its day, or the completion date. */
export type ProjectMissed = 'milestone' | 'completion';

export function percentOf(p: TrackedProject): number {
  return p.progress[p.progress.length - 1]?.percent ?? 0;
}

/** [U24] A deadline day itself is in time; a completed project (100%) misses nothing. */
export function projectMissed(p: TrackedProject, today: IsoDate): ProjectMissed | null {
  if (percentOf(p) === 100) return null;
  if (p.details.completion !== null && today > p.details.completion) return 'completion';
  if (p.milestones.some((m) => m.doneOn === null && today > m.due)) return 'milestone';
  return null;
}

/** [U24] 已完成 at 100%, else 逾期 past a date, else 未开工 at 0%, else 实施中. */
export function projectStatus(p: TrackedProject, today: IsoDate): ProjectStatus {
  if (percentOf(p) === 100) return 'completed';
  if (projectMissed(p, today) !== null) return 'overdue';
  return percentOf(p) === 0 ? 'notStarted' : 'inProgress';
}

export interface ProjectRow extends TrackedProject {
  readonly status: ProjectStatus;
  readonly missed: ProjectMissed | null;
  readonly percent: number;
  readonly spentYuan: number;
  /** Funds spent beyond the budget (yuan), when the budget is known; else 0. */
  readonly overBudgetYuan: number;
  /** The last delivery rating whose result may be shown, or null. */
  readonly delivery: DeliveryRating | null;
}

export interface ProjectsView {
  readonly today: IsoDate;
  /** Overdue first, then 未开工, 实施中, 已完成; within a status the nearest completion date, then the vote's rank. */
  readonly projects: readonly ProjectRow[];
  readonly counts: Readonly<Record<ProjectStatus, number>>;
}

const ORDER: Record<ProjectStatus, number> = { overdue: 0, notStarted: 1, inProgress: 2, completed: 3 };

export function projectRow(p: TrackedProject, today: IsoDate, deliveries: readonly DeliveryRating[] = []): ProjectRow {
  const mine = deliveries.filter((d) => d.trackedId === p.id).sort((a, b) => b.closedAt - a.closedAt);
  const spentYuan = p.progress[p.progress.length - 1]?.spentYuan ?? 0;
  const overBudgetYuan = p.details.budgetYuan === null ? 0 : Math.max(0, Math.round((spentYuan - p.details.budgetYuan) * 100) / 100);
  return { ...p, status: projectStatus(p, today), missed: projectMissed(p, today), percent: percentOf(p), spentYuan, overBudgetYuan, delivery: mine[0] ?? null };
}

/** [U24] The tracked projects as of today, with the delivery ratings the server read from the meetings. */
export function projectsView(s: SupervisionState, today: IsoDate, deliveries: readonly DeliveryRating[] = []): ProjectsView {
  const rows = s.projects.map((p) => projectRow(p, today, deliveries));
  rows.sort(
    (a, b) =>
      ORDER[a.status] - ORDER[b.status] ||
      (a.details.completion ?? '9999').localeCompare(b.details.completion ?? '9999') ||
      a.adoptedBy.rank - b.adoptedBy.rank ||
      a.id.localeCompare(b.id),
  );
  const counts = { overdue: 0, notStarted: 0, inProgress: 0, completed: 0 };
  for (const r of rows) counts[r.status] += 1;
  return { today, projects: rows, counts };
}
