// The last middleware logs a failed request's path: a deputy's link token in it is left out.
import type { Request, Response } from 'express';
import { describe, expect, it } from 'vitest';
import { httpErrors } from './http-errors.js';
import { memoryLogger } from './logger.js';

describe('http errors', () => {
  it('[A10] a failure on a deputy link path is logged without the token', () => {
    const log = memoryLogger();
    let status = 0;
    const res = { headersSent: false, status: (n: number) => ((status = n), res), json: () => res } as unknown as Response;
    httpErrors(log)(new Error('boom'), { path: '/d/SECRETTOKEN123/plain/vote' } as Request, res, () => undefined);
    expect(status).toBe(500);
    expect(JSON.stringify(log.lines)).not.toContain('SECRETTOKEN123');
    expect(log.lines[0]?.fields.path).toBe('/d/<token>/plain/vote');
  });
});
