// npm start builds once, then starts without building while nothing changed: a restart
// mid-sitting takes about a second. The real scripts/start.sh on a copy of the sources.
import { cp, mkdir, mkdtemp, readFile, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runProcess, startProcess } from './run.js';
// @ts-expect-error plain JavaScript module without types (it runs before anything is installed)
import { missingPackages, sourceStamp } from '../../scripts/prepare.mjs';

const root = join(import.meta.dirname, '..', '..');
const COPIED = ['client', 'server', 'shared', 'scripts', 'package.json', 'package-lock.json', 'vite.config.ts', 'tsconfig.json'];
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wz-start-'));
  for (const name of COPIED) await cp(join(root, name), join(dir, name), { recursive: true, filter: (p) => !p.includes('node_modules') });
  await symlink(join(root, 'node_modules'), join(dir, 'node_modules'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const start = () =>
  startProcess('bash', ['scripts/start.sh'], /localhost:(\d+)\/console/, {
    cwd: dir,
    env: { PORT: '0', HOST: '127.0.0.1', DATA_DIR: join(dir, 'data'), DEMO: '0', ADMIN_PASSWORD: 'start-test-pw', npm_config_registry: 'http://127.0.0.1:9' },
    timeoutMs: 150_000,
  });

describe('npm start', () => {
  it('builds on the first start, not on the second (about a second), and serves the built page', async () => {
    const first = start();
    await first.started;
    expect(first.output()).toMatch(/no build yet: building/);
    await first.stop();
    const built = (await stat(join(dir, 'dist/server/main.js'))).mtimeMs;

    const second = start();
    const { match, ms } = await second.started;
    try {
      expect(second.output()).toMatch(/build is up to date/);
      expect(second.output()).not.toMatch(/building/);
      expect((await stat(join(dir, 'dist/server/main.js'))).mtimeMs).toBe(built);
      expect(ms).toBeLessThan(5000); // about 1 s alone; the bound leaves room for a busy test machine
      const page = await fetch(`http://127.0.0.1:${match[1]}/console`);
      expect(page.status).toBe(200);
    } finally {
      await second.stop();
    }
  }, 200_000);

  it('a changed source file or lockfile changes the build stamp; a missing package is noticed', async () => {
    const before = sourceStamp(dir) as string;
    const file = join(dir, 'server', 'main.ts');
    const later = new Date(Date.now() + 5000);
    await utimes(file, later, later);
    expect(sourceStamp(dir)).not.toBe(before);
    expect(missingPackages(dir)).toEqual([]);
    await rm(join(dir, 'node_modules'));
    expect((missingPackages(dir) as string[]).length).toBeGreaterThan(100);
  });
});

describe('npm start with a shared node_modules', () => {
  it('does not reinstall through a linked node_modules that differs from the lockfile (npm ci would empty the link target)', async () => {
    const copy = await mkdtemp(join(tmpdir(), 'wz-start-link-'));
    const fake = await mkdtemp(join(tmpdir(), 'wz-shared-nm-'));
    try {
      for (const name of ['scripts', 'package.json', 'package-lock.json']) await cp(join(root, name), join(copy, name), { recursive: true });
      // a stand-in for the shared install (never the real one: were the guard broken, npm ci would empty it)
      await mkdir(join(fake, 'express'), { recursive: true });
      await writeFile(join(fake, 'express', 'package.json'), JSON.stringify({ name: 'express', version: '0.0.1' }));
      await symlink(fake, join(copy, 'node_modules'));
      const r = await runProcess(process.execPath, ['scripts/prepare.mjs'], { cwd: copy, env: { npm_config_registry: 'http://127.0.0.1:9' }, timeoutMs: 30_000 });
      expect(r.code).toBe(1);
      expect(r.err).toContain('Not reinstalling through the link');
      expect(await readFile(join(fake, 'express', 'package.json'), 'utf8')).toContain('0.0.1');
    } finally {
      await rm(copy, { recursive: true, force: true });
      await rm(fake, { recursive: true, force: true });
    }
  });
});
