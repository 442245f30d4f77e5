// The notice PDF on its own: an A4 page, and text in every font subset, including the one
// fontkit cannot read (subset 101 of Noto Sans SC: 乍, 戊), never crashes the download.
import { describe, expect, it } from 'vitest';
import { renderNoticePdf } from './notice-pdf.js';
import type { NoticeText } from './words.js';

const notice = (name: string): NoticeText => ({
  kind: 'projects',
  title: '公告',
  number: '第1号',
  lead: '本次会议对民生实事项目进行了票决。现公告如下：',
  columns: ['序号', '项目名称', '承办部门', '得票'],
  numeric: [true, false, false, true],
  rows: [['1', name, '县住建局', '25']],
  statements: [],
  closing: '特此公告。',
  issuer: '××县人民代表大会主席团',
  date: '2026年3月5日',
  seal: '（盖章）',
});

describe('notice PDF', () => {
  it('[N4] is one A4 page with the fonts embedded', async () => {
    const pdf = await renderNoticePdf(notice('城区老旧小区改造'), '会议');
    const raw = pdf.toString('latin1');
    expect(raw.startsWith('%PDF-')).toBe(true);
    expect(raw.match(/\/Type \/Page\b/g)?.length).toBe(1);
    expect(raw).toContain('/FontFile2');
  });

  it('a name with a character of the subset fontkit cannot read (戊) still prints', async () => {
    const pdf = await renderNoticePdf(notice('戊戌村乍浦路改造'), '会议');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
