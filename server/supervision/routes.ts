// HTTP for supervision (督办): the year's cases for the console, the commands that change them
// (zod-parsed; operators edit, administrators configure: U11), and the 督办通知书 (notice.ts).
import { Router, type Request, type Response } from 'express';
import { flaggedSubjects } from '../../shared/supervision/from-rating.js';
import { SupervisionCommand, type SupervisionError } from '../../shared/supervision/model.js';
import { supervisionView } from '../../shared/supervision/view.js';
import { outcomeOf } from '../../shared/outcome.js';
import { caseById } from '../../shared/supervision/state.js';
import { beforeAfter, reviewItem, type BeforeAfter } from '../../shared/supervision/review.js';
import { resultOf, shownResultOf } from '../../shared/views.js';
import { Id } from '../../shared/model.js';
import { fail, guard, query } from '../access.js';
import { storedMediaType } from '../media.js';
import type { Ctx } from '../sockets/common.js';
import type { UserRecord } from '../store/db.js';
import { supervisionNoticeRoutes } from './notice.js';
import { registerSheets } from './export.js';
import { sheetsToXlsx } from '../results/xlsx.js';
import type { Supervision } from './service.js';
import { projectAttachments } from '../../shared/supervision/projects-model.js';
import { adoptedIn, PROJECT_HTTP, projectsNow, projectsRoutes } from './projects-routes.js';
import { publicYearRoutes } from './public-routes.js';
import { dashboardRoutes } from './dashboard-routes.js';

const STATUS: Record<SupervisionError | 'STORAGE_FAILED', number> = {
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  STORAGE_FAILED: 503,
  NOT_CLOSED: 409,
  WRONG_KIND: 409,
  NOTHING_FLAGGED: 409,
  ALREADY_OPEN: 409,
  ALREADY_ISSUED: 409,
  NOTICE_FIRST: 409,
  PLAN_FIRST: 409,
  CASE_CLOSED: 409,
  NOT_COMPLETED: 409,
  BAD_DATE: 422,
  ...PROJECT_HTTP,
};

/** [U14] Every attachment names a file in the media store, of the type it says. */
async function attachmentsKept(cmd: SupervisionCommand, mediaDir: string | undefined): Promise<boolean> {
  const list = cmd.type === 'recordPlan' || cmd.type === 'recordProgress' ? cmd.report.attachments : projectAttachments(cmd);
  for (const a of list) {
    const t = mediaDir === undefined ? null : await storedMediaType(mediaDir, a.mediaId);
    if (t?.type !== a.type) return false;
  }
  return true;
}

export function supervisionRoutes(ctx: Ctx, sup: Supervision, mediaDir?: string): Router {
  const r = Router();
  const operator = guard(ctx, 'operator');

  /** [U15] Every 回头看 item of every meeting, with before and after once its result may be shown. */
  const reviews = () =>
    ctx.meetings.ids().flatMap((meetingId) => {
      const s = ctx.meetings.get(meetingId);
      if (!s) return [];
      return s.agenda.flatMap((item): { meetingId: string; meetingTitle: string; itemId: string; itemTitle: string; rows: BeforeAfter[] }[] => {
        if (item.kind !== 'rating' || !item.reviews?.length) return [];
        const o = outcomeOf(s, item.id, shownResultOf);
        const result = o.lastRound?.status === 'closed' && o.result?.kind === 'rating' ? o.result : null;
        return [{ meetingId, meetingTitle: s.info.title, itemId: item.id, itemTitle: item.title, rows: beforeAfter(item, result) }];
      });
    });

  r.get('/api/supervision', operator, (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json({ ok: true, ...supervisionView(sup.state, sup.today()), reviews: reviews(), projects: projectsNow(ctx, sup).projects, published: sup.state.published });
  });

  // [U16] The register as XLSX: every case overdue first, and counts by department and status.
  r.get('/api/supervision/cases.xlsx', operator, async (_req, res) => {
    const buf = await sheetsToXlsx(registerSheets(supervisionView(sup.state, sup.today())), '整改督办台账');
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Disposition', `attachment; filename="cases.xlsx"; filename*=UTF-8''${encodeURIComponent(`整改督办台账-${sup.today()}.xlsx`)}`);
    res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(buf);
  });

  // A 回头看 rating item for the agenda editor (PUT /api/meetings/:id/agenda adds it, as any item).
  r.get('/api/supervision/review-item', operator, (req, res) => {
    const ids = (query(req, 'cases') ?? '').split(',').filter(Boolean);
    const itemId = Id.safeParse(query(req, 'itemId') ?? 'review');
    const cases = ids.map((id) => caseById(sup.state, id));
    if (ids.length === 0 || !itemId.success || cases.some((c) => c === undefined)) return fail(res, 'NOT_FOUND');
    const title = (query(req, 'title') ?? '').trim().slice(0, 120) || '整改情况“回头看”满意度测评';
    res.json({ ok: true, item: reviewItem(cases.flatMap((c) => (c ? [c] : [])), itemId.data, title) });
  });

  r.post('/api/supervision/commands', operator, async (req: Request, res: Response) => {
    const cmd = SupervisionCommand.safeParse(req.body);
    if (!cmd.success) return fail(res, 'BAD_REQUEST');
    if (!(await attachmentsKept(cmd.data, mediaDir))) return void res.status(422).json({ ok: false, error: 'NO_SUCH_MEDIA' });
    const user = res.locals.user as UserRecord;
    const flagged = (meetingId: string, itemId: string, lead: string) => {
      const s = ctx.meetings.get(meetingId);
      // A closed round's full tally: the flag is the record's, whatever the screen was shown.
      return s ? flaggedSubjects(s, itemId, resultOf, lead) : ({ ok: false, error: 'NOT_FOUND' } as const);
    };
    const out = await sup.run(cmd.data, { role: user.role, flagged, adopted: adoptedIn(ctx) }, user.username);
    if (!out.ok) return void res.status(STATUS[out.error]).json({ ok: false, error: out.error });
    res.json({ ok: true, caseIds: out.value.caseIds });
  });

  r.use(supervisionNoticeRoutes(ctx, sup));
  r.use(projectsRoutes(ctx, sup));
  r.use(dashboardRoutes(ctx, sup));
  r.use(publicYearRoutes(sup));
  return r;
}
