// A start that cannot go on says why in one plain message and exits with code 2; the real
// entry point (server/main.ts under tsx), real ports, real folders.
import { spawnSync } from 'node:child_process';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runProcess, startProcess } from './run.js';
import { DATA_FORMAT } from './format.js';

const root = join(import.meta.dirname, '..', '..');
const main = (env: Record<string, string>, wrap: string[] = []) =>
  runProcess(wrap[0] ?? process.execPath, [...wrap.slice(1), ...(wrap.length ? [process.execPath] : []), '--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: { HOST: '127.0.0.1', DEMO: '0', CLIENT_DIR: '/nonexistent', ADMIN_PASSWORD: 'startup-test-pw', ...env },
    timeoutMs: 20_000,
  });

const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0)) await c();
});
async function tempDir(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'wz-startup-'));
  cleanup.push(() => rm(d, { recursive: true, force: true }));
  return d;
}

describe('starting the server', () => {
  it('a port already taken: says which port and how to choose another, exit code 2, no stack trace', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    cleanup.push(() => new Promise((r) => blocker.close(r)));
    const port = (blocker.address() as { port: number }).port;
    const r = await main({ PORT: String(port), DATA_DIR: await tempDir() });
    expect(r.code).toBe(2);
    expect(r.err).toContain(`Port ${port} is already in use`);
    expect(r.err).toContain('PORT=3001 npm start');
    expect(r.err).not.toMatch(/\n\s+at /); // no stack frames
  });

  it('a data folder it cannot write: says which folder and what to do, exit code 2', async () => {
    const dir = await tempDir();
    await chmod(dir, 0o555);
    // root writes anywhere: run the server as "nobody" to see what an operator's user sees
    const asNobody = process.getuid?.() === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'] : [];
    if (asNobody.length && spawnSync('setpriv', ['--version']).status !== 0) throw new Error('setpriv is needed to test as a non-root user');
    const scratch = await tempDir(); // tsx's cache, writable by that user
    await chmod(scratch, 0o777);
    const r = await main({ PORT: '0', DATA_DIR: join(dir, 'data'), HOME: scratch, TMPDIR: scratch }, asNobody);
    expect(r.err).toContain(`Cannot write the data folder ${join(dir, 'data')}`);
    expect(r.err).toContain('DATA_DIR=');
    expect(r.code).toBe(2);
  });

  it('a data folder written by a newer version: refused with a message, nothing changed', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'FORMAT'), `wenzheng-data ${DATA_FORMAT + 1}\n`);
    const r = await main({ PORT: '0', DATA_DIR: dir });
    expect(r.code).toBe(2);
    expect(r.err).toContain(`data format ${DATA_FORMAT + 1}, written by a newer version`);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('a second server on the same data folder is refused while the first runs', async () => {
    const dir = await tempDir();
    const first = startProcess(process.execPath, ['--import', 'tsx', 'server/main.ts'], /localhost:(\d+)\/console/, {
      cwd: root,
      env: { HOST: '127.0.0.1', PORT: '0', DEMO: '0', DATA_DIR: dir, ADMIN_PASSWORD: 'startup-test-pw' },
    });
    cleanup.push(() => first.stop());
    await first.started;
    const r = await main({ PORT: '0', DATA_DIR: dir });
    expect(r.code).toBe(2);
    expect(r.err).toContain(`is using the data folder ${dir}`);
  });

  it('HOST=127.0.0.1: says phones cannot reach it instead of printing a LAN address', async () => {
    const dir = await tempDir();
    const s = startProcess(process.execPath, ['--import', 'tsx', 'server/main.ts'], /is running[\s\S]*\n\n/, {
      cwd: root,
      env: { HOST: '127.0.0.1', PORT: '0', DEMO: '0', DATA_DIR: dir, ADMIN_PASSWORD: 'startup-test-pw', PUBLIC_URL: undefined },
    });
    cleanup.push(() => s.stop());
    await s.started;
    expect(s.output()).toContain('phones cannot reach it');
    expect(s.output()).not.toMatch(/Phones.*http:\/\/(?!localhost)/);
  });
});
