// closeRedis: a record sent to the public edges just before shutdown must not end the process
// with an unhandled rejection (the Redis Streams adapter drops the PUBLISH promise of a
// server-side emit; destroy() rejects it). Real redis-server; the run is a child process.
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startRedis, type TestRedis } from '../test/redis.js';

let redis: TestRedis;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis.close();
});

const run = (how: 'destroy' | 'closeRedis') => execFileSync(process.execPath, ['--import', 'tsx', 'server/seam/redis-close-run.ts', redis.url, how], { encoding: 'utf8', timeout: 20_000 });

it('[Y9] a server-side emit just before shutdown: destroy() leaves an unhandled rejection, closeRedis does not', () => {
  expect(run('destroy')).toBe('unhandled'); // the hazard is real here, so the next line means something
  expect(run('closeRedis')).toBe('clean');
}, 60_000);
