// npm start's first step: install and build only when needed, so a restart mid-sitting
// takes about a second and needs no network. Plain JavaScript (no tsx): it runs before
// anything is installed. Prints one line saying what it did.
//   installed?  every package the lockfile names is in node_modules at the locked version
//   built?      dist/.build-stamp holds a hash of the lockfile and of the sources' paths,
//               sizes and modification times, written after the last successful build
/* global process, console */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..');
const STAMP = join(root, 'dist', '.build-stamp');
/** What the build reads: a change to any of these means the built copy is out of date. */
const SOURCES = ['client', 'server', 'shared', 'package.json', 'package-lock.json', 'vite.config.ts', 'tsconfig.json'];
/** Read by tests only: changing them need not rebuild. */
const skip = (rel) => /\.test\.tsx?$/.test(rel) || rel.startsWith('server/test/') || rel.startsWith('server/faults/') || rel.includes('/fixtures/');

export function missingPackages(dir = root) {
  const lock = JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8'));
  const missing = [];
  for (const [path, entry] of Object.entries(lock.packages ?? {})) {
    if (!path.startsWith('node_modules/') || entry.optional || entry.link) continue;
    try {
      const have = JSON.parse(readFileSync(join(dir, path, 'package.json'), 'utf8')).version;
      if (have !== entry.version) missing.push(`${path}@${entry.version} (have ${have})`);
    } catch {
      missing.push(`${path}@${entry.version}`);
    }
  }
  return missing;
}

export function sourceStamp(dir = root) {
  const h = createHash('sha256');
  const walk = (p) => {
    const rel = relative(dir, p).split('\\').join('/');
    let st;
    try {
      st = statSync(p);
    } catch {
      return; // an optional file (e.g. no vite.config.ts): its absence is part of the stamp by omission
    }
    if (st.isDirectory()) {
      if (rel.endsWith('node_modules')) return;
      for (const name of readdirSync(p).sort()) walk(join(p, name));
    } else if (!skip(rel)) {
      h.update(`${rel}\0${st.size}\0${Math.round(st.mtimeMs)}\n`);
    }
  };
  for (const s of SOURCES) walk(join(dir, s));
  // The lockfile by content too: a checkout can keep its mtime and change what it locks.
  h.update(readFileSync(join(dir, 'package-lock.json')));
  return h.digest('hex');
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) {
    console.error(`\n问政表决台: "${cmd} ${args.join(' ')}" failed (exit ${r.status ?? r.signal}). See the lines above.`);
    process.exit(r.status || 1);
  }
}

function main() {
  const t0 = Date.now();
  const missing = existsSync(join(root, 'node_modules')) ? missingPackages() : ['node_modules'];
  if (missing.length > 0) {
    // npm ci empties node_modules first, following a symlink: a worktree sharing another
    // checkout's node_modules would wipe that one. Say so and stop instead.
    if (existsSync(join(root, 'node_modules')) && lstatSync(join(root, 'node_modules')).isSymbolicLink()) {
      console.error(`问政表决台: node_modules is a link to a shared install, and it does not match package-lock.json (${missing.length} differ, e.g. ${missing[0]}). Not reinstalling through the link: update the shared install, or replace the link with a folder.`);
      process.exit(1);
    }
    console.log(`问政表决台: installing dependencies (${missing.length} missing or changed, e.g. ${missing[0]}); this needs the npm registry once.`);
    run('npm', ['ci', '--no-audit', '--no-fund']);
  }
  const want = sourceStamp();
  const have = existsSync(STAMP) ? readFileSync(STAMP, 'utf8').trim() : '';
  const built = existsSync(join(root, 'dist', 'server', 'main.js')) && existsSync(join(root, 'dist', 'client', 'index.html'));
  if (have === want && built) {
    console.log(`问政表决台: build is up to date (checked in ${Date.now() - t0} ms).`);
    return;
  }
  console.log(`问政表决台: ${built ? 'sources changed since the last build' : 'no build yet'}: building (10-60 s)…`);
  run('npm', ['run', 'build']);
  writeFileSync(STAMP, want + '\n');
  console.log(`问政表决台: built in ${((Date.now() - t0) / 1000).toFixed(1)} s.`);
}

if (process.argv[1] && import.meta.filename === process.argv[1]) main();
