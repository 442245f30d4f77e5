// A report's table as every export writes it (xlsx.ts, csv.ts): apart from tables.ts, which
// builds the sheets, so segment-sheet.ts can build one without importing tables.ts back.

/** A share kept as a number: XLSX writes it with the 0.0% format, CSV as "85.0%". */
export interface Pct {
  pct: number;
}
export type Cell = string | number | Pct | null;
export interface Sheet {
  name: string;
  /** Row indexes (into rows) of headings, drawn bold in XLSX. */
  headings: number[];
  rows: Cell[][];
}
