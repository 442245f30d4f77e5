// The audience's figures in the results exports (SPEC Y20): a sheet of its own, headed as the
// public's opinion apart from the deputies' legal result, with each group's participants, level
// counts, 满意率 and score, and the combined figure with its weights and rule; the deputies'
// item sheet stays the same. Figures from shared/test/audience-meeting.ts, checked exactly.
import { describe, expect, it } from 'vitest';
import { meetingReport } from '../../shared/report.js';
import { audienceMeeting } from '../../shared/test/audience-meeting.js';
import { sheetsToCsv } from './csv.js';
import { reportSheets } from './tables.js';
import { sheetsToXlsx } from './xlsx.js';

describe('audience figures in the results exports', () => {
  const report = meetingReport(audienceMeeting(), 5000);

  it('[Y20] the report holds the closed polls and the combined figure apart from the items', () => {
    expect(report.audience).toHaveLength(1);
    const [rec] = report.audience;
    expect(rec?.figures.map((f) => [f.group, f.n])).toEqual([
      ['online', 4],
      ['onsite', 2],
    ]);
    expect(rec?.figures[0]?.subjects.map((x) => [x.name, x.satisfactionRate, x.score])).toEqual([
      ['县住建局', 0.75, 65],
      ['县水利局', 0.25, 25],
    ]);
    expect(rec?.combined?.weights).toEqual({ deputies: 70, online: 30, onsite: 0 });
    expect(rec?.combined?.subjects.map((x) => x.score)).toEqual([83.9, 55.1]);
    expect(rec?.combined?.subjects.map((x) => x.satisfactionRate?.toFixed(4))).toEqual(['0.9250', '0.6350']);
  });

  it('[Y20] the CSV has a sheet of its own with every figure, labelled apart from the legal result', () => {
    const sheets = reportSheets(report);
    const aud = sheets.find((s) => s.name === '网络与现场评议');
    expect(aud).toBeDefined();
    // The deputies' item sheet carries none of it (never mixed in, Y2).
    const item = sheets.find((s) => s.name.includes('部门满意度测评'));
    expect(JSON.stringify(item)).not.toMatch(/网络|现场观众|综合/);
    const lines = sheetsToCsv([aud!]).slice(1).split('\r\n');
    expect(lines).toEqual([
      '【网络与现场评议】',
      '网络评议与现场观众评议：公众意见，单独统计，不计入代表测评的法定结果',
      '',
      '事项,部门满意度测评',
      '网络评议（网络满意度）,参与人数,4',
      '测评对象,满意,基本满意,不满意,评价人数,满意率,得分',
      '县住建局,2,1,1,4,75.0%,65',
      '县水利局,1,0,3,4,25.0%,25',
      '现场观众（现场观众满意度）,参与人数,2',
      '测评对象,满意,基本满意,不满意,评价人数,满意率,得分',
      '县住建局,2,0,0,2,100.0%,100',
      '县水利局,0,1,1,2,50.0%,30',
      '综合满意度,权重,代表测评 70% · 网络评议 30% · 现场观众 0%',
      '测评对象,满意率,得分',
      '县住建局,92.5%,83.9',
      '县水利局,63.5%,55.1',
      '规则,综合得分、综合满意率 = 各部分结果 × 其权重 ÷ 100 之和；有权重的部分没有结果时不计算（—），其权重不转给其他部分（规则 Y5）',
      '',
    ]);
  });

  it('[Y20] the XLSX keeps the shares as numbers in the audience sheet', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(await sheetsToXlsx(reportSheets(report), 't')).buffer);
    const ws = wb.getWorksheet('网络与现场评议');
    expect(ws).toBeDefined();
    const row = ws!.getRow(6); // the note, a blank line, the item, the group, the header: then 县住建局
    expect(row.getCell(1).value).toBe('县住建局');
    expect(row.getCell(6).value).toBe(0.75);
    expect(row.getCell(6).numFmt).toBe('0.0%');
    expect(row.getCell(7).value).toBe(65);
  });

  it('a meeting without a closed audience poll has no audience sheet', () => {
    const plain = meetingReport({ ...audienceMeeting(), audience: [] }, 5000);
    expect(plain.audience).toEqual([]);
    expect(reportSheets(plain).some((s) => s.name === '网络与现场评议')).toBe(false);
  });
});
