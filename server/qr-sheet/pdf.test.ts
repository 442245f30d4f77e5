import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { renderQrSheetPdf, type QrCard } from './index.js';

const NAMES = ['张伟', '王芳', '李淼', '赵犇', '欧阳娜娜', '阿依古丽·买买提', 'John Smith', '邓龑'];

const deputies = (n: number): QrCard[] =>
  Array.from({ length: n }, (_, i) => ({
    name: NAMES[i % NAMES.length] ?? '',
    group: i % 2 === 0 ? '城关代表团' : '开发区代表团',
    seat: `${Math.floor(i / 10) + 1}排${(i % 10) + 1}号`,
    url: `http://192.168.1.10:3000/d/tok${i}`,
  }));

const pagesOf = (pdf: Buffer): number => (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;

/** The text of every Flate stream in the file: content streams, fonts and ToUnicode maps. */
function inflatedStreams(pdf: Buffer): string[] {
  const raw = pdf.toString('latin1');
  const out: string[] = [];
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    try {
      out.push(inflateSync(pdf.subarray(start, end)).toString('latin1'));
    } catch {
      // not a Flate stream
    }
  }
  return out;
}

/** Code points that some embedded font's ToUnicode map gives a real glyph for. */
function mappedCodePoints(pdf: Buffer): Set<number> {
  const points = new Set<number>();
  for (const cmap of inflatedStreams(pdf).filter((s) => s.includes('begincmap'))) {
    // pdfkit writes `<first> <last> [<u0> <u1> ...]`: the bracketed list holds the code points.
    for (const list of cmap.matchAll(/\[([^\]]*)\]/g)) {
      for (const hex of (list[1] ?? '').matchAll(/<([0-9a-f]{4,})>/gi)) points.add(parseInt(hex[1] ?? '0', 16));
    }
  }
  return points;
}

describe('renderQrSheetPdf', () => {
  it('makes a PDF of 5 A4 pages for 60 deputies, 12 cards to a page', async () => {
    const pdf = await renderQrSheetPdf({ meetingTitle: '某某市第十七届人民代表大会第五次会议', cards: deputies(60) });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pagesOf(pdf)).toBe(5);
    expect(pdf.toString('latin1')).toContain('/Count 5');
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
  });

  it('starts a new page after every 12th card, and prints one page for an empty roster', async () => {
    const counts = await Promise.all([0, 12, 13, 24, 25].map(async (n) => pagesOf(await renderQrSheetPdf({ meetingTitle: '会议', cards: deputies(n) }))));
    expect(counts).toEqual([1, 1, 2, 2, 3]);
  });

  it('embeds Noto Sans SC subsets with glyphs for every Chinese character printed', async () => {
    const pdf = await renderQrSheetPdf({ meetingTitle: '民生实事项目票决', cards: deputies(NAMES.length) });
    const raw = pdf.toString('latin1');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC-Bold/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC-Regular/);
    expect(raw).toContain('/FontFile2');
    // No standard-14 font stands in for the Chinese text.
    expect(raw).not.toMatch(/\/BaseFont \/Helvetica/);
    const mapped = mappedCodePoints(pdf);
    const printed = [...NAMES.join(''), ...'民生实事项目票决城关开发区代表团座位排号扫码签到与表决本人专用请勿转借'].filter((ch) => ch.trim() !== '');
    expect(printed.filter((ch) => !mapped.has(ch.codePointAt(0) ?? 0))).toEqual([]);
  });

  it('prints the labels it is given instead of the Chinese defaults', async () => {
    const labels = { seat: 'Seat', hint: 'Scan to check in', page: 'Page {page} of {pages}' };
    const pdf = await renderQrSheetPdf({ meetingTitle: 'Session', cards: deputies(1), labels });
    const mapped = mappedCodePoints(pdf);
    expect(mapped.has('扫'.codePointAt(0) ?? 0)).toBe(false);
    expect(mapped.has('座'.codePointAt(0) ?? 0)).toBe(false);
    expect(mapped.has('S'.codePointAt(0) ?? 0)).toBe(true);
  });

  it('draws each QR code as vector rectangles, not an image', async () => {
    const pdf = await renderQrSheetPdf({ meetingTitle: '会议', cards: deputies(3) });
    expect(pdf.toString('latin1')).not.toContain('/Subtype /Image');
    const content = inflatedStreams(pdf).find((s) => s.includes(' re'));
    expect((content?.match(/ re\b/g) ?? []).length).toBeGreaterThan(3 * 50);
  });
});
