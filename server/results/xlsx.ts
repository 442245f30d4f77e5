// XLSX of the results report with exceljs: one worksheet per sheet, headings bold, columns
// sized to their text (a CJK character counts double), manual and voided marks kept as text.
// exceljs is loaded on first use: a server that never exports does not carry it (~25 MB).
import type { Cell, Sheet } from './sheet.js';

const width = (c: Cell) => (c === null ? 0 : typeof c === 'object' ? 6 : [...String(c)].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0));
/** Shares stay numbers (sortable, summable) shown as percentages. */
const value = (c: Cell) => (c !== null && typeof c === 'object' ? c.pct : c);

export async function sheetsToXlsx(sheets: readonly Sheet[], title: string): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = '问政表决台';
  wb.title = title;
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name);
    for (const row of sheet.rows) {
      const added = ws.addRow(row.map(value));
      row.forEach((c, i) => {
        if (c !== null && typeof c === 'object') added.getCell(i + 1).numFmt = '0.0%';
      });
    }
    for (const i of sheet.headings) ws.getRow(i + 1).font = { bold: true };
    const cols = Math.max(0, ...sheet.rows.map((r) => r.length));
    for (let c = 0; c < cols; c++) {
      const w = Math.max(6, ...sheet.rows.map((r) => width(r[c] ?? null)));
      ws.getColumn(c + 1).width = Math.min(60, w + 2);
    }
  }
  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out);
}
