// What an import reports back: the rows it accepted, and every problem as a code the UI
// translates. No message text lives here; the locale files own the words.

/** Problems with the file as a whole. They come with row 0 and no accepted rows. */
export const FILE_REASONS = [
  'EMPTY_FILE', // nothing but blank rows, or zero bytes
  'FILE_TOO_LARGE', // above the byte limit; not even opened
  'BAD_FILE', // not a readable CSV or XLSX (binary junk, a corrupt zip, an .xlsx that is no zip)
  'XLS_NOT_SUPPORTED', // the old binary .xls format (Excel 97-2003, WPS default): save as .xlsx or CSV
  'MISSING_HEADER', // no header row naming a required column; `field` says which
  'TOO_MANY_ROWS', // more data rows than the kind allows; `value` is the limit
  'UNPACKED_TOO_LARGE', // an .xlsx whose parts unpack to more than the limit; `value` is the limit in MB
  'FILE_TOO_COMPLEX', // an .xlsx whose parsing ran out of its memory or time limit
] as const;

/** Problems with one row; the other rows still import. */
export const ROW_REASONS = [
  'MISSING_NAME',
  'NAME_TOO_LONG',
  'VALUE_TOO_LONG', // a column other than the name; `column` says which
  'INVALID_VALUE', // anything else the model schema refuses
  'DUPLICATE_SEAT', // roster: a seat already given to an earlier row
  'DUPLICATE_NAME_IN_GROUP', // roster: same name in the same 代表团 as an earlier row
  'DUPLICATE_NAME', // projects and subjects: same name as an earlier row
  'DUPLICATE_NUMBER', // suggestions: same 建议号 as an earlier row
  'UNKNOWN_DEPUTY', // suggestions: a deputy the meeting's roster does not hold; `value` names them
  'AMBIGUOUS_DEPUTY', // suggestions: a name two deputies of the roster share; write the id instead
] as const;

export type FileReason = (typeof FILE_REASONS)[number];
export type RowReason = (typeof ROW_REASONS)[number];
export type ReasonCode = FileReason | RowReason;

export interface ImportIssue {
  /** 1-based row as a spreadsheet program shows it; 0 for the file as a whole. */
  readonly row: number;
  /** The header text as written in the file, when the problem sits in one column. */
  readonly column?: string;
  /** The field the column maps to (e.g. 'name', 'seat'), for the UI to name it in its own words. */
  readonly field?: string;
  readonly reason: ReasonCode;
  /** The offending cell text, or the limit for TOO_MANY_ROWS / FILE_TOO_LARGE. */
  readonly value?: string;
  /** For a DUPLICATE_* reason: the earlier row that holds the same value. */
  readonly duplicateOf?: number;
}

export interface ImportResult<T> {
  /** Rows that passed every check, in file order, with generated ids. */
  readonly rows: T[];
  /** Every problem found, in file order. A row with a problem is not in `rows`. */
  readonly errors: ImportIssue[];
  /** Header texts of columns that map to no field, and "(C)"-style letters for unnamed columns holding data. */
  readonly ignoredColumns: string[];
}

export function fileFailure<T>(reason: FileReason, extra: Omit<ImportIssue, 'row' | 'reason'> = {}): ImportResult<T> {
  return { rows: [], errors: [{ row: 0, reason, ...extra }], ignoredColumns: [] };
}

/** Spreadsheet column letter for a 0-based index: 0 -> A, 25 -> Z, 26 -> AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
