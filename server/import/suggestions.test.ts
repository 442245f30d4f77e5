import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseTable, templateFile } from './index.js';
import { suggestionsSpec } from './suggestions.js';

const roster = [
  { id: 'd001', name: '张伟', group: '一团', seat: '' },
  { id: 'd002', name: '李娜', group: '一团', seat: '' },
  { id: 'd003', name: '王强', group: '二团', seat: '' },
  { id: 'd004', name: '王强', group: '三团', seat: '' },
];
const spec = suggestionsSpec(roster);
const csv = (text: string) => ({ name: 'jy.csv', data: Buffer.from(text, 'utf-8') });
const HEAD = '建议号,建议题目,领衔代表,附议代表,主办单位,会办单位,答复摘要\n';

describe('[R18] suggestions import', () => {
  it('matches deputies to the roster by name or id and splits lists of names and units', async () => {
    const r = await parseTable('suggestions', csv(`${HEAD}12,关于农村饮水的建议,张 伟,李娜、d003,县水利局,县财政局；县农业局,已纳入计划\n`), {}, spec);
    expect(r.errors).toEqual([]);
    expect(r.rows).toEqual([
      { id: 'g001', number: '12', name: '关于农村饮水的建议', lead: 'd001', person: '张伟', joined: ['d002', 'd003'], joinedNames: ['李娜', '王强'], units: ['县水利局'], jointUnits: ['县财政局', '县农业局'], reply: '已纳入计划' },
    ]);
  });

  it('a row naming a deputy not on the roster is an error naming them; a name two deputies share asks for the id', async () => {
    const r = await parseTable('suggestions', csv(`${HEAD}1,甲建议,张伟,赵六,县水利局,,\n2,乙建议,王强,,县交通局,,\n3,丙建议,李娜,,县交通局,,\n`), {}, spec);
    expect(r.rows.map((x) => x.number)).toEqual(['3']);
    expect(r.errors).toEqual([
      { row: 2, reason: 'UNKNOWN_DEPUTY', field: 'joined', column: '附议代表', value: '赵六' },
      { row: 3, reason: 'AMBIGUOUS_DEPUTY', field: 'lead', column: '领衔代表', value: '王强' },
    ]);
  });

  it('a repeated 建议号, a missing unit and a missing title are row errors like the roster', async () => {
    const r = await parseTable('suggestions', csv(`${HEAD}1,甲建议,张伟,,县水利局,,\n1,乙建议,李娜,,县水利局,,\n2,丙建议,李娜,,,,\n3,,李娜,,县水利局,,\n`), {}, spec);
    expect(r.rows.map((x) => x.number)).toEqual(['1']);
    expect(r.errors.map((e) => [e.row, e.reason, e.field])).toEqual([
      [3, 'DUPLICATE_NUMBER', 'number'],
      [4, 'INVALID_VALUE', 'units'],
      [5, 'MISSING_NAME', 'name'],
    ]);
  });

  it('the XLSX template imports against a roster holding its example deputies', async () => {
    const data = await templateFile('suggestions', 'xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(data as unknown as ArrayBuffer);
    expect(wb.worksheets[0]?.name).toBe('代表建议');
    const r = await parseTable('suggestions', { name: 't.xlsx', data }, {}, suggestionsSpec(roster.slice(0, 3)));
    expect(r.errors).toEqual([]);
    expect(r.rows.map((x) => [x.number, x.lead, x.joined])).toEqual([
      ['12', 'd001', ['d002', 'd003']],
      ['27', 'd002', []],
    ]);
  });
});

describe('[R18] suggestions CSV template', () => {
  it('imports back as its two example rows against a roster holding its example deputies, nothing ignored', async () => {
    const r = await parseTable('suggestions', { name: 't.csv', data: await templateFile('suggestions', 'csv') }, {}, suggestionsSpec(roster.slice(0, 3)));
    expect(r.errors).toEqual([]);
    expect(r.ignoredColumns).toEqual([]);
    expect(r.rows.map((x) => x.id)).toEqual(['g001', 'g002']);
  });
});
