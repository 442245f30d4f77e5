// Two build steps for the phone (issue #14), run by vite.config.ts after the bundle is written:
// - precompress: a .br and a .gz beside every text asset, made once at build time at the
//   highest levels (the server picks one by Accept-Encoding; nothing is compressed per request);
// - phone-text: the characters of the phone UI's strings in both languages, which the server
//   puts in each meeting's font subset (server/fonts/phone-font.ts) with that meeting's texts.
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

const TEXT = /\.(js|mjs|css|html|svg|json|txt|map|woff)$/;
/** Below this a compressed copy saves less than its headers cost. */
const MIN_BYTES = 512;

async function* files(dir: string): AsyncGenerator<string> {
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (!e.name.startsWith('.')) yield* files(p); // .vite/manifest.json is never served
    } else yield p;
  }
}

export async function precompressDir(dir: string): Promise<number> {
  let n = 0;
  for await (const f of files(dir)) {
    if (!TEXT.test(f) || (await stat(f)).size < MIN_BYTES) continue;
    const body = await readFile(f);
    const br = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } });
    const gz = gzipSync(body, { level: 9 });
    // A copy no smaller than the original is not written: the server then sends the original.
    if (br.length < body.length) await writeFile(`${f}.br`, br);
    if (gz.length < body.length) await writeFile(`${f}.gz`, gz);
    n++;
  }
  return n;
}

export function precompress(outDir: string): Plugin {
  return {
    name: 'wz-precompress',
    apply: 'build',
    closeBundle: { order: 'post', sequential: true, handler: async () => void (await precompressDir(outDir)) },
  };
}

/** The i18n files whose strings a deputy's phone can show (both languages). */
export const PHONE_NAMESPACES = ['common', 'deputy', 'votes', 'receipts'] as const;

/** Marks the phone's components draw themselves, outside the i18n strings (the settings
 *  button's ⋯, the submitted card's ✓, the · between seat and group, a cut value's …). */
export const PHONE_GLYPHS = '·✓⋯…';

function strings(v: unknown, out: string[]): string[] {
  if (typeof v === 'string') out.push(v);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) strings(x, out);
  return out;
}

export async function phoneText(i18nDir: string): Promise<string> {
  const out: string[] = [PHONE_GLYPHS];
  for (const lang of await readdir(i18nDir, { withFileTypes: true })) {
    if (!lang.isDirectory()) continue;
    for (const ns of PHONE_NAMESPACES) {
      const f = join(i18nDir, lang.name, `${ns}.json`);
      const text = await readFile(f, 'utf8').catch(() => null);
      if (text !== null) strings(JSON.parse(text), out);
    }
  }
  return [...new Set(out.join(''))].sort().join('');
}

export function phoneTextAsset(i18nDir: string): Plugin {
  return {
    name: 'wz-phone-text',
    apply: 'build',
    async generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'phone-text.txt', source: await phoneText(i18nDir) });
    },
  };
}
