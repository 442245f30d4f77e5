// A case's status, computed from its record and today's date (the server's injected clock, in
// the chamber's time zone): 逾期 is never stored, it happens when a deadline passes (U7).
import type { RectificationCase } from './state.js';
import type { IsoDate } from './workdays.js';

/** 待通知, 整改中, 逾期, 已完成, 已销号: keys; words in the locale files and server/supervision/words.ts. */
export type CaseStatus = 'awaitingNotice' | 'rectifying' | 'overdue' | 'completed' | 'closed';

/** Which deadline a case has missed, if any: the notice, the plan, or the completion date. */
export type Missed = 'notice' | 'plan' | 'completion';

/** [U7] The first deadline passed with its step not done; a deadline day itself is still in time. */
export function missedDeadline(c: RectificationCase, today: IsoDate): Missed | null {
  if (c.completedOn !== null || c.closedOn !== null) return null;
  if (c.notice === null) return today > c.due.notice ? 'notice' : null;
  if (c.plan === null && today > c.due.plan) return 'plan';
  if (today > c.due.completion) return 'completion';
  return null;
}

/** [U6] 已销号 once closed, 已完成 once completed, 逾期 past a deadline, else 待通知 before the notice, then 整改中. */
export function caseStatus(c: RectificationCase, today: IsoDate): CaseStatus {
  if (c.closedOn !== null) return 'closed';
  if (c.completedOn !== null) return 'completed';
  if (missedDeadline(c, today) !== null) return 'overdue';
  return c.notice === null ? 'awaitingNotice' : 'rectifying';
}

const ORDER: Record<CaseStatus, number> = { overdue: 0, awaitingNotice: 1, rectifying: 2, completed: 3, closed: 4 };

/** [U8] The console's order: overdue first, then by status, then the nearest deadline. */
export function byUrgency(today: IsoDate): (a: RectificationCase, b: RectificationCase) => number {
  const next = (c: RectificationCase) => (c.notice === null ? c.due.notice : c.plan === null ? c.due.plan : c.due.completion);
  return (a, b) => ORDER[caseStatus(a, today)] - ORDER[caseStatus(b, today)] || next(a).localeCompare(next(b)) || a.id.localeCompare(b.id);
}
