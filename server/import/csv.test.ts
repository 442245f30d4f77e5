import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText, detectDelimiter, parseCsv } from './csv.js';
import { normalizeHeader } from './header.js';
import { columnLetter } from './reasons.js';

/** The writer side of RFC 4180, to check the reader against. */
const writeCsv = (rows: string[][], sep: string, eol: string): string =>
  rows.map((r) => r.map((f) => (/[",;\t\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(sep)).join(eol) + eol;

describe('parseCsv', () => {
  it('reads quoted delimiters, doubled quotes and line breaks inside fields', () => {
    expect(parseCsv('a,"b,c","say ""hi""","two\r\nlines"\r\nx,y,z,w')).toEqual([
      ['a', 'b,c', 'say "hi"', 'two\r\nlines'],
      ['x', 'y', 'z', 'w'],
    ]);
  });

  it('ends records on CRLF, LF or a lone CR, and keeps empty fields', () => {
    expect(parseCsv('a,,c\rb\n\nd,e\r\n')).toEqual([['a', '', 'c'], ['b'], [''], ['d', 'e']]);
  });

  it('reads tab-separated text as Excel saves "Unicode text"', () => {
    expect(detectDelimiter('姓名\t座位\n张三\t1,2')).toBe('\t');
    expect(parseCsv('姓名\t座位\n张三\t1,2\n')).toEqual([['姓名', '座位'], ['张三', '1,2']]);
  });

  it('round-trips any grid a writer produces', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', '张', ',', ';', '\t', '"', '\n', '\r', ' ', '1'), maxLength: 6 });
    // Every row has a non-empty first cell so a row is never a lone empty field, and each
    // grid has one width of at least two, as a spreadsheet export does, so the header line
    // shows the delimiter for auto-detection.
    const grid = fc.integer({ min: 2, max: 4 }).chain((w) =>
      fc.array(fc.tuple(fc.string({ unit: fc.constantFrom('x', '王'), minLength: 1, maxLength: 3 }), fc.array(cell, { minLength: w - 1, maxLength: w - 1 })), { minLength: 1, maxLength: 6 }),
    );
    fc.assert(
      fc.property(grid, fc.constantFrom(',', '\t', ';'), fc.constantFrom('\n', '\r\n'), (rows, sep, eol) => {
        const cells = rows.map(([first, rest]) => [first, ...rest]);
        expect(parseCsv(writeCsv(cells, sep, eol))).toEqual(cells);
      }),
    );
  });
});

describe('decodeText', () => {
  it('strips a UTF-8 BOM', () => {
    expect(decodeText(Buffer.from('\uFEFF姓名', 'utf-8'))).toEqual({ text: '姓名', encoding: 'utf-8' });
  });

  it('falls back to GBK when the bytes are not UTF-8', () => {
    // 张三 in GBK: D5C5 C8FD
    expect(decodeText(Uint8Array.from([0xd5, 0xc5, 0xc8, 0xfd]))).toEqual({ text: '张三', encoding: 'gb18030' });
  });

  it('reads UTF-16 LE with its BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('姓名\t座位', 'utf16le')]);
    expect(decodeText(bytes)).toEqual({ text: '姓名\t座位', encoding: 'utf-16le' });
  });
});

describe('header and column helpers', () => {
  it('normalises width, spaces, stars and case, and splits off a unit', () => {
    expect(normalizeHeader(' 姓 名* ')).toEqual({ key: '姓名', unit: '' });
    expect(normalizeHeader('ＮＡＭＥ')).toEqual({ key: 'name', unit: '' });
    expect(normalizeHeader('投资（万元）')).toEqual({ key: '投资', unit: '万元' });
    expect(normalizeHeader('Seat_No.')).toEqual({ key: 'seatno', unit: '' });
  });

  it('letters columns as spreadsheets do', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });
});
