import { describe, expect, it } from 'vitest';
import { phrasesOf } from './phrases.js';

describe('[B18] phrases for Chinese line breaking', () => {
  it('keeps the text whole, words unsplit, closing punctuation after its word and opening before', () => {
    const text = '休会十分钟，请各位代表不要离开会场。“不忘初心”——谢谢！';
    const ps = phrasesOf(text);
    expect(ps.join('')).toBe(text);
    // No phrase but the first starts with closing punctuation; none ends with an opening mark.
    for (const p of ps.slice(1)) expect('、，。）」』！？：；…”—').not.toContain(p[0]);
    for (const p of ps) expect('（「『“《').not.toContain(p[p.length - 1]);
    expect(ps.some((p) => p.includes('代表'))).toBe(true);
    expect(ps.some((p) => p.startsWith('“'))).toBe(true);
  });

  it('leaves spaces and odd scripts alone', () => {
    for (const text of ['Z̷̢̛̪a̸̡͎l̵g̶o Z̷̢̛̪a̸̡͎l̵g̶o', '﷽﷽﷽', '𒐫𒐫𒐫', 'Meeting resumes at 10:30.']) expect(phrasesOf(text).join('')).toBe(text);
  });
});
