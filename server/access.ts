// Who may do what over HTTP. Two moderator roles: an operator runs the meeting (console
// commands, check-in, link reissue, the QR sheet); an administrator can also prepare and manage
// meetings and create users. Every route names the role it needs through guard().
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import type { HttpErrorCode } from '../shared/prepare.js';
import type { UserRecord } from './store/db.js';
import type { Ctx } from './sockets/common.js';

export type Role = UserRecord['role'];

/** JSON bodies of the preparation routes; agendas carry up to 200 projects per item. */
export const json = express.json({ limit: '1mb' });

/** An administrator may do everything an operator may. */
export function allows(have: Role, need: Role): boolean {
  return need === 'operator' || have === 'admin';
}

export function bearer(req: Request): string | undefined {
  const h = req.header('authorization');
  return h?.startsWith('Bearer ') ? h.slice(7) : undefined;
}

const STATUS: Partial<Record<HttpErrorCode, number>> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  FILE_TOO_LARGE: 413,
  IMPORT_ERRORS: 422,
  WEAK_PASSWORD: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  STORAGE_FAILED: 503,
};

/** Answer a refusal as `{ ok: false, error }` with a fitting status; 409 for state conflicts. */
export function fail(res: Response, error: HttpErrorCode, extra: object = {}): void {
  res.status(STATUS[error] ?? 409).json({ ...extra, ok: false, error });
}

/** Middleware: a live session whose role allows `need`, or 401 / 403. The user lands in res.locals.user. */
export function guard(ctx: Ctx, need: Role): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const user = ctx.auth.sessionUser(bearer(req));
    if (!user) return void fail(res, 'UNAUTHORIZED');
    if (!allows(user.role, need)) return void fail(res, 'FORBIDDEN');
    res.locals.user = user;
    next();
  };
}

/** A route parameter as a string (express 5 types them loosely). */
export function param(req: Request, name: string): string {
  const v: unknown = req.params[name];
  return typeof v === 'string' ? v : '';
}

/** A query flag: "1" or "true". */
export function flag(req: Request, name: string): boolean {
  const v: unknown = req.query[name];
  return v === '1' || v === 'true';
}

/** A query string value, or undefined. */
export function query(req: Request, name: string): string | undefined {
  const v: unknown = req.query[name];
  return typeof v === 'string' ? v : undefined;
}
