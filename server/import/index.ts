// Meeting preparation imports: rosters, candidate projects and rating subjects from CSV or
// XLSX, and the templates to fill in. The server's upload handler calls parseTable and shows
// the moderator `errors` row by row before it stores `rows`.
export { parseTable, sniffFormat, DEFAULT_MAX_BYTES, type ImportFile, type ImportLimits, type FileFormat } from './parse.js';
export { templateFile, templateFileName, templateHeaders, type TemplateFormat } from './template.js';
export { ImportKind, SPECS, type KindRow, type KindSpec, type ColumnSpec } from './specs.js';
export {
  FILE_REASONS,
  ROW_REASONS,
  type ReasonCode,
  type FileReason,
  type RowReason,
  type ImportIssue,
  type ImportResult,
} from './reasons.js';
