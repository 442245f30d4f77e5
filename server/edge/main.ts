// A public edge's process: WZ_REDIS_URL and WZ_AUDIENCE_SECRET (required; the core's), PORT (0:
// any free port), HOST, TRUST_PROXY, CLIENT_DIR (default dist/client), AUDIENCE_DEVICES_PER_MINUTE,
// AUDIENCE_RATINGS_PER_MINUTE, LOG_FILE. Prints "edge listening <port>" once it serves, for the
// process that started it (server/main.ts with WZ_EDGES, tests).
import { resolve } from 'node:path';
import { secretFromHex } from '../audience/device.js';
import { DEFAULT_AUDIENCE_LIMITS } from '../audience/limits.js';
import { parseTrustProxy } from '../client-address.js';
import { productionLogger } from '../logger.js';
import { startEdge } from './edge.js';

const fail = (msg: string): never => {
  console.error(`edge: ${msg}`);
  process.exit(2);
};
const redisUrl = process.env.WZ_REDIS_URL ?? fail('WZ_REDIS_URL is required (the Redis the chamber core publishes to)');
// The device ids' secret: the one the core uses, so a device issued anywhere is known everywhere (docs/SECURITY.md).
const hex = process.env.WZ_AUDIENCE_SECRET ?? fail('WZ_AUDIENCE_SECRET is required (the core\'s audience secret, 64 hex digits)');
let secret: Buffer;
try {
  secret = secretFromHex(hex);
} catch (e) {
  secret = fail(e instanceof Error ? e.message : String(e));
}
const count = (name: string, dflt: number) => {
  const n = Number(process.env[name] ?? dflt);
  return Number.isInteger(n) && n >= 1 ? n : fail(`${name}: a whole number of at least 1 is expected`);
};
const edge = await startEdge({
  redisUrl,
  secret,
  port: Number(process.env.PORT ?? 0),
  host: process.env.HOST ?? '127.0.0.1',
  trustProxy: parseTrustProxy(process.env.TRUST_PROXY),
  clientDir: resolve(process.env.CLIENT_DIR ?? 'dist/client'),
  limits: {
    devicesPerMinute: count('AUDIENCE_DEVICES_PER_MINUTE', DEFAULT_AUDIENCE_LIMITS.devicesPerMinute),
    ratingsPerMinute: count('AUDIENCE_RATINGS_PER_MINUTE', DEFAULT_AUDIENCE_LIMITS.ratingsPerMinute),
  },
  log: await productionLogger(process.env.LOG_FILE),
});
console.log(`edge listening ${edge.port}`);
const stop = () => void edge.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// Started by the core (WZ_EDGES, edge/spawn.ts): the IPC channel closes when the core stops or dies.
if (process.send) process.on('disconnect', stop);
