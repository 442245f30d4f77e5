// CSV of the results report: the sheets one after another, separated by an empty line, each
// headed by its name. Written by the one CSV writer (shared/csv.ts): BOM, RFC 4180 quoting,
// formulas defused.
import { toCsv, type CsvCell } from '../../shared/csv.js';
import type { Sheet } from './tables.js';

export function sheetsToCsv(sheets: readonly Sheet[]): string {
  const rows: (readonly CsvCell[])[] = [];
  sheets.forEach((sheet, i) => {
    if (i > 0) rows.push([]);
    rows.push([`【${sheet.name}】`]);
    rows.push(...sheet.rows);
  });
  return toCsv(rows);
}
