// npm run package: a release that installs and starts on a machine with only Node.js and no
// network. release/wenzheng-<version>/ holds the built app (dist/), the production packages
// from node_modules (the lockfile's non-dev entries, copied, not downloaded), start.sh and
// start.cmd, a package.json whose scripts call node only, README, LICENSE, CHANGELOG and the
// operations guide; then release/wenzheng-<version>.tar.gz and its SHA-256.
// --out <folder> puts them elsewhere (tests). Expects a current build (npm run package runs
// scripts/prepare.mjs first).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { chmod, cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const root = join(import.meta.dirname, '..');
const { values } = parseArgs({ options: { out: { type: 'string' } } });
const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { name: string; version: string; engines: unknown; license: string; description: string; dependencies: Record<string, string> };
const lock = JSON.parse(await readFile(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean; devOptional?: boolean; optional?: boolean }> };
const outDir = resolve(values.out ?? join(root, 'release'));
const name = `wenzheng-${pkg.version}`;
const dest = join(outDir, name);

for (const f of ['dist/server/main.js', 'dist/client/index.html']) {
  if (!existsSync(join(root, f))) throw new Error(`${f} is missing: build first (npm run package does)`);
}
await rm(dest, { recursive: true, force: true });
await mkdir(dest, { recursive: true });
await cp(join(root, 'dist'), join(dest, 'dist'), { recursive: true, filter: (p) => !p.endsWith('.build-stamp') });

// Production packages: what the built server imports (client libraries are in dist/client
// already), and what those need, by the lockfile; a package's own nested node_modules come
// with it. Fonts for the PDF QR sheet are found by require.resolve, not by an import.
type LockEntry = { dev?: boolean; devOptional?: boolean; optional?: boolean; dependencies?: Record<string, string>; optionalDependencies?: Record<string, string>; peerDependencies?: Record<string, string>; peerDependenciesMeta?: Record<string, { optional?: boolean }> };
const entries = lock.packages as Record<string, LockEntry>;
async function importsOf(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const f of await readdir(dir, { recursive: true })) {
    if (!f.endsWith('.js')) continue;
    const text = await readFile(join(dir, f), 'utf8');
    for (const m of text.matchAll(/(?:from|import\()\s*["']([^"'./][^"']*)["']/g)) {
      const spec = m[1] ?? '';
      if (spec.startsWith('node:')) continue;
      out.push(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] ?? spec));
    }
  }
  return out;
}
const wanted = new Set<string>();
const queue = [...(await importsOf(join(root, 'dist', 'server'))), '@fontsource/noto-sans-sc'].map((n) => `node_modules/${n}`);
while (queue.length > 0) {
  const at = queue.pop() ?? '';
  if (wanted.has(at)) continue;
  const e = entries[at];
  if (!e) continue; // a Node built-in without the node: prefix
  wanted.add(at);
  const deps = { ...e.dependencies, ...e.optionalDependencies, ...Object.fromEntries(Object.entries(e.peerDependencies ?? {}).filter(([d]) => !e.peerDependenciesMeta?.[d]?.optional)) };
  for (const d of Object.keys(deps)) {
    // Node's lookup: the package's own nested copy first, then upwards to the top level
    const parts = at.split('/node_modules/');
    let found: string | undefined;
    for (let i = parts.length; i >= 0 && !found; i--) {
      const candidate = i === 0 ? `node_modules/${d}` : `${parts.slice(0, i).join('/node_modules/')}/node_modules/${d}`;
      if (entries[candidate]) found = candidate;
    }
    if (found) queue.push(found);
  }
}
// copy top-level folders (nested ones travel inside them)
const tops = new Set([...wanted].map((p) => p.split('/node_modules/')[0] ?? p));
for (const p of [...tops].sort()) {
  if (!existsSync(join(root, p))) {
    if (entries[p]?.optional) continue; // another platform's build of a package
    throw new Error(`${p} is not installed: run npm ci first`);
  }
  await cp(join(root, p), join(dest, p), { recursive: true, dereference: true });
}

const release = {
  name: pkg.name,
  version: pkg.version,
  private: true,
  license: pkg.license,
  description: pkg.description,
  type: 'module',
  engines: pkg.engines,
  // node only: `npm start` here never installs or builds (and so never needs the registry)
  scripts: {
    start: 'node --enable-source-maps dist/server/main.js',
    verify: 'node dist/server/verify.js',
    admin: 'node dist/server/ops/admin.js',
    backup: 'node dist/server/ops/backup.js backup',
    restore: 'node dist/server/ops/backup.js restore',
    // A public edge on another host (docs/DEPLOY.md): WZ_REDIS_URL, PORT, HOST.
    edge: 'node --enable-source-maps dist/server/edge/main.js',
  },
  dependencies: pkg.dependencies,
};
await writeFile(join(dest, 'package.json'), JSON.stringify(release, null, 2) + '\n');
for (const [from, to] of [
  ['deploy/start.sh', 'start.sh'],
  ['deploy/start.cmd', 'start.cmd'],
  ['README.md', 'README.md'],
  ['LICENSE', 'LICENSE'],
  ['CHANGELOG.md', 'CHANGELOG.md'],
  ['docs/OPERATIONS.md', 'docs/OPERATIONS.md'],
  ['docs/DOMAIN.md', 'docs/DOMAIN.md'],
  ['deploy/wenzheng.service', 'deploy/wenzheng.service'],
] as const) {
  if (existsSync(join(root, from))) await cp(join(root, from), join(dest, to));
}
await chmod(join(dest, 'start.sh'), 0o755);
await writeFile(join(dest, 'VERSION'), `${pkg.version}\n`);

const archive = join(outDir, `${name}.tar.gz`);
const tar = spawnSync('tar', ['-czf', archive, '-C', outDir, name], { stdio: 'inherit' });
if (tar.status !== 0) throw new Error('tar failed: the release folder is ready, but not the archive');
const h = createHash('sha256');
for await (const c of createReadStream(archive)) h.update(c as Buffer);
await writeFile(`${archive}.sha256`, `${h.digest('hex')}  ${name}.tar.gz\n`);
process.stdout.write(`Release ${pkg.version}: ${dest}\n         ${archive} (SHA-256 in ${name}.tar.gz.sha256)\n`);
