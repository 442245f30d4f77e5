// What the console is sent about the year's supervision: each case with its status and missed
// deadline as of today, overdue first (U6..U8). Pure.
import type { SupervisionConfig } from './model.js';
import type { RectificationCase, SupervisionState } from './state.js';
import { byUrgency, caseStatus, missedDeadline, type CaseStatus, type Missed } from './status.js';
import type { IsoDate, WorkCalendar } from './workdays.js';

export interface CaseRow extends RectificationCase {
  readonly status: CaseStatus;
  readonly missed: Missed | null;
}

export interface SupervisionView {
  readonly today: IsoDate;
  readonly config: SupervisionConfig;
  readonly calendar: WorkCalendar;
  readonly cases: readonly CaseRow[];
}

export function caseRow(c: RectificationCase, today: IsoDate): CaseRow {
  return { ...c, status: caseStatus(c, today), missed: missedDeadline(c, today) };
}

export function supervisionView(s: SupervisionState, today: IsoDate): SupervisionView {
  return { today, config: s.config, calendar: s.calendar, cases: [...s.cases].sort(byUrgency(today)).map((c) => caseRow(c, today)) };
}
