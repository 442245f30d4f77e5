// Supervision decisions: state + command -> events, or a refusal. Pure: today's date, the role
// and what a closed rating flagged are handed in by the server. Rules U4..U11.
import { err, ok, type Result } from '../result.js';
import type { Flagged } from './from-rating.js';
import { ADMIN_COMMANDS, type SupervisionCommand, type SupervisionError, type SupervisionEvent, type SupervisionEventOf } from './model.js';
import { caseById, type RectificationCase, type SupervisionState } from './state.js';
import { addWorkingDays, type IsoDate } from './workdays.js';
import { assertNever } from '../never.js';
import { PROJECT_COMMANDS, type ProjectCommand } from './projects-model.js';
import { decideProjects, type ProjectsEnv } from './projects-decide.js';
import { decidePublished } from './publish.js';

export interface DecideEnv {
  readonly today: IsoDate;
  readonly role: 'operator' | 'admin';
  /** The flagged subjects of a closed rating (shared/supervision/from-rating.ts). */
  readonly flagged: (meetingId: string, itemId: string, lead: string) => Result<Flagged[], SupervisionError>;
  /** What a closed 票决 adopted (projects-adopted.ts), for the project commands. */
  readonly adopted?: ProjectsEnv['adopted'];
}

export type Decided = Result<{ events: SupervisionEvent[]; caseIds: string[] }, SupervisionError>;

const year = (d: IsoDate) => d.slice(0, 4);

/** [U5] Deadlines from the opening day: notice in N working days, plan M after it, completion. */
function opened(s: SupervisionState, today: IsoDate, n: number, source: SupervisionEventOf<'case.opened'>['source'], details: SupervisionEventOf<'case.opened'>['details'], completion?: IsoDate): SupervisionEventOf<'case.opened'> {
  const { config, calendar } = s;
  const notice = addWorkingDays(today, config.noticeDays, calendar);
  const plan = addWorkingDays(notice, config.planDays, calendar);
  const inYear = s.cases.filter((c) => year(c.openedOn) === year(today)).length;
  return {
    t: 'case.opened',
    caseId: `${year(today)}-${inYear + n + 1}`,
    on: today,
    source,
    details,
    due: { notice, plan, completion: completion ?? addWorkingDays(notice, config.completionDays, calendar) },
  };
}

function open(c: RectificationCase | undefined): Result<RectificationCase, SupervisionError> {
  if (!c) return err('NOT_FOUND');
  if (c.closedOn !== null || c.completedOn !== null) return err('CASE_CLOSED');
  return ok(c);
}

const one = (events: SupervisionEvent[], caseIds: string[] = []): Decided => ok({ events, caseIds });

export function decideSupervision(s: SupervisionState, cmd: SupervisionCommand, env: DecideEnv): Decided {
  // [U11] Operators edit cases; only administrators configure the issuer, the days and the calendar.
  if (ADMIN_COMMANDS.has(cmd.type) && env.role !== 'admin') return err('FORBIDDEN');
  const { today } = env;
  if (isProjectCommand(cmd)) return decideProjects(s, cmd, env);
  switch (cmd.type) {
    case 'setConfig':
      return one([{ t: 'config.set', config: cmd.config }]);
    case 'setCalendar':
      return one([{ t: 'calendar.set', calendar: { holidays: [...new Set(cmd.calendar.holidays)].sort(), workdays: [...new Set(cmd.calendar.workdays)].sort() } }]);
    case 'openFromRating': {
      const f = env.flagged(cmd.meetingId, cmd.itemId, cmd.lead);
      if (!f.ok) return f;
      // [U4] Opening twice is harmless: subjects that already have a case are left alone.
      const fresh = f.value.filter(
        (x) =>
          !s.cases.some(
            (c) =>
              c.source.kind === x.source.kind &&
              c.source.meetingId === x.source.meetingId &&
              c.source.itemId === x.source.itemId &&
              c.source.subjectId === x.source.subjectId &&
              (x.source.kind !== 'suggestion' || c.details.department === x.details.department), // R17: one per 主办单位
          ),
      );
      if (fresh.length === 0) return err('ALREADY_OPEN');
      const events = fresh.map((x, i) => opened(s, today, i, x.source, x.details));
      return one(events, events.map((e) => e.caseId));
    }
    case 'openCase': {
      if (cmd.completion !== undefined && cmd.completion < today) return err('BAD_DATE');
      const e = opened(s, today, 0, { kind: 'staff' }, cmd.details, cmd.completion);
      return one([e], [e.caseId]);
    }
    case 'editCase': {
      const c = open(caseById(s, cmd.caseId));
      if (!c.ok) return c;
      if (cmd.completion < c.value.openedOn) return err('BAD_DATE');
      return one([{ t: 'case.edited', caseId: c.value.id, on: today, details: cmd.details, completion: cmd.completion }]);
    }
    case 'issueNotice': {
      const c = open(caseById(s, cmd.caseId));
      if (!c.ok) return c;
      if (c.value.notice !== null) return err('ALREADY_ISSUED');
      // [U9] Numbers run per year in issue order: 督字〔2026〕3号.
      const n = s.cases.filter((x) => x.notice !== null && year(x.notice.on) === year(today)).length + 1;
      const plan = addWorkingDays(today, s.config.planDays, s.calendar);
      return one([{ t: 'notice.issued', caseId: c.value.id, on: today, number: `${s.config.numberPrefix}〔${year(today)}〕${n}号`, plan }]);
    }
    case 'recordPlan': {
      const c = open(caseById(s, cmd.caseId));
      if (!c.ok) return c;
      if (c.value.notice === null) return err('NOTICE_FIRST');
      return one([{ t: 'plan.recorded', caseId: c.value.id, on: today, report: cmd.report }]);
    }
    case 'recordProgress': {
      const c = open(caseById(s, cmd.caseId));
      if (!c.ok) return c;
      if (c.value.plan === null) return err('PLAN_FIRST');
      return one([{ t: 'progress.recorded', caseId: c.value.id, on: today, report: cmd.report }]);
    }
    case 'complete': {
      const c = open(caseById(s, cmd.caseId));
      if (!c.ok) return c;
      if (c.value.plan === null) return err('PLAN_FIRST');
      return one([{ t: 'case.completed', caseId: c.value.id, on: today }]);
    }
    case 'close': {
      const c = caseById(s, cmd.caseId);
      if (!c) return err('NOT_FOUND');
      if (c.closedOn !== null) return err('CASE_CLOSED');
      if (c.completedOn === null) return err('NOT_COMPLETED');
      return one([{ t: 'case.closed', caseId: c.id, on: today }]);
    }
    case 'setPublished': {
      const d = decidePublished(s, cmd, today);
      return d.ok ? one(d.value) : d;
    }
    default:
      return assertNever(cmd, 'supervision command');
  }
}

function isProjectCommand(c: SupervisionCommand): c is ProjectCommand {
  return PROJECT_COMMANDS.has(c.type);
}
