// The console's dashboard (U43): the counts of cases and projects as one JSON, and the tracked
// projects as a workbook beside the register's (export.ts). Operators, like the register.
import { Router } from 'express';
import { dashboardOf } from '../../shared/supervision/dashboard.js';
import { supervisionView } from '../../shared/supervision/view.js';
import { yearProjects } from '../../shared/supervision/year-projects.js';
import { guard } from '../access.js';
import { sheetsToXlsx } from '../results/xlsx.js';
import type { Ctx } from '../sockets/common.js';
import { projectSheets } from './export.js';
import type { Supervision } from './service.js';

export function dashboardRoutes(ctx: Ctx, sup: Supervision): Router {
  const r = Router();
  const operator = guard(ctx, 'operator');

  r.get('/api/supervision/dashboard', operator, (_req, res) => {
    const today = sup.today();
    res.setHeader('Cache-Control', 'no-store');
    res.json({ ok: true, today, ...dashboardOf(supervisionView(sup.state, today).cases, yearProjects(sup.state, today)), published: sup.state.published });
  });

  r.get('/api/supervision/projects.xlsx', operator, async (_req, res) => {
    const today = sup.today();
    const buf = await sheetsToXlsx(projectSheets(yearProjects(sup.state, today), today), '民生实事项目进度');
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Disposition', `attachment; filename="projects.xlsx"; filename*=UTF-8''${encodeURIComponent(`民生实事项目进度-${today}.xlsx`)}`);
    res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(buf);
  });
  return r;
}
