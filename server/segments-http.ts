// HTTP for the questioning: evidence media (media.ts) and the segment log for the meeting's
// report — who asked what, the time used against the time allowed, and each department's
// rating — as JSON, or as CSV for the clerk's spreadsheet (the results report's 问政记录 sheet).
import { Router } from 'express';
import { outcomeOf } from '../shared/outcome.js';
import { segmentLog } from '../shared/segment-view.js';
import { shownResultOf } from '../shared/views.js';
import { fail, guard, param, query } from './access.js';
import { mediaRoutes } from './media.js';
import { sheetsToCsv } from './results/csv.js';
import { segmentSheet } from './results/segment-sheet.js';
import type { Ctx } from './sockets/common.js';

export function segmentRoutes(ctx: Ctx, mediaDir: string): Router {
  const r = Router();
  r.use(mediaRoutes(ctx, mediaDir));

  r.get('/api/meetings/:id/segments', guard(ctx, 'operator'), (req, res) => {
    const s = ctx.meetings.get(param(req, 'id'));
    if (!s) return fail(res, 'NOT_FOUND');
    const log = segmentLog(s, (id) => outcomeOf(s, id, shownResultOf));
    if (query(req, 'format') === 'csv') {
      res.type('text/csv; charset=utf-8');
      res.attachment(`segments-${s.info.id}.csv`);
      return void res.send(sheetsToCsv([segmentSheet(log)]));
    }
    res.json({ ok: true, segments: log });
  });
  return r;
}
