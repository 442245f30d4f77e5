import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ImportKind, SPECS, parseTable, templateFile, templateFileName, templateHeaders } from './index.js';

describe('templateFile', () => {
  // Suggestions name deputies, so they import only against a roster: suggestions.test.ts checks that template.
  for (const kind of ImportKind.options.filter((k) => k !== 'suggestions')) {
    for (const format of ['xlsx', 'csv'] as const) {
      it(`${kind} ${format} template imports back as its two example rows, with nothing ignored`, async () => {
        const data = await templateFile(kind, format);
        const r = await parseTable(kind, { name: templateFileName(kind, format), data });
        expect(r.errors).toEqual([]);
        expect(r.ignoredColumns).toEqual([]);
        expect(r.rows).toHaveLength(2);
        expect(r.rows.map((row) => row.id)).toEqual([`${SPECS[kind].idPrefix}001`, `${SPECS[kind].idPrefix}002`]);
      });
    }
  }

  it('writes CSV as UTF-8 with a BOM, so Excel on a Chinese Windows opens it correctly', async () => {
    const data = await templateFile('roster', 'csv');
    expect([...data.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(data.toString('utf-8').slice(1).split('\r\n')[0]).toBe('姓名,代表团,座位');
  });

  it('writes XLSX with a bold, frozen header row of the first aliases', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(await templateFile('projects', 'xlsx')).buffer);
    const ws = wb.worksheets[0];
    expect(ws?.name).toBe('候选项目');
    expect(ws?.getRow(1).values).toEqual([undefined, ...templateHeaders('projects')]);
    expect(ws?.getRow(1).font?.bold).toBe(true);
    expect(ws?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws?.actualRowCount).toBe(3);
  });
});
