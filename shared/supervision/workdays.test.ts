// Working days: examples from the 2026 schedule, then properties over random calendars.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addWorkingDays, EMPTY_CALENDAR, IsoDate, isWorkingDay, workingDaysBetween, type WorkCalendar } from './workdays.js';

// A National Day week as staff might enter it: 10-01..10-07 off, Saturday 10-10 worked.
const NATIONAL_DAY: WorkCalendar = {
  holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
  workdays: ['2026-10-10'],
};

describe('working days', () => {
  it('[U1] Monday to Friday are worked; holidays are off; a 调休 Saturday is worked', () => {
    expect(isWorkingDay('2026-11-30', EMPTY_CALENDAR)).toBe(true); // Monday
    expect(isWorkingDay('2026-11-28', EMPTY_CALENDAR)).toBe(false); // Saturday
    expect(isWorkingDay('2026-10-05', NATIONAL_DAY)).toBe(false); // a Monday in the holiday
    expect(isWorkingDay('2026-10-10', NATIONAL_DAY)).toBe(true); // Saturday worked
  });

  it('[U2] within 5 working days of a Friday ends the next Friday; a holiday week pushes it on', () => {
    expect(addWorkingDays('2026-11-27', 5, EMPTY_CALENDAR)).toBe('2026-12-04');
    expect(addWorkingDays('2026-11-27', 0, EMPTY_CALENDAR)).toBe('2026-11-27');
    // Issued on 09-30 (Wednesday): 10-01..07 off, 10-08 Thu, 10-09 Fri, 10-10 Sat (worked), 10-12 Mon, 10-13 Tue.
    expect(addWorkingDays('2026-09-30', 5, NATIONAL_DAY)).toBe('2026-10-13');
    expect(() => addWorkingDays('2026-09-30', -1, NATIONAL_DAY)).toThrow(RangeError);
  });

  it('[U3] counts the working days used in (from, to]', () => {
    expect(workingDaysBetween('2026-09-30', '2026-10-13', NATIONAL_DAY)).toBe(5);
    expect(workingDaysBetween('2026-10-13', '2026-09-30', NATIONAL_DAY)).toBe(0);
  });

  it('refuses dates that do not exist', () => {
    expect(IsoDate.safeParse('2026-02-30').success).toBe(false);
    expect(IsoDate.safeParse('2026-2-3').success).toBe(false);
    expect(IsoDate.safeParse('2028-02-29').success).toBe(true);
  });
});

const START = Date.UTC(2024, 0, 1) / 86_400_000;
const date = fc.integer({ min: 0, max: 3 * 365 }).map((n) => new Date((START + n) * 86_400_000).toISOString().slice(0, 10));
const calendar: fc.Arbitrary<WorkCalendar> = fc.record({ holidays: fc.uniqueArray(date, { maxLength: 60 }), workdays: fc.uniqueArray(date, { maxLength: 10 }) }).map((c) => ({
  holidays: c.holidays,
  workdays: c.workdays.filter((d) => !c.holidays.includes(d)),
}));
const days = fc.integer({ min: 0, max: 60 });

describe('working days, properties', () => {
  it('[U2] the deadline is a working day (n > 0), after the start, and exactly n working days on', () => {
    fc.assert(
      fc.property(date, days, calendar, (d, n, cal) => {
        const due = addWorkingDays(d, n, cal);
        expect(workingDaysBetween(d, due, cal)).toBe(n);
        if (n > 0) {
          expect(isWorkingDay(due, cal)).toBe(true);
          expect(due > d).toBe(true);
          // The day before the deadline leaves one working day short.
          expect(workingDaysBetween(d, addDays(due, -1), cal)).toBe(n - 1);
        } else expect(due).toBe(d);
      }),
    );
  });

  it('[U2] more days never end earlier; one more holiday never brings a deadline forward', () => {
    fc.assert(
      fc.property(date, days, calendar, date, (d, n, cal, extra) => {
        expect(addWorkingDays(d, n + 1, cal) > addWorkingDays(d, n, cal)).toBe(true);
        const more = { holidays: [...cal.holidays, extra], workdays: cal.workdays.filter((w) => w !== extra) };
        expect(addWorkingDays(d, n, more) >= addWorkingDays(d, n, cal)).toBe(true);
      }),
    );
  });

  it('[U2] on a plain calendar 5 working days are a week, 10 are a fortnight', () => {
    fc.assert(
      fc.property(date, (d) => {
        fc.pre(isWorkingDay(d, EMPTY_CALENDAR));
        expect(addWorkingDays(d, 5, EMPTY_CALENDAR)).toBe(addDays(d, 7));
        expect(addWorkingDays(d, 10, EMPTY_CALENDAR)).toBe(addDays(d, 14));
      }),
    );
  });

  it('[U3] working days are additive over consecutive spans', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 90 }), fc.integer({ min: 0, max: 90 }), calendar, (a, x, y, cal) => {
        const b = addDays(a, x);
        const c = addDays(b, y);
        expect(workingDaysBetween(a, c, cal)).toBe(workingDaysBetween(a, b, cal) + workingDaysBetween(b, c, cal));
      }),
    );
  });
});
