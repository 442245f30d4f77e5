// The projects tab's HTTP calls (U20..U27). Bodies are parsed with the shared zod pieces before
// use, as api.ts does for the cases: the network is `unknown` until it fits.
import { z } from 'zod';
import { AgendaItem } from '../../../shared/model.js';
import { AdoptedBy, Milestone, ProgressBody, ProjectDetails, VisitBody } from '../../../shared/supervision/projects-model.js';
import { IsoDate } from '../../../shared/supervision/workdays.js';
import { send, type Result } from './api.js';

const Delivery = z.object({
  trackedId: z.string(),
  meetingId: z.string(),
  meetingTitle: z.string(),
  itemId: z.string(),
  itemTitle: z.string(),
  satisfactionRate: z.number().nullable(),
  score: z.number().nullable(),
  valid: z.number(),
  closedAt: z.number(),
});
const ProjectRow = z.object({
  id: z.string(),
  trackedOn: IsoDate,
  adoptedBy: AdoptedBy,
  details: ProjectDetails,
  milestones: z.array(Milestone.extend({ doneOn: IsoDate.nullable() })),
  progress: z.array(ProgressBody.extend({ on: IsoDate })),
  visits: z.array(VisitBody.extend({ on: IsoDate })),
  timeline: z.array(z.object({ at: z.number(), on: z.string(), kind: z.enum(['tracked', 'edited', 'milestone', 'milestoneDone', 'progress', 'visit']), actor: z.string().nullable(), about: z.string() })),
  status: z.enum(['notStarted', 'inProgress', 'overdue', 'completed']),
  missed: z.enum(['milestone', 'completion']).nullable(),
  percent: z.number(),
  spentYuan: z.number(),
  overBudgetYuan: z.number(),
  delivery: Delivery.nullable(),
});
export type ProjectRow = z.infer<typeof ProjectRow>;
const Counts = z.object({ overdue: z.number(), notStarted: z.number(), inProgress: z.number(), completed: z.number() });
/** published: the ids the committee has made public on the year page (U40). */
const View = z.object({ ok: z.literal(true), today: IsoDate, projects: z.array(ProjectRow), counts: Counts, published: z.array(z.string()) });
export type ProjectsView = z.infer<typeof View>;

const Meetings = z.object({ ok: z.literal(true), meetings: z.array(z.object({ id: z.string(), title: z.string() })) });
const RosterEntry = z.object({ id: z.string(), name: z.string(), group: z.string().optional() });
export type RosterEntry = z.infer<typeof RosterEntry>;
const Meeting = z.object({ ok: z.literal(true), roster: z.array(RosterEntry), agenda: z.array(AgendaItem) });
const Failure = z.object({ ok: z.literal(false), error: z.string() });

async function get<T>(schema: z.ZodType<T>, session: string, path: string): Promise<Result<T>> {
  let body: unknown;
  try {
    body = await (await fetch(path, { headers: { authorization: `Bearer ${session}` } })).json();
  } catch {
    return { ok: false, error: 'NETWORK' };
  }
  const good = schema.safeParse(body);
  if (good.success) return { ok: true, value: good.data };
  const bad = Failure.safeParse(body);
  return { ok: false, error: bad.success ? bad.data.error : 'INTERNAL' };
}

export const loadProjects = (session: string) => get(View, session, '/api/supervision/projects');

export type ItemRef = { meetingId: string; meetingTitle: string; itemId: string; title: string };

/** Every projects item of every meeting: what "track adopted projects" can be pointed at. */
export async function projectsItems(session: string): Promise<Result<ItemRef[]>> {
  const ms = await get(Meetings, session, '/api/meetings');
  if (!ms.ok) return ms;
  const out: ItemRef[] = [];
  for (const m of ms.value.meetings) {
    const one = await get(Meeting, session, `/api/meetings/${encodeURIComponent(m.id)}`);
    if (!one.ok) return one;
    for (const it of one.value.agenda) if (it.kind === 'projects') out.push({ meetingId: m.id, meetingTitle: m.title, itemId: it.id, title: it.title });
  }
  return { ok: true, value: out };
}

/** A meeting's roster, for picking the deputies of a visit. */
export async function rosterOf(session: string, meetingId: string): Promise<Result<RosterEntry[]>> {
  const one = await get(Meeting, session, `/api/meetings/${encodeURIComponent(meetingId)}`);
  return one.ok ? { ok: true, value: one.value.roster } : one;
}

export { send };
export const projectsPath = (id?: string) => `/supervision?tab=projects${id ? `&project=${encodeURIComponent(id)}` : ''}`;

export const meetingsList = async (session: string): Promise<Result<{ id: string; title: string }[]>> => {
  const r = await get(Meetings, session, '/api/meetings');
  return r.ok ? { ok: true, value: r.value.meetings } : r;
};

const Made = z.object({ ok: z.literal(true), item: AgendaItem });
const Saved = z.object({ ok: z.literal(true) });

/** [U25] The delivery rating of these projects, on the meeting's scale, appended to its agenda (administrators). */
export async function addDeliveryItem(session: string, meetingId: string, trackedIds: readonly string[]): Promise<Result<null>> {
  const made = await get(Made, session, `/api/supervision/delivery-item?projects=${trackedIds.map(encodeURIComponent).join(',')}&meeting=${encodeURIComponent(meetingId)}&itemId=delivery-${Date.now().toString(36)}`);
  if (!made.ok) return made;
  const m = await get(Meeting, session, `/api/meetings/${encodeURIComponent(meetingId)}`);
  if (!m.ok) return m;
  let body: unknown;
  try {
    const res = await fetch(`/api/meetings/${encodeURIComponent(meetingId)}/agenda`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${session}`, 'content-type': 'application/json' },
      body: JSON.stringify({ agenda: [...m.value.agenda, made.value.item] }),
    });
    body = await res.json();
  } catch {
    return { ok: false, error: 'NETWORK' };
  }
  if (Saved.safeParse(body).success) return { ok: true, value: null };
  const bad = Failure.safeParse(body);
  return { ok: false, error: bad.success ? bad.data.error : 'INTERNAL' };
}
