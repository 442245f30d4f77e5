// The audience counters against what they promise (SPEC Y3, Y6): one rating per device per poll,
// atomically, also from two clients at once; a sealed poll takes nothing more; Redis stopped:
// ratings answer 'unavailable' (paused), Redis back: counting resumes with nothing lost.
// The Redis tests run a real redis-server (server/test/redis.ts), never a mock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryLogger } from '../logger.js';
import { startRedis, type TestRedis } from '../test/redis.js';
import { MemoryCounter, type AudienceCounter, type AudienceRating } from './counter.js';
import { RedisCounter } from './redis-counter.js';

const poll = { meetingId: 'demo', pollId: 'p1' };
const rating = (device: string, level = 'satisfied', value = 0): AudienceRating => ({
  ...poll,
  device,
  marks: [{ subjectId: 's1', level, value }],
});

async function until(cond: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}

function contract(name: string, make: () => Promise<AudienceCounter[]>, fresh: () => string) {
  describe(name, () => {
    it('[Y3] counts a device once per poll, also when two clients race with the same device', async () => {
      const [a, b] = await make();
      if (!a || !b) throw new Error('two clients');
      const p = { meetingId: 'demo', pollId: fresh() };
      const r = (device: string, level: string) => ({ ...p, device, marks: [{ subjectId: 's1', level, value: 0 }] });
      const outcomes = await Promise.all([
        ...Array.from({ length: 20 }, () => a.rate(r('dev-x', 'satisfied'))),
        ...Array.from({ length: 20 }, () => b.rate(r('dev-x', 'unsatisfied'))),
        a.rate(r('dev-y', 'basic')),
        b.rate(r('dev-z', 'basic')),
      ]);
      expect(outcomes.filter((o) => o === 'counted')).toHaveLength(3);
      expect(outcomes.filter((o) => o === 'duplicate')).toHaveLength(39);
      const t = await a.read(p);
      expect(t.n).toBe(3);
      expect(t.subjects.s1?.rated).toBe(3);
      expect(t.subjects.s1?.levels.basic).toBe(2);
      expect((t.subjects.s1?.levels.satisfied ?? 0) + (t.subjects.s1?.levels.unsatisfied ?? 0)).toBe(1);
      expect(await b.read(p)).toEqual(t);
    });

    it('[Y3] keeps polls apart and sums scores on the score scale', async () => {
      const [a] = await make();
      if (!a) throw new Error('a client');
      const p1 = { meetingId: 'demo', pollId: fresh() };
      const p2 = { meetingId: 'demo', pollId: fresh() };
      await a.rate({ ...p1, device: 'd1', marks: [{ subjectId: 's1', level: 'satisfied', value: 90 }] });
      await a.rate({ ...p1, device: 'd2', marks: [{ subjectId: 's1', level: 'basic', value: 70 }] });
      expect(await a.rate({ ...p2, device: 'd1', marks: [{ subjectId: 's1', level: 'unsatisfied', value: 10 }] })).toBe('counted');
      expect(await a.read(p1)).toEqual({ n: 2, subjects: { s1: { levels: { satisfied: 1, basic: 1 }, rated: 2, sum: 160 } } });
      expect((await a.read(p2)).n).toBe(1);
    });

    it('[Y4] a sealed poll refuses every further rating', async () => {
      const [a, b] = await make();
      if (!a || !b) throw new Error('two clients');
      const p = { meetingId: 'demo', pollId: fresh() };
      await a.rate({ ...rating('d1'), ...p });
      await a.seal(p);
      expect(await b.rate({ ...rating('d2'), ...p })).toBe('sealed');
      expect((await b.read(p)).n).toBe(1);
    });
  });
}

let seq = 0;
const fresh = () => `p${++seq}`;
contract('MemoryCounter', () => {
  const shared = new MemoryCounter();
  return Promise.resolve([shared, shared]);
}, fresh);

describe('RedisCounter on a real redis-server', () => {
  let redis: TestRedis;
  const clients: RedisCounter[] = [];
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    for (const c of clients) await c.close();
    await redis.close();
  });
  const connect = async () => {
    const c = await RedisCounter.connect({ url: redis.url, log: memoryLogger(), retryMs: 100 });
    clients.push(c);
    return c;
  };
  contract('RedisCounter', async () => [await connect(), await connect()], fresh);

  it('[Y6] Redis stopped: rating answers unavailable at once; back: resumes, nothing counted is lost', async () => {
    const c = await connect();
    const changes: boolean[] = [];
    c.onAvailability((up) => changes.push(up));
    const p = { meetingId: 'demo', pollId: fresh() };
    for (const d of ['d1', 'd2', 'd3']) expect(await c.rate({ ...rating(d), ...p })).toBe('counted');
    // Stopped, not crashed: Redis writes its append-only file on the way down. A crash (SIGKILL) with
    // appendfsync everysec may lose the last second or two it acknowledged (docs/SECURITY.md).
    await redis.stop('SIGTERM');
    await until(() => !c.available);
    const t0 = Date.now();
    expect(await c.rate({ ...rating('d4'), ...p })).toBe('unavailable');
    expect(Date.now() - t0).toBeLessThan(500);
    await expect(c.read(p)).rejects.toThrow('unavailable');
    await redis.start();
    await until(() => c.available);
    expect(changes).toEqual([false, true]);
    expect((await c.read(p)).n).toBe(3);
    expect(await c.rate({ ...rating('d1'), ...p })).toBe('duplicate');
    expect(await c.rate({ ...rating('d4'), ...p })).toBe('counted');
    expect((await c.read(p)).n).toBe(4);
  });
});

describe('[Y11] a sealed poll\'s keys expire in Redis', () => {
  let redis: TestRedis;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis.close();
  });
  it('every key of the poll has a TTL of the setting once sealed, none before', async () => {
    const c = await RedisCounter.connect({ url: redis.url, log: memoryLogger(), keyTtlSec: 3 * 24 * 3600 });
    const { createClient } = await import('redis');
    const probe = createClient({ url: redis.url });
    await probe.connect();
    try {
      const p = { meetingId: 'demo', pollId: 'ttl1' };
      expect(await c.rate({ ...rating('d1'), ...p })).toBe('counted');
      const keys = (await probe.keys('wz:aud:{demo:ttl1}*')).sort();
      expect(keys).toHaveLength(3); // devices, count, counts hash
      for (const k of keys) expect(await probe.ttl(k)).toBe(-1); // an open poll's keys stay
      await c.seal(p);
      const sealed = (await probe.keys('wz:aud:{demo:ttl1}*')).sort();
      expect(sealed).toHaveLength(4);
      for (const k of sealed) {
        const ttl = await probe.ttl(k);
        expect(ttl).toBeGreaterThan(3 * 24 * 3600 - 60);
        expect(ttl).toBeLessThanOrEqual(3 * 24 * 3600);
      }
      expect(await c.rate({ ...rating('d2'), ...p })).toBe('sealed');
    } finally {
      probe.destroy();
      await c.close();
    }
  });
});
