// Property: whatever the ballots, a projects item's outcome after a tie and its run-off fills
// at most N seats, never adopts a project twice, keeps the first round's adopted projects in
// front, and runs off exactly the tied projects for exactly the seats they left (P11..P13).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideCommand, decideVote } from './decide.js';
import type { MeetingEvent } from './events.js';
import { ProjectsItem } from './model.js';
import { outcomeOf } from './outcome.js';
import { reduce, replay, type MeetingState } from './state.js';
import { resultOf } from './views.js';
/** decideVote's server-drawn salt; its value does not matter to these rules. */
const SALT = 'a'.repeat(32);

const apply = (s: MeetingState, events: MeetingEvent[]) => events.reduce<MeetingState>((acc, e) => reduce(acc, e), s);
let seq = 0;
const ids = () => `r${++seq}`;
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** A distinct receipt per call: seq written in the receipt alphabet (base 32), 8 characters. */
function receipt(): string {
  let n = ++seq;
  let out = '';
  for (let i = 0; i < 8; i++, n = Math.floor(n / 32)) out = (ALPHABET[n % 32] ?? 'A') + out;
  return out;
}

function run(s: MeetingState, c: Parameters<typeof decideCommand>[1]): MeetingState {
  const d = decideCommand(s, c, 10, ids);
  if (!d.ok) throw new Error(d.error);
  return apply(s, d.value);
}

function castAll(s: MeetingState, picks: readonly string[][]): MeetingState {
  const roundId = s.activeRoundId ?? '';
  return picks.reduce((acc, p, i) => {
    const d = decideVote(acc, `d${i}`, { roundId, submissionId: `s${++seq}`, receipt: receipt(), content: { kind: 'select', picks: p } }, 20, SALT);
    if (!d.ok) throw new Error(d.error);
    return apply(acc, d.value.events);
  }, s);
}

/** Up to `max` distinct ids out of `from`, as a deputy could tick them. */
const ticks = (from: readonly string[], max: number) => fc.subarray([...from], { maxLength: Math.min(max, from.length) });

function rotation(projects: readonly string[], adopt: number, voters: number): string[][] {
  const pool = projects.slice(0, adopt + 1);
  return Array.from({ length: voters }, (_, i) => pool.filter((_, k) => k !== i % pool.length).slice(0, adopt));
}

const scenario = fc
  .record({ count: fc.integer({ min: 2, max: 7 }), adopt: fc.integer({ min: 1, max: 5 }), voters: fc.integer({ min: 1, max: 12 }) })
  .chain(({ count, adopt, voters }) => {
    const projects = Array.from({ length: count }, (_, i) => `p${i}`);
    return fc.record({
      projects: fc.constant(projects),
      adopt: fc.constant(adopt),
      // Random ballots, or a rotation over N + 1 projects (each voter leaves one out), which ties
      // them for the last seat whenever the voters divide evenly.
      first: fc.oneof(fc.array(ticks(projects, adopt), { minLength: voters, maxLength: voters }), fc.constant(rotation(projects, adopt, voters))),
      runoff: fc.array(fc.array(fc.nat(), { maxLength: adopt }), { minLength: voters, maxLength: voters }),
    });
  });

describe('outcome with a run-off (property)', () => {
  it('[P13] fills at most N seats, adopts each project once, keeps the first adopted in front', () => {
    fc.assert(
      fc.property(scenario, ({ projects, adopt, first, runoff }) => {
        const item = ProjectsItem.parse({ id: 'p', kind: 'projects', title: 't', settings: { adopt, countdownSec: 0, base: 'cast' }, projects: projects.map((id) => ({ id, name: id })) });
        const roster = first.map((_, i) => ({ id: `d${i}`, name: `d${i}`, group: '', seat: '' }));
        let s = replay([
          { t: 'meeting.created', at: 0, meeting: { id: 'm', title: 'm', date: '', settings: { quorum: 'half' } }, roster, agenda: [item] },
          ...roster.map((d): MeetingEvent => ({ t: 'checkin', at: 1, deputyId: d.id, by: 'self' })),
        ])!;
        s = run(s, { type: 'startRound', itemId: 'p' });
        const r1 = s.activeRoundId ?? '';
        s = run(castAll(s, first), { type: 'close', roundId: r1 });
        const before = outcomeOf(s, 'p', resultOf).result;
        if (before?.kind !== 'projects') throw new Error('projects result expected');
        const d = decideCommand(s, { type: 'runoff', roundId: r1 }, 30, ids);
        if (!before.tie) {
          expect(d).toEqual({ ok: false, error: 'NOT_FOUND' });
          return;
        }
        if (!d.ok) throw new Error(d.error);
        expect(d.value[0]).toMatchObject({ candidates: before.tie.projectIds, seats: before.tie.seats, follows: r1 });
        s = apply(s, d.value);
        const tied = before.tie.projectIds;
        // Run-off ballots: tick distinct tied projects, at most the tie's seats.
        const picks = runoff.map((ns) => [...new Set(ns.map((n) => tied[n % tied.length] ?? ''))].slice(0, before.tie?.seats ?? 0));
        const r2 = s.activeRoundId ?? '';
        s = run(castAll(s, picks), { type: 'close', roundId: r2 });
        const after = outcomeOf(s, 'p', resultOf).result;
        if (after?.kind !== 'projects') throw new Error('projects result expected');
        expect(after.adopted.length + after.unfilled).toBe(adopt);
        expect(new Set(after.adopted).size).toBe(after.adopted.length);
        expect(after.adopted.slice(0, before.adopted.length)).toEqual(before.adopted);
        for (const id of after.adopted.slice(before.adopted.length)) expect(tied).toContain(id);
        expect(after.runoffsMerged).toBe(1);
      }),
      { numRuns: 150 },
    );
  });
});
