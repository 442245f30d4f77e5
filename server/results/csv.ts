// CSV of the results report: the sheets one after another, separated by an empty line, each
// headed by its name. Written by the one CSV writer (server/csv.ts): BOM, RFC 4180 quoting,
// formulas defused. A share (kept as a number for XLSX's 0.0% format) is written as "85.0%".
import { toCsv, type CsvCell } from '../csv.js';
import type { Cell, Sheet } from './sheet.js';

const csvCell = (c: Cell): CsvCell => (c !== null && typeof c === 'object' ? `${(c.pct * 100).toFixed(1)}%` : c);

export function sheetsToCsv(sheets: readonly Sheet[]): string {
  const rows: (readonly CsvCell[])[] = [];
  sheets.forEach((sheet, i) => {
    if (i > 0) rows.push([]);
    rows.push([`【${sheet.name}】`]);
    for (const row of sheet.rows) rows.push(row.map(csvCell));
  });
  return toCsv(rows);
}
