// The year's public record (GET /api/public/year): no login, for the /year page on phones and
// the county's WeChat account. It answers publicYear() and nothing else: only what the
// committee has published, only the public fields (U41, U42).
import { Router } from 'express';
import { publicYear } from '../../shared/supervision/public-year.js';
import type { Supervision } from './service.js';

export function publicYearRoutes(sup: Supervision): Router {
  const r = Router();
  r.get('/api/public/year', (_req, res) => {
    // Read again on every visit: a withdrawn record must leave the page at once.
    res.setHeader('Cache-Control', 'no-cache');
    res.json({ ok: true, ...publicYear(sup.state, sup.today()) });
  });
  return r;
}
