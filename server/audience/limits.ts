// Per-address limits of the public page (SPEC Y3, Y9): new device ids and ratings per source
// address per minute. With Redis they are counted there (rate-limiter-flexible's
// RateLimiterRedis), so the core and every public edge share one allowance per address: a
// script cannot multiply it by spreading over edges. While Redis is away a per-process memory
// limiter stands in (ratings are paused then anyway).
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';

export interface AudienceLimits {
  /** New device ids handed to one source address per minute. */
  readonly devicesPerMinute: number;
  /** Ratings accepted from one source address per minute (all devices behind it together). */
  readonly ratingsPerMinute: number;
}

/**
 * Generous enough for a household or a small office behind one address; a carrier's NAT (many
 * phones on one address) needs them raised (docs/SECURITY.md, docs/DEPLOY.md).
 */
export const DEFAULT_AUDIENCE_LIMITS: AudienceLimits = { devicesPerMinute: 60, ratingsPerMinute: 120 };

export interface AudienceLimiters {
  /** May this address be given a new device id now? */
  issue(address: string): Promise<boolean>;
  /** May this address rate now? */
  rate(address: string): Promise<boolean>;
}

/** A node-redis client (the counter's): what RateLimiterRedis is given. */
export type LimiterStore = object;

export function audienceLimiters(limits: AudienceLimits, store?: LimiterStore): AudienceLimiters {
  const make = (points: number, prefix: string): RateLimiterAbstract => {
    const memory = new RateLimiterMemory({ points, duration: 60, keyPrefix: prefix });
    if (!store) return memory;
    return new RateLimiterRedis({ storeClient: store, useRedisPackage: true, rejectIfRedisNotReady: true, points, duration: 60, keyPrefix: `wz:lim:${prefix}`, insuranceLimiter: memory });
  };
  const issued = make(limits.devicesPerMinute, 'dev');
  const rated = make(limits.ratingsPerMinute, 'rate');
  const take = (l: RateLimiterAbstract, key: string) => l.consume(key).then(() => true, () => false);
  return { issue: (a) => take(issued, a), rate: (a) => take(rated, a) };
}
