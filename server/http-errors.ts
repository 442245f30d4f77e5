// The last express middleware: whatever went wrong in a request (a body that is not JSON, a
// body over the size limit, a handler that threw) is answered as a typed error, never as an
// HTML stack page, and never takes the process down.
import type { ErrorRequestHandler } from 'express';
import type { Logger } from './logger.js';

function statusOf(e: unknown): number {
  if (typeof e === 'object' && e !== null && 'status' in e && typeof e.status === 'number') return e.status;
  return 500;
}

export function httpErrors(log: Logger): ErrorRequestHandler {
  return (e: unknown, req, res, next) => {
    if (res.headersSent) return next(e);
    const status = statusOf(e);
    if (status >= 400 && status < 500) {
      res.status(status).json({ ok: false, error: status === 413 ? 'TOO_LARGE' : 'BAD_REQUEST' });
      return;
    }
    // A deputy's link token is in the path (/d/<token>/plain): never in a log line.
    log.error({ path: req.path.replace(/^\/d\/[^/]+/, '/d/<token>'), err: e instanceof Error ? e.message : String(e) }, 'http: request failed');
    res.status(500).json({ ok: false, error: 'INTERNAL' });
  };
}
