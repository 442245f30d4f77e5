// The supervision page's HTTP calls. Bodies are parsed with the shared zod pieces before use:
// the network is `unknown` until it fits; a body that does not fit reads as INTERNAL.
import { z } from 'zod';
import { AgendaItem } from '../../../shared/model.js';
import type { Attachment} from '../../../shared/supervision/model.js';
import { CaseDetails, CaseSource, ReportBody, SupervisionConfig, type SupervisionCommand } from '../../../shared/supervision/model.js';
import { IsoDate, WorkCalendar } from '../../../shared/supervision/workdays.js';

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

const Report = ReportBody.extend({ on: IsoDate });
const CaseRow = z.object({
  id: z.string(),
  openedOn: IsoDate,
  source: CaseSource,
  details: CaseDetails,
  due: z.object({ notice: IsoDate, plan: IsoDate, completion: IsoDate }),
  notice: z.object({ on: IsoDate, number: z.string() }).nullable(),
  plan: Report.nullable(),
  progress: z.array(Report),
  completedOn: IsoDate.nullable(),
  closedOn: IsoDate.nullable(),
  timeline: z.array(z.object({ at: z.number(), on: IsoDate, kind: z.enum(['opened', 'edited', 'notice', 'plan', 'progress', 'completed', 'closed', 'published', 'withdrawn']), actor: z.string().nullable() })),
  status: z.enum(['awaitingNotice', 'rectifying', 'overdue', 'completed', 'closed']),
  missed: z.enum(['notice', 'plan', 'completion']).nullable(),
});
export type CaseRow = z.infer<typeof CaseRow>;
const Figures = z.object({ satisfactionRate: z.number().nullable(), score: z.number().nullable() });
const Review = z.object({
  meetingId: z.string(),
  meetingTitle: z.string(),
  itemId: z.string(),
  itemTitle: z.string(),
  rows: z.array(z.object({ subjectId: z.string(), caseId: z.string(), department: z.string(), before: Figures.extend({ meetingTitle: z.string() }), after: Figures.nullable(), change: Figures.nullable() })),
});
export type Review = z.infer<typeof Review>;
const Published = z.object({ case: z.array(z.string()), project: z.array(z.string()) });
const View = z.object({ ok: z.literal(true), today: IsoDate, config: SupervisionConfig, calendar: WorkCalendar, cases: z.array(CaseRow), reviews: z.array(Review), published: Published });
export type View = z.infer<typeof View>;

const Meetings = z.object({ ok: z.literal(true), meetings: z.array(z.object({ id: z.string(), title: z.string() })) });
const Meeting = z.object({ ok: z.literal(true), agenda: z.array(AgendaItem) });
const Done = z.object({ ok: z.literal(true), caseIds: z.array(z.string()) });
const Uploaded = z.object({ ok: z.literal(true), mediaId: z.string(), type: z.enum(['image', 'video', 'document']) });
const Failure = z.object({ ok: z.literal(false), error: z.string() });

async function call<T>(schema: z.ZodType<T>, session: string, path: string, init: RequestInit = {}): Promise<Result<T>> {
  let body: unknown;
  try {
    const res = await fetch(path, { ...init, headers: { ...(init.headers as Record<string, string> | undefined), authorization: `Bearer ${session}` } });
    body = await res.json();
  } catch {
    return { ok: false, error: 'NETWORK' };
  }
  const good = schema.safeParse(body);
  if (good.success) return { ok: true, value: good.data };
  const bad = Failure.safeParse(body);
  return { ok: false, error: bad.success ? bad.data.error : 'INTERNAL' };
}

export const loadView = (session: string) => call(View, session, '/api/supervision');

export const send = (session: string, cmd: SupervisionCommand) =>
  call(Done, session, '/api/supervision/commands', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(cmd) });

export async function ratingItems(session: string): Promise<Result<{ meetingId: string; meetingTitle: string; itemId: string; title: string }[]>> {
  const ms = await call(Meetings, session, '/api/meetings');
  if (!ms.ok) return ms;
  const out: { meetingId: string; meetingTitle: string; itemId: string; title: string }[] = [];
  for (const m of ms.value.meetings) {
    const one = await call(Meeting, session, `/api/meetings/${encodeURIComponent(m.id)}`);
    if (!one.ok) return one;
    for (const it of one.value.agenda) if (it.kind === 'rating') out.push({ meetingId: m.id, meetingTitle: m.title, itemId: it.id, title: it.title });
  }
  return { ok: true, value: out };
}

/** Upload a photo, a video, a PDF or a Word document to the media store (server/media.ts) as an attachment (U14, U44). */
export async function upload(session: string, file: File): Promise<Result<Attachment>> {
  const r = await call(Uploaded, session, '/api/media?documents=1', { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: file });
  return r.ok ? { ok: true, value: { mediaId: r.value.mediaId, type: r.value.type, name: file.name.slice(0, 120) } } : r;
}

export const noticeUrl = (caseId: string, ext: 'json' | 'pdf') => `/api/supervision/notices/${encodeURIComponent(caseId)}.${ext}`;
export const supervisionPath = (caseId?: string, print = false) => `/supervision${caseId ? `?case=${encodeURIComponent(caseId)}${print ? '&print=notice' : ''}` : ''}`;
