// The supervision reducer: a pure fold of the journal's events into the year's cases. Replaying
// the journal gives the same state (U12); every switch is exhaustive.
import type { CaseDetails, CaseSource, ReportBody, SupervisionConfig, SupervisionEvent } from './model.js';
import { DEFAULT_CONFIG } from './model.js';
import { EMPTY_CALENDAR, type IsoDate, type WorkCalendar } from './workdays.js';
import { assertNever } from '../never.js';
import { PROJECT_EVENTS, type ProjectEvent } from './projects-model.js';
import { reduceProjects, type TrackedProject } from './projects-state.js';
import { foldPublished, NOTHING_PUBLISHED, type PublishedIds } from './publish-model.js';

export interface TimelineEntry {
  readonly at: number;
  readonly on: IsoDate;
  readonly kind: 'opened' | 'edited' | 'notice' | 'plan' | 'progress' | 'completed' | 'closed' | 'published' | 'withdrawn';
  readonly actor: string | null;
}

export interface Report extends ReportBody {
  readonly on: IsoDate;
}

export interface RectificationCase {
  readonly id: string;
  readonly openedOn: IsoDate;
  readonly source: CaseSource;
  readonly details: CaseDetails;
  readonly due: { readonly notice: IsoDate; readonly plan: IsoDate; readonly completion: IsoDate };
  readonly notice: { readonly on: IsoDate; readonly number: string } | null;
  readonly plan: Report | null;
  readonly progress: readonly Report[];
  readonly completedOn: IsoDate | null;
  readonly closedOn: IsoDate | null;
  readonly timeline: readonly TimelineEntry[];
}

export interface SupervisionState {
  readonly config: SupervisionConfig;
  readonly calendar: WorkCalendar;
  /** In the order they were opened. */
  readonly cases: readonly RectificationCase[];
  /** Tracked livelihood projects (projects-state.ts), in the order they were tracked. */
  readonly projects: readonly TrackedProject[];
  /** Records folded in; the next record's seq is seq + 1. */
  readonly seq: number;
  /** What the committee has made public (U40); nothing by default. */
  readonly published: PublishedIds;
}

export const EMPTY_SUPERVISION: SupervisionState = { config: DEFAULT_CONFIG, calendar: EMPTY_CALENDAR, cases: [], projects: [], seq: 0, published: NOTHING_PUBLISHED };

export function caseById(s: SupervisionState, id: string): RectificationCase | undefined {
  return s.cases.find((c) => c.id === id);
}

function withCase(s: SupervisionState, id: string, f: (c: RectificationCase) => RectificationCase): SupervisionState {
  return { ...s, cases: s.cases.map((c) => (c.id === id ? f(c) : c)) };
}

const stamp = (c: RectificationCase, kind: TimelineEntry['kind'], on: IsoDate, meta: RecordMeta): RectificationCase => ({
  ...c,
  timeline: [...c.timeline, { at: meta.at, on, kind, actor: meta.actor }],
});

export interface RecordMeta {
  readonly seq: number;
  readonly at: number;
  readonly actor: string | null;
}

export function reduceSupervision(s: SupervisionState, e: SupervisionEvent, meta: RecordMeta): SupervisionState {
  const next = { ...s, seq: meta.seq };
  if (isProjectEvent(e)) return { ...next, projects: reduceProjects(next.projects, e, meta) };
  switch (e.t) {
    case 'config.set':
      return { ...next, config: e.config };
    case 'calendar.set':
      return { ...next, calendar: e.calendar };
    case 'case.opened': {
      const c: RectificationCase = {
        id: e.caseId,
        openedOn: e.on,
        source: e.source,
        details: e.details,
        due: e.due,
        notice: null,
        plan: null,
        progress: [],
        completedOn: null,
        closedOn: null,
        timeline: [],
      };
      return { ...next, cases: [...next.cases, stamp(c, 'opened', e.on, meta)] };
    }
    case 'case.edited':
      return withCase(next, e.caseId, (c) => stamp({ ...c, details: e.details, due: { ...c.due, completion: e.completion } }, 'edited', e.on ?? c.openedOn, meta));
    case 'notice.issued':
      return withCase(next, e.caseId, (c) => stamp({ ...c, notice: { on: e.on, number: e.number }, due: { ...c.due, plan: e.plan } }, 'notice', e.on, meta));
    case 'plan.recorded':
      return withCase(next, e.caseId, (c) => stamp({ ...c, plan: { on: e.on, ...e.report } }, 'plan', e.on, meta));
    case 'progress.recorded':
      return withCase(next, e.caseId, (c) => stamp({ ...c, progress: [...c.progress, { on: e.on, ...e.report }] }, 'progress', e.on, meta));
    case 'case.completed':
      return withCase(next, e.caseId, (c) => stamp({ ...c, completedOn: e.on }, 'completed', e.on, meta));
    case 'case.closed':
      return withCase(next, e.caseId, (c) => stamp({ ...c, closedOn: e.on }, 'closed', e.on, meta));
    case 'published.set': {
      // A case's own timeline says when it went public and when it was withdrawn (U40).
      const flagged = { ...next, published: foldPublished(next.published, e) };
      return e.kind === 'case' ? withCase(flagged, e.id, (c) => stamp(c, e.published ? 'published' : 'withdrawn', e.on, meta)) : flagged;
    }
    default:
      return assertNever(e, 'supervision event');
  }
}

function isProjectEvent(e: SupervisionEvent): e is ProjectEvent {
  return PROJECT_EVENTS.has(e.t);
}
