// npm run admin: accounts recovered from the command line, on the real data folder, and
// refused while a server holds the folder.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runProcess, startProcess } from './run.js';

const root = join(import.meta.dirname, '..', '..');
const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

const server = (dataDir: string) =>
  startProcess(process.execPath, ['--import', 'tsx', 'server/main.ts'], /localhost:(\d+)\/console/, {
    cwd: root,
    env: { HOST: '127.0.0.1', PORT: '0', DEMO: '0', DATA_DIR: dataDir, ADMIN_PASSWORD: 'first-admin-pw' },
  });
const admin = (dataDir: string, ...args: string[]) =>
  runProcess(process.execPath, ['--import', 'tsx', 'server/ops/admin.ts', ...args], { cwd: root, env: { DATA_DIR: dataDir }, timeoutMs: 20_000 });
const login = async (port: string, username: string, password: string) =>
  (await fetch(`http://127.0.0.1:${port}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) })).status;

describe('npm run admin', () => {
  it('reset-password: refused while the server runs; after it stops, the new password signs in over HTTP and the old one does not', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wz-admin-'));
    dirs.push(dir);
    const first = server(dir);
    try {
      await first.started;
      const refused = await admin(dir, 'reset-password', 'admin');
      expect(refused.code).toBe(2);
      expect(refused.err).toContain(`A server is running on ${dir}`);
      expect(refused.err).toContain('Stop it first');
    } finally {
      await first.stop();
    }

    const r = await admin(dir, 'reset-password', 'admin');
    expect(r.code).toBe(0);
    const password = /Password: (\S+)/.exec(r.out)?.[1];
    expect(password).toBeDefined();

    const again = server(dir);
    try {
      const port = (await again.started).match[1]!;
      expect(await login(port, 'admin', password!)).toBe(200);
      expect(await login(port, 'admin', 'first-admin-pw')).toBe(401);
    } finally {
      await again.stop();
    }
  }, 60_000);

  it('add and list; bad input is refused with a message, not a stack trace', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wz-admin-'));
    dirs.push(dir);
    const s = server(dir);
    await s.started;
    await s.stop();
    const added = await admin(dir, 'add', 'desk-1', '--role', 'operator');
    expect(added.code).toBe(0);
    expect(added.out).toMatch(/Password: \S{12,}/);
    const list = await admin(dir, 'list');
    expect(list.out).toContain('admin\tadmin');
    expect(list.out).toContain('desk-1\toperator');
    const bad = await admin(dir, 'add', 'desk-2', '--role', 'boss');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--role admin or --role operator');
    const nobody = await admin(dir, 'reset-password', 'ghost');
    expect(nobody.err).toContain('No account named "ghost"');
    expect(nobody.err).not.toMatch(/\n\s+at /);
  }, 60_000);
});
