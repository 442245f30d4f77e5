// XLSX bytes to grids of cell strings, one per worksheet, with exceljs. Row i of a grid is
// spreadsheet row i + 1, blank rows included, so reported row numbers match what people see.
// exceljs is loaded on first use: a server that never imports does not carry it (~25 MB).
import { err, ok, type Result } from '../../shared/result.js';

export interface Sheet {
  readonly name: string;
  readonly grid: string[][];
}

/** Reads every worksheet. A file exceljs cannot open is BAD_FILE; a workbook with too many rows is refused before its cells are read. */
export async function readXlsx(data: Buffer, maxRows: number): Promise<Result<Sheet[], 'BAD_FILE' | 'TOO_MANY_ROWS'>> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's declared Buffer type lags behind @types/node's generic Buffer; the bytes are the same.
    await workbook.xlsx.load(new Uint8Array(data).buffer);
  } catch {
    return err('BAD_FILE');
  }
  const sheets: Sheet[] = [];
  for (const ws of workbook.worksheets) {
    if (ws.actualRowCount > maxRows) return err('TOO_MANY_ROWS');
    const grid: string[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: string[] = [];
      // Walk every column up to the last one: merged cells answer with their master's value,
      // which is what a vertically merged 代表团 column means.
      for (let c = 1; c <= row.cellCount; c += 1) cells.push(cellText(row.getCell(c).value));
      while (grid.length < rowNumber - 1) grid.push([]);
      grid.push(cells);
    });
    sheets.push({ name: ws.name, grid });
  }
  return ok(sheets);
}

/**
 * The text a person sees in a cell. Cell values come from the file, so they are treated as
 * unknown and narrowed: strings, numbers, booleans, dates, rich text, hyperlinks (whose text
 * may itself be rich text) and formulas (their cached result). Error values read as empty.
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return isoDate(value);
  if (typeof value !== 'object') return '';
  if ('richText' in value && Array.isArray(value.richText)) {
    return value.richText.map((part: unknown) => (isRecord(part) ? cellText(part['text']) : '')).join('');
  }
  if ('hyperlink' in value && 'text' in value) return cellText(value.text);
  if ('formula' in value || 'sharedFormula' in value) return 'result' in value ? cellText(value.result) : '';
  return '';
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/** exceljs gives date cells as UTC instants of the serial day; a deadline is a day, so print the day. */
function isoDate(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}
