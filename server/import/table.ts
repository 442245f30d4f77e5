// The one generic table parser: a grid of cell strings and a kind's spec in, accepted rows
// with ids and row-by-row issues out. Every row goes through the model's zod schema; a row
// with any issue is left out of `rows`, and the issues say why, so the moderator can fix the
// spreadsheet and import again.
import { findHeader, isBlank, unnamedWithData, type HeaderMatch, type MappedColumn } from './header.js';
import { fileFailure, ROW_REASONS, type ImportIssue, type ImportResult, type RowReason } from './reasons.js';
import type { KindSpec } from './specs.js';

/** Issue values are echoed to the UI; a pasted essay in a cell does not need to travel whole. */
const MAX_ECHO = 200;

/**
 * Parses the first grid whose header names the required columns (an XLSX file may carry a
 * notes sheet before the data sheet). `maxRows` caps data rows; blank rows do not count.
 */
export function parseGrids<T extends { id: string }>(
  spec: KindSpec<T>,
  grids: readonly (readonly (readonly string[])[])[],
  maxRows: number = spec.maxRows,
): ImportResult<T> {
  if (grids.every((g) => g.every(isBlank))) return fileFailure('EMPTY_FILE');
  for (const grid of grids) {
    const header = findHeader(grid, spec.columns);
    if (header) return parseBody(spec, grid, header, maxRows);
  }
  const missing = spec.columns.find((c) => c.required === true);
  return fileFailure('MISSING_HEADER', missing ? { field: missing.field } : {});
}

function parseBody<T extends { id: string }>(
  spec: KindSpec<T>,
  grid: readonly (readonly string[])[],
  header: HeaderMatch,
  maxRows: number,
): ImportResult<T> {
  const body = grid
    .map((cells, index) => ({ cells, row: index + 1 }))
    .slice(header.rowIndex + 1)
    .filter((r) => !isBlank(r.cells));
  if (body.length === 0) return fileFailure('EMPTY_FILE');
  if (body.length > maxRows) return fileFailure('TOO_MANY_ROWS', { value: String(maxRows) });

  const errors: ImportIssue[] = [];
  const accepted: T[] = [];
  const seen = spec.unique.map(() => new Map<string, number>());
  for (const { cells, row } of body) {
    const raw: Record<string, string> = { id: `${spec.idPrefix}0` };
    for (const col of header.columns) raw[col.spec.field] = cleanCell(cells[col.index] ?? '', col);
    const parsed = spec.schema.safeParse(raw);
    if (!parsed.success) {
      errors.push(...schemaIssues(parsed.error.issues, row, header.columns, raw));
      continue;
    }
    const dup = spec.unique.findIndex((rule, i) => {
      const key = rule.key(parsed.data);
      return key !== null && seen[i]?.has(key) === true;
    });
    if (dup >= 0) {
      const rule = spec.unique[dup];
      if (rule) {
        const key = rule.key(parsed.data) ?? '';
        const col = header.columns.find((c) => c.spec.field === rule.field);
        errors.push(issue(row, rule.reason, rule.field, col, raw[rule.field], seen[dup]?.get(key)));
      }
      continue;
    }
    spec.unique.forEach((rule, i) => {
      const key = rule.key(parsed.data);
      if (key !== null) seen[i]?.set(key, row);
    });
    accepted.push(parsed.data);
  }
  const width = Math.max(3, String(accepted.length).length);
  const rows = accepted.map((r, i) => ({ ...r, id: `${spec.idPrefix}${String(i + 1).padStart(width, '0')}` }));
  return { rows, errors, ignoredColumns: [...header.ignored, ...unnamedWithData(header, grid)] };
}

interface ZodIssueLike {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  /** A spec's own check (code 'custom') names its RowReason here, and the cell text at fault in params.value. */
  readonly message?: string;
  readonly params?: { readonly value?: unknown };
}

const isRowReason = (x: unknown): x is RowReason => (ROW_REASONS as readonly unknown[]).includes(x);

/** One issue per field the schema refused, named in the model's terms. */
function schemaIssues(
  issues: readonly ZodIssueLike[],
  row: number,
  columns: readonly MappedColumn[],
  raw: Record<string, string>,
): ImportIssue[] {
  const byField = new Map<string, { reason: RowReason; value: string | undefined }>();
  for (const zi of issues) {
    const field = String(zi.path[0] ?? '');
    if (byField.has(field)) continue;
    const isName = field === 'name';
    const reason: RowReason =
      zi.code === 'too_small' && isName ? 'MISSING_NAME'
      : zi.code === 'too_big' && isName ? 'NAME_TOO_LONG'
      : zi.code === 'too_big' ? 'VALUE_TOO_LONG'
      : zi.code === 'custom' && isRowReason(zi.message) ? zi.message
      : 'INVALID_VALUE';
    byField.set(field, { reason, value: typeof zi.params?.value === 'string' ? zi.params.value : raw[field] });
  }
  return [...byField].map(([field, { reason, value }]) => {
    const col = columns.find((c) => c.spec.field === field);
    return issue(row, reason, field, col, value);
  });
}

function issue(
  row: number,
  reason: RowReason,
  field: string,
  col: MappedColumn | undefined,
  value: string | undefined,
  duplicateOf?: number,
): ImportIssue {
  return {
    row,
    reason,
    field,
    ...(col ? { column: col.header } : {}),
    ...(value !== undefined && value !== '' ? { value: value.slice(0, MAX_ECHO) } : {}),
    ...(duplicateOf !== undefined ? { duplicateOf } : {}),
  };
}

const HAN = '\\p{Script=Han}';
const PADDING_BETWEEN_HAN = new RegExp(`(?<=${HAN})\\s+(?=${HAN})`, 'gu');
/** The separator in transliterated names (阿依古丽·买买提) is typed many ways; GB standard is U+00B7. */
const NAME_DOT_BETWEEN_HAN = new RegExp(`(?<=${HAN})\\s*[.．•・‧∙⋅·]\\s*(?=${HAN})`, 'gu');

/** Cell text as the model wants it: whitespace collapsed, names unpadded, units attached to bare numbers. */
export function cleanCell(text: string, col: Pick<MappedColumn, 'spec' | 'unit'>): string {
  let value = text.replace(/\s+/gu, ' ').trim();
  if (col.spec.personName === true) value = value.replace(PADDING_BETWEEN_HAN, '').replace(NAME_DOT_BETWEEN_HAN, '·');
  if (col.spec.unitFromHeader === true && col.unit !== '' && /^-?\d+(?:\.\d+)?$/.test(value)) value = `${value} ${col.unit}`;
  return value;
}
