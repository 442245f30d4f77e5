// The test Redis is real: it answers, keeps what was written across a restart, and is gone
// after a stop (what the public side's tests rely on).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from 'redis';
import { startRedis, type TestRedis } from './redis.js';

describe('test redis-server', () => {
  let redis: TestRedis;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis.close();
  });

  it('keeps a written key across a restart, and refuses connections while stopped', async () => {
    const c = createClient({ url: redis.url });
    await c.connect();
    await c.set('wz:probe', '1');
    await c.quit();
    await redis.stop();
    const down = createClient({ url: redis.url, socket: { reconnectStrategy: false } });
    down.on('error', () => {});
    await expect(down.connect()).rejects.toThrow();
    await redis.start();
    const again = createClient({ url: redis.url });
    await again.connect();
    expect(await again.get('wz:probe')).toBe('1');
    await again.quit();
  });
});
