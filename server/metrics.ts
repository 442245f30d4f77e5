// Runtime health for an operator or a benchmark: event-loop delay and memory of this process.
// Admin sessions only. The event-loop histogram starts on first use, so a server nobody asks
// pays nothing; POST /reset starts a fresh measuring window (e.g. just before a burst).
import express, { type Request, type Response } from 'express';
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import type { Ctx } from './sockets/common.js';

/** Sampling interval of the event-loop timer, ms: fine enough to see a 5 ms stall. */
const RESOLUTION_MS = 5;

let histogram: IntervalHistogram | null = null;
let windowStart = 0;

function loopDelay(): IntervalHistogram {
  if (!histogram) {
    histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
    histogram.enable();
    windowStart = Date.now();
  }
  return histogram;
}

// The histogram records nanoseconds; the sampling interval itself is part of each sample.
const ms = (ns: number) => Math.max(0, ns / 1e6 - RESOLUTION_MS);

export interface MetricsBody {
  ok: true;
  /** Start of the measuring window (ms since epoch). */
  since: number;
  eventLoopDelayP50Ms: number;
  eventLoopDelayP99Ms: number;
  eventLoopDelayMaxMs: number;
  rssBytes: number;
  /** Peak resident set size since the process started. */
  maxRssBytes: number;
  heapUsedBytes: number;
  /** CPU time used since the process started. */
  cpuUserMs: number;
  cpuSystemMs: number;
}

export function metricsBody(): MetricsBody {
  const h = loopDelay();
  const mem = process.memoryUsage();
  const usage = process.resourceUsage();
  const empty = h.count === 0;
  return {
    ok: true,
    since: windowStart,
    eventLoopDelayP50Ms: empty ? 0 : ms(h.percentile(50)),
    eventLoopDelayP99Ms: empty ? 0 : ms(h.percentile(99)),
    eventLoopDelayMaxMs: empty ? 0 : ms(h.max),
    rssBytes: mem.rss,
    maxRssBytes: usage.maxRSS * 1024,
    heapUsedBytes: mem.heapUsed,
    cpuUserMs: usage.userCPUTime / 1000,
    cpuSystemMs: usage.systemCPUTime / 1000,
  };
}

export function metricsRouter(ctx: Ctx): express.Router {
  const router = express.Router();
  const admin = (req: Request, res: Response): boolean => {
    const h = req.header('authorization');
    const user = ctx.auth.sessionUser(h?.startsWith('Bearer ') ? h.slice(7) : undefined);
    if (!user) res.status(401).json({ ok: false, error: 'UNAUTHORIZED' });
    else if (user.role !== 'admin') res.status(403).json({ ok: false, error: 'FORBIDDEN' });
    return user?.role === 'admin';
  };
  router.get('/', (req, res) => {
    if (admin(req, res)) res.json(metricsBody());
  });
  router.post('/reset', (req, res) => {
    if (!admin(req, res)) return;
    loopDelay().reset();
    windowStart = Date.now();
    res.json({ ok: true, since: windowStart });
  });
  return router;
}
