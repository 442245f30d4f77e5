// The phone's font: one woff2 per meeting holding exactly the characters a deputy's phone can
// show (the phone UI's strings in both languages, plus that meeting's names, items, subjects
// and options), cut from the Noto Sans SC shipped in node_modules. One file means a Wi-Fi drop
// can never leave half the pieces loaded (the old per-range slices did: 请☒关闭页面). It is
// served at a URL named by the hash of its character set, so it is cached for a year and
// a meeting whose texts change gets a new URL. The big screen and overlay keep the full font.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import subsetFont from 'subset-font';
import { mergeSfnts } from './sfnt-merge.js';

const require = createRequire(import.meta.url);
const FONT_DIR = dirname(require.resolve('@fontsource/noto-sans-sc/unicode.json'));

/** Printable ASCII and the punctuation the phone's texts and numbers use, always included. */
const BASE_CHARS = (() => {
  let s = '';
  for (let c = 0x20; c < 0x7f; c++) s += String.fromCharCode(c);
  return s + '，。、：；！？（）《》“”‘’—…·「」【】％～／×–•→←↑↓✓°';
})();

/** The sorted, de-duplicated characters of `texts` plus the base set (no controls). */
export function charSetOf(texts: Iterable<string>): string {
  const set = new Set<string>(BASE_CHARS);
  for (const t of texts) for (const ch of t) if (ch.codePointAt(0)! >= 0x20) set.add(ch);
  return [...set].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!).join('');
}

/** Every string anywhere inside a value (a meeting's info, roster, agenda ...). */
export function stringsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) stringsIn(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) stringsIn(v, out);
  return out;
}

export function hashOf(chars: string): string {
  return createHash('sha256').update(chars).digest('base64url').slice(0, 16);
}

interface Slice {
  readonly file: string;
  readonly ranges: readonly (readonly [number, number])[];
}

let slices: Promise<Slice[]> | undefined;

function loadSlices(): Promise<Slice[]> {
  slices ??= readFile(join(FONT_DIR, 'unicode.json'), 'utf8').then((text) => {
    const map = JSON.parse(text) as Record<string, string>;
    return Object.entries(map).map(([key, range]) => ({
      file: join(FONT_DIR, 'files', `noto-sans-sc-${key.replace(/^\[(\d+)\]$/, '$1')}-400-normal.woff2`),
      ranges: range.split(',').map((r) => {
        const [a, b] = r.replace(/^U\+/i, '').split('-');
        const lo = parseInt(a ?? '', 16);
        return [lo, b === undefined ? lo : parseInt(b, 16)] as const;
      }),
    }));
  });
  return slices;
}

const yieldToLoop = () => new Promise<void>((r) => setImmediate(r));

/**
 * A piece as a TrueType font, decoded from woff2 once and kept (~60 KB each; only the pieces a
 * meeting's characters touch): harfbuzz cuts a TrueType font in ~0.2 ms, a woff2 in ~40 ms
 * (its decoding), so a meeting's font built again after a text edit takes milliseconds.
 */
const decoded = new Map<string, Promise<Buffer>>();

function sliceTtf(slice: Slice): Promise<Buffer> {
  let p = decoded.get(slice.file);
  if (!p) {
    let all = '';
    for (const [lo, hi] of slice.ranges) for (let c = lo; c <= hi; c++) all += String.fromCodePoint(c);
    p = readFile(slice.file).then((woff2) => subsetFont(woff2, all, { targetFormat: 'truetype' }));
    p.catch(() => decoded.delete(slice.file));
    decoded.set(slice.file, p);
  }
  return p;
}

/**
 * The woff2 of exactly `chars` (characters the font lacks are left to the phone's own font).
 * The loop yields between pieces so sockets keep being served while a meeting's font is built
 * (the first time ~40 ms a piece, decoding; then milliseconds in all).
 */
export async function buildFont(chars: string): Promise<Buffer> {
  const all = await loadSlices();
  const bySlice = new Map<Slice, string>();
  for (const ch of chars) {
    const cp = ch.codePointAt(0)!;
    const s = all.find((sl) => sl.ranges.some(([lo, hi]) => cp >= lo && cp <= hi));
    if (s) bySlice.set(s, (bySlice.get(s) ?? '') + ch);
  }
  const pieces: Buffer[] = [];
  for (const [slice, text] of bySlice) {
    pieces.push(await subsetFont(await sliceTtf(slice), text, { targetFormat: 'truetype' }));
    await yieldToLoop();
  }
  if (pieces.length === 0) throw new Error('no character of the set is in the font');
  const merged = mergeSfnts(pieces);
  await yieldToLoop();
  return subsetFont(merged, chars, { targetFormat: 'woff2' });
}

/** A character set and its font (built, or being built). */
export interface PhoneFont {
  readonly chars: string;
  readonly font: Promise<Buffer>;
}

/** Built fonts by hash; a build in flight is shared by every request that needs it. */
export class PhoneFonts {
  private readonly built = new Map<string, PhoneFont>();

  /** Registers a character set, its build started if new; returns its hash (the font's URL name). */
  want(chars: string): string {
    const hash = hashOf(chars);
    if (!this.built.has(hash)) {
      const font = buildFont(chars);
      font.catch(() => this.built.delete(hash)); // a failed build is tried again on the next ask
      this.built.set(hash, { chars, font });
      // Older fonts are kept: a phone that loaded an older page may still ask for its font. The
      // set grows only with text edits of the meetings on this server; capped all the same.
      if (this.built.size > 64) this.built.delete(this.built.keys().next().value as string);
    }
    return hash;
  }

  get(hash: string): PhoneFont | undefined {
    return this.built.get(hash);
  }
}
