// Times in the printed record and the exports are the chamber's wall-clock time, not UTC:
// "2026-03-05 09:30:12" in the meeting's time zone (a meeting setting, default Asia/Shanghai).
// Intl does the zone arithmetic, daylight saving included; pure, no I/O.
import { DEFAULT_TIME_ZONE } from './model.js';

const formats = new Map<string, Intl.DateTimeFormat>();

function formatOf(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    formats.set(timeZone, f);
  }
  return f;
}

/** "YYYY-MM-DD HH:mm:ss" in timeZone. */
export function localTime(ms: number, timeZone: string = DEFAULT_TIME_ZONE): string {
  const p = Object.fromEntries(formatOf(timeZone).formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

/** "YYYY年M月D日" in timeZone, as a 公告 is dated. */
export function localDateZh(ms: number, timeZone: string = DEFAULT_TIME_ZONE): string {
  const [y, m, d] = localTime(ms, timeZone).slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
