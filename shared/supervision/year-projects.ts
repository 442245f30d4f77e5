// The tracked livelihood projects (民生实事项目) as the year's public page and the console's
// dashboard see them. The projects themselves (their events, reducer and full view) are the
// projects work's (shared/supervision/projects*.ts); this file is the one place the year's
// views read them through, so joining the two is a change here only.
import { projectsView, type ProjectStatus } from './projects-view.js';
import type { SupervisionState } from './state.js';
import type { IsoDate } from './workdays.js';

export type { ProjectStatus };

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
 * Every tracked project, as of today, in the projects view's order (overdue first): only the
 * fields named here leave it, so report texts, visits and files stay internal (U41).
 */
export function yearProjects(s: SupervisionState, today: IsoDate): readonly YearProject[] {
  return projectsView(s, today).projects.map((p) => {
    const last = p.progress.at(-1);
    return {
      id: p.id,
      name: p.details.name,
      department: p.details.department,
      lead: p.details.lead,
      status: p.status,
      percent: p.percent,
      budgetYuan: p.details.budgetYuan,
      spentYuan: last ? last.spentYuan : null,
      due: p.details.completion,
      lastReportOn: last ? last.on : null,
    };
  });
}
