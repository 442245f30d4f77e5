// An .xlsx is a zip of XML parts, and XML that repeats itself compresses a thousandfold: a
// 627 KB upload once unpacked to 176 MB of sheet XML and held the server for 17.5 s and
// 1.9 GB. Before exceljs sees a file, its zip directory is read (the sizes every entry claims)
// and every entry is unpacked once, as a stream, to check those claims and to count the rows
// of each sheet. Nothing is kept in memory but a few bytes of each chunk.
import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { err, ok, type Result } from '../../shared/result.js';

/** All parts of one workbook together, unpacked. A 5,000-deputy roster is about 1 MB. */
export const MAX_UNPACKED_BYTES = 50 * 2 ** 20;
/** Zip entries; a workbook has a dozen, one per sheet, style, theme and relationship file. */
export const MAX_ENTRIES = 1000;
/** `<row>` elements per sheet, blank formatted rows included: twice the largest roster (5,000). */
export const MAX_SHEET_ROWS = 10_000;

/** TOO_MANY_SHEET_ROWS: a sheet holds more than MAX_SHEET_ROWS row elements (before parsing). */
export type ZipProblem = 'BAD_FILE' | 'UNPACKED_TOO_LARGE' | 'TOO_MANY_SHEET_ROWS';

export interface ZipLimits {
  readonly maxUnpackedBytes?: number;
  readonly maxEntries?: number;
  readonly maxSheetRows?: number;
}

const SHEET = /^xl\/worksheets\/[^/]+\.xml$/;
/** A row element, with or without a namespace prefix: <row ...>, <x:row ...>. */
const ROW = /<(?:[A-Za-z_][\w.-]*:)?row[\s>/]/g;

/** Check a zip's sizes and row counts without holding it unpacked. */
export async function checkZip(data: Buffer, limits: ZipLimits = {}): Promise<Result<void, ZipProblem>> {
  const maxBytes = limits.maxUnpackedBytes ?? MAX_UNPACKED_BYTES;
  const maxEntries = limits.maxEntries ?? MAX_ENTRIES;
  const maxRows = limits.maxSheetRows ?? MAX_SHEET_ROWS;
  let zip: ZipFile;
  try {
    // validateEntrySizes: a stream that unpacks to more (or less) than its entry claims errors.
    zip = await yauzl.fromBufferPromise(data, { lazyEntries: true, validateEntrySizes: true });
  } catch {
    return err('BAD_FILE');
  }
  if (zip.entryCount > maxEntries) return err('UNPACKED_TOO_LARGE');
  const entries = await readEntries(zip);
  if (!entries) return err('BAD_FILE');
  const claimed = entries.reduce((n, e) => n + e.uncompressedSize, 0);
  if (claimed > maxBytes) return err('UNPACKED_TOO_LARGE');
  for (const e of entries) {
    if (e.fileName.endsWith('/')) continue; // a folder
    const r = await scanEntry(zip, e, SHEET.test(e.fileName) ? maxRows : null);
    if (!r.ok) return r;
  }
  return ok(undefined);
}

/** The directory's entries (lazily read: one 'entry' per readEntry call), or null if damaged. */
function readEntries(zip: ZipFile): Promise<Entry[] | null> {
  return new Promise((resolve) => {
    const out: Entry[] = [];
    zip.on('entry', (e: Entry) => {
      out.push(e);
      zip.readEntry();
    });
    zip.once('end', () => resolve(out));
    zip.once('error', () => resolve(null));
    zip.readEntry();
  });
}

/** Unpack one entry as a stream; count its rows if it is a sheet. */
function scanEntry(zip: ZipFile, entry: Entry, maxRows: number | null): Promise<Result<void, ZipProblem>> {
  return new Promise((resolve) => {
    zip.openReadStream(entry, (e, stream: Readable | undefined) => {
      if (e || !stream) return resolve(err('BAD_FILE'));
      let rows = 0;
      let tail = ''; // the end of the previous chunk: a tag may straddle two chunks
      const done = (r: Result<void, ZipProblem>) => {
        stream.removeAllListeners('data');
        stream.destroy();
        resolve(r);
      };
      stream.on('data', (chunk: Buffer) => {
        if (maxRows === null) return;
        const text = tail + chunk.toString('latin1'); // tags are ASCII; any byte maps to one char
        rows += text.match(ROW)?.length ?? 0;
        tail = text.slice(-16);
        rows -= tail.match(ROW)?.length ?? 0; // counted again with the next chunk
        if (rows > maxRows) done(err('TOO_MANY_SHEET_ROWS'));
      });
      stream.once('error', () => done(err('BAD_FILE')));
      stream.once('end', () => {
        if (maxRows !== null) rows += tail.match(ROW)?.length ?? 0;
        resolve(maxRows !== null && rows > maxRows ? err('TOO_MANY_SHEET_ROWS') : ok(undefined));
      });
    });
  });
}
