// A second, deliberately plain tally written from docs/SPEC.md alone (no import from the
// engine but its entry point), checked against the engine on random rounds. Where the two
// disagree, one of them misreads the spec.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Ballot, BallotContent, MotionItem, ProjectsItem, RatingItem } from '../model.js';
import { arbMotionItem, arbProjectsItem, arbRatingItem, caseOf } from '../test/arbitraries.js';
import { tallyRound, type RoundInput, type TurnoutInput } from './index.js';

const RUNS = { numRuns: 200 };

// ---- motions ---------------------------------------------------------------------------------

function need(threshold: 'half' | 'twoThirds', base: number): number {
  if (base <= 0) return 1;
  // Smallest v with v > base / 2, or 3v >= 2 base: counted up rather than computed.
  let v = 0;
  while (threshold === 'half' ? 2 * v <= base : 3 * v < 2 * base) v++;
  return v;
}

function refMotion(item: MotionItem, ballots: readonly Ballot[], t: TurnoutInput) {
  const n = (c: string) => ballots.filter((b) => b.content.kind === 'motion' && b.content.choice === c).length;
  const cast = n('for') + n('against') + n('abstain');
  const base = { roster: t.roster, present: t.present, cast }[item.settings.base];
  return { for: n('for'), cast, passed: n('for') >= need(item.settings.threshold, base) };
}

// ---- projects --------------------------------------------------------------------------------

function refProjects(item: ProjectsItem, round: RoundInput, t: TurnoutInput) {
  const all = item.projects.map((p) => p.id);
  const onBallot = round.candidates ? all.filter((id) => round.candidates?.includes(id)) : all;
  const limit = round.seats ?? item.settings.adopt;
  const isValid = (c: BallotContent): boolean => {
    if (item.settings.form === 'select') {
      if (c.kind !== 'select') return false;
      const unique = c.picks.filter((id, i) => c.picks.indexOf(id) === i);
      return c.picks.every((id) => onBallot.includes(id)) && unique.length === c.picks.length && c.picks.length <= limit;
    }
    if (c.kind !== 'each') return false;
    const keys = Object.keys(c.choices);
    return keys.every((k) => onBallot.includes(k)) && onBallot.every((id) => keys.includes(id));
  };
  const validBallots = round.ballots.filter((b) => isValid(b.content));
  const votes = new Map(onBallot.map((id) => [id, 0]));
  for (const { content: c } of validBallots) {
    for (const id of onBallot) {
      const yes = c.kind === 'select' ? c.picks.includes(id) : c.kind === 'each' && c.choices[id] === 'for';
      if (yes) votes.set(id, (votes.get(id) ?? 0) + 1);
    }
  }
  const cast = round.ballots.length;
  const base = { roster: t.roster, present: t.present, cast }[item.settings.base];
  const needed = round.candidates ? 0 : need(item.settings.threshold, base);
  // A project is adopted when the eligible projects with more or equal votes fit in the seats,
  // tied when those with more fit but those with equal votes too do not.
  const eligible = onBallot.filter((id) => (votes.get(id) ?? 0) >= needed);
  const status = new Map<string, string>();
  for (const id of onBallot) {
    const v = votes.get(id) ?? 0;
    const more = eligible.filter((x) => (votes.get(x) ?? 0) > v).length;
    const same = eligible.filter((x) => (votes.get(x) ?? 0) === v).length;
    if (!eligible.includes(id)) status.set(id, 'belowThreshold');
    else if (more + same <= limit) status.set(id, 'adopted');
    else if (more < limit) status.set(id, 'tied');
    else status.set(id, 'notAdopted');
  }
  const adopted = [...status].filter(([, s]) => s === 'adopted').length;
  return { valid: validBallots.length, cast, votes, status, unfilled: limit - adopted };
}

// ---- ratings ---------------------------------------------------------------------------------

/** The scales of SPEC R8, typed out again: level -> [weight, role]. */
const SCALES: Record<string, Record<string, [number, 'good' | 'bad' | '']>> = {
  three: { satisfied: [100, 'good'], basic: [60, 'good'], unsatisfied: [0, 'bad'] },
  four: { satisfied: [100, 'good'], fairlySatisfied: [75, 'good'], fairlyUnsatisfied: [40, ''], unsatisfied: [0, 'bad'] },
  competence: { competent: [100, 'good'], basic: [60, 'good'], incompetent: [0, 'bad'] },
};

function refRating(item: RatingItem, ballots: readonly Ballot[]) {
  const scale = item.settings.scale;
  const table = SCALES[scale];
  const subjectIds = item.subjects.map((s) => s.id);
  const fits = (v: string | number) =>
    scale === 'score' ? typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 100 : typeof v === 'string' && table !== undefined && Object.hasOwn(table, v);
  const valid = ballots.filter(({ content: c }) => {
    if (c.kind !== 'rating') return false;
    const entries = Object.entries(c.ratings);
    return entries.length > 0 && entries.every(([id, v]) => subjectIds.includes(id) && fits(v));
  });
  return subjectIds.map((id) => {
    const values = valid.flatMap(({ content: c }) => (c.kind === 'rating' && c.ratings[id] !== undefined ? [c.ratings[id]] : []));
    const points = values.map((v) => (typeof v === 'number' ? v : (item.settings.weights?.[v] ?? table?.[v]?.[0] ?? 0)));
    const good = values.filter((v) => (typeof v === 'number' ? v >= 60 : table?.[v]?.[1] === 'good')).length;
    const bad = values.filter((v) => (typeof v === 'number' ? v < 60 : table?.[v]?.[1] === 'bad')).length;
    const n = values.length;
    return { n, good, bad, mean: n ? points.reduce((a, b) => a + b, 0) / n : null, flagged: n > 0 && bad / n > item.settings.flagAbove };
  });
}

// ---- the comparison ----------------------------------------------------------------------------

describe('the engine agrees with a plain reference tally', () => {
  it('[M2] [M3] motions: 赞成, cast and passed', () => {
    fc.assert(
      fc.property(caseOf(arbMotionItem), ([item, round, t]) => {
        if (round.manual) return;
        expect(tallyRound(item, round, t)).toMatchObject(refMotion(item, round.ballots, t));
      }),
      RUNS,
    );
  });

  it('[P8] [P9] [P10] [P11] [P12] projects: validity, votes, statuses and unfilled seats', () => {
    fc.assert(
      fc.property(caseOf(arbProjectsItem), ([item, round, t]) => {
        if (round.manual) return;
        const r = tallyRound(item, round, t);
        if (r.kind !== 'projects') throw new Error('expected projects');
        const ref = refProjects(item, round, t);
        expect({ valid: r.valid, cast: r.cast, unfilled: r.unfilled }).toEqual({ valid: ref.valid, cast: ref.cast, unfilled: ref.unfilled });
        for (const p of r.projects) {
          expect(p.votes).toBe(ref.votes.get(p.projectId));
          expect(p.status).toBe(ref.status.get(p.projectId));
        }
        expect(r.projects.length).toBe(ref.votes.size);
      }),
      RUNS,
    );
  });

  it('[R4] [R6] [R7] [R9] ratings: counts, rates, score and flag per subject', () => {
    fc.assert(
      fc.property(caseOf(arbRatingItem), ([item, round, t]) => {
        if (round.manual) return;
        const r = tallyRound(item, round, t);
        if (r.kind !== 'rating') throw new Error('expected rating');
        const ref = refRating(item, round.ballots);
        r.subjects.forEach((s, i) => {
          const x = ref[i];
          expect(x).toBeDefined();
          if (!x) return;
          expect([s.valid, s.satisfiedVotes, s.unsatisfiedVotes, s.flagged]).toEqual([x.n, x.good, x.bad, x.flagged]);
          if (x.mean === null) expect(s.score).toBeNull();
          else expect(Math.abs((s.score ?? NaN) - x.mean)).toBeLessThanOrEqual(0.005 + 1e-9);
        });
      }),
      RUNS,
    );
  });
});
