// npm run admin -- <command>: moderator accounts on the data folder (DATA_DIR, default ./data)
// when nobody can sign in any more. Works on the files directly, so it refuses while a server
// runs on the folder (server.pid): the server would overwrite db.json with its own copy.
//   list                                   accounts and roles
//   add <name> --role admin|operator       a new account, with a generated password
//   reset-password <name>                  a new generated password; the account's sessions end
// NEW_PASSWORD=... chooses the password instead of generating one (same rules as the console).
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Auth } from '../auth.js';
import { consoleLogger } from '../logger.js';
import { openDb, type UserRecord } from '../store/db.js';
import { passwordAcceptable } from '../users-http.js';
import { DATA_FORMAT, readFormat } from './format.js';
import { runningServer } from './lock.js';

const USAGE = `usage: npm run admin -- list
       npm run admin -- add <name> --role admin|operator
       npm run admin -- reset-password <name>
(the data folder is DATA_DIR, default ./data; NEW_PASSWORD=... to choose the password)`;

class Refused extends Error {}

async function newPassword(username: string): Promise<{ password: string; generated: boolean }> {
  const chosen = process.env.NEW_PASSWORD;
  if (chosen === undefined) return { password: randomBytes(12).toString('base64url'), generated: true };
  if (!passwordAcceptable(username, chosen)) throw new Refused('NEW_PASSWORD is too weak: at least 10 characters, not containing the name, not one repeated character.');
  return { password: chosen, generated: false };
}

export async function admin(argv: string[], dataDir: string): Promise<string> {
  const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, options: { role: { type: 'string' } } });
  const [cmd, name] = positionals;
  if (!cmd) throw new Refused(USAGE);
  const other = runningServer(dataDir);
  if (other) {
    throw new Refused(
      `A server is running on ${dataDir} (process ${other.pid}${other.port ? `, port ${other.port}` : ''}). ` +
        'Stop it first (Ctrl+C, or systemctl stop wenzheng), or change accounts in the console: 会议准备 → 主持人账号 (Moderator accounts).',
    );
  }
  const format = await readFormat(dataDir);
  if (format !== null && format > DATA_FORMAT) throw new Refused(`The data folder ${dataDir} is in data format ${format}, newer than this version understands (${DATA_FORMAT}).`);
  if (cmd !== 'add' && !existsSync(join(dataDir, 'db.json'))) throw new Refused(`No accounts in ${dataDir}: is DATA_DIR the server's data folder? (the first start creates admin)`);
  const db = await openDb(join(dataDir, 'db.json'));
  const auth = new Auth(db, Date.now, consoleLogger());
  const find = (n: string | undefined): UserRecord => {
    const u = n ? auth.user(n) : undefined;
    if (!u) throw new Refused(`No account named "${n ?? ''}". Accounts: ${db.data.users.map((x) => x.username).join(', ') || '(none)'}`);
    return u;
  };
  switch (cmd) {
    case 'list':
      return db.data.users.map((u) => `${u.username}\t${u.role}`).join('\n') || '(no accounts)';
    case 'add': {
      if (!name || !/^[A-Za-z0-9_.-]{3,32}$/.test(name)) throw new Refused('add needs a name of 3-32 letters, digits, . _ or -.\n' + USAGE);
      const role = values.role;
      if (role !== 'admin' && role !== 'operator') throw new Refused('add needs --role admin or --role operator.');
      if (auth.user(name)) throw new Refused(`An account named "${name}" exists; use reset-password to give it a new password.`);
      const p = await newPassword(name);
      await auth.addUser(name, role, p.password);
      return `Account ${name} (${role}) added.` + (p.generated ? `\nPassword: ${p.password}   (shown once; the user can change it in the console)` : '');
    }
    case 'reset-password': {
      const u = find(name);
      const p = await newPassword(u.username);
      await auth.addUser(u.username, u.role, p.password);
      // Whoever held the old password may hold a session too: end them all.
      db.data.sessions = db.data.sessions.filter((s) => s.username !== u.username);
      await db.write();
      return `New password for ${u.username}.` + (p.generated ? `\nPassword: ${p.password}   (shown once)` : '') + `\nSessions of ${u.username} ended.`;
    }
    default:
      throw new Refused(`Unknown command "${cmd}".\n${USAGE}`);
  }
}

if (process.argv[1] && /admin\.(ts|js)$/.test(process.argv[1])) {
  const dir = resolve(process.env.DATA_DIR ?? 'data');
  try {
    process.stdout.write((await admin(process.argv.slice(2), dir)) + '\n');
  } catch (e) {
    if (!(e instanceof Refused)) throw e;
    process.stderr.write(`问政表决台 admin: ${e.message}\n`);
    process.exitCode = 2;
  }
}
