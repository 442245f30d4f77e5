// The live data feed over HTTP: GET /api/feed/<meetingId>.json and .csv (docs/FEED.md).
// Readable without a login only while the moderator has enabled it for the meeting; a console
// session (Authorization: Bearer) may always read it, e.g. to check it before enabling.
// Graphics systems poll it, often from a template served elsewhere: answers are never cached
// and carry CORS headers (the figures are public once enabled, exactly as on the big screen).
import { Router, type Request, type Response } from 'express';
import { feedOf, feedTable, type FeedDoc } from '../shared/feed.js';
import { toCsv } from './csv.js';
import { screenViewWithAudience } from './head-views.js';
import type { Ctx } from './sockets/common.js';

/** The feed as CSV, by the one CSV writer (csv.ts): BOM, RFC 4180 quoting, formulas defused. */
export const feedCsv = (doc: FeedDoc): string => toCsv(feedTable(doc));

const FILE = /^([A-Za-z0-9_-]{1,64})\.(json|csv)$/;

function session(req: Request): string | undefined {
  const h = req.header('authorization');
  return h?.startsWith('Bearer ') ? h.slice(7) : undefined;
}

function headers(res: Response): void {
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Allow-Headers', 'Authorization');
}

export function feedRoutes(ctx: Ctx): Router {
  const r = Router();

  r.options('/api/feed/:file', (_req, res) => {
    headers(res);
    res.status(204).end();
  });

  r.get('/api/feed/:file', (req: Request, res: Response) => {
    headers(res);
    const file: unknown = req.params.file;
    const m = typeof file === 'string' ? FILE.exec(file) : null;
    const s = m?.[1] ? ctx.meetings.get(m[1]) : undefined;
    if (!m || !s) return void res.status(404).json({ ok: false, error: 'NOT_FOUND' });
    if (!s.feedEnabled && !ctx.auth.sessionUser(session(req))) return void res.status(403).json({ ok: false, error: 'FORBIDDEN' });
    const doc = feedOf(screenViewWithAudience(ctx, s)); // with 网络评议 as the screen shows it (Y20)
    if (m[2] === 'csv') {
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `inline; filename="${s.info.id}.csv"`);
      res.send(feedCsv(doc)); // with its BOM, so spreadsheet tools read the Chinese names as UTF-8
      return;
    }
    res.json(doc);
  });

  return r;
}
