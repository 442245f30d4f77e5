// The 测评结果通报 with the audience's figures (SPEC Y20): a part of its own after the deputies'
// table, headed as the public's opinion apart from the legal result, with each group's
// participants and figures and the combined figure with its weights and rule; the PDF prints
// every character of it (read back with pdftotext). Figures: shared/test/audience-meeting.ts.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { noticeOf } from '../../shared/notice.js';
import { audienceMeeting } from '../../shared/test/audience-meeting.js';
import { resultOf } from '../../shared/views.js';
import { renderNoticePdf } from './notice-pdf.js';
import { missingGlyphs } from '../qr-sheet/fonts.js';
import { noticeText } from './words.js';

function textOf() {
  const n = noticeOf(audienceMeeting(), 'rate1', resultOf);
  if (!n.ok) throw new Error(n.error);
  return noticeText(n.value);
}

describe('测评结果通报 with the audience figures', () => {
  it('[Y20] the deputies\' table is unchanged; the audience part follows it, labelled apart', () => {
    const t = textOf();
    expect(t.rows).toEqual([
      ['1', '县住建局', '8', '2', '0', '100.0%', '92.00', ''],
      ['2', '县水利局', '5', '3', '2', '80.0%', '68.00', ''],
    ]);
    expect(t.annex?.title).toBe('网络评议与现场观众评议情况');
    expect(t.annex?.intro).toBe('以下为公众意见，单独统计，不计入代表测评的法定结果。');
    expect(t.annex?.tables.map((x) => x.heading)).toEqual([
      '网络评议（网络满意度）：参与4人',
      '现场观众（现场观众满意度）：参与2人',
      '综合满意度：代表测评70%、网络评议30%、现场观众0%',
    ]);
    expect(t.annex?.tables[0]?.columns).toEqual(['测评对象', '满意', '基本满意', '不满意', '满意率', '得分']);
    expect(t.annex?.tables.map((x) => x.rows)).toEqual([
      [
        ['县住建局', '2', '1', '1', '75.0%', '65.00'],
        ['县水利局', '1', '0', '3', '25.0%', '25.00'],
      ],
      [
        ['县住建局', '2', '0', '0', '100.0%', '100.00'],
        ['县水利局', '0', '1', '1', '50.0%', '30.00'],
      ],
      [
        ['县住建局', '92.5%', '83.90'],
        ['县水利局', '63.5%', '55.10'],
      ],
    ]);
    expect(t.annex?.rule).toContain('规则 Y5');
    // Every character of it is in the PDF's font (a Σ printed as an empty box once).
    const a = t.annex;
    expect(missingGlyphs([a?.title ?? '', a?.intro ?? '', a?.rule ?? '', ...(a?.tables.flatMap((x) => [x.heading, ...x.columns, ...x.rows.flat()]) ?? [])])).toEqual([]);
  });

  it('[Y20] a rating notice without a closed audience poll has no audience part', () => {
    const n = noticeOf({ ...audienceMeeting(), audience: [] }, 'rate1', resultOf);
    expect(n.ok && noticeText(n.value).annex).toBeUndefined();
  });

  it('[Y20] the PDF prints the audience part: every character renders (pdftotext)', async () => {
    const pdf = await renderNoticePdf(textOf(), '县人大常委会电视问政');
    const dir = mkdtempSync(join(tmpdir(), 'wz-notice-'));
    try {
      writeFileSync(join(dir, 'n.pdf'), pdf);
      const text = execFileSync('pdftotext', [join(dir, 'n.pdf'), '-']).toString('utf-8').replace(/\s+/g, '');
      for (const s of [
        '网络评议与现场观众评议情况',
        '以下为公众意见，单独统计，不计入代表测评的法定结果。',
        '网络评议（网络满意度）：参与4人',
        '现场观众（现场观众满意度）：参与2人',
        '综合满意度：代表测评70%、网络评议30%、现场观众0%',
        '75.0%',
        '65.00',
        '92.5%',
        '83.90',
        '63.5%',
        '55.10',
        '规则Y5',
        '特此通报。',
      ])
        expect(text).toContain(s);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
