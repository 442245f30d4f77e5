// The audience counter on a shared Redis: every edge process counts into it, the core reads the
// aggregates at a fixed cadence. One Lua script per rating does the whole step atomically
// (sealed? -> device seen? -> add marks), so two edges racing with the same device count it once.
// Commands are never queued while Redis is away (disableOfflineQueue): a rating then answers
// 'unavailable' at once and the page shows 网络评议暂停; chamber voting never waits on Redis.
import { createHash } from 'node:crypto';
import { createClient } from 'redis';
import type { AudienceTally, SubjectCounts } from '../../shared/audience-tally.js';
import type { Logger } from '../logger.js';
import { CounterUnavailable, type AudienceCounter, type AudienceRating, type PollKey, type RateOutcome } from './counter.js';

// KEYS: sealed flag, device set, participant count, counts hash.
// ARGV: device, then (subject, level, value) triples. Returns 0 counted, 1 duplicate, 2 sealed.
const RATE_SCRIPT = `
if redis.call('EXISTS', KEYS[1]) == 1 then return 2 end
if redis.call('SADD', KEYS[2], ARGV[1]) == 0 then return 1 end
redis.call('INCR', KEYS[3])
for i = 2, #ARGV, 3 do
  redis.call('HINCRBY', KEYS[4], ARGV[i] .. '|' .. ARGV[i + 1], 1)
  redis.call('HINCRBY', KEYS[4], ARGV[i] .. '|#', 1)
  redis.call('HINCRBY', KEYS[4], ARGV[i] .. '|+', ARGV[i + 2])
end
return 0
`;
const RATE_SHA = createHash('sha1').update(RATE_SCRIPT).digest('hex');

/** The keys of one poll; the {hash tag} keeps them in one slot of a Redis cluster. */
function keys(p: PollKey) {
  const base = `wz:aud:{${p.meetingId}:${p.pollId}}`;
  return { sealed: `${base}:sealed`, devices: `${base}:dev`, n: `${base}:n`, counts: `${base}:c` };
}

/** Counts hash fields `subject|level`, `subject|#` (rated), `subject|+` (sum) -> a tally. */
export function tallyFromHash(n: number, hash: Record<string, string>): AudienceTally {
  const subjects: Record<string, SubjectCounts> = {};
  for (const [field, raw] of Object.entries(hash)) {
    const bar = field.lastIndexOf('|');
    if (bar <= 0) continue;
    const id = field.slice(0, bar);
    const what = field.slice(bar + 1);
    const v = Number(raw);
    const s = (subjects[id] ??= { levels: {}, rated: 0, sum: 0 });
    if (what === '#') s.rated = v;
    else if (what === '+') s.sum = v;
    else s.levels[what] = v;
  }
  return { n, subjects };
}

export interface RedisCounterOptions {
  url: string;
  log: Logger;
  /** Delay between reconnection attempts (ms); default 500. */
  retryMs?: number;
  /** How long a sealed poll's keys stay in Redis (s); default AUDIENCE_KEY_TTL_SEC. */
  keyTtlSec?: number;
}

/** A sealed poll's keys expire a week later (WZ_AUDIENCE_KEY_DAYS): its final count is in the journal by then. */
export const AUDIENCE_KEY_TTL_SEC = 7 * 24 * 3600;

/** Longer than any queue of ratings an edge builds (a page's own ack waits 60 s). */
const RATE_TIMEOUT_MS = 60_000;

export class RedisCounter implements AudienceCounter {
  private readonly client;
  private up = false;
  private failing = 0;
  private readonly listeners: ((available: boolean) => void)[] = [];

  private constructor(private readonly opts: RedisCounterOptions) {
    const retry = opts.retryMs ?? 500;
    this.client = createClient({
      url: opts.url,
      disableOfflineQueue: true,
      // node-redis gives up on a command after 5 s by default, though Redis may still run it: in a
      // burst of 10,000 ratings on one loaded edge that answered counted ratings 'paused'. A
      // rating waits as long as it takes while Redis is up; Redis away still fails at once.
      commandOptions: { timeout: RATE_TIMEOUT_MS },
      socket: { reconnectStrategy: () => retry, connectTimeout: 2000 },
    });
    this.client.on('ready', () => this.set(true));
    this.client.on('end', () => this.set(false));
    this.client.on('reconnecting', () => this.set(false));
    this.client.on('error', (e: unknown) => {
      if (this.up) opts.log.warn({ err: e instanceof Error ? e.message : String(e) }, 'audience counter: redis unreachable; audience rating paused');
      this.set(false);
    });
  }

  /** Connect (waits for the first connection; later outages only pause rating). */
  static async connect(opts: RedisCounterOptions): Promise<RedisCounter> {
    const c = new RedisCounter(opts);
    await c.client.connect();
    return c;
  }

  /** The connection, for the limits per address kept beside the counts (limits.ts). */
  get store(): object {
    return this.client;
  }

  get available(): boolean {
    return this.up;
  }

  onAvailability(f: (available: boolean) => void): void {
    this.listeners.push(f);
  }

  private set(up: boolean): void {
    if (up === this.up) return;
    this.up = up;
    if (up) this.opts.log.info({}, 'audience counter: redis reachable; audience rating resumes');
    for (const f of this.listeners) f(up);
  }

  async rate(r: AudienceRating): Promise<RateOutcome> {
    if (!this.up) return 'unavailable';
    const k = keys(r);
    const args = [r.device, ...r.marks.flatMap((m) => [m.subjectId, m.level, String(m.value)])];
    const cmd = (op: string, first: string) => [op, first, '4', k.sealed, k.devices, k.n, k.counts, ...args];
    try {
      let res: unknown;
      try {
        res = await this.client.sendCommand(cmd('EVALSHA', RATE_SHA));
      } catch (e) {
        if (!(e instanceof Error) || !e.message.startsWith('NOSCRIPT')) throw e;
        res = await this.client.sendCommand(cmd('EVAL', RATE_SCRIPT));
      }
      this.failing = 0;
      return res === 0 ? 'counted' : res === 1 ? 'duplicate' : 'sealed';
    } catch (e) {
      // Said at the first of a run of failures (and every 1,000th): why ratings were answered paused.
      if (this.failing++ % 1000 === 0) this.opts.log.warn({ err: e instanceof Error ? e.message : String(e), failing: this.failing }, 'audience counter: a rating could not be counted; answered paused');
      return 'unavailable';
    }
  }

  async seal(p: PollKey): Promise<void> {
    try {
      // The count is read next and journaled with the close (Y4); then the keys are only a
      // fence against late ratings, and go after a while (Y9): Redis does not fill up with polls.
      const k = keys(p);
      const ttl = this.opts.keyTtlSec ?? AUDIENCE_KEY_TTL_SEC;
      await this.client.multi().set(k.sealed, '1', { EX: ttl }).expire(k.devices, ttl).expire(k.n, ttl).expire(k.counts, ttl).exec();
    } catch (e) {
      throw new CounterUnavailable(e);
    }
  }

  async read(p: PollKey): Promise<AudienceTally> {
    const k = keys(p);
    try {
      const [n, hash] = await Promise.all([this.client.get(k.n), this.client.hGetAll(k.counts)]);
      return tallyFromHash(Number(n ?? 0), hash as Record<string, string>);
    } catch (e) {
      throw new CounterUnavailable(e);
    }
  }

  async close(): Promise<void> {
    this.listeners.length = 0;
    try {
      await this.client.close();
    } catch {
      this.client.destroy();
    }
  }
}
