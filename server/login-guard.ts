// Who may have a password hashed, and when. scrypt is deliberately slow and runs on Node's
// small thread pool, which also serves every file read and fsync: a few hundred bogus logins
// hashed at once held page loads, round starts and votes for 20 s. So every attempt passes
// checks that cost nothing before it may hash, and at most `concurrency` hashes run at once.
//
// Keys. Throttles are keyed by source address AND name: wrong guesses for `admin` from a
// phone on the LAN lock that phone out of `admin`, not the control desk. Names that are no
// account cannot succeed, so guessing them only costs hashing: those attempts are also
// counted per source. Waiting attempts queue in three lanes, served in order: a source and
// name that signed in successfully before (the control desk), then names that are accounts,
// then the rest; each lane is bounded, and past the bound the answer is at once "busy".
// The price: under a flood, whether a name is an account can be told from how it is
// throttled. Names are not the secret here (the first one is always `admin`); passwords are.
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Logger } from './logger.js';

export interface LoginLimits {
  /** Attempts per source and name in `lockSeconds`; past that, refused for `lockSeconds`. */
  attemptsPerName: number;
  lockSeconds: number;
  /** Attempts per source on names that are no account, per `unknownWindowSeconds`. */
  unknownPerSource: number;
  unknownWindowSeconds: number;
  /** Password hashes computed at once. */
  concurrency: number;
  /** Attempts that may wait per lane: [signed in before, account, no account]. */
  queue: readonly [number, number, number];
  /** How long a source and name stay recognised after a successful login. */
  recogniseMs: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  attemptsPerName: 5,
  lockSeconds: 10 * 60,
  unknownPerSource: 5, // a mistyped name or two; a script guessing names gets no more
  unknownWindowSeconds: 60,
  // One: on a two-core laptop the other core is the event loop's, and three of the pool's
  // four threads stay free for the journal, ballot boxes and static files.
  concurrency: 1,
  queue: [4, 8, 8],
  recogniseMs: 12 * 60 * 60 * 1000,
};

export type Refusal = { ok: false; why: 'LOCKED' | 'SOURCE' | 'BUSY'; retryAfterMs: number };
export type Verdict = { ok: true; good: boolean } | Refusal;

/** The address a throttle counts: IPv4 as is (also when mapped into IPv6), IPv6 by its /64. */
export function sourceKey(ip: string | undefined): string {
  if (!ip) return 'unknown';
  const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (v4?.[1]) return v4[1];
  if (!ip.includes(':')) return ip;
  // One device on IPv6 picks addresses freely inside its /64: count the network.
  const [head = '', tail = ''] = ip.split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...h, ...Array<string>(Math.max(0, 8 - h.length - t.length)).fill('0'), ...t] : h;
  return `${groups.slice(0, 4).map((g) => g.toLowerCase().replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

/** Runs at most `concurrency` jobs at once; waiting jobs queue in lanes, the first lane first. */
export class HashGate {
  private running = 0;
  private readonly lanes: (() => void)[][];
  private avgMs = 60;
  constructor(
    private readonly concurrency: number,
    private readonly bounds: readonly number[],
  ) {
    this.lanes = bounds.map(() => []);
  }

  /** The job's result, or null at once when its lane is full. `unbounded` for callers that must wait. */
  run<T>(lane: number, job: () => Promise<T>, unbounded = false): Promise<T> | null {
    if (this.running < this.concurrency) return this.start(job);
    const q = this.lanes[lane];
    if (!q || (!unbounded && q.length >= (this.bounds[lane] ?? 0))) return null;
    return new Promise<T>((resolve, reject) => q.push(() => void this.start(job).then(resolve, reject)));
  }

  /** About when a place frees up for one more waiting job. */
  waitMs(): number {
    const waiting = this.lanes.reduce((n, q) => n + q.length, 0);
    return ((waiting + 1) * this.avgMs) / this.concurrency;
  }

  private async start<T>(job: () => Promise<T>): Promise<T> {
    this.running += 1;
    const t0 = performance.now();
    try {
      return await job();
    } finally {
      this.avgMs = 0.8 * this.avgMs + 0.2 * (performance.now() - t0);
      this.running -= 1;
      for (const q of this.lanes) {
        const next = q.shift();
        if (next) {
          next();
          break;
        }
      }
    }
  }
}

const refusedBy = (e: unknown): RateLimiterRes | null => (e instanceof RateLimiterRes ? e : null);

export class LoginGuard {
  readonly gate: HashGate;
  private readonly perName: RateLimiterMemory;
  private readonly perSource: RateLimiterMemory;
  /** source+name → when its last successful login stops counting; oldest first. */
  private readonly recognised = new Map<string, number>();

  constructor(
    private readonly clock: () => number,
    private readonly log: Logger,
    private readonly limits: LoginLimits = DEFAULT_LOGIN_LIMITS,
  ) {
    this.gate = new HashGate(limits.concurrency, limits.queue);
    this.perName = new RateLimiterMemory({ points: limits.attemptsPerName, duration: limits.lockSeconds, blockDuration: limits.lockSeconds });
    this.perSource = new RateLimiterMemory({ points: limits.unknownPerSource, duration: limits.unknownWindowSeconds });
  }

  /**
   * Checks `password` through `verify` if the throttles allow it now. `isAccount`: the name is
   * an account (decides the lane and whether the per-source allowance applies).
   */
  async attempt(source: string, username: string, isAccount: boolean, verify: () => Promise<boolean>): Promise<Verdict> {
    const pair = `${source}\n${username}`;
    const lane = this.isRecognised(pair) ? 0 : isAccount ? 1 : 2;
    if (lane === 2) {
      try {
        await this.perSource.consume(source);
      } catch (e) {
        const r = refusedBy(e);
        if (!r) throw e;
        if (r.consumedPoints === this.limits.unknownPerSource + 1) this.log.warn({ source, allowance: this.limits.unknownPerSource }, 'login attempts from this source throttled');
        return { ok: false, why: 'SOURCE', retryAfterMs: r.msBeforeNext };
      }
    }
    try {
      await this.perName.consume(pair);
    } catch (e) {
      const r = refusedBy(e);
      if (!r) throw e;
      if (r.consumedPoints === this.limits.attemptsPerName + 1) this.log.warn({ username, source, lockSeconds: this.limits.lockSeconds }, 'login locked for this source and name');
      return { ok: false, why: 'LOCKED', retryAfterMs: r.msBeforeNext };
    }
    const checked = this.gate.run(lane, verify);
    if (!checked) {
      await this.perName.reward(pair); // not tried: it must not count towards the lock
      return { ok: false, why: 'BUSY', retryAfterMs: this.gate.waitMs() };
    }
    const good = await checked;
    if (good) {
      await this.perName.delete(pair);
      this.recognise(pair);
    }
    return { ok: true, good };
  }

  private isRecognised(pair: string): boolean {
    const until = this.recognised.get(pair);
    return until !== undefined && until > this.clock();
  }

  private recognise(pair: string): void {
    this.recognised.delete(pair);
    this.recognised.set(pair, this.clock() + this.limits.recogniseMs);
    // Bounded: the oldest go first (a map keeps insertion order).
    for (const k of this.recognised.keys()) {
      if (this.recognised.size <= 1000) break;
      this.recognised.delete(k);
    }
  }
}
