// Who is acting, for the audit log: an HTTP request with a live console session carries its
// user on res.locals, and every route that commits passes it on (actorOf). Not an
// AsyncLocalStorage: on Node 20 that turns on a promise hook for the whole process, which every
// vote's promises then pay for.
import type { RequestHandler, Response } from 'express';
import type { Ctx } from '../sockets/common.js';

/** The console user of the request being handled, if any. */
export function actorOf(res: Response): string | null {
  const actor: unknown = res.locals.actor;
  return typeof actor === 'string' ? actor : null;
}

export function actorContext(ctx: Ctx): RequestHandler {
  return (req, res, next) => {
    const h = req.header('authorization');
    const user = h?.startsWith('Bearer ') ? ctx.auth.sessionUser(h.slice(7)) : undefined;
    if (user) res.locals.actor = user.username;
    next();
  };
}
