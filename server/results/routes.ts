// GET /api/meetings/:id/results.csv | .xlsx | .json: the results report of a meeting, every
// round included (voided and hand-counted ones marked). Operators only: the report holds
// figures the moderator has not revealed yet. The .json feeds the console's print view.
import { Router, type Response } from 'express';
import { meetingReport } from '../../shared/report.js';
import { fail, guard, param } from '../access.js';
import type { Ctx } from '../sockets/common.js';
import { sheetsToCsv } from './csv.js';
import { reportSheets } from './tables.js';
import { sheetsToXlsx } from './xlsx.js';

function download(res: Response, name: string): void {
  // RFC 5987 keeps the Chinese meeting title in the file name.
  res.setHeader('Content-Disposition', `attachment; filename="results"; filename*=UTF-8''${encodeURIComponent(name)}`);
  res.setHeader('Cache-Control', 'no-store');
}

export function resultsRoutes(ctx: Ctx): Router {
  const r = Router();
  const operator = guard(ctx, 'operator');

  r.get('/api/meetings/:id/results.json', operator, (req, res) => {
    const s = ctx.meetings.get(param(req, 'id'));
    if (!s) return fail(res, 'NOT_FOUND');
    res.setHeader('Cache-Control', 'no-store');
    res.json({ ok: true, report: meetingReport(s, ctx.clock()) });
  });

  r.get('/api/meetings/:id/results.csv', operator, (req, res) => {
    const s = ctx.meetings.get(param(req, 'id'));
    if (!s) return fail(res, 'NOT_FOUND');
    download(res, `${s.info.title}-表决结果.csv`);
    res.type('text/csv; charset=utf-8').send(sheetsToCsv(reportSheets(meetingReport(s, ctx.clock()))));
  });

  r.get('/api/meetings/:id/results.xlsx', operator, async (req, res) => {
    const s = ctx.meetings.get(param(req, 'id'));
    if (!s) return fail(res, 'NOT_FOUND');
    const buf = await sheetsToXlsx(reportSheets(meetingReport(s, ctx.clock())), s.info.title);
    download(res, `${s.info.title}-表决结果.xlsx`);
    res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(buf);
  });
  return r;
}
