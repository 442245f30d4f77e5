// The tracked livelihood projects (民生实事项目) as the year's public page and the console's
// dashboard see them. The projects themselves (their events, reducer and full view) are the
// projects work's (shared/supervision/projects*.ts); this file is the one place the year's
// views read them through, so joining the two is a change here only.
import type { SupervisionState } from './state.js';
import type { IsoDate } from './workdays.js';

/** 未开工, 实施中, 逾期, 已完成: keys; words in the locale files. */
export type ProjectStatus = 'notStarted' | 'inProgress' | 'overdue' | 'completed';

/** One tracked project's public summary: nothing here is internal (no notes, files or names of staff). */
export interface YearProject {
  readonly id: string;
  readonly name: string;
  readonly department: string;
  /** 领衔督办: the committee or deputies' group supervising it. */
  readonly lead: string;
  readonly status: ProjectStatus;
  /** Progress reported, 0..100. */
  readonly percent: number;
  /** Budget and funds spent to date, in yuan; null when not known (no figure read, no report yet). */
  readonly budgetYuan: number | null;
  readonly spentYuan: number | null;
  readonly due: IsoDate | null;
  readonly lastReportOn: IsoDate | null;
}

/** The ids of the tracked projects (the published flag names only real ones). */
export function trackedProjectIds(s: SupervisionState): readonly string[] {
  return yearProjects(s, '0000-01-01').map((p) => p.id);
}

/**
 * Every tracked project, as of today. Until the projects work is joined, the supervision state
 * holds no project and this is empty; at the join it maps projectsView(state, today).projects
 * here (name, department, lead and completion from details, budgetYuan, the last report's
 * spentYuan and date, status and percent as they are).
 */
export function yearProjects(s: SupervisionState, today: IsoDate): readonly YearProject[] {
  void s;
  void today;
  return [];
}
