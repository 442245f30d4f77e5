// Livelihood projects after the vote (民生实事项目跟踪): each project a closed 票决 adopted becomes
// a tracked project in the supervision journal, with milestones, progress reports, deputies'
// supervision visits (视察/督查) and, at the year's end, a delivery rating in a later meeting
// (rules U20..U29). Kept apart from model.ts so the rectification schemas stay as they were;
// model.ts adds these to its unions with one line each.
import { z } from 'zod';
import { Id } from '../model.js';
import { IsoDate } from './workdays.js';

const Line = (max: number) => z.string().trim().min(1).max(max);
const Yuan = z.number().nonnegative().max(1e12);

/**
 * A file in the media store attached to a report or a visit (U14's rule). The same shape as
 * model.ts's Attachment, declared here because model.ts imports this file (a cycle otherwise).
 */
export const ProjectAttachment = z.strictObject({ mediaId: Id, type: z.enum(['image', 'video', 'document']), name: z.string().trim().max(120).default('') });
export type ProjectAttachment = z.infer<typeof ProjectAttachment>;

/** The vote that adopted the project, copied in so the tracked project stands alone (U20). */
export const AdoptedBy = z.strictObject({
  meetingId: Id,
  meetingTitle: Line(120),
  itemId: Id,
  itemTitle: Line(120),
  projectId: Id,
  /** Ticks (select) or 赞成 (each form), and the rank of the published result. */
  votes: z.number().int().nonnegative(),
  rank: z.number().int().positive(),
  /** Valid ballots of the decisive round, and the seats it filled. */
  valid: z.number().int().nonnegative(),
  seats: z.number().int().positive(),
});
export type AdoptedBy = z.infer<typeof AdoptedBy>;

/** What staff may edit about a tracked project; the import's texts are kept as typed. */
export const ProjectDetails = z.strictObject({
  name: Line(120),
  department: z.string().trim().max(60).default(''),
  /** 领衔督办: the committee or deputies' group supervising it. */
  lead: z.string().trim().max(80).default(''),
  /** The budget as imported ("3200 万元") and in yuan when it could be read or was typed. */
  budgetText: z.string().trim().max(40).default(''),
  budgetYuan: Yuan.nullable(),
  /** The completion date; null when the import's deadline text names no date (U21). */
  completion: IsoDate.nullable(),
});
export type ProjectDetails = z.infer<typeof ProjectDetails>;

export const Milestone = z.strictObject({ id: Id, title: Line(120), due: IsoDate });
export type Milestone = z.infer<typeof Milestone>;

/** A progress report (U22): cumulative percentage and funds spent to date, text and photos. */
export const ProgressBody = z.strictObject({
  percent: z.number().int().min(0).max(100),
  spentYuan: Yuan,
  text: Line(4000),
  /** Why a figure went down (a correction); required when it does (U22). */
  correction: z.string().trim().max(500).default(''),
  attachments: z.array(ProjectAttachment).max(20).default([]),
});
export type ProgressBody = z.infer<typeof ProgressBody>;

/** A deputy on a visit: picked from a meeting's roster (with the id) or typed by name. */
export const VisitDeputy = z.strictObject({ name: Line(40), deputyId: Id.optional() });
export type VisitDeputy = z.infer<typeof VisitDeputy>;

/** 视察/督查 (U23): when, who, what they found, photos. */
export const VisitBody = z.strictObject({
  date: IsoDate,
  kind: z.enum(['inspection', 'supervision']).default('inspection'),
  deputies: z.array(VisitDeputy).min(1).max(100),
  findings: Line(4000),
  attachments: z.array(ProjectAttachment).max(20).default([]),
});
export type VisitBody = z.infer<typeof VisitBody>;

export const ProjectEvent = z.discriminatedUnion('t', [
  z.strictObject({ t: z.literal('project.tracked'), trackedId: Id, on: IsoDate, adoptedBy: AdoptedBy, details: ProjectDetails }),
  z.strictObject({ t: z.literal('project.edited'), trackedId: Id, on: IsoDate, details: ProjectDetails }),
  z.strictObject({ t: z.literal('milestone.added'), trackedId: Id, on: IsoDate, milestone: Milestone }),
  z.strictObject({ t: z.literal('milestone.done'), trackedId: Id, milestoneId: Id, on: IsoDate }),
  z.strictObject({ t: z.literal('project.progress'), trackedId: Id, on: IsoDate, report: ProgressBody }),
  z.strictObject({ t: z.literal('project.visited'), trackedId: Id, on: IsoDate, visit: VisitBody }),
]);
export type ProjectEvent = z.infer<typeof ProjectEvent>;
export const PROJECT_EVENTS: ReadonlySet<string> = new Set(ProjectEvent.options.map((o) => o.shape.t.value));

export const ProjectCommand = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('trackAdopted'), meetingId: Id, itemId: Id, lead: z.string().trim().max(80).default('') }),
  z.strictObject({ type: z.literal('editProject'), trackedId: Id, details: ProjectDetails }),
  z.strictObject({ type: z.literal('addMilestone'), trackedId: Id, title: Line(120), due: IsoDate }),
  z.strictObject({ type: z.literal('markMilestone'), trackedId: Id, milestoneId: Id }),
  z.strictObject({ type: z.literal('reportProgress'), trackedId: Id, report: ProgressBody }),
  z.strictObject({ type: z.literal('recordVisit'), trackedId: Id, visit: VisitBody }),
]);
export type ProjectCommand = z.infer<typeof ProjectCommand>;
export const PROJECT_COMMANDS: ReadonlySet<string> = new Set(ProjectCommand.options.map((o) => o.shape.type.value));

/** Refusals of the project commands, besides the shared NOT_FOUND, NOT_CLOSED, WRONG_KIND, BAD_DATE. */
export type ProjectError = 'NOTHING_ADOPTED' | 'ALREADY_TRACKED' | 'BACKWARDS' | 'ALREADY_DONE';

/** The attachments a project command names (the server checks each against the media store). */
export function projectAttachments(cmd: { type: string; report?: { attachments?: readonly ProjectAttachment[] }; visit?: { attachments?: readonly ProjectAttachment[] } }): readonly ProjectAttachment[] {
  if (cmd.type === 'reportProgress') return cmd.report?.attachments ?? [];
  if (cmd.type === 'recordVisit') return cmd.visit?.attachments ?? [];
  return [];
}
