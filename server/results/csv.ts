// CSV of the results report: the sheets one after another, separated by an empty line. A
// UTF-8 BOM lets Excel on Windows read the Chinese text; fields are quoted as RFC 4180 says,
// and a field starting with = + - @ is prefixed with ' so no spreadsheet runs it as a formula.
import type { Cell, Sheet } from './tables.js';

function field(c: Cell): string {
  if (c === null) return '';
  if (typeof c === 'number') return String(c);
  if (typeof c === 'object') return `${(c.pct * 100).toFixed(1)}%`;
  const safe = /^[=+\-@\t\r]/.test(c) ? `'${c}` : c;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function sheetsToCsv(sheets: readonly Sheet[]): string {
  const lines: string[] = [];
  sheets.forEach((sheet, i) => {
    if (i > 0) lines.push('');
    lines.push(field(`【${sheet.name}】`));
    for (const row of sheet.rows) lines.push(row.map(field).join(','));
  });
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
