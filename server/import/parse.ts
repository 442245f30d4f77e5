// parseTable: the entry point for an uploaded roster, project list or subject list. Decides
// the format from the bytes (an .xlsx is a zip; anything else textual is CSV), reads it into
// grids, and hands them to the generic table parser with the kind's spec.
import { decodeText, looksBinary, parseCsv } from './csv.js';
import { HEADER_SCAN_ROWS } from './header.js';
import { fileFailure, type ImportResult } from './reasons.js';
import { SPECS, type ImportKind, type KindRow, type KindSpec } from './specs.js';
import { parseGrids } from './table.js';
import { readXlsx, type XlsxProblem } from './xlsx.js';
import { MAX_SHEET_ROWS, MAX_UNPACKED_BYTES } from './zip-check.js';
import { assertNever } from '../../shared/never.js';

export interface ImportFile {
  /** The uploaded file's name; only a hint, the bytes decide the format. */
  readonly name: string;
  readonly data: Buffer;
}

export interface ImportLimits {
  /** Refuse larger files unread. Default 5 MB. */
  readonly maxBytes?: number;
  /** Cap on data rows; never above the kind's own cap (roster 5000, projects 200, subjects 100). */
  readonly maxRows?: number;
}

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

export type FileFormat = 'xlsx' | 'xls' | 'csv';

/** Zip magic for .xlsx, OLE2 magic for the old binary .xls; text otherwise. */
export function sniffFormat(name: string, data: Uint8Array): FileFormat | 'bad' {
  const [b0, b1, b2, b3] = data;
  if (b0 === 0x50 && b1 === 0x4b && b2 === 0x03 && b3 === 0x04) return 'xlsx';
  if (b0 === 0xd0 && b1 === 0xcf && b2 === 0x11 && b3 === 0xe0) return 'xls';
  const lower = name.toLowerCase();
  if (lower.endsWith('.xls')) return 'xls';
  if (lower.endsWith('.xlsx') || lower.endsWith('.xlsm') || looksBinary(data)) return 'bad';
  return 'csv';
}

/** `spec`: the kind's spec built for one meeting (suggestions match deputies to its roster). */
export async function parseTable<K extends ImportKind>(
  kind: K,
  file: ImportFile,
  limits: ImportLimits = {},
  spec: KindSpec<KindRow[K]> = SPECS[kind],
): Promise<ImportResult<KindRow[K]>> {
  const maxBytes = limits.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxRows = Math.min(limits.maxRows ?? spec.maxRows, spec.maxRows);
  if (file.data.length === 0) return fileFailure('EMPTY_FILE');
  if (file.data.length > maxBytes) return fileFailure('FILE_TOO_LARGE', { value: String(maxBytes) });

  const format = sniffFormat(file.name, file.data);
  switch (format) {
    case 'bad':
      return fileFailure('BAD_FILE');
    case 'xls':
      return fileFailure('XLS_NOT_SUPPORTED');
    case 'csv': {
      const { text } = decodeText(file.data);
      // 5 MB of short lines is a million rows: several seconds and hundreds of MB to parse.
      // Lines are counted first (a quoted cell may hold a line break, so this is an upper bound).
      if (lineCount(text) > MAX_SHEET_ROWS) return fileFailure('TOO_MANY_ROWS', { value: String(MAX_SHEET_ROWS) });
      return parseGrids(spec, [parseCsv(text)], maxRows);
    }
    case 'xlsx': {
      // The coarse cap counts title and header rows too; parseGrids applies the exact one.
      const sheets = await readXlsx(file.data, maxRows + HEADER_SCAN_ROWS + 1);
      if (!sheets.ok) return xlsxFailure(sheets.error, maxRows);
      return parseGrids(spec, sheets.value.map((s) => s.grid), maxRows);
    }
    default: {
      return assertNever(format);
    }
  }
}

/** A workbook refused as a whole, with the limit it went over. */
function xlsxFailure<T>(problem: XlsxProblem, maxRows: number): ImportResult<T> {
  switch (problem) {
    case 'TOO_MANY_ROWS':
      return fileFailure('TOO_MANY_ROWS', { value: String(maxRows) });
    case 'TOO_MANY_SHEET_ROWS':
      return fileFailure('TOO_MANY_ROWS', { value: String(MAX_SHEET_ROWS) });
    case 'UNPACKED_TOO_LARGE':
      return fileFailure('UNPACKED_TOO_LARGE', { value: String(MAX_UNPACKED_BYTES / 2 ** 20) });
    case 'BAD_FILE':
    case 'FILE_TOO_COMPLEX':
      return fileFailure(problem);
    default: {
      return assertNever(problem);
    }
  }
}

/** Line breaks in a text (\n, or \r alone as old Mac files end lines). */
function lineCount(text: string): number {
  const count = (ch: string): number => {
    let n = 0;
    for (let i = text.indexOf(ch); i !== -1; i = text.indexOf(ch, i + 1)) n += 1;
    return n;
  };
  const lf = count('\n');
  return lf > 0 ? lf : count('\r');
}
