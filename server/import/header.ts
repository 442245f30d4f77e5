// Finding the header row and mapping its columns to fields. Spreadsheets from the field put
// a title row or two above the header (XX市人民代表大会代表名单), write headers with stray
// spaces, full-width letters, a required-marker star or a unit in brackets (预算（万元）),
// so the match is on a normalised form and the header may sit anywhere in the first rows.
import { columnLetter } from './reasons.js';
import type { ColumnSpec } from './specs.js';

/** How many non-blank rows from the top may precede the header. */
export const HEADER_SCAN_ROWS = 10;

export interface MappedColumn {
  readonly spec: ColumnSpec;
  /** 0-based cell index in the row. */
  readonly index: number;
  /** The header as written in the file, trimmed. */
  readonly header: string;
  /** The bracketed unit of the header, '' when none: 预算（万元） gives 万元. */
  readonly unit: string;
}

export interface HeaderMatch {
  /** 0-based index of the header row in the grid. */
  readonly rowIndex: number;
  readonly columns: readonly MappedColumn[];
  /** Header texts that matched no field, or lost to a better-ranked alias. */
  readonly ignored: readonly string[];
  /** 0-based indexes of columns with an empty header, to be reported only if they hold data. */
  readonly unnamed: readonly number[];
  /** Cells in the header row; columns at or past it are unnamed too. */
  readonly width: number;
}

/** Width-fold (NFKC), drop spaces, separators and stars, lower-case; a trailing bracket is split off as the unit. */
export function normalizeHeader(text: string): { key: string; unit: string } {
  const folded = text.normalize('NFKC').trim();
  const bracket = /[([](.*?)[)\]]\s*$/u.exec(folded);
  const unit = bracket?.[1]?.trim() ?? '';
  const base = bracket ? folded.slice(0, bracket.index) : folded;
  const key = base.replace(/[\s*_\-.:：·]+/gu, '').toLowerCase();
  return { key, unit };
}

/** Maps one candidate header row; null when a required column is missing. */
export function matchHeader(row: readonly string[], columns: readonly ColumnSpec[]): Omit<HeaderMatch, 'rowIndex'> | null {
  const best = new Map<string, { col: MappedColumn; rank: number }>();
  const ignored: string[] = [];
  const unnamed: number[] = [];
  row.forEach((cell, index) => {
    const header = cell.trim();
    if (header === '') {
      unnamed.push(index);
      return;
    }
    const { key, unit } = normalizeHeader(header);
    let hit: { spec: ColumnSpec; rank: number } | null = null;
    for (const spec of columns) {
      const rank = spec.aliases.findIndex((a) => normalizeHeader(a).key === key);
      if (rank >= 0) {
        hit = { spec, rank };
        break;
      }
    }
    if (!hit) {
      ignored.push(header);
      return;
    }
    const current = best.get(hit.spec.field);
    if (current && current.rank <= hit.rank) {
      ignored.push(header);
      return;
    }
    if (current) ignored.push(current.col.header);
    best.set(hit.spec.field, { col: { spec: hit.spec, index, header, unit }, rank: hit.rank });
  });
  if (columns.some((c) => c.required === true && !best.has(c.field))) return null;
  const mapped = [...best.values()].map((b) => b.col).sort((a, b) => a.index - b.index);
  return { columns: mapped, ignored, unnamed, width: row.length };
}

/** The first row, among the first HEADER_SCAN_ROWS non-blank ones, that names every required column. */
export function findHeader(grid: readonly (readonly string[])[], columns: readonly ColumnSpec[]): HeaderMatch | null {
  let seen = 0;
  for (let rowIndex = 0; rowIndex < grid.length && seen < HEADER_SCAN_ROWS; rowIndex += 1) {
    const row = grid[rowIndex] ?? [];
    if (isBlank(row)) continue;
    seen += 1;
    const match = matchHeader(row, columns);
    if (match) return { rowIndex, ...match };
  }
  return null;
}

export function isBlank(row: readonly string[]): boolean {
  return row.every((cell) => cell.trim() === '');
}

/** Unnamed columns that hold data somewhere below the header, as "(C)". */
export function unnamedWithData(match: HeaderMatch, grid: readonly (readonly string[])[]): string[] {
  const body = grid.slice(match.rowIndex + 1);
  const widest = Math.max(match.width, ...body.map((row) => row.length));
  const candidates = [...match.unnamed];
  for (let i = match.width; i < widest; i += 1) candidates.push(i);
  return candidates.filter((i) => body.some((row) => (row[i] ?? '').trim() !== '')).map((i) => `(${columnLetter(i)})`);
}
