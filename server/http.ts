// HTTP: login, the console's helpers (deputy links), health, and the built client.
// Every body is `unknown` until zod accepts it; errors answer with a code the UI translates.
import express, { type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { UserRecord } from './store/db.js';
import type { Ctx } from './sockets/common.js';
import { auditRoutes } from './audit/audit-http.js';
import { actorContext } from './audit/actor.js';
import type { HttpOptions } from './http-options.js';
import { metricsRouter } from './metrics.js';
import { prepareRoutes } from './prepare-http.js';
import { segmentRoutes } from './segments-http.js';
import { feedRoutes } from './feed.js';
import { resultsRoutes } from './results/routes.js';
import { sourceKey } from './login-guard.js';
import { securityHeaders } from './headers.js';
import { DATA_FORMAT } from './ops/format.js';
import { VERSION } from './ops/version.js';
import { documentRoutes } from './documents/routes.js';
import { clientFiles } from './client-files.js';
import { plainRoutes } from './plain/routes.js';
import { supervisionRoutes } from './supervision/routes.js';

const Login = z.strictObject({ username: z.string().min(1).max(64), password: z.string().min(1).max(200) });

function bearer(req: Request): string | undefined {
  const h = req.header('authorization');
  return h?.startsWith('Bearer ') ? h.slice(7) : undefined;
}

export function createHttp(ctx: Ctx, opts: HttpOptions): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', opts.trustProxy ?? false);
  app.use(securityHeaders()); // CSP, frame-ancestors, nosniff, no-referrer (headers.ts)
  app.use(actorContext(ctx)); // the audit log names the console user behind each change
  app.use(prepareRoutes(ctx, opts)); // before the 64 kB JSON parser: its routes bring their own
  if (opts.mediaDir) app.use(segmentRoutes(ctx, opts.mediaDir)); // media uploads stream to disk
  app.use(express.json({ limit: '64kb' }));

  const requireUser = (req: Request, res: Response): UserRecord | undefined => {
    const user = ctx.auth.sessionUser(bearer(req));
    if (!user) res.status(401).json({ ok: false, error: 'UNAUTHORIZED' });
    return user;
  };

  app.get('/api/health', (_req, res) => {
    res.json({ ok: true, version: VERSION, dataFormat: DATA_FORMAT, storage: ctx.meetings.storageHealthy ? 'ok' : 'failed', meetings: ctx.meetings.ids().length });
  });

  app.post('/api/login', async (req, res) => {
    const body = Login.safeParse(req.body);
    if (!body.success) return void res.status(400).json({ ok: false, error: 'BAD_REQUEST' });
    // req.ip is the socket's address unless TRUST_PROXY names a proxy whose X-Forwarded-For counts.
    const r = await ctx.auth.login(body.data.username, body.data.password, sourceKey(req.ip));
    if (!r.ok) {
      if (r.retryAfterMs !== undefined) res.setHeader('Retry-After', String(Math.max(1, Math.ceil(r.retryAfterMs / 1000))));
      return void res.status(r.error === 'RATE_LIMITED' ? 429 : 401).json({ ok: false, error: r.error });
    }
    const user = ctx.auth.user(r.session.username);
    res.json({ ok: true, session: r.token, expiresAt: r.session.expiresAt, username: user?.username, role: user?.role });
  });

  app.post('/api/logout', async (req, res) => {
    const token = bearer(req);
    if (token) await ctx.auth.logout(token);
    res.json({ ok: true });
  });

  app.get('/api/me', (req, res) => {
    const user = requireUser(req, res);
    if (user) res.json({ ok: true, username: user.username, role: user.role });
  });

  app.get('/api/meetings', (req, res) => {
    if (!requireUser(req, res)) return;
    const all = req.query.all === '1'; // archived meetings only when asked
    const meetings = ctx.meetings.ids().flatMap((id) => {
      const s = ctx.meetings.get(id);
      if (!s || (s.archived && !all)) return [];
      return [{ id, title: s.info.title, date: s.info.date, active: ctx.db.data.activeMeetingId === id, archived: s.archived, roster: s.roster.length, agenda: s.agenda.length }];
    });
    res.json({ ok: true, meetings });
  });

  app.get('/api/meetings/:id/links', (req, res) => {
    if (!requireUser(req, res)) return;
    const s = ctx.meetings.get(req.params.id);
    if (!s) return void res.status(404).json({ ok: false, error: 'NOT_FOUND' });
    const byDeputy = new Map(ctx.auth.linksOf(s.info.id).map((l) => [l.deputyId, l]));
    const base = opts.publicUrl();
    res.json({
      ok: true,
      links: s.roster.map((d) => {
        const l = byDeputy.get(d.id);
        return { deputyId: d.id, name: d.name, group: d.group, seat: d.seat, url: l ? `${base}/d/${l.token}` : null };
      }),
    });
  });

  app.use('/api/metrics', metricsRouter(ctx));

  app.use(feedRoutes(ctx)); // GET /api/feed/<meeting>.json|.csv (docs/FEED.md)
  app.use(resultsRoutes(ctx)); // GET /api/meetings/:id/results.csv|.xlsx|.json
  app.use(documentRoutes(ctx)); // GET /api/meetings/:id/notices/:item.json|.pdf

  if (opts.audit) app.use(auditRoutes(ctx, opts.audit)); // receipts after close, audit log
  app.use(plainRoutes(ctx, opts.clientDir)); // /d/<token>/plain: the deputy page without JavaScript (server/plain/)
  if (opts.supervision) app.use(supervisionRoutes(ctx, opts.supervision, opts.mediaDir)); // 督办 cases, notices

  app.use('/api', (_req, res) => {
    res.status(404).json({ ok: false, error: 'NOT_FOUND' });
  });

  if (opts.clientDir && existsSync(join(opts.clientDir, 'index.html'))) app.use(clientFiles(ctx, opts.clientDir));
  return app;
}
