import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseTable } from './index.js';

const csvFile = (text: string, name = 'list.csv') => ({ name, data: Buffer.from(text, 'utf-8') });

async function xlsxFile(build: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void): Promise<{ name: string; data: Buffer }> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet('名单'), wb);
  return { name: 'list.xlsx', data: Buffer.from(await wb.xlsx.writeBuffer()) };
}

describe('parseTable roster from CSV', () => {
  it('reads a clean UTF-8 roster with a BOM and gives stable ids in file order', async () => {
    const r = await parseTable('roster', csvFile('\uFEFF姓名,代表团,座位\r\n张伟,第一代表团,1排1号\r\n李娜,第二代表团,1排2号\r\n'));
    expect(r.errors).toEqual([]);
    expect(r.ignoredColumns).toEqual([]);
    expect(r.rows).toEqual([
      { id: 'd001', name: '张伟', group: '第一代表团', seat: '1排1号' },
      { id: 'd002', name: '李娜', group: '第二代表团', seat: '1排2号' },
    ]);
  });

  it('matches English headers regardless of case and spaces, without a BOM', async () => {
    const r = await parseTable('roster', csvFile('Name , GROUP,Seat No\nAda Lovelace,London,A1\n'));
    expect(r.rows).toEqual([{ id: 'd001', name: 'Ada Lovelace', group: 'London', seat: 'A1' }]);
  });

  it('gives the same ids for the same file twice', async () => {
    const file = csvFile('姓名\n甲\n乙\n丙\n');
    const [a, b] = [await parseTable('roster', file), await parseTable('roster', file)];
    expect(a.rows.map((d) => d.id)).toEqual(['d001', 'd002', 'd003']);
    expect(b.rows).toEqual(a.rows);
  });

  it('decodes a GBK file from Chinese Excel, skips its title row, and reports bad rows one by one', async () => {
    const data = readFileSync(new URL('./fixtures/roster-gbk.csv', import.meta.url));
    const r = await parseTable('roster', { name: '代表名单.csv', data });
    expect(r.rows.map((d) => d.name)).toEqual(['刘德华', '王芳', '欧阳娜娜']);
    expect(r.rows[2]).toEqual({ id: 'd003', name: '欧阳娜娜', group: '开发区代表团', seat: '2排1号' });
    expect(r.ignoredColumns).toEqual(['序号', '联系电话']);
    expect(r.errors).toEqual([
      { row: 6, reason: 'MISSING_NAME', field: 'name', column: '姓名' },
      { row: 7, reason: 'DUPLICATE_SEAT', field: 'seat', column: '座位', value: '1排2号', duplicateOf: 4 },
    ]);
  });

  it('reports every refused field of a row with the model reason, and keeps the good rows', async () => {
    const long = '长'.repeat(41);
    const text = ['姓名,代表团,座位', `${long},一团,1`, `张三,${'团'.repeat(41)},2`, '李四,一团,3', '李四,一团,4', '李四,二团,5'].join('\n');
    const r = await parseTable('roster', csvFile(text));
    expect(r.rows.map((d) => [d.name, d.group])).toEqual([['李四', '一团'], ['李四', '二团']]);
    expect(r.errors).toEqual([
      { row: 2, reason: 'NAME_TOO_LONG', field: 'name', column: '姓名', value: long },
      { row: 3, reason: 'VALUE_TOO_LONG', field: 'group', column: '代表团', value: '团'.repeat(41) },
      { row: 5, reason: 'DUPLICATE_NAME_IN_GROUP', field: 'name', column: '姓名', value: '李四', duplicateOf: 4 },
    ]);
  });

  it('treats seats that differ only in width or case as the same seat', async () => {
    const r = await parseTable('roster', csvFile('姓名,座位\n甲,A12\n乙,ａ１２\n丙,\n丁,\n'));
    expect(r.rows.map((d) => d.name)).toEqual(['甲', '丙', '丁']);
    expect(r.errors.map((e) => [e.row, e.reason])).toEqual([[3, 'DUPLICATE_SEAT']]);
  });

  it('lists ignored columns, including unnamed ones that hold data', async () => {
    const r = await parseTable('roster', csvFile('序号,姓名,,备注\n1,张三,,\n2,李四,x,,extra\n'));
    expect(r.rows).toHaveLength(2);
    expect(r.ignoredColumns).toEqual(['序号', '备注', '(C)', '(E)']);
  });

  it('takes the better-ranked alias when two columns name the same field', async () => {
    const r = await parseTable('projects', csvFile('名称,项目名称\n短名,老旧小区改造\n'));
    expect(r.rows[0]?.name).toBe('老旧小区改造');
    expect(r.ignoredColumns).toEqual(['名称']);
  });

  it('removes hand padding in Chinese names and unifies the name dot', async () => {
    const r = await parseTable('roster', csvFile('姓名\n王\u3000五\n阿依古丽•买买提\nJohn  Smith\n'));
    expect(r.rows.map((d) => d.name)).toEqual(['王五', '阿依古丽·买买提', 'John Smith']);
  });
});

describe('parseTable file-level refusals', () => {
  it('refuses an empty file and a file of blank lines', async () => {
    expect((await parseTable('roster', csvFile(''))).errors).toEqual([{ row: 0, reason: 'EMPTY_FILE' }]);
    expect((await parseTable('roster', csvFile('\n , \n\n'))).errors).toEqual([{ row: 0, reason: 'EMPTY_FILE' }]);
    expect((await parseTable('roster', csvFile('姓名,座位\n'))).errors).toEqual([{ row: 0, reason: 'EMPTY_FILE' }]);
  });

  it('refuses a file without a name column, naming the missing field', async () => {
    const r = await parseTable('roster', csvFile('代表团,座位\n一团,1\n'));
    expect(r.rows).toEqual([]);
    expect(r.errors).toEqual([{ row: 0, reason: 'MISSING_HEADER', field: 'name' }]);
  });

  it('refuses more rows than the limit, and more than the model allows for the kind', async () => {
    const rows = (n: number) => ['姓名', ...Array.from({ length: n }, (_, i) => `代表${i}`)].join('\n');
    expect((await parseTable('roster', csvFile(rows(11)), { maxRows: 10 })).errors).toEqual([
      { row: 0, reason: 'TOO_MANY_ROWS', value: '10' },
    ]);
    expect((await parseTable('roster', csvFile(rows(10)), { maxRows: 10 })).rows).toHaveLength(10);
    const projects = ['项目名称', ...Array.from({ length: 201 }, (_, i) => `项目${i}`)].join('\n');
    expect((await parseTable('projects', csvFile(projects), { maxRows: 5000 })).errors[0]?.reason).toBe('TOO_MANY_ROWS');
  });

  it('refuses a file above the byte limit unread', async () => {
    const r = await parseTable('roster', csvFile(`姓名\n${'张三\n'.repeat(100)}`), { maxBytes: 100 });
    expect(r.errors).toEqual([{ row: 0, reason: 'FILE_TOO_LARGE', value: '100' }]);
  });

  it('tells the old .xls format apart from junk', async () => {
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]);
    expect((await parseTable('roster', { name: 'a.xls', data: ole })).errors[0]?.reason).toBe('XLS_NOT_SUPPORTED');
    expect((await parseTable('roster', { name: 'a.bin', data: Buffer.from([1, 0, 2, 0, 3]) })).errors[0]?.reason).toBe('BAD_FILE');
    expect((await parseTable('roster', { name: 'a.xlsx', data: Buffer.from('姓名\n张三\n') })).errors[0]?.reason).toBe('BAD_FILE');
    const brokenZip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64, 7)]);
    expect((await parseTable('roster', { name: 'a.xlsx', data: brokenZip })).errors[0]?.reason).toBe('BAD_FILE');
  });
});

describe('parseTable from XLSX', () => {
  it('reads a roster with a merged title, a vertically merged 代表团 column and numeric seats', async () => {
    const file = await xlsxFile((ws) => {
      ws.addRow(['2025年代表名单']);
      ws.mergeCells('A1:C1');
      ws.addRow(['姓名', '代表团', '座位号']);
      ws.addRow(['张伟', '第一代表团', 101]);
      ws.addRow(['李娜', null, 102]);
      ws.addRow([{ richText: [{ text: '赵' }, { text: '敏', font: { bold: true } }] }, '第二代表团', 201]);
      ws.mergeCells('B3:B4');
    });
    const r = await parseTable('roster', file);
    expect(r.errors).toEqual([]);
    expect(r.rows).toEqual([
      { id: 'd001', name: '张伟', group: '第一代表团', seat: '101' },
      { id: 'd002', name: '李娜', group: '第一代表团', seat: '102' },
      { id: 'd003', name: '赵敏', group: '第二代表团', seat: '201' },
    ]);
  });

  it('reads projects with formula results, date deadlines and a unit in the header, from the second sheet', async () => {
    const file = await xlsxFile((notes, wb) => {
      notes.addRow(['填表说明：每行一个项目']);
      const ws = wb.addWorksheet('项目');
      ws.addRow(['序号', '项目名称', '责任单位', '投资（万元）', '完成时限']);
      ws.addRow([1, '老旧小区改造', '市住建局', { formula: '1000+2200', result: 3200 }, new Date(Date.UTC(2025, 11, 31))]);
      ws.addRow([2, { text: '背街小巷整治', hyperlink: 'http://intranet/p2' }, '市城管局', '约 800 万元', '2025年底']);
    });
    const r = await parseTable('projects', file);
    expect(r.errors).toEqual([]);
    expect(r.ignoredColumns).toEqual(['序号']);
    expect(r.rows).toEqual([
      { id: 'p001', name: '老旧小区改造', department: '市住建局', budget: '3200 万元', deadline: '2025-12-31' },
      { id: 'p002', name: '背街小巷整治', department: '市城管局', budget: '约 800 万元', deadline: '2025年底' },
    ]);
  });

  it('reads rating subjects and reports spreadsheet row numbers across blank rows', async () => {
    const file = await xlsxFile((ws) => {
      ws.addRow(['单位', '负责人', '职务']);
      ws.addRow(['市教育局', '周\u3000平', '局长']);
      ws.addRow([]);
      ws.getCell('A4').value = '市教育局';
      ws.getCell('B4').value = '吴刚';
    });
    const r = await parseTable('subjects', file);
    expect(r.rows).toEqual([{ id: 's001', name: '市教育局', person: '周平', title: '局长' }]);
    expect(r.errors).toEqual([{ row: 4, reason: 'DUPLICATE_NAME', field: 'name', column: '单位', value: '市教育局', duplicateOf: 2 }]);
  });
});
