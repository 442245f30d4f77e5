// The tracked projects' part of the supervision reducer: a pure fold of the project events
// (U20..U23) into SupervisionState.projects. state.ts hands every project event here; this file
// knows only the list, so it needs nothing from state.ts (no import circle).
import type { Milestone, ProgressBody, ProjectEvent, VisitBody, AdoptedBy, ProjectDetails } from './projects-model.js';
import type { IsoDate } from './workdays.js';
import { assertNever } from '../never.js';

export interface ProjectTimelineEntry {
  readonly at: number;
  readonly on: IsoDate;
  readonly kind: 'tracked' | 'edited' | 'milestone' | 'milestoneDone' | 'progress' | 'visit';
  readonly actor: string | null;
  /** The milestone's title, the report's percentage, the visit's date: what the line is about. */
  readonly about: string;
}

export interface TrackedMilestone extends Milestone {
  readonly doneOn: IsoDate | null;
}

export interface ProgressReport extends ProgressBody {
  readonly on: IsoDate;
}

export interface Visit extends VisitBody {
  /** The day it was recorded (the visit's own date is `date`). */
  readonly on: IsoDate;
}

export interface TrackedProject {
  readonly id: string;
  readonly trackedOn: IsoDate;
  readonly adoptedBy: AdoptedBy;
  readonly details: ProjectDetails;
  readonly milestones: readonly TrackedMilestone[];
  /** Oldest first; the last one holds the current percentage and funds spent. */
  readonly progress: readonly ProgressReport[];
  readonly visits: readonly Visit[];
  readonly timeline: readonly ProjectTimelineEntry[];
}

/** Who recorded a project event, and when: the part of the journal line's meta this fold reads. */
export interface ProjectMeta {
  readonly at: number;
  readonly actor: string | null;
}

export function projectById(s: { readonly projects: readonly TrackedProject[] }, id: string): TrackedProject | undefined {
  return s.projects.find((p) => p.id === id);
}

type Projects = readonly TrackedProject[];

function withProject(projects: Projects, id: string, kind: ProjectTimelineEntry['kind'], on: IsoDate, about: string, meta: ProjectMeta, f: (p: TrackedProject) => TrackedProject): Projects {
  return projects.map((p) => (p.id === id ? { ...f(p), timeline: [...p.timeline, { at: meta.at, on, kind, actor: meta.actor, about }] } : p));
}

/** The tracked projects after one project event (state.ts puts the list back into the state). */
export function reduceProjects(s: Projects, e: ProjectEvent, meta: ProjectMeta): Projects {
  switch (e.t) {
    case 'project.tracked': {
      const p: TrackedProject = {
        id: e.trackedId,
        trackedOn: e.on,
        adoptedBy: e.adoptedBy,
        details: e.details,
        milestones: [],
        progress: [],
        visits: [],
        timeline: [{ at: meta.at, on: e.on, kind: 'tracked', actor: meta.actor, about: e.details.name }],
      };
      return [...s, p];
    }
    case 'project.edited':
      return withProject(s, e.trackedId, 'edited', e.on, e.details.completion ?? '', meta, (p) => ({ ...p, details: e.details }));
    case 'milestone.added':
      return withProject(s, e.trackedId, 'milestone', e.on, `${e.milestone.title}（${e.milestone.due}）`, meta, (p) => ({ ...p, milestones: [...p.milestones, { ...e.milestone, doneOn: null }] }));
    case 'milestone.done': {
      const title = projectById({ projects: s }, e.trackedId)?.milestones.find((m) => m.id === e.milestoneId)?.title ?? e.milestoneId;
      return withProject(s, e.trackedId, 'milestoneDone', e.on, title, meta, (p) => ({ ...p, milestones: p.milestones.map((m) => (m.id === e.milestoneId ? { ...m, doneOn: e.on } : m)) }));
    }
    case 'project.progress':
      return withProject(s, e.trackedId, 'progress', e.on, `${e.report.percent}%`, meta, (p) => ({ ...p, progress: [...p.progress, { on: e.on, ...e.report }] }));
    case 'project.visited':
      return withProject(s, e.trackedId, 'visit', e.on, e.visit.date, meta, (p) => ({ ...p, visits: [...p.visits, { on: e.on, ...e.visit }] }));
    default:
      return assertNever(e, 'project event');
  }
}
