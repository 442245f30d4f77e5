// Working-day arithmetic for supervision deadlines (督办时限): "a notice within 5 working days"
// counts Monday to Friday, minus the public holidays the staff enter, plus the weekend days
// the State Council's schedule turns into working days (调休上班). Dates are ISO calendar dates
// ("2026-10-08") in the chamber's time zone; the arithmetic is on whole days in UTC, so no
// time zone or daylight saving can shift a day. Pure; rules U1..U3 in docs/SPEC.md.
import { z } from 'zod';

const DAY_MS = 86_400_000;

function valid(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** A calendar date "YYYY-MM-DD" that exists (no 2026-02-30). */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine(valid, 'not a date');
export type IsoDate = z.infer<typeof IsoDate>;

/** The staff-edited calendar: holidays off, and weekend days worked in exchange (调休). */
export const WorkCalendar = z.strictObject({
  holidays: z.array(IsoDate).max(400).default([]),
  workdays: z.array(IsoDate).max(200).default([]),
});
export type WorkCalendar = z.infer<typeof WorkCalendar>;

export const EMPTY_CALENDAR: WorkCalendar = { holidays: [], workdays: [] };

const toDay = (d: IsoDate): number => Date.parse(`${d}T00:00:00Z`) / DAY_MS;
const fromDay = (n: number): IsoDate => new Date(n * DAY_MS).toISOString().slice(0, 10);

export function addDays(d: IsoDate, n: number): IsoDate {
  return fromDay(toDay(d) + n);
}

/** Days from a to b (negative when b is earlier). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDay(b) - toDay(a);
}

/** [U1] A listed holiday is off, a listed 调休 day is worked, otherwise Monday..Friday are worked. */
export function isWorkingDay(d: IsoDate, cal: WorkCalendar): boolean {
  if (cal.holidays.includes(d)) return false;
  if (cal.workdays.includes(d)) return true;
  const wd = new Date(toDay(d) * DAY_MS).getUTCDay();
  return wd !== 0 && wd !== 6;
}

/**
 * [U2] The n-th working day after `from` (the day itself is not counted: "within 5 working
 * days" of a Friday ends on the next Friday). n = 0 gives `from` itself.
 */
export function addWorkingDays(from: IsoDate, n: number, cal: WorkCalendar): IsoDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number >= 0, got ${n}`);
  let day = toDay(from);
  // A year of holidays cannot hold more than 366 days off in a row: the loop always ends.
  for (let left = n; left > 0; ) {
    day += 1;
    if (isWorkingDay(fromDay(day), cal)) left -= 1;
  }
  return fromDay(day);
}

/** [U3] Working days in (from, to]: how many of the allowed days have been used. 0 when to <= from. */
export function workingDaysBetween(from: IsoDate, to: IsoDate, cal: WorkCalendar): number {
  let n = 0;
  for (let day = toDay(from) + 1; day <= toDay(to); day++) if (isWorkingDay(fromDay(day), cal)) n++;
  return n;
}
