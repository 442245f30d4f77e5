// The year's public view (/year, GET /api/public/year): only what the committee has published
// (U41), and of it only the public fields, each copied by name (U42). Built by listing what goes
// out, never by removing what must not, so a field added to a case later stays internal until
// someone adds it here. Pure.
import type { CaseStatus, Missed } from './status.js';
import { isPublished } from './publish.js';
import type { PublishedIds } from './publish-model.js';
import type { SupervisionState } from './state.js';
import { caseRow } from './view.js';
import { byUrgency } from './status.js';
import type { IsoDate } from './workdays.js';
import { yearProjects, type YearProject } from './year-projects.js';

/** A published case as the public sees it: the department, what it must do by when, where it stands. */
export interface PublicCase {
  readonly id: string;
  readonly department: string;
  /** 领衔督办: the committee or leader in charge. */
  readonly lead: string;
  readonly status: CaseStatus;
  readonly missed: Missed | null;
  readonly openedOn: IsoDate;
  /** The televised rating that opened it, with its figures; null for a case opened by the staff. */
  readonly rating: { readonly meetingTitle: string; readonly itemTitle: string; readonly satisfactionRate: number | null; readonly score: number | null } | null;
  /** The commitments made in the answers, as the staff recorded them. */
  readonly commitments: readonly string[];
  readonly notice: { readonly on: IsoDate; readonly number: string } | null;
  readonly planOn: IsoDate | null;
  readonly progressReports: number;
  readonly lastProgressOn: IsoDate | null;
  readonly completionDue: IsoDate;
  readonly completedOn: IsoDate | null;
  readonly closedOn: IsoDate | null;
}

export interface PublicYear {
  readonly today: IsoDate;
  /** Who publishes: the issuing body of the notices (人大常委会). */
  readonly issuer: string;
  readonly cases: readonly PublicCase[];
  readonly projects: readonly YearProject[];
}

/** [U41][U42] The published records and only their public fields, overdue first (U8). */
export function publicYear(s: SupervisionState, today: IsoDate): PublicYear {
  const cases = s.cases
    .filter((c) => isPublished(s.published, 'case', c.id))
    .sort(byUrgency(today))
    .map((c): PublicCase => {
      const r = caseRow(c, today);
      const last = c.progress[c.progress.length - 1];
      return {
        id: c.id,
        department: c.details.department,
        lead: c.details.lead,
        status: r.status,
        missed: r.missed,
        openedOn: c.openedOn,
        rating:
          c.source.kind === 'rating'
            ? { meetingTitle: c.source.meetingTitle, itemTitle: c.source.itemTitle, satisfactionRate: c.source.figures.satisfactionRate, score: c.source.figures.score }
            : null,
        commitments: [...c.details.commitments],
        notice: c.notice ? { on: c.notice.on, number: c.notice.number } : null,
        planOn: c.plan?.on ?? null,
        progressReports: c.progress.length,
        lastProgressOn: last?.on ?? null,
        completionDue: c.due.completion,
        completedOn: c.completedOn,
        closedOn: c.closedOn,
      };
    });
  return { today, issuer: s.config.issuer, cases, projects: publishedProjects(s.published, yearProjects(s, today)) };
}

/** [U41][U42] The published projects, each field copied by name: a fuller project row handed in keeps the rest to itself. */
export function publishedProjects(published: PublishedIds, rows: readonly YearProject[]): YearProject[] {
  return rows
    .filter((p) => isPublished(published, 'project', p.id))
    .map((p) => ({ id: p.id, name: p.name, department: p.department, lead: p.lead, status: p.status, percent: p.percent, budgetYuan: p.budgetYuan, spentYuan: p.spentYuan, due: p.due, lastReportOn: p.lastReportOn }));
}
