// The startup banner and the first admin password, through the real entry point (bundled as
// `npm run build:server` does, run as a child process on a fresh data folder).
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleServer, freePort } from './faults/proc.js';
import { loginFrom } from './test/login.js';

let main = '';
const dirs: string[] = [];
beforeAll(async () => {
  main = await bundleServer('banner');
}, 60_000);
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

function spawnServer(dataDir: string, port: number, env: Record<string, string> = {}) {
  const base = { ...process.env };
  delete base.ADMIN_PASSWORD;
  return spawn(process.execPath, [main], {
    env: { ...base, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, CLIENT_DIR: join(dataDir, 'no-client'), DEMO: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Start the server; resolve with its output once it says it runs (then stop it) or exits. */
function run(dataDir: string, port: number, env: Record<string, string> = {}): Promise<{ out: string; code: number | null }> {
  const child = spawnServer(dataDir, port, env);
  let out = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d: string) => (out += d));
  return new Promise((resolve, reject) => {
    const killer = setTimeout(() => (child.kill('SIGKILL'), reject(new Error(`no banner within 20 s: ${out}`))), 20_000);
    child.stdout.on('data', (d: string) => {
      out += d;
      if (!out.includes('is running.')) return;
      clearTimeout(killer);
      child.kill('SIGTERM');
      child.once('exit', (code) => resolve({ out, code }));
    });
    child.once('exit', (code) => {
      clearTimeout(killer);
      resolve({ out, code });
    });
  });
}

async function fresh(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'wz-banner-'));
  dirs.push(d);
  return d;
}

describe('startup banner', () => {
  it('a password given in ADMIN_PASSWORD is never printed, and no password file is written', async () => {
    const dir = await fresh();
    const given = 'given-by-the-desk-42';
    const r = await run(dir, await freePort(), { ADMIN_PASSWORD: given });
    expect(r.out).toContain('is running.');
    expect(r.out).not.toContain(given);
    await expect(stat(join(dir, 'admin-password.txt'))).rejects.toThrow();
  });

  it('a generated password is printed on first start, saved owner-only, and only its file is named later', async () => {
    const dir = await fresh();
    const port = await freePort();
    const first = await run(dir, port);
    const file = join(dir, 'admin-password.txt');
    const [, password] = (await readFile(file, 'utf8')).split('\n');
    expect(password).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(first.out).toContain(`admin / ${password ?? '?'}`);
    expect(first.out).toContain(file);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const second = await run(dir, port);
    expect(second.out).toContain('is running.');
    expect(second.out).not.toContain(password);
    expect(second.out).toContain(file);
  });

  it('a first start that dies because the port is taken has still printed the password, which then works', async () => {
    const dir = await fresh();
    const port = await freePort();
    const blocker: Server = createServer();
    await new Promise<void>((r) => blocker.listen(port, '127.0.0.1', () => r()));
    const failed = await run(dir, port).finally(() => new Promise((r) => blocker.close(r)));
    expect(failed.code).not.toBe(0);
    const [, password = '?'] = (await readFile(join(dir, 'admin-password.txt'), 'utf8')).split('\n');
    expect(failed.out).toContain(`admin / ${password}`);
    // The next start names the file, and the password in it signs in.
    const child = spawnServer(dir, port);
    child.stdout.resume();
    child.stderr.resume();
    try {
      const url = `http://127.0.0.1:${port}`;
      for (let i = 0; i < 200; i++) {
        if (await fetch(`${url}/api/health`).then((x) => x.ok, () => false)) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      expect((await loginFrom(url, 'admin', password)).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  });
});
