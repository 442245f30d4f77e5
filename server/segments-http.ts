// HTTP for the questioning: evidence media (media.ts) and the segment log for the meeting's
// report — who asked what, the time used against the time allowed, and each department's
// rating — as JSON, or as CSV for the clerk's spreadsheet.
import { Router } from 'express';
import { outcomeOf } from '../shared/outcome.js';
import { segmentLog, type SegmentLog, type SpeakingUse } from '../shared/segment-view.js';
import { resultOf } from '../shared/views.js';
import { fail, guard, param, query } from './access.js';
import { mediaRoutes } from './media.js';
import type { Ctx } from './sockets/common.js';

const seconds = (u: SpeakingUse | null) => (u === null ? '' : String(Math.round(u.usedMs / 1000)));
const allowed = (u: SpeakingUse | null) => (u === null ? '' : String(Math.round(u.allowedMs / 1000)));
const cell = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** One row per question; the column heads are Chinese because the file goes to the clerk as is. */
export function segmentLogCsv(log: readonly SegmentLog[]): string {
  const head = ['环节', '部门', '答复人', '职务', '序号', '提问代表', '主题', '提问用时(秒)', '提问限时(秒)', '答复用时(秒)', '答复限时(秒)', '测评得分', '满意率'];
  const rows = log.flatMap((seg) =>
    seg.questions.map((q) => [
      seg.title,
      seg.department,
      seg.person.name,
      seg.person.title,
      String(q.index + 1),
      q.asker,
      q.topic,
      seconds(q.question),
      allowed(q.question),
      seconds(q.answer),
      allowed(q.answer),
      seg.rating?.score == null ? '' : seg.rating.score.toFixed(2),
      seg.rating?.satisfactionRate == null ? '' : `${(seg.rating.satisfactionRate * 100).toFixed(1)}%`,
    ]),
  );
  // A BOM so that Excel opens the Chinese text as UTF-8.
  return '\ufeff' + [head, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

export function segmentRoutes(ctx: Ctx, mediaDir: string): Router {
  const r = Router();
  r.use(mediaRoutes(ctx, mediaDir));

  r.get('/api/meetings/:id/segments', guard(ctx, 'operator'), (req, res) => {
    const s = ctx.meetings.get(param(req, 'id'));
    if (!s) return fail(res, 'NOT_FOUND');
    const log = segmentLog(s, (id) => outcomeOf(s, id, resultOf));
    if (query(req, 'format') === 'csv') {
      res.type('text/csv; charset=utf-8');
      res.attachment(`segments-${s.info.id}.csv`);
      return void res.send(segmentLogCsv(log));
    }
    res.json({ ok: true, segments: log });
  });
  return r;
}
