// Downloadable templates: the header row and two example rows of a kind, as XLSX or CSV.
// They are built from the same spec the parser reads, so a template always imports cleanly.
// exceljs is loaded on first use (an XLSX template), not when the server starts.
import { toCsv } from '../csv.js';
import { SPECS, type ImportKind } from './specs.js';

export type TemplateFormat = 'xlsx' | 'csv';

/** Sheet names as the template's readers expect them (the file itself is in Chinese). */
const SHEET_NAMES: { readonly [K in ImportKind]: string } = {
  roster: '代表名单',
  projects: '候选项目',
  subjects: '测评对象',
  suggestions: '代表建议',
};

export function templateHeaders(kind: ImportKind): string[] {
  return SPECS[kind].columns.map((c) => c.aliases[0] ?? c.field);
}

export function templateFileName(kind: ImportKind, format: TemplateFormat): string {
  return `${SHEET_NAMES[kind]}模板.${format}`;
}

export async function templateFile(kind: ImportKind, format: TemplateFormat): Promise<Buffer> {
  const { examples } = SPECS[kind];
  const headers = templateHeaders(kind);
  return format === 'csv' ? csvTemplate(headers, examples) : xlsxTemplate(SHEET_NAMES[kind], headers, examples);
}

/** By the one CSV writer (server/csv.ts): UTF-8 with a BOM (else Excel on a Chinese Windows shows mojibake), CRLF. */
function csvTemplate(headers: readonly string[], examples: readonly (readonly string[])[]): Buffer {
  return Buffer.from(toCsv([headers, ...examples]), 'utf-8');
}

async function xlsxTemplate(sheetName: string, headers: readonly string[], examples: readonly (readonly string[])[]): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Wenzheng';
  const ws = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = headers.map((header, i) => ({
    header,
    // Wide enough for the longest example; CJK characters count double.
    width: Math.max(10, ...[header, ...examples.map((r) => r[i] ?? '')].map(displayWidth)) + 2,
    // Text format, so seats like 01 and budgets like 3200 stay as typed.
    style: { numFmt: '@' },
  }));
  for (const row of examples) ws.addRow([...row]);
  const headerRow = ws.getRow(1);
  headerRow.font = { bold: true };
  headerRow.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  const out = await workbook.xlsx.writeBuffer();
  return Buffer.from(out);
}

function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += (ch.codePointAt(0) ?? 0) > 0x2e80 ? 2 : 1;
  return w;
}
