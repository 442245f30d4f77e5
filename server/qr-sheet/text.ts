// Drawing a line of mixed Chinese and Latin text with pdfkit when the font comes in subsets:
// the text is split into runs (fonts.ts), each run is set in its own subset, and the line is
// measured as the sum of its runs so it can be shrunk, cut or centred as a whole.
import type { CjkFont, FontRun } from './fonts.js';

export interface LineStyle {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly size: number;
  /** Shrink down to this size before cutting the text with an ellipsis. */
  readonly minSize?: number;
  readonly align?: 'left' | 'center' | 'right';
  readonly color?: string;
  /** When the text does not fit at minSize: cut it with '…' (default), or leave it out. */
  readonly overflow?: 'ellipsis' | 'omit';
}

/** Draws fonts registered on demand: each subset is embedded once per document. */
export class TextWriter {
  private readonly registered = new Set<string>();
  /** Subsets fontkit cannot lay out (@fontsource/noto-sans-sc subset 101, which holds 乍 and 戊, throws in its cmap). */
  private readonly broken = new Set<string>();

  constructor(private readonly doc: PDFKit.PDFDocument) {}

  /** The runs of a text, each in a subset that can be drawn: a broken one gives way to the fallback face (a box, not a crash). */
  private runsOf(font: CjkFont, text: string): FontRun[] {
    return font.runs(text).map((run) => (this.usable(font, run) ? run : { font: font.fallbackFile, text: run.text }));
  }

  private usable(font: CjkFont, run: FontRun): boolean {
    if (this.broken.has(run.font)) return false;
    if (this.registered.has(run.font)) return true;
    try {
      this.use(font, run, 10);
      this.doc.widthOfString(run.text);
      return true;
    } catch {
      this.broken.add(run.font);
      return false;
    }
  }

  private use(font: CjkFont, run: FontRun, size: number): void {
    if (!this.registered.has(run.font)) {
      this.doc.registerFont(run.font, font.data(run.font));
      this.registered.add(run.font);
    }
    this.doc.font(run.font).fontSize(size);
  }

  width(font: CjkFont, text: string, size: number): number {
    let total = 0;
    for (const run of this.runsOf(font, text)) {
      this.use(font, run, size);
      total += this.doc.widthOfString(run.text);
    }
    return total;
  }

  /** Fits the text into style.width and draws it on one line; returns false when it drew nothing. */
  line(font: CjkFont, text: string, style: LineStyle): boolean {
    const fitted = this.fit(font, text, style);
    if (!fitted) return false;
    const { content, size, width } = fitted;
    const align = style.align ?? 'left';
    let x = align === 'left' ? style.x : align === 'center' ? style.x + (style.width - width) / 2 : style.x + style.width - width;
    this.doc.fillColor(style.color ?? '#000000');
    for (const run of this.runsOf(font, content)) {
      this.use(font, run, size);
      this.doc.text(run.text, x, style.y, { lineBreak: false });
      x += this.doc.widthOfString(run.text);
    }
    return true;
  }

  private fit(font: CjkFont, text: string, style: LineStyle): { content: string; size: number; width: number } | null {
    const minSize = style.minSize ?? style.size;
    for (let size = style.size; size >= minSize; size -= 0.5) {
      const width = this.width(font, text, size);
      if (width <= style.width) return { content: text, size, width };
    }
    if (style.overflow === 'omit') return null;
    const chars = [...text];
    while (chars.length > 0) {
      chars.pop();
      const content = `${chars.join('').trimEnd()}…`;
      const width = this.width(font, content, minSize);
      if (width <= style.width) return { content, size: minSize, width };
    }
    return null;
  }
}
