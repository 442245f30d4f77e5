// Chinese text in a PDF with no system font and no network: Noto Sans SC from the
// @fontsource/noto-sans-sc package. The package ships the font as the web does, split into
// ~100 unicode-range subsets; its CSS says which subset file holds which characters. We read
// that CSS, split each string into runs that one subset can draw, and embed only the subsets
// (and, through pdfkit's subsetting, only the glyphs) a sheet actually uses.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type FontWeight = 400 | 700;

export interface FontRun {
  /** Subset file name, also the name the font is registered under in the PDF document. */
  readonly font: string;
  readonly text: string;
}

interface Face {
  readonly file: string;
  readonly ranges: readonly (readonly [number, number])[];
}

const packageDir = dirname(createRequire(import.meta.url).resolve('@fontsource/noto-sans-sc/package.json'));

/** One weight of the family: the subset table from the CSS and a cache of the font files. */
export class CjkFont {
  private readonly byCodePoint = new Map<number, string>();
  private readonly bytes = new Map<string, Buffer>();

  private constructor(
    private readonly faces: readonly Face[],
    /** Used for characters no subset covers; they print as the font's empty box. */
    private readonly fallback: string,
  ) {}

  /** The face used for what no subset draws (and for a subset the PDF library cannot read). */
  get fallbackFile(): string {
    return this.fallback;
  }

  static load(weight: FontWeight): CjkFont {
    const faces = parseFontFaces(readFileSync(join(packageDir, `${weight}.css`), 'utf-8'));
    const latin = faces.find((f) => f.file.includes('-latin-'));
    if (!latin) throw new Error(`@fontsource/noto-sans-sc ${weight}.css has no latin subset`);
    return new CjkFont(faces, latin.file);
  }

  /** The subset file that holds a code point, or null when none does. */
  fileFor(codePoint: number): string | null {
    const cached = this.byCodePoint.get(codePoint);
    if (cached !== undefined) return cached;
    // Ranges overlap (subset 119 and the latin subset both hold ASCII). Like a browser, the
    // face declared last wins (CSS Fonts 4, font matching with unicode-range).
    const face = this.faces.findLast((f) => f.ranges.some(([lo, hi]) => codePoint >= lo && codePoint <= hi));
    if (face) this.byCodePoint.set(codePoint, face.file);
    return face?.file ?? null;
  }

  /** Consecutive characters held by the same subset, as runs. Spaces join the run they sit in. */
  runs(text: string): FontRun[] {
    const out: { font: string; text: string }[] = [];
    for (const ch of text) {
      const cp = ch.codePointAt(0) ?? 0;
      const last = out[out.length - 1];
      if (last && cp === 0x20) {
        last.text += ch;
        continue;
      }
      const font = this.fileFor(cp) ?? this.fallback;
      if (last?.font === font) last.text += ch;
      else out.push({ font, text: ch });
    }
    return out;
  }

  /** The font file's bytes, read once per process. */
  data(file: string): Buffer {
    let buf = this.bytes.get(file);
    if (!buf) {
      buf = readFileSync(join(packageDir, 'files', file));
      this.bytes.set(file, buf);
    }
    return buf;
  }
}

/**
 * The @font-face blocks of a fontsource CSS file, with the WOFF (zlib) source of each; fontkit
 * reads WOFF faster than WOFF2 and pdfkit re-encodes the glyphs it embeds either way.
 */
export function parseFontFaces(css: string): Face[] {
  const faces: Face[] = [];
  for (const block of css.matchAll(/@font-face\s*\{([^}]*)\}/g)) {
    const body = block[1] ?? '';
    const file = /url\(\.\/files\/([^)]+\.woff)\)/.exec(body)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(body)?.[1];
    if (file === undefined || range === undefined) continue;
    faces.push({ file, ranges: parseUnicodeRange(range) });
  }
  return faces;
}

/** "U+4e00-4e0f,U+4e11" to [[0x4e00, 0x4e0f], [0x4e11, 0x4e11]]. */
export function parseUnicodeRange(text: string): [number, number][] {
  return text
    .split(',')
    .map((part) => /^\s*U\+([0-9a-f]+)(?:-([0-9a-f]+))?\s*$/i.exec(part))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => {
      const lo = parseInt(m[1] ?? '0', 16);
      return [lo, m[2] === undefined ? lo : parseInt(m[2], 16)];
    });
}

const loaded = new Map<FontWeight, CjkFont>();

/**
 * Characters of the texts that no subset of the font holds (rare 生僻字 such as 䶮): they would
 * print as empty boxes, so the moderator should hear about them before printing.
 */
export function missingGlyphs(texts: readonly string[]): string[] {
  const font = cjkFont(400);
  const missing = new Set<string>();
  for (const text of texts) {
    for (const ch of text) if (!/\s/u.test(ch) && font.fileFor(ch.codePointAt(0) ?? 0) === null) missing.add(ch);
  }
  return [...missing];
}

/** The family at a weight, loaded once per process. */
export function cjkFont(weight: FontWeight): CjkFont {
  let font = loaded.get(weight);
  if (!font) {
    font = CjkFont.load(weight);
    loaded.set(weight, font);
  }
  return font;
}
