// `npm run check:es`: the syntax and library features of every JS file the deputy's page loads
// (the entry and its static imports, from vite's manifest) against the phones we support
// (README, "Browsers"; vite.config.ts PHONE_TARGET). Run after `npm run build`; exits 1 on a
// file the oldest phone could not run. Usage: tsx scripts/check-es.ts [client dir]
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { POLYFILLED } from '../client/src/polyfills.js';

export const PHONE_BROWSERS = 'chrome >= 64, safari >= 13, ios_saf >= 13';

/**
 * Features es-check would refuse that these browsers have anyway: client/src/polyfills.ts
 * supplies POLYFILLED; dynamic import() is in Chrome 63 and Safari 11.1, though es-check dates
 * it by the edition (ES2020) that wrote it down.
 */
export const PROVIDED = [...POLYFILLED, 'DynamicImport'];

interface ManifestChunk {
  file: string;
  imports?: string[];
}

/** The JS files a page entry loads before it runs: the entry and its static imports. */
export function deputyFiles(clientDir: string): string[] {
  const manifest = JSON.parse(readFileSync(join(clientDir, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const seen = new Set<string>();
  const walk = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const i of manifest[key]?.imports ?? []) walk(i);
  };
  walk('index.html');
  return [...seen].flatMap((k) => (manifest[k] ? [join(clientDir, manifest[k].file)] : []));
}

export function checkEs(clientDir: string): { ok: boolean; output: string; files: string[] } {
  const files = deputyFiles(clientDir);
  const bin = join(import.meta.dirname, '..', 'node_modules', '.bin', 'es-check');
  const r = spawnSync(bin, ['checkBrowser', ...files, '--module', '--checkFeatures', `--browserslistQuery=${PHONE_BROWSERS}`, `--ignore=${PROVIDED.join(',')}`, '--noColor'], {
    encoding: 'utf8',
  });
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}`, files };
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const dir = process.argv[2] ?? join(import.meta.dirname, '..', 'dist', 'client');
  const r = checkEs(dir);
  console.log(`deputy page files (${r.files.length}):\n  ${r.files.join('\n  ')}`);
  console.log(r.output.split('\n').filter((l) => !/^\s+at /.test(l)).join('\n'));
  console.log(r.ok ? `ok: every file runs on ${PHONE_BROWSERS}` : `FAILED: a file needs more than ${PHONE_BROWSERS}`);
  process.exit(r.ok ? 0 : 1);
}
