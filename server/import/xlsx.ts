// XLSX bytes to grids of cell strings, one per worksheet, with exceljs. Row i of a grid is
// spreadsheet row i + 1, blank rows included, so reported row numbers match what people see.
//
// An upload is untrusted: its zip is checked first (zip-check.ts: unpacked size, honest sizes,
// rows per sheet), and exceljs then runs in a worker thread with a memory and a time limit,
// so a file built to blow up the parser stops that worker, not the server. The worker only
// loads the workbook and sends the raw cell values back; they are turned into text here.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { err, ok, type Result } from '../../shared/result.js';
import { checkZip, type ZipLimits } from './zip-check.js';

export interface Sheet {
  readonly name: string;
  readonly grid: string[][];
}

export interface ParseLimits extends ZipLimits {
  /** The worker's heap; a 5,000-row, 6-column roster loads in 32 MB (measured), so 256 leaves room for styles and shared strings. */
  readonly memoryMb?: number;
  /** Wall time for the worker to load the workbook. */
  readonly timeMs?: number;
}

export const PARSE_MEMORY_MB = 256;
export const PARSE_TIME_MS = 15_000;

export type XlsxProblem = 'BAD_FILE' | 'TOO_MANY_ROWS' | 'TOO_MANY_SHEET_ROWS' | 'UNPACKED_TOO_LARGE' | 'FILE_TOO_COMPLEX';

/** What the worker sends back: per sheet, [row number, raw cell values] for rows with values. */
type WorkerAnswer =
  | { readonly ok: true; readonly sheets: { readonly name: string; readonly rows: [number, unknown[]][] }[] }
  | { readonly ok: false; readonly error: 'BAD_FILE' | 'TOO_MANY_ROWS' };

// Plain JavaScript, evaluated in the worker: nothing to bundle or resolve at run time but
// exceljs, whose path the main thread resolves (from the bundle or from the sources alike).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const ExcelJS = require(workerData.exceljs);
(async () => {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(workerData.data);
  } catch {
    return parentPort.postMessage({ ok: false, error: 'BAD_FILE' });
  }
  const sheets = [];
  for (const ws of workbook.worksheets) {
    if (ws.actualRowCount > workerData.maxRows) return parentPort.postMessage({ ok: false, error: 'TOO_MANY_ROWS' });
    const rows = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      // Every column up to the last: merged cells answer with their master's value, which is
      // what a vertically merged 代表团 column means.
      const cells = [];
      for (let c = 1; c <= row.cellCount; c += 1) cells.push(row.getCell(c).value);
      rows.push([rowNumber, cells]);
    });
    sheets.push({ name: ws.name, rows });
  }
  try {
    parentPort.postMessage({ ok: true, sheets });
  } catch {
    parentPort.postMessage({ ok: false, error: 'BAD_FILE' }); // a value that cannot be copied
  }
})();
`;

let exceljsPath: string | null = null;

/** Load the workbook in a worker; FILE_TOO_COMPLEX when it runs out of memory or time. */
function loadInWorker(data: Buffer, maxRows: number, memoryMb: number, timeMs: number): Promise<Result<WorkerAnswer & { ok: true }, XlsxProblem>> {
  exceljsPath ??= createRequire(import.meta.url).resolve('exceljs');
  return new Promise((resolve) => {
    let settled = false;
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { exceljs: exceljsPath, data: new Uint8Array(data), maxRows },
      resourceLimits: { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: Math.min(32, Math.max(4, memoryMb / 8)) },
      stdout: true, // exceljs's own warnings stay out of the server log
      stderr: true,
    });
    const finish = (r: Result<WorkerAnswer & { ok: true }, XlsxProblem>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(r);
    };
    const timer = setTimeout(() => finish(err('FILE_TOO_COMPLEX')), timeMs);
    worker.once('message', (m: WorkerAnswer) => finish(m.ok ? ok(m) : err(m.error)));
    // ERR_WORKER_OUT_OF_MEMORY, or anything else that kills the worker: refused, server unharmed.
    worker.once('error', (e: Error & { code?: string }) => finish(err(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'FILE_TOO_COMPLEX' : 'BAD_FILE')));
    worker.once('exit', () => finish(err('FILE_TOO_COMPLEX')));
  });
}

/** Reads every worksheet. A file exceljs cannot open is BAD_FILE; a workbook with too many rows is refused before its cells are read. */
export async function readXlsx(data: Buffer, maxRows: number, limits: ParseLimits = {}): Promise<Result<Sheet[], XlsxProblem>> {
  const checked = await checkZip(data, limits);
  if (!checked.ok) return checked;
  const loaded = await loadInWorker(data, maxRows, limits.memoryMb ?? PARSE_MEMORY_MB, limits.timeMs ?? PARSE_TIME_MS);
  if (!loaded.ok) return loaded;
  return ok(
    loaded.value.sheets.map((ws) => {
      const grid: string[][] = [];
      for (const [rowNumber, cells] of ws.rows) {
        while (grid.length < rowNumber - 1) grid.push([]);
        grid.push(cells.map(cellText));
      }
      return { name: ws.name, grid };
    }),
  );
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
