// The plain page's Chinese font: the @font-face rules of the font the built app ships (Noto
// Sans SC, split by unicode-range), lifted out of the built CSS, so a phone without a Chinese
// system font shows characters, never boxes, and a phone with one downloads no font at all
// (plain.css lists the system fonts first; a face is fetched only for characters they lack).
// Read once from whatever the build emitted, so it follows however the bundle is split.
// Pieces the bundler inlined as data: URLs are served as files instead: the style sheet is
// render-blocking, and a phone with its own Chinese font should not pay for glyphs it never uses.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

const FACE = /@font-face\s*\{[^}]*\}/g;
const FAMILY = /font-family:\s*["']?Noto Sans SC["']?\s*[;}]/;
const INLINE = /url\(\s*["']?data:font\/(woff2?);base64,([A-Za-z0-9+/=]+)["']?\s*\)/g;

export const FONT_PATH = '/plain-fonts/';

export interface PlainFonts {
  /** Every face, as one style sheet. */
  css: string;
  /** Each face's rule and the code points it covers (its unicode-range; none given: all). */
  faces: { rule: string; ranges: [number, number][] }[];
  /** File name (hash.woff2 or hash.woff) → bytes, for the pieces that were inlined. */
  files: Map<string, Buffer>;
}

export async function fontFacesOf(clientDir: string | null): Promise<PlainFonts> {
  const files = new Map<string, Buffer>();
  if (clientDir === null) return { css: '', faces: [], files };
  const dir = join(clientDir, 'assets');
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.css')).sort();
  } catch {
    return { css: '', faces: [], files }; // no build: the page falls back to the phone's own fonts
  }
  const faces = new Set<string>();
  for (const n of names) for (const m of (await readFile(join(dir, n), 'utf8')).matchAll(FACE)) if (FAMILY.test(m[0])) faces.add(m[0]);
  const rules = [...faces].map((face) =>
    face.replace(INLINE, (_m, ext: string, b64: string) => {
      const bytes = Buffer.from(b64, 'base64');
      const name = `${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}.${ext}`;
      files.set(name, bytes);
      return `url(${FONT_PATH}${name})`;
    }),
  );
  return { css: rules.join('\n'), faces: rules.map((rule) => ({ rule, ranges: rangesOf(rule) })), files };
}

function rangesOf(rule: string): [number, number][] {
  const m = /unicode-range:\s*([^;}]+)/.exec(rule);
  if (!m?.[1]) return [[0, 0x10ffff]];
  return m[1].split(',').map((part): [number, number] => {
    const [lo = '0', hi] = part.trim().replace(/^U\+/i, '').split('-');
    if (lo.includes('?')) return [parseInt(lo.replace(/\?/g, '0'), 16), parseInt(lo.replace(/\?/g, 'F'), 16)];
    return [parseInt(lo, 16), parseInt(hi ?? lo, 16)];
  });
}

/**
 * The faces a page needs: those whose range holds one of its characters. The page links only
 * these (/plain-fonts.css?f=1.7.12), so a phone fetches the rules for its own page, not all 200.
 */
export function facesFor(fonts: PlainFonts, text: string): number[] {
  const points = new Set<number>();
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp > 0x7f) points.add(cp); // ASCII is in every phone's own fonts
  }
  const out: number[] = [];
  fonts.faces.forEach((f, i) => {
    for (const cp of points) if (f.ranges.some(([lo, hi]) => cp >= lo && cp <= hi)) return void out.push(i);
  });
  return out;
}
