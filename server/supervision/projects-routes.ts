// HTTP for tracked livelihood projects (U20..U27): the projects with their delivery ratings read
// from the meetings, the year-end delivery rating item for the agenda editor, and the projects'
// workbook. The commands go through POST /api/supervision/commands with the cases' (routes.ts).
import { Router } from 'express';
import { Id, ScaleId } from '../../shared/model.js';
import { deliveryItem, deliveryRatings, meetingScale } from '../../shared/supervision/projects-delivery.js';
import { projectById } from '../../shared/supervision/projects-state.js';
import { projectsView, type ProjectsView } from '../../shared/supervision/projects-view.js';
import { adoptedProjects } from '../../shared/supervision/projects-adopted.js';
import type { ProjectError } from '../../shared/supervision/projects-model.js';
import type { MeetingState } from '../../shared/state.js';
import { resultOf, shownResultOf } from '../../shared/views.js';
import { fail, guard, query } from '../access.js';
import { sheetsToXlsx } from '../results/xlsx.js';
import type { Ctx } from '../sockets/common.js';
import { projectsSheets } from './projects-export.js';
import type { Supervision } from './service.js';

/** HTTP status of each project refusal (routes.ts merges these into its table). */
export const PROJECT_HTTP: Record<ProjectError, number> = { NOTHING_ADOPTED: 409, ALREADY_TRACKED: 409, BACKWARDS: 409, ALREADY_DONE: 409 };

const meetingsOf = (ctx: Ctx): MeetingState[] => ctx.meetings.ids().flatMap((id) => ctx.meetings.get(id) ?? []);

/** [U24][U26] The tracked projects as of today, each with its latest delivery rating that may be shown. */
export function projectsNow(ctx: Ctx, sup: Supervision): ProjectsView {
  return projectsView(sup.state, sup.today(), deliveryRatings(meetingsOf(ctx), shownResultOf));
}

/** [U20] What a closed 票决 adopted, for the trackAdopted command: the record's full tally. */
export function adoptedIn(ctx: Ctx) {
  return (meetingId: string, itemId: string, lead: string) => {
    const s = ctx.meetings.get(meetingId);
    return s ? adoptedProjects(s, itemId, resultOf, lead) : ({ ok: false, error: 'NOT_FOUND' } as const);
  };
}

export function projectsRoutes(ctx: Ctx, sup: Supervision): Router {
  const r = Router();
  const operator = guard(ctx, 'operator');

  r.get('/api/supervision/projects', operator, (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json({ ok: true, ...projectsNow(ctx, sup), published: sup.state.published.project });
  });

  // [U25] A delivery rating item for the agenda editor (PUT /api/meetings/:id/agenda adds it, as any item).
  r.get('/api/supervision/delivery-item', operator, (req, res) => {
    const ids = (query(req, 'projects') ?? '').split(',').filter(Boolean);
    const itemId = Id.safeParse(query(req, 'itemId') ?? 'delivery');
    const projects = ids.map((id) => projectById(sup.state, id));
    if (ids.length === 0 || ids.length > 100 || !itemId.success || projects.some((p) => p === undefined)) return fail(res, 'NOT_FOUND');
    const title = (query(req, 'title') ?? '').trim().slice(0, 120) || '民生实事项目实施情况满意度测评';
    // On the scale asked for, else the scale the meeting it is meant for rates on, else the default.
    const asked = ScaleId.safeParse(query(req, 'scale'));
    const meeting = query(req, 'meeting');
    const scale = asked.success ? asked.data : meeting ? meetingScale(ctx.meetings.get(meeting) ?? { agenda: [] }) : undefined;
    res.json({ ok: true, item: deliveryItem(projects.flatMap((p) => (p ? [p] : [])), itemId.data, title, scale) });
  });

  // [U27] The projects as a workbook: every project in the view's order, and counts by department and status.
  r.get('/api/supervision/projects.xlsx', operator, async (_req, res) => {
    const buf = await sheetsToXlsx(projectsSheets(projectsNow(ctx, sup)), '民生实事项目跟踪');
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Disposition', `attachment; filename="projects.xlsx"; filename*=UTF-8''${encodeURIComponent(`民生实事项目跟踪-${sup.today()}.xlsx`)}`);
    res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(buf);
  });
  return r;
}
