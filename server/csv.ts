// The one CSV writer: every CSV the server sends (results, the segment log, the live feed,
// import templates) goes through here. RFC 4180 quoting by csv-stringify, CRLF line ends, a
// UTF-8 byte order mark (without it Excel on a Chinese Windows reads UTF-8 as GBK), and no
// text cell a spreadsheet would run as a formula: names are free text typed by whoever
// prepared the meeting, so `=HYPERLINK(...)` as a project name must stay text (OWASP, CSV
// injection). Real numbers are written as numbers; only text is defused.
import { stringify } from 'csv-stringify/sync';

export type CsvCell = string | number | null;

/** Excel, LibreOffice and WPS start a formula at these; a tab or CR can hide one. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell as a spreadsheet will show it: a leading ' makes a formula-like text inert. */
export function defuse(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function cell(c: CsvCell): string {
  if (c === null) return '';
  if (typeof c === 'number') return Number.isFinite(c) ? String(c) : '';
  return defuse(c);
}

/** Rows to CSV text, BOM first. A row may be empty (a blank line between sections). */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  const body = stringify(
    rows.map((r) => r.map(cell)),
    { record_delimiter: 'windows', quoted_match: /[\r\n]/ },
  );
  return '\uFEFF' + body;
}
