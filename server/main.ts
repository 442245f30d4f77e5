// Entry point: start one server on one port, with data under ./data, and say how to reach it.
import { resolve } from 'node:path';
import { createApp, type App } from './app.js';
import { testClock } from './ops/test-clock.js';
import { DEFAULT_AUDIENCE_LIMITS } from './audience/limits.js';
import { OpenFileLimitError } from './limits/open-files.js';
import { productionLogger } from './logger.js';
import { EXIT_CODE, StartupError } from './ops/errors.js';
import { acquireLock, type Lock } from './ops/lock.js';
import { checkDataDir, listenProblem, phoneAddresses } from './ops/startup.js';
import { VERSION } from './ops/version.js';
import { spawnEdges } from './edge/spawn.js';
import { secretFromHex } from './audience/device.js';

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';
const dataDir = resolve(process.env.DATA_DIR ?? 'data');

/** A positive whole number from the environment, or undefined (the default applies). */
function countFromEnv(name: string): number | undefined {
  const v = process.env[name];
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) {
    process.stderr.write(`${name}=${v}: a whole number of at least 1 is expected\n`);
    process.exit(EXIT_CODE);
  }
  return n;
}

/** TRUST_PROXY: "1" (one hop), "true" (every hop), or addresses / "loopback" (express `trust proxy`). */
function trustProxy(v: string): boolean | number | string {
  if (v === 'true') return true;
  return /^\d+$/.test(v) ? Number(v) : v;
}

let lock: Lock | null = null;
try {
  await checkDataDir(dataDir);
  lock = await acquireLock(dataDir);
  const phones = phoneAddresses(host, port, process.env.PUBLIC_URL);
  const publicUrl = phones.urls[0];

  const logger = await productionLogger(process.env.LOG_FILE);
  const app: App = await createApp({
    dataDir,
    logger,
    ...(process.env.TEST_CLOCK_FILE ? { clock: testClock(process.env.TEST_CLOCK_FILE, host) } : {}),
    clientDir: resolve(process.env.CLIENT_DIR ?? 'dist/client'),
    demo: process.env.DEMO !== '0',
    warmUp: process.env.WZ_WARM_UP !== '0',
    demoSize: process.env.DEMO_SIZE ? Number(process.env.DEMO_SIZE) : undefined,
    maxConnectionsPerAddress: countFromEnv('MAX_CONNECTIONS_PER_ADDRESS'),
    maxSocketsPerLink: countFromEnv('MAX_SOCKETS_PER_LINK'),
    ...(publicUrl ? { publicUrl } : {}),
    ...(process.env.ADMIN_PASSWORD ? { adminPassword: process.env.ADMIN_PASSWORD } : {}),
    ...(process.env.TRUST_PROXY ? { trustProxy: trustProxy(process.env.TRUST_PROXY) } : {}),
    ...(process.env.WZ_REDIS_URL ? { redisUrl: process.env.WZ_REDIS_URL } : {}),
    // Deputies' WebSockets served by a chamber edge process on this machine (docs/DEPLOY.md).
    ...(process.env.WZ_DEPUTY_EDGE === '1' ? { deputyEdge: true } : {}),
    // Audience rating (网络评议): counted in memory unless a Redis is named; limits per address.
    audience: {
      ...((process.env.AUDIENCE_REDIS_URL ?? process.env.WZ_REDIS_URL) ? { redisUrl: process.env.AUDIENCE_REDIS_URL ?? process.env.WZ_REDIS_URL } : {}),
      ...(process.env.AUDIENCE_PUBLIC_URL ? { publicUrl: process.env.AUDIENCE_PUBLIC_URL } : {}),
      // Shared with public edges on other hosts (docs/DEPLOY.md); unset: the data folder's own.
      ...(process.env.WZ_AUDIENCE_SECRET ? { secret: secretFromHex(process.env.WZ_AUDIENCE_SECRET) } : {}),
      ...(countFromEnv('WZ_AUDIENCE_KEY_DAYS') ? { keyTtlSec: (countFromEnv('WZ_AUDIENCE_KEY_DAYS') ?? 7) * 24 * 3600 } : {}),
      limits: {
        devicesPerMinute: countFromEnv('AUDIENCE_DEVICES_PER_MINUTE') ?? DEFAULT_AUDIENCE_LIMITS.devicesPerMinute,
        ratingsPerMinute: countFromEnv('AUDIENCE_RATINGS_PER_MINUTE') ?? DEFAULT_AUDIENCE_LIMITS.ratingsPerMinute,
      },
    },
  });
  // Said before listening: if the port is taken and the start fails, the password generated for
  // the new account has still been shown (and is in the file).
  if (app.initialAdminPassword) {
    process.stdout.write(
      [
        '',
        `  首次启动已创建管理员账号 First start created the administrator account: admin / ${app.initialAdminPassword}`,
        `  此密码只显示这一次，另存于仅本用户可读的文件 Shown this once; also saved, readable by this user only, in: ${app.adminPasswordFile ?? ''}`,
        '',
      ].join('\n') + '\n',
    );
  }
  const actual = await app.listen(port, host).catch(async (e: unknown) => {
    await app.close();
    throw listenProblem(e, port, host);
  });
  await lock.setPort(actual);
  logger.info({ version: VERSION, port: actual, host, dataDir, logFile: process.env.LOG_FILE ?? null }, 'server started');
  const local = `http://localhost:${actual}`;
  const phoneLines = phones.urls.map((u) => `  代表手机 Phones                 : ${u}   (personal links: console → 名单 Roster)`);
  const lines = [
    '',
    `问政表决台 Wenzheng ${VERSION} is running.   Data: ${dataDir}`,
    `  主持人控制台 Moderator console : ${local}/console`,
    `  大屏 Big screen                 : ${local}/screen`,
    ...phoneLines,
    ...(phones.note ? [`  注意 Note: ${phones.note}`] : []),
    // Never the password here: one given in ADMIN_PASSWORD is known to whoever gave it.
    app.adminPasswordFile
      ? `  登录 Login: admin, password generated at first start, in ${app.adminPasswordFile}   (delete that file once noted)`
      : '  登录 Login: admin, with the password set at first start (ADMIN_PASSWORD on a fresh data folder sets it)',
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');

  // Public edges on this machine (docs/DEPLOY.md): they need Redis, where the core publishes.
  const edgeCount = Number(process.env.WZ_EDGES ?? 0);
  if (edgeCount > 0 && !process.env.WZ_REDIS_URL) logger.warn({ edges: edgeCount }, 'WZ_EDGES is set without WZ_REDIS_URL: no public edges started');
  const edges =
    edgeCount > 0 && process.env.WZ_REDIS_URL
      ? spawnEdges({ count: edgeCount, redisUrl: process.env.WZ_REDIS_URL, secret: app.ctx.audience?.secret, basePort: Number(process.env.WZ_EDGE_PORT ?? actual + 1), host, log: logger })
      : null;

  const held = lock;
  const stop = () => {
    logger.info({}, 'server stopping');
    edges?.stop();
    void app
      .close()
      .then(() => held.release())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (e) {
  await lock?.release().catch(() => undefined);
  // A refusal meant for people: the message, no stack trace.
  if (e instanceof OpenFileLimitError) {
    process.stderr.write(`\n${e.message}\n\n`);
    process.exit(1);
  }
  if (!(e instanceof StartupError)) throw e;
  process.stderr.write(`\n问政表决台 cannot start: ${e.message}\n\n`);
  process.exit(EXIT_CODE);
}
