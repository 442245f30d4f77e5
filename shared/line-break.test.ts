import { describe, expect, it } from 'vitest';
import { badLineStarts, breakUnits, wrapText } from './line-break.js';

const em = (s: string) => [...s].length; // one unit per character

describe('Chinese line breaking (N5)', () => {
  it('[N5] closing punctuation stays with the character before it, opening with the one after', () => {
    expect(breakUnits('甲，乙（丙）。')).toEqual(['甲，', '乙', '（丙）。']);
    expect(breakUnits('得票 123 票')).toEqual(['得', '票', ' ', '123', ' ', '票']);
  });

  it('[N5] no line starts with 、，。） at any width, and nothing is lost', () => {
    const text = '本次会议对“民生实事项目”进行了票决。应到代表三十人，实到二十八人，其中有效票二十七张（举手表决）。现公告如下：';
    for (let w = 3; w <= 30; w++) {
      const lines = wrapText(text, w, em);
      expect(badLineStarts(lines), `width ${w}: ${lines.join('|')}`).toEqual([]);
      expect(lines.join('')).toBe(text);
    }
  });

  it('[N5] a greedy wrap without the rule would have started a line with a comma', () => {
    // 4 characters a line: a plain character wrap gives 应到代表|，实到; the comma pulls 表 down.
    expect(wrapText('应到代表，实到', 4, em)).toEqual(['应到代', '表，实到']);
  });
});
