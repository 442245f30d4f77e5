// A public edge's process: WZ_REDIS_URL (required), PORT (0: any free port), HOST. Prints
// "edge listening <port>" once it serves, for the process that started it (server/main.ts
// with WZ_EDGES, tests).
import { startEdge } from './edge.js';

const redisUrl = process.env.WZ_REDIS_URL;
if (!redisUrl) {
  console.error('edge: WZ_REDIS_URL is required (the Redis the chamber core publishes to)');
  process.exit(2);
}
const edge = await startEdge({ redisUrl, port: Number(process.env.PORT ?? 0), host: process.env.HOST ?? '127.0.0.1' });
console.log(`edge listening ${edge.port}`);
const stop = () => void edge.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// Started by the core (WZ_EDGES, edge/spawn.ts): the IPC channel closes when the core stops or dies.
if (process.send) process.on('disconnect', stop);
