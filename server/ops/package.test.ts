// npm run package: the release archive installs and starts on a machine with only Node.js and
// no network. Slow (packs and unpacks ~100 MB): its own step in scripts/test-all.sh, which
// sets WZ_RELEASE_TEST=1 after `npm run build`; skipped in the plain vitest run.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runProcess, startProcess } from './run.js';

const root = join(import.meta.dirname, '..', '..');
const temp: string[] = [];
afterAll(async () => {
  for (const d of temp) await rm(d, { recursive: true, force: true });
});

describe.runIf(process.env.WZ_RELEASE_TEST === '1')('release package (WZ_RELEASE_TEST=1)', () => {
  it('packs, unpacks into an empty folder, and starts with only node on PATH and the npm registry unreachable', async () => {
    expect(existsSync(join(root, 'dist/client/index.html'))).toBe(true); // test-all.sh builds first
    const out = await mkdtemp(join(tmpdir(), 'wz-release-'));
    const site = await mkdtemp(join(tmpdir(), 'wz-chamber-'));
    temp.push(out, site);
    const packed = await runProcess(process.execPath, ['--import', 'tsx', 'scripts/package.ts', '--out', out], { cwd: root, timeoutMs: 240_000 });
    expect(packed.code, packed.err).toBe(0);
    const version = (JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string }).version;
    const archive = join(out, `wenzheng-${version}.tar.gz`);
    const unpacked = await runProcess('tar', ['-xzf', archive, '-C', site], { timeoutMs: 120_000 });
    expect(unpacked.code, unpacked.err).toBe(0);
    const app = join(site, `wenzheng-${version}`);

    const script = await readFile(join(app, 'start.sh'), 'utf8');
    expect(script.split('\n').filter((l) => !l.trimStart().startsWith('#'))).not.toContainEqual(expect.stringMatching(/\bnpm\b/));
    expect(await readFile(join(app, 'start.cmd'), 'utf8')).toContain('node --enable-source-maps dist\\server\\main.js');
    for (const f of ['README.md', 'LICENSE', 'CHANGELOG.md', 'VERSION', 'docs/OPERATIONS.md']) expect(existsSync(join(app, f)), f).toBe(true);

    // a PATH with node and nothing else: no npm, no npx, no network
    const bin = join(site, 'bin');
    await mkdir(bin);
    await symlink(process.execPath, join(bin, 'node'));
    const server = startProcess('/bin/sh', [join(app, 'start.sh')], /localhost:(\d+)\/console/, {
      cwd: site,
      env: { PATH: bin, HOST: '127.0.0.1', PORT: '0', DATA_DIR: join(site, 'data'), npm_config_registry: 'http://127.0.0.1:9', HTTPS_PROXY: 'http://127.0.0.1:9', HTTP_PROXY: 'http://127.0.0.1:9' },
      timeoutMs: 30_000,
    });
    try {
      const port = (await server.started).match[1] ?? '';
      const page = await fetch(`http://127.0.0.1:${port}/console`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
      const health = (await (await fetch(`http://127.0.0.1:${port}/api/health`)).json()) as { ok: boolean; version: string };
      expect(health).toMatchObject({ ok: true, version });
      expect(server.output()).toContain(`Wenzheng ${version} is running`);
    } finally {
      await server.stop();
    }
    // the release's own tools run with node alone
    const verify = await runProcess(join(bin, 'node'), ['dist/server/verify.js', join(site, 'data')], { cwd: app, env: { PATH: bin } });
    expect(verify.out).toContain('OK: chain, commitments, tallies and ballots all match.');
  }, 300_000);
});
