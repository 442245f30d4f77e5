import { describe, expect, it } from 'vitest';
import { localDateZh, localTime } from './local-time.js';

describe('local time of the record', () => {
  it('writes an instant as the wall clock of the meeting, Asia/Shanghai by default', () => {
    const at = Date.UTC(2026, 2, 4, 23, 30, 5); // 07:30:05 on 5 March in Beijing
    expect(localTime(at)).toBe('2026-03-05 07:30:05');
    expect(localTime(at, 'UTC')).toBe('2026-03-04 23:30:05');
    expect(localDateZh(at)).toBe('2026年3月5日');
  });
});
