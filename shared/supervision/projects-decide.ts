// Decisions on tracked projects: state + command -> events, or a refusal (U20..U24). Pure: the
// server hands in today, and what a closed 票决 adopted (projects-adopted.ts).
import { err, ok, type Result } from '../result.js';
import type { SupervisionError, SupervisionEvent } from './model.js';
import type { Adopted } from './projects-adopted.js';
import type { ProjectCommand, ProjectError, ProjectEvent } from './projects-model.js';
import { projectById, type TrackedProject } from './projects-state.js';
import type { SupervisionState } from './state.js';
import type { IsoDate } from './workdays.js';
import { assertNever } from '../never.js';

export interface ProjectsEnv {
  readonly today: IsoDate;
  /** The adopted projects of a closed projects item; absent where no meeting can be read. */
  readonly adopted?: (meetingId: string, itemId: string, lead: string) => Result<Adopted[], SupervisionError | ProjectError>;
}

export type ProjectsDecided = Result<{ events: SupervisionEvent[]; caseIds: string[] }, SupervisionError | ProjectError>;

const year = (d: IsoDate) => d.slice(0, 4);
const done = (events: ProjectEvent[], ids: string[] = []): ProjectsDecided => ok({ events, caseIds: ids });

function found(s: SupervisionState, id: string): Result<TrackedProject, 'NOT_FOUND'> {
  const p = projectById(s, id);
  return p ? ok(p) : err('NOT_FOUND');
}

export function decideProjects(s: SupervisionState, cmd: ProjectCommand, env: ProjectsEnv): ProjectsDecided {
  const { today } = env;
  switch (cmd.type) {
    case 'trackAdopted': {
      const a = env.adopted ? env.adopted(cmd.meetingId, cmd.itemId, cmd.lead) : err('NOT_FOUND' as const);
      if (!a.ok) return a;
      // [U20] Tracking twice is harmless: a project already tracked is left alone.
      const fresh = a.value.filter(
        (x) => !s.projects.some((p) => p.adoptedBy.meetingId === x.adoptedBy.meetingId && p.adoptedBy.itemId === x.adoptedBy.itemId && p.adoptedBy.projectId === x.adoptedBy.projectId),
      );
      if (fresh.length === 0) return err('ALREADY_TRACKED');
      const inYear = s.projects.filter((p) => year(p.trackedOn) === year(today)).length;
      const events = fresh.map((x, i): ProjectEvent => ({ t: 'project.tracked', trackedId: `P${year(today)}-${inYear + i + 1}`, on: today, adoptedBy: x.adoptedBy, details: x.details }));
      return done(events, events.map((e) => (e.t === 'project.tracked' ? e.trackedId : '')));
    }
    case 'editProject': {
      const p = found(s, cmd.trackedId);
      if (!p.ok) return p;
      if (cmd.details.completion !== null && cmd.details.completion < p.value.trackedOn) return err('BAD_DATE');
      return done([{ t: 'project.edited', trackedId: p.value.id, on: today, details: cmd.details }]);
    }
    case 'addMilestone': {
      const p = found(s, cmd.trackedId);
      if (!p.ok) return p;
      if (cmd.due < p.value.trackedOn) return err('BAD_DATE');
      return done([{ t: 'milestone.added', trackedId: p.value.id, on: today, milestone: { id: `m${p.value.milestones.length + 1}`, title: cmd.title, due: cmd.due } }]);
    }
    case 'markMilestone': {
      const p = found(s, cmd.trackedId);
      if (!p.ok) return p;
      const m = p.value.milestones.find((x) => x.id === cmd.milestoneId);
      if (!m) return err('NOT_FOUND');
      if (m.doneOn !== null) return err('ALREADY_DONE');
      return done([{ t: 'milestone.done', trackedId: p.value.id, milestoneId: m.id, on: today }]);
    }
    case 'reportProgress': {
      const p = found(s, cmd.trackedId);
      if (!p.ok) return p;
      // [U22] Figures are cumulative: going down is a correction and must say why.
      const last = p.value.progress[p.value.progress.length - 1];
      const down = last !== undefined && (cmd.report.percent < last.percent || cmd.report.spentYuan < last.spentYuan);
      if (down && cmd.report.correction === '') return err('BACKWARDS');
      return done([{ t: 'project.progress', trackedId: p.value.id, on: today, report: cmd.report }]);
    }
    case 'recordVisit': {
      const p = found(s, cmd.trackedId);
      if (!p.ok) return p;
      // [U23] A visit is recorded after it happened.
      if (cmd.visit.date > today) return err('BAD_DATE');
      return done([{ t: 'project.visited', trackedId: p.value.id, on: today, visit: cmd.visit }]);
    }
    default:
      return assertNever(cmd, 'project command');
  }
}
