// The console's dashboard (U43): the counts of cases and projects as one JSON. Operators, like the
// register; the workbooks are the register's (export.ts) and the projects' (projects-export.ts).
import { Router } from 'express';
import { dashboardOf } from '../../shared/supervision/dashboard.js';
import { supervisionView } from '../../shared/supervision/view.js';
import { yearProjects } from '../../shared/supervision/year-projects.js';
import { guard } from '../access.js';
import type { Ctx } from '../sockets/common.js';
import type { Supervision } from './service.js';

export function dashboardRoutes(ctx: Ctx, sup: Supervision): Router {
  const r = Router();
  const operator = guard(ctx, 'operator');

  r.get('/api/supervision/dashboard', operator, (_req, res) => {
    const today = sup.today();
    res.setHeader('Cache-Control', 'no-store');
    res.json({ ok: true, today, ...dashboardOf(supervisionView(sup.state, today).cases, yearProjects(sup.state, today)), published: sup.state.published });
  });

  return r;
}
