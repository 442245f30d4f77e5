// Invariants of the rules engine over random items, settings, ballots and turnouts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbBallots, arbCase, arbItem, arbProjectsItem, arbRatingItem } from '../test/arbitraries.js';
import { mergeRunoff, tallyRound, validateBallot, validateManual, type ItemResult, type ProjectsResult } from './index.js';
import { assertNever } from '../never.js';

const RUNS = { numRuns: 200 };
const projectsOf = (r: ItemResult): ProjectsResult => {
  if (r.kind !== 'projects') throw new Error('expected a projects result');
  return r;
};

describe('rules engine properties', () => {
  it('[P8] [R5] random settings and ballots never crash the engine, and results are plain JSON', () => {
    fc.assert(
      fc.property(arbCase, ([item, round, turnout]) => {
        for (const b of round.ballots) validateBallot(item, round, b.content);
        if (round.manual) validateManual(item, round.manual);
        const r = tallyRound(item, round, turnout);
        expect(JSON.parse(JSON.stringify(r))).toEqual(r);
        expect(r.kind).toBe(item.kind);
      }),
      RUNS,
    );
  });

  it('[P8] [R5] invalid + valid = cast, and valid = the ballots validateBallot accepts', () => {
    fc.assert(
      fc.property(arbCase, ([item, round, turnout]) => {
        const r = tallyRound(item, round, turnout);
        if (r.kind === 'motion') {
          if (!round.manual) expect(r.cast).toBe(round.ballots.length);
          return;
        }
        expect(r.valid + r.invalid).toBe(r.cast);
        if (round.manual) return;
        expect(r.cast).toBe(round.ballots.length);
        expect(r.valid).toBe(round.ballots.filter((b) => validateBallot(item, round, b.content).ok).length);
      }),
      RUNS,
    );
  });

  it('[M3] [P9] [R4] tallies sum to the valid ballots', () => {
    fc.assert(
      fc.property(arbCase, ([item, round, turnout]) => {
        const r = tallyRound(item, round, turnout);
        switch (r.kind) {
          case 'motion':
            expect(r.for + r.against + r.abstain).toBe(r.cast);
            break;
          case 'projects':
            for (const p of r.projects) {
              expect(p.votes).toBeLessThanOrEqual(r.valid);
              if (p.against !== null && p.abstain !== null) expect(p.votes + p.against + p.abstain).toBe(r.valid);
            }
            if (!round.manual && r.form === 'select') {
              expect(r.projects.reduce((t, p) => t + p.votes, 0)).toBeLessThanOrEqual(r.valid * r.seats);
            }
            break;
          case 'rating':
            for (const s of r.subjects) {
              expect(s.levels.reduce((t, l) => t + l.count, 0)).toBe(s.valid);
              expect(s.valid + s.skipped).toBe(r.valid);
              if (s.valid > 0) expect(s.levels.reduce((t, l) => t + l.share, 0)).toBeCloseTo(1, 9);
              if (s.score !== null) expect(s.score).toBeGreaterThanOrEqual(0);
              if (s.score !== null) expect(s.score).toBeLessThanOrEqual(100);
            }
            break;
          default: {
            return assertNever(r, 'result');
          }
        }
      }),
      RUNS,
    );
  });

  it('[M4] 未按 is present - cast and never negative', () => {
    fc.assert(
      fc.property(arbCase, ([item, round, turnout]) => {
        const r = tallyRound(item, round, turnout);
        expect(r.notVoted).toBe(Math.max(0, turnout.present - r.cast));
      }),
      RUNS,
    );
  });

  it('[P10] [P11] adopted + unfilled = seats; adopted projects outvote every other eligible one', () => {
    fc.assert(
      fc.property(arbCase, ([item, round, turnout]) => {
        if (item.kind !== 'projects') return;
        const r = projectsOf(tallyRound(item, round, turnout));
        expect(r.adopted.length + r.unfilled).toBe(r.seats);
        expect(new Set(r.adopted).size).toBe(r.adopted.length);
        const votes = new Map(r.projects.map((p) => [p.projectId, p.votes]));
        const adoptedVotes = r.adopted.map((id) => votes.get(id) ?? -1);
        expect(adoptedVotes).toEqual([...adoptedVotes].sort((a, b) => b - a));
        for (const p of r.projects) {
          if (p.status === 'belowThreshold') expect(p.votes).toBeLessThan(r.needed);
          else expect(p.votes).toBeGreaterThanOrEqual(r.needed);
          if (p.status === 'notAdopted' || p.status === 'tied') for (const v of adoptedVotes) expect(v).toBeGreaterThan(p.votes - (p.status === 'tied' ? 1 : 0));
        }
        if (r.tie) {
          expect(r.tie.projectIds.length).toBeGreaterThan(r.tie.seats);
          expect(r.tie.seats).toBeGreaterThan(0);
          expect(r.tie.seats).toBeLessThanOrEqual(r.unfilled);
          expect(r.projects.filter((p) => p.status === 'tied').map((p) => p.projectId).sort()).toEqual([...r.tie.projectIds].sort());
        } else {
          expect(r.projects.some((p) => p.status === 'tied')).toBe(false);
        }
      }),
      RUNS,
    );
  });

  it('[P13] a run-off merged into a tie keeps the first adopted and never fills more than the seats', () => {
    // First rounds from hand counts of 0..3 with few present: ties at the last seat are common.
    const counts = (n: number) => fc.array(fc.integer({ min: 0, max: 3 }), { minLength: n, maxLength: n });
    const fewerSeats = arbProjectsItem.map((it) => ({ ...it, settings: { ...it.settings, adopt: Math.max(1, Math.min(it.settings.adopt, it.projects.length - 1)) } }));
    const arb = fewerSeats.chain((item) =>
      fc.tuple(fc.constant(item), counts(item.projects.length), fc.integer({ min: 0, max: 2 })).chain(([it, vs, present]) => {
        const manual = { kind: 'projects' as const, votes: Object.fromEntries(it.projects.map((p, i) => [p.id, vs[i] ?? 0])) };
        const turnout = { roster: 10, present };
        const first = projectsOf(tallyRound(it, { ballots: [], manual }, turnout));
        const candidates = first.tie ? [...first.tie.projectIds] : [];
        return fc.tuple(fc.constant(it), fc.constant(first), arbBallots(it, candidates), fc.constant(turnout));
      }),
    );
    fc.assert(
      fc.property(arb, ([item, first, ballots, turnout]) => {
        fc.pre(first.tie !== null);
        if (!first.tie) return;
        const runoff = projectsOf(tallyRound(item, { ballots, candidates: first.tie.projectIds, seats: first.tie.seats }, turnout));
        const m = mergeRunoff(first, runoff);
        expect(m.adopted.slice(0, first.adopted.length)).toEqual(first.adopted);
        expect(m.adopted.length + m.unfilled).toBe(first.seats);
        expect(new Set(m.adopted).size).toBe(m.adopted.length);
        expect(m.adopted.slice(first.adopted.length).every((id) => first.tie?.projectIds.includes(id))).toBe(true);
        expect(m.projects.map((p) => p.projectId).sort()).toEqual(first.projects.map((p) => p.projectId).sort());
        if (m.tie) expect(m.tie.projectIds.every((id) => first.tie?.projectIds.includes(id))).toBe(true);
      }),
      RUNS,
    );
  });

  it('[R10] ranks follow the listed order and never skip ahead', () => {
    fc.assert(
      fc.property(arbCase, ([item, round, turnout]) => {
        const r = tallyRound(item, round, turnout);
        if (r.kind === 'projects') {
          r.projects.forEach((p, i) => {
            expect(p.rank).toBeLessThanOrEqual(i + 1);
            if (i > 0) expect(p.rank).toBeGreaterThanOrEqual(r.projects[i - 1]?.rank ?? 0);
          });
        }
        if (r.kind === 'rating') {
          const scored = r.subjects.filter((s) => s.score !== null);
          for (const s of scored) expect(s.rank).not.toBeNull();
          for (const a of scored) for (const b of scored) if ((a.score ?? 0) > (b.score ?? 0)) expect(a.rank ?? 0).toBeLessThan(b.rank ?? 0);
        }
      }),
      RUNS,
    );
  });

  it('[R2] [P7] validation never throws and answers with a known code', () => {
    const codes = ['WRONG_KIND', 'UNKNOWN_ID', 'TOO_MANY_PICKS', 'INCOMPLETE', 'BAD_VALUE'];
    fc.assert(
      fc.property(
        fc.oneof(arbItem, arbRatingItem).chain((item) => fc.tuple(fc.constant(item), arbBallots(item, [], 10))),
        ([item, ballots]) => {
          for (const b of ballots) {
            const v = validateBallot(item, {}, b.content);
            if (!v.ok) expect(codes).toContain(v.error);
          }
        },
      ),
      RUNS,
    );
  });
});
