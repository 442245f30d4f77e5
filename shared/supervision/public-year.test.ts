// The published flag and the year's public view (U40..U42): nothing unpublished and no internal
// field reaches the public, whatever was typed into a case; the flag follows the last choice.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideSupervision, type DecideEnv } from './decide.js';
import type { SupervisionCommand, SupervisionEvent } from './model.js';
import { publicYear, publishedProjects } from './public-year.js';
import type { YearProject } from './year-projects.js';
import { EMPTY_SUPERVISION, reduceSupervision, type SupervisionState } from './state.js';

const env = (role: DecideEnv['role'] = 'admin'): DecideEnv => ({ today: '2026-12-01', role, flagged: () => ({ ok: false, error: 'NOT_FOUND' }) });
let seq = 0;
function run(s: SupervisionState, cmd: SupervisionCommand, role: DecideEnv['role'] = 'admin', actor = 'SECRET-ACTOR'): SupervisionState {
  const d = decideSupervision(s, cmd, env(role));
  if (!d.ok) throw new Error(d.error);
  return d.value.events.reduce((acc: SupervisionState, e: SupervisionEvent) => reduceSupervision(acc, e, { seq: ++seq, at: seq, actor }), s);
}

/** Two cases, every internal field holding a marker; the second one unpublished throughout. */
function twoCases(): SupervisionState {
  const details = (dept: string) => ({
    department: dept,
    head: 'SECRET-HEAD',
    lead: '常委会财经工委',
    questions: [{ asker: 'SECRET-ASKER', topic: 'SECRET-TOPIC', text: 'SECRET-QUESTION' }],
    commitments: ['年底前完成雨污分流'],
  });
  let s = run(EMPTY_SUPERVISION, { type: 'openCase', details: details('县住建局') });
  s = run(s, { type: 'openCase', details: { ...details('SECRET-UNPUBLISHED-DEPT'), commitments: ['SECRET-UNPUBLISHED-COMMITMENT'] } });
  const file = { mediaId: 'mdSECRETFILE', type: 'document' as const, name: 'SECRET-FILENAME.pdf' };
  for (const id of ['2026-1', '2026-2']) {
    s = run(s, { type: 'issueNotice', caseId: id });
    s = run(s, { type: 'recordPlan', caseId: id, report: { text: 'SECRET-PLAN-TEXT', attachments: [file] } });
    s = run(s, { type: 'recordProgress', caseId: id, report: { text: 'SECRET-PROGRESS-TEXT', attachments: [{ ...file, type: 'image' }] } });
  }
  return s;
}

describe('the published flag and the public year', () => {
  it('[U40] nothing is public by default; only an administrator publishes, and only a real record', () => {
    const s = twoCases();
    expect(publicYear(s, '2026-12-01').cases).toEqual([]);
    const pub: SupervisionCommand = { type: 'setPublished', kind: 'case', id: '2026-1', published: true };
    expect(decideSupervision(s, pub, env('operator'))).toEqual({ ok: false, error: 'FORBIDDEN' });
    expect(decideSupervision(s, { ...pub, id: '2026-9' }, env())).toEqual({ ok: false, error: 'NOT_FOUND' });
    expect(decideSupervision(s, { ...pub, kind: 'project' }, env())).toEqual({ ok: false, error: 'NOT_FOUND' });
    const once = run(s, pub);
    // Publishing what is already published writes nothing.
    expect(decideSupervision(once, pub, env())).toEqual({ ok: true, value: { events: [], caseIds: [] } });
  });

  it('[U41][U42] the public view holds the published case and its public fields only', () => {
    let s = run(twoCases(), { type: 'setPublished', kind: 'case', id: '2026-1', published: true });
    const v = publicYear(s, '2026-12-01');
    expect(v.cases).toEqual([
      {
        id: '2026-1',
        department: '县住建局',
        lead: '常委会财经工委',
        status: 'rectifying',
        missed: null,
        openedOn: '2026-12-01',
        rating: null,
        commitments: ['年底前完成雨污分流'],
        notice: { on: '2026-12-01', number: '督字〔2026〕1号' },
        planOn: '2026-12-01',
        progressReports: 1,
        lastProgressOn: '2026-12-01',
        completionDue: s.cases[0]?.due.completion,
        completedOn: null,
        closedOn: null,
      },
    ]);
    expect(JSON.stringify(v)).not.toContain('SECRET');
    // Withdrawn: gone again.
    s = run(s, { type: 'setPublished', kind: 'case', id: '2026-1', published: false }, 'admin', 'clerk');
    expect(publicYear(s, '2026-12-01').cases).toEqual([]);
    // The case's own timeline keeps both decisions, with who made them.
    expect(s.cases[0]?.timeline.slice(-2).map((e) => [e.kind, e.on, e.actor])).toEqual([
      ['published', '2026-12-01', 'SECRET-ACTOR'],
      ['withdrawn', '2026-12-01', 'clerk'],
    ]);
  });

  it('[U41] after any run of publish and withdraw, exactly the cases whose last choice was publish are public', () => {
    const base = twoCases();
    const step = fc.record({ id: fc.constantFrom<string>('2026-1', '2026-2'), published: fc.boolean() });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 12 }), (steps) => {
        const s = steps.reduce((acc, x) => run(acc, { type: 'setPublished', kind: 'case', ...x }), base);
        const last = new Map(steps.map((x) => [x.id, x.published]));
        const expected = ['2026-1', '2026-2'].filter((id) => last.get(id) === true);
        const v = publicYear(s, '2026-12-01');
        expect(v.cases.map((c) => c.id).sort()).toEqual(expected);
        const text = JSON.stringify(v);
        expect(text).not.toMatch(/SECRET-(ACTOR|HEAD|ASKER|TOPIC|QUESTION|PLAN|PROGRESS|FILE)|mdSECRET/);
        if (!expected.includes('2026-2')) expect(text).not.toContain('UNPUBLISHED');
      }),
      { numRuns: 60 },
    );
  });

  it('[U41][U42] of the tracked projects only the published ones go out, and of a fuller row only the public fields', () => {
    const row = (id: string): YearProject => ({ id, name: `项目${id}`, department: '县住建局', lead: '', status: 'inProgress', percent: 40, budgetYuan: 32_000_000, spentYuan: 1_000_000, due: '2026-12-31', lastReportOn: '2026-11-20' });
    // What the projects' own view holds beside the public fields: report texts, visits, files.
    const fuller = (id: string) => ({ ...row(id), progress: [{ text: 'SECRET-REPORT', attachments: [{ mediaId: 'mdSECRET' }] }], visits: [{ deputies: ['SECRET-DEPUTY'] }], timeline: [{ actor: 'SECRET-ACTOR' }] });
    const out = publishedProjects({ case: ['p1'], project: ['p2'] }, [fuller('p1'), fuller('p2')]);
    expect(out).toEqual([row('p2')]);
    expect(JSON.stringify(out)).not.toContain('SECRET');
  });
});
