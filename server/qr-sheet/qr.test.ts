import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { cjkFont, missingGlyphs, parseFontFaces, parseUnicodeRange } from './fonts.js';
import { qrMatrix, qrSvg } from './qr.js';

const URL_ = 'http://192.168.1.10:3000/d/Xq7PzR2mN8vT4wLs';

describe('QR codes', () => {
  it('gives an SVG with a quiet zone, made locally', async () => {
    const svg = await qrSvg(URL_);
    expect(svg).toMatch(/^<svg[^>]*viewBox="0 0 (\d+) \1"/);
    const side = Number(/viewBox="0 0 (\d+)/.exec(svg)?.[1]);
    expect(side).toBe((await qrMatrix(URL_)).size + 8);
    expect(svg).not.toMatch(/https?:\/\/(?!192\.168\.1\.10|www\.w3\.org)/);
  });

  it('packs exactly the dark modules of the code into horizontal runs', async () => {
    const { modules } = QRCode.create(URL_, { errorCorrectionLevel: 'M' });
    const { size, runs } = await qrMatrix(URL_);
    expect(size).toBe(modules.size);
    const drawn = new Set<string>();
    for (const [row, col, len] of runs) for (let c = col; c < col + len; c += 1) drawn.add(`${row},${c}`);
    let dark = 0;
    for (let r = 0; r < size; r += 1) {
      for (let c = 0; c < size; c += 1) {
        if (modules.get(r, c) !== 0) {
          dark += 1;
          expect(drawn.has(`${r},${c}`)).toBe(true);
        }
      }
    }
    expect(drawn.size).toBe(dark);
    expect(runs.length).toBeLessThan(dark);
  });
});

describe('CJK font subsets', () => {
  it('parses unicode-range lists', () => {
    expect(parseUnicodeRange('U+0000-00FF, U+4e11,U+1F300-1f301')).toEqual([[0, 0xff], [0x4e11, 0x4e11], [0x1f300, 0x1f301]]);
  });

  it('reads the face table of a fontsource CSS', () => {
    const css = `@font-face { src: url(./files/a-1-400-normal.woff2) format('woff2'), url(./files/a-1-400-normal.woff) format('woff'); unicode-range: U+4e00-4e01; }
      @font-face { src: url(./files/a-latin-400-normal.woff) format('woff'); unicode-range: U+0000-00FF; }`;
    expect(parseFontFaces(css)).toEqual([
      { file: 'a-1-400-normal.woff', ranges: [[0x4e00, 0x4e01]] },
      { file: 'a-latin-400-normal.woff', ranges: [[0, 0xff]] },
    ]);
  });

  it('splits mixed text into runs of one subset each, keeping spaces in their run', () => {
    const font = cjkFont(400);
    const runs = font.runs('John 张伟 A12');
    expect(runs.map((r) => r.text).join('')).toBe('John 张伟 A12');
    expect(runs[0]).toEqual({ font: 'noto-sans-sc-latin-400-normal.woff', text: 'John ' });
    expect(runs[runs.length - 1]).toEqual({ font: 'noto-sans-sc-latin-400-normal.woff', text: 'A12' });
    for (const run of runs) for (const ch of run.text.trim()) expect(font.fileFor(ch.codePointAt(0) ?? 0)).toBe(run.font);
    expect(font.data(runs[0]?.font ?? '').subarray(0, 4).toString('latin1')).toBe('wOFF');
  });

  it('names the characters no subset can print', () => {
    expect(missingGlyphs(['张伟', '邓龑', '刘䶮', 'John Smith'])).toEqual(['䶮']);
  });
});
