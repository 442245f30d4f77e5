// The CSV writer: a BOM for Excel, RFC 4180 quoting, and no field that a spreadsheet would run
// as a formula (a project name is free text typed by whoever prepared the meeting).
import { describe, expect, it } from 'vitest';
import { sheetsToCsv } from './csv.js';

describe('results CSV', () => {
  it('starts with a UTF-8 BOM, separates sheets by an empty line and ends lines with CRLF', () => {
    const csv = sheetsToCsv([
      { name: '概况', headings: [0], rows: [['会议'], ['应到', 30]] },
      { name: '1 表决', headings: [0], rows: [['赞成', '反对'], [20, 3]] },
    ]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual(['【概况】', '会议', '应到,30', '', '【1 表决】', '赞成,反对', '20,3', '']);
  });

  it('quotes commas, quotes and line breaks, leaves empty cells empty, and defuses formulas', () => {
    const csv = sheetsToCsv([{ name: 's', headings: [], rows: [['a,b', 'say "hi"', 'two\nlines', null, '=1+2', '-3', '@x', 42]] }]);
    const line = csv.slice(1).split('\r\n')[1];
    expect(line).toBe(`"a,b","say ""hi""","two\nlines",,'=1+2,'-3,'@x,42`);
  });
});
