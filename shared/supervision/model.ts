// The year's supervision record (督办): rectification cases opened from a rating (or by the
// staff), their notices, plans and progress reports. It outlives any one meeting, so it has
// its own journal and reducer beside the meetings' (docs/ARCHITECTURE.md). Rules U4..U12.
import { z } from 'zod';
import { Id } from '../model.js';
import { IsoDate, WorkCalendar } from './workdays.js';
import { ProjectCommand, ProjectEvent, type ProjectError } from './projects-model.js';
import { PublishedSetEvent, SetPublishedCommand } from './publish-model.js';
import { SuggestionCaseFields } from './suggestion-source.js';

const Line = (max: number) => z.string().trim().min(1).max(max);

/** Administrators set these: who issues notices, and the working days each step is allowed. */
export const SupervisionConfig = z.strictObject({
  /** 督办通知书 issuer, e.g. ××县人大常委会. */
  issuer: Line(80),
  /** Short prefix of notice numbers: 督字〔2026〕3号 for "督字". */
  numberPrefix: Line(12),
  /** The notice is due within this many working days of the case's opening. */
  noticeDays: z.number().int().min(0).max(60),
  /** The department's rectification plan is due this many working days after the notice. */
  planDays: z.number().int().min(0).max(120),
  /** Rectification is due this many working days after the notice, unless the staff set a date. */
  completionDays: z.number().int().min(1).max(400),
});
export type SupervisionConfig = z.infer<typeof SupervisionConfig>;

export const DEFAULT_CONFIG: SupervisionConfig = { issuer: '人大常委会', numberPrefix: '督字', noticeDays: 5, planDays: 15, completionDays: 60 };

/** A question put in the department's questioning segment, as the case keeps it. */
export const CaseQuestion = z.strictObject({ asker: Line(40), topic: Line(60), text: z.string().trim().max(1000).default('') });
export type CaseQuestion = z.infer<typeof CaseQuestion>;

/** The rating figures that opened the case (R6, R7, R9), copied so the case stands alone. */
export const CaseFigures = z.strictObject({
  satisfactionRate: z.number().min(0).max(1).nullable(),
  unsatisfiedRate: z.number().min(0).max(1).nullable(),
  score: z.number().min(0).max(100).nullable(),
  valid: z.number().int().nonnegative(),
  flagAbove: z.number().min(0).max(1),
});
export type CaseFigures = z.infer<typeof CaseFigures>;

/** Where a case came from: a flagged subject of a closed rating, or the staff. */
const RatingSourceFields = { meetingId: Id, meetingTitle: Line(120), itemId: Id, itemTitle: Line(120), subjectId: Id, figures: CaseFigures };
export const CaseSource = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('rating'), ...RatingSourceFields }),
  z.strictObject({ kind: z.literal('staff') }),
  // 再次办理: a suggestion rated 不满意, back to one 主办单位 (the case's department) for a second reply (R17).
  z.strictObject({ kind: z.literal('suggestion'), ...RatingSourceFields, ...SuggestionCaseFields }),
]);
export type CaseSource = z.infer<typeof CaseSource>;

/** What staff type about a case; every field is kept as typed (trimmed). */
export const CaseDetails = z.strictObject({
  department: Line(60),
  head: z.string().trim().max(60).default(''),
  /** 领衔督办: the committee or leader responsible. */
  lead: z.string().trim().max(80).default(''),
  questions: z.array(CaseQuestion).max(50).default([]),
  /** The answers' commitments (承诺事项), one per line item. */
  commitments: z.array(Line(500)).max(50).default([]),
});
export type CaseDetails = z.infer<typeof CaseDetails>;

/** An uploaded file in the media store (server/media.ts), attached to a plan or report. */
export const Attachment = z.strictObject({ mediaId: Id, type: z.enum(['image', 'video', 'document']), name: z.string().trim().max(120).default('') });
export type Attachment = z.infer<typeof Attachment>;

export const ReportBody = z.strictObject({ text: Line(4000), attachments: z.array(Attachment).max(20).default([]) });
export type ReportBody = z.infer<typeof ReportBody>;

export const SupervisionEvent = z.discriminatedUnion('t', [
  z.strictObject({ t: z.literal('config.set'), config: SupervisionConfig }),
  z.strictObject({ t: z.literal('calendar.set'), calendar: WorkCalendar }),
  z.strictObject({
    t: z.literal('case.opened'),
    caseId: Id,
    on: IsoDate,
    source: CaseSource,
    details: CaseDetails,
    due: z.strictObject({ notice: IsoDate, plan: IsoDate, completion: IsoDate }),
  }),
  // `on` is absent in journals written before edits were dated; the reducer falls back to the opening day.
  z.strictObject({ t: z.literal('case.edited'), caseId: Id, on: IsoDate.optional(), details: CaseDetails, completion: IsoDate }),
  z.strictObject({ t: z.literal('notice.issued'), caseId: Id, on: IsoDate, number: Line(40), plan: IsoDate }),
  z.strictObject({ t: z.literal('plan.recorded'), caseId: Id, on: IsoDate, report: ReportBody }),
  z.strictObject({ t: z.literal('progress.recorded'), caseId: Id, on: IsoDate, report: ReportBody }),
  z.strictObject({ t: z.literal('case.completed'), caseId: Id, on: IsoDate }),
  z.strictObject({ t: z.literal('case.closed'), caseId: Id, on: IsoDate }),
  ...ProjectEvent.options,
  PublishedSetEvent,
]);
export type SupervisionEvent = z.infer<typeof SupervisionEvent>;
export type SupervisionEventOf<T extends SupervisionEvent['t']> = Extract<SupervisionEvent, { t: T }>;

/** One line of the supervision journal: hash-chained, so the file is its own audit log (U12). */
export const SupervisionRecord = z.strictObject({
  seq: z.number().int().positive(),
  at: z.number().int().nonnegative(),
  actor: z.string().nullable(),
  event: SupervisionEvent,
  prev: z.string().length(64),
  hash: z.string().length(64),
});
export type SupervisionRecord = z.infer<typeof SupervisionRecord>;

/** What the console sends (POST /api/supervision/commands); inbound, so parsed before anything. */
export const SupervisionCommand = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('openFromRating'), meetingId: Id, itemId: Id, lead: z.string().trim().max(80).default('') }),
  z.strictObject({ type: z.literal('openCase'), details: CaseDetails, completion: IsoDate.optional() }),
  z.strictObject({ type: z.literal('editCase'), caseId: Id, details: CaseDetails, completion: IsoDate }),
  z.strictObject({ type: z.literal('issueNotice'), caseId: Id }),
  z.strictObject({ type: z.literal('recordPlan'), caseId: Id, report: ReportBody }),
  z.strictObject({ type: z.literal('recordProgress'), caseId: Id, report: ReportBody }),
  z.strictObject({ type: z.literal('complete'), caseId: Id }),
  z.strictObject({ type: z.literal('close'), caseId: Id }),
  z.strictObject({ type: z.literal('setConfig'), config: SupervisionConfig }),
  z.strictObject({ type: z.literal('setCalendar'), calendar: WorkCalendar }),
  ...ProjectCommand.options,
  SetPublishedCommand,
]);
export type SupervisionCommand = z.infer<typeof SupervisionCommand>;

/** Commands only an administrator may send: they configure, or decide what is public (U11, U40); the others edit. */
export const ADMIN_COMMANDS: ReadonlySet<SupervisionCommand['type']> = new Set(['setConfig', 'setCalendar', 'setPublished']);

/** Refusals; the console's locale files word each one. */
export type SupervisionError =
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'NOT_CLOSED'
  | 'WRONG_KIND'
  | 'NOTHING_FLAGGED'
  | 'ALREADY_OPEN'
  | 'ALREADY_ISSUED'
  | 'NOTICE_FIRST'
  | 'PLAN_FIRST'
  | 'CASE_CLOSED'
  | 'NOT_COMPLETED'
  | 'BAD_DATE'
  | ProjectError;
