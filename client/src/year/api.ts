// The public year page's one call: GET /api/public/year, parsed before use (the network is
// `unknown` until it fits). No session: the page is public.
import { z } from 'zod';
import { IsoDate } from '../../../shared/supervision/workdays.js';

const PublicCase = z.object({
  id: z.string(),
  department: z.string(),
  lead: z.string(),
  status: z.enum(['awaitingNotice', 'rectifying', 'overdue', 'completed', 'closed']),
  missed: z.enum(['notice', 'plan', 'completion']).nullable(),
  openedOn: IsoDate,
  rating: z.object({ meetingTitle: z.string(), itemTitle: z.string(), satisfactionRate: z.number().nullable(), score: z.number().nullable() }).nullable(),
  commitments: z.array(z.string()),
  notice: z.object({ on: IsoDate, number: z.string() }).nullable(),
  planOn: IsoDate.nullable(),
  progressReports: z.number(),
  lastProgressOn: IsoDate.nullable(),
  completionDue: IsoDate,
  completedOn: IsoDate.nullable(),
  closedOn: IsoDate.nullable(),
});
export type PublicCase = z.infer<typeof PublicCase>;

export const YearProject = z.object({
  id: z.string(),
  name: z.string(),
  department: z.string(),
  status: z.enum(['notStarted', 'inProgress', 'overdue', 'completed']),
  percent: z.number(),
  lead: z.string(),
  budgetYuan: z.number().nullable(),
  spentYuan: z.number().nullable(),
  due: IsoDate.nullable(),
  lastReportOn: IsoDate.nullable(),
});
export type YearProject = z.infer<typeof YearProject>;

const PublicYear = z.object({ ok: z.literal(true), today: IsoDate, issuer: z.string(), cases: z.array(PublicCase), projects: z.array(YearProject) });
export type PublicYear = z.infer<typeof PublicYear>;

export async function loadPublicYear(): Promise<PublicYear | null> {
  try {
    const res = await fetch('/api/public/year', { cache: 'no-cache' });
    const body = PublicYear.safeParse(await res.json());
    return body.success ? body.data : null;
  } catch {
    return null;
  }
}
