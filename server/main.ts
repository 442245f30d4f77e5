// Entry point: start one server on one port, with data under ./data, and say how to reach it.
import { resolve } from 'node:path';
import { createApp } from './app.js';
import { productionLogger } from './logger.js';
import { EXIT_CODE, StartupError } from './ops/errors.js';
import { acquireLock, type Lock } from './ops/lock.js';
import { checkDataDir, listenProblem, phoneAddresses } from './ops/startup.js';
import { VERSION } from './ops/version.js';

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';
const dataDir = resolve(process.env.DATA_DIR ?? 'data');

let lock: Lock | null = null;
try {
  await checkDataDir(dataDir);
  lock = await acquireLock(dataDir);
  const phones = phoneAddresses(host, port, process.env.PUBLIC_URL);
  const publicUrl = phones.urls[0];

  const logger = await productionLogger(process.env.LOG_FILE);
  const app = await createApp({
    dataDir,
    logger,
    clientDir: resolve(process.env.CLIENT_DIR ?? 'dist/client'),
    demo: process.env.DEMO !== '0',
    demoSize: process.env.DEMO_SIZE ? Number(process.env.DEMO_SIZE) : undefined,
    ...(publicUrl ? { publicUrl } : {}),
    ...(process.env.ADMIN_PASSWORD ? { adminPassword: process.env.ADMIN_PASSWORD } : {}),
  });
  const actual = await app.listen(port, host).catch(async (e: unknown) => {
    await app.close();
    throw listenProblem(e, port, host);
  });
  await lock.setPort(actual);
  logger.info({ version: VERSION, port: actual, host, dataDir, logFile: process.env.LOG_FILE ?? null }, 'server started');
  const local = `http://localhost:${actual}`;
  const phoneLines = phones.urls.length > 0 ? phones.urls.map((u) => `  代表手机 Phones                 : ${u}   (personal links: console → 名单 Roster)`) : [];
  const lines = [
    '',
    `问政表决台 Wenzheng ${VERSION} is running.   Data: ${dataDir}`,
    `  主持人控制台 Moderator console : ${local}/console`,
    `  大屏 Big screen                 : ${local}/screen`,
    ...phoneLines,
    ...(phones.note ? [`  注意 Note: ${phones.note}`] : []),
    app.initialAdminPassword
      ? `  登录 Login: admin / ${app.initialAdminPassword}   (shown once: first start created this account)`
      : '  登录 Login: admin, with the password set at first start (ADMIN_PASSWORD on a fresh data folder sets it)',
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');

  const held = lock;
  const stop = () => {
    logger.info({}, 'server stopping');
    void app
      .close()
      .then(() => held.release())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (e) {
  await lock?.release().catch(() => undefined);
  if (!(e instanceof StartupError)) throw e;
  process.stderr.write(`\n问政表决台 cannot start: ${e.message}\n\n`);
  process.exit(EXIT_CODE);
}
