// Entry point: start one server on one port, with data under ./data, and say how to reach it.
import { networkInterfaces } from 'node:os';
import { resolve } from 'node:path';
import { createApp, type App } from './app.js';
import { OpenFileLimitError } from './limits/open-files.js';

function lanAddress(): string | undefined {
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return undefined;
}

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';
const lan = lanAddress();
const publicUrl = process.env.PUBLIC_URL ?? (lan ? `http://${lan}:${port}` : undefined);

/** A positive whole number from the environment, or undefined (the default applies). */
function countFromEnv(name: string): number | undefined {
  const v = process.env[name];
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) {
    process.stderr.write(`${name}=${v}: a whole number of at least 1 is expected\n`);
    process.exit(1);
  }
  return n;
}

let app: App;
try {
  app = await createApp({
    dataDir: resolve(process.env.DATA_DIR ?? 'data'),
    clientDir: resolve(process.env.CLIENT_DIR ?? 'dist/client'),
    demo: process.env.DEMO !== '0',
    demoSize: process.env.DEMO_SIZE ? Number(process.env.DEMO_SIZE) : undefined,
    maxConnectionsPerAddress: countFromEnv('MAX_CONNECTIONS_PER_ADDRESS'),
    maxSocketsPerLink: countFromEnv('MAX_SOCKETS_PER_LINK'),
    ...(publicUrl ? { publicUrl } : {}),
    ...(process.env.ADMIN_PASSWORD ? { adminPassword: process.env.ADMIN_PASSWORD } : {}),
    ...(process.env.TRUST_PROXY ? { trustProxy: trustProxy(process.env.TRUST_PROXY) } : {}),
  });
} catch (e) {
  // A refusal meant for people: the message, no stack trace.
  if (!(e instanceof OpenFileLimitError)) throw e;
  process.stderr.write(`\n${e.message}\n\n`);
  process.exit(1);
}
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
const actual = await app.listen(port, host);
const local = `http://localhost:${actual}`;
const lines = [
  '',
  '问政表决台 Wenzheng is running.',
  `  主持人控制台 Moderator console : ${local}/console`,
  `  大屏 Big screen                 : ${local}/screen`,
  `  代表手机 Phones (LAN address)    : ${publicUrl ?? local}   (personal links: console → 名单 Roster)`,
  // Never the password here: one given in ADMIN_PASSWORD is known to whoever gave it.
  app.adminPasswordFile
    ? `  登录 Login: admin, password generated at first start, in ${app.adminPasswordFile}   (delete that file once noted)`
    : '  登录 Login: admin, with the password set at first start (ADMIN_PASSWORD on a fresh data folder sets it)',
  '',
];
process.stdout.write(lines.join('\n') + '\n');

/** TRUST_PROXY: "1" (one hop), "true" (every hop), or addresses / "loopback" (express `trust proxy`). */
function trustProxy(v: string): boolean | number | string {
  if (v === 'true') return true;
  return /^\d+$/.test(v) ? Number(v) : v;
}

const stop = () => {
  void app.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
