// Who is acting, for the audit log: an HTTP request with a live console session runs in the
// context of that user, so any record it commits (import, agenda edit, link reissue ...) is
// audited under their name without every route passing it along.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { RequestHandler } from 'express';
import type { Ctx } from '../sockets/common.js';

const acting = new AsyncLocalStorage<string>();

/** The console user of the request being handled, if any. */
export function currentActor(): string | null {
  return acting.getStore() ?? null;
}

export function actorContext(ctx: Ctx): RequestHandler {
  return (req, _res, next) => {
    const h = req.header('authorization');
    const user = h?.startsWith('Bearer ') ? ctx.auth.sessionUser(h.slice(7)) : undefined;
    if (user) acting.run(user.username, next);
    else next();
  };
}
