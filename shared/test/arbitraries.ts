// fast-check generators for the rules' property tests: settings, items, ballots, rounds, and
// event logs for the reducer. Ballots are mostly well formed with a share of broken ones
// (unknown ids, duplicates, too many ticks, values off the scale), as a buggy client sends.
import fc from 'fast-check';
import type { MeetingEvent } from '../events.js';
import {
  MotionItem,
  ProjectsItem,
  RatingItem,
  type AgendaItem,
  type Ballot,
  type BallotContent,
  type ManualCounts,
  type ScaleId,
} from '../model.js';
import type { RoundInput, TurnoutInput } from '../rules/index.js';
import { scaleOf } from '../rules/scales.js';
import { assertNever } from '../never.js';

const BASES = ['roster', 'present', 'cast'] as const;
const THRESHOLDS = ['half', 'twoThirds'] as const;
const SCALES: readonly ScaleId[] = ['three', 'four', 'score', 'competence'];
const CHOICES = ['for', 'against', 'abstain'] as const;
/** Level keys of every scale plus a stranger: a ballot may carry any of them. */
const ANY_LEVEL = [...new Set(SCALES.flatMap((s) => scaleOf(s).levels)), 'excellent'];

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);

export const arbMotionItem = fc
  .record({ base: fc.constantFrom(...BASES), threshold: fc.constantFrom(...THRESHOLDS), secret: fc.boolean() })
  .map((settings) => MotionItem.parse({ id: 'm1', title: 'motion', kind: 'motion', settings }));

export const arbProjectsItem = fc
  .record({
    count: fc.integer({ min: 1, max: 12 }),
    adopt: fc.integer({ min: 1, max: 14 }),
    form: fc.constantFrom('select' as const, 'each' as const),
    base: fc.constantFrom(...BASES),
    threshold: fc.constantFrom(...THRESHOLDS),
  })
  .map(({ count, adopt, form, base, threshold }) =>
    ProjectsItem.parse({
      id: 'p1',
      title: 'projects',
      kind: 'projects',
      settings: { form, adopt, base, threshold },
      projects: ids('prj', count).map((id) => ({ id, name: `project ${id}` })),
    }),
  );

const arbWeights = fc.option(fc.dictionary(fc.constantFrom(...ANY_LEVEL), fc.integer({ min: 0, max: 100 })), { nil: undefined });

export const arbRatingItem = fc
  .record({
    count: fc.integer({ min: 1, max: 6 }),
    scale: fc.constantFrom(...SCALES),
    weights: arbWeights,
    flagAbove: fc.integer({ min: 0, max: 100 }).map((n) => n / 100),
  })
  .map(({ count, scale, weights, flagAbove }) =>
    RatingItem.parse({
      id: 'r1',
      title: 'rating',
      kind: 'rating',
      settings: { scale, flagAbove, ...(weights ? { weights } : {}) },
      subjects: ids('sub', count).map((id) => ({ id, name: `subject ${id}` })),
    }),
  );

export const arbItem: fc.Arbitrary<AgendaItem> = fc.oneof(arbMotionItem, arbProjectsItem, arbRatingItem);

/** An id on the item, or one that is not. */
const arbIdFrom = (known: readonly string[]) => fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: fc.constant('ghost') });

const arbMotionContent: fc.Arbitrary<BallotContent> = fc.constantFrom(...CHOICES).map((choice) => ({ kind: 'motion', choice }));

/**
 * Real rounds are lopsided: a few projects get most ticks. `pop` gives each project on the
 * ballot a chance in tenths of being ticked (or 赞成), so thresholds are met and ties at the
 * last seat turn up, instead of every project hovering around the same count.
 */
function arbProjectsContent(item: ProjectsItem, onBallot: readonly string[], pop: readonly number[]): fc.Arbitrary<BallotContent> {
  const known = onBallot.length > 0 ? onBallot : item.projects.map((p) => p.id);
  const dice = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: known.length, maxLength: known.length });
  const ticked = dice.map((ds) => known.filter((_, i) => (ds[i] ?? 0) < (pop[i] ?? 5)));
  const select = ticked.map((picks): BallotContent => ({ kind: 'select', picks: picks.slice(0, item.settings.adopt) }));
  const junkSelect = fc
    .array(arbIdFrom(known), { maxLength: item.settings.adopt + 2 })
    .map((picks): BallotContent => ({ kind: 'select', picks }));
  const each = fc
    .tuple(ticked, fc.array(fc.constantFrom(...CHOICES), { minLength: known.length, maxLength: known.length }))
    .map(([yes, cs]): BallotContent => ({
      kind: 'each',
      choices: Object.fromEntries(known.map((id, i) => [id, yes.includes(id) ? 'for' : (cs[i] ?? 'against')])),
    }));
  const junkEach = fc
    .array(fc.tuple(arbIdFrom(known), fc.constantFrom(...CHOICES)), { maxLength: known.length + 1 })
    .map((pairs): BallotContent => ({ kind: 'each', choices: Object.fromEntries(pairs) }));
  const [good, junk, other] = item.settings.form === 'select' ? [select, junkSelect, each] : [each, junkEach, select];
  return fc.oneof({ weight: 16, arbitrary: good }, { weight: 3, arbitrary: junk }, { weight: 1, arbitrary: other });
}

function arbRatingContent(item: RatingItem): fc.Arbitrary<BallotContent> {
  const scale = scaleOf(item.settings.scale);
  const value: fc.Arbitrary<string | number> =
    scale.id === 'score'
      ? fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 0, max: 100 }) }, { weight: 1, arbitrary: fc.constantFrom<string | number>(101, -1, 'basic') })
      : fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...scale.levels) }, { weight: 1, arbitrary: fc.constantFrom<string | number>(...ANY_LEVEL, 50) });
  return fc
    .array(fc.tuple(arbIdFrom(item.subjects.map((s) => s.id)), value), { maxLength: item.subjects.length + 1 })
    .map((pairs): BallotContent => ({ kind: 'rating', ratings: Object.fromEntries(pairs) }));
}

/** Ballot contents for an item, mostly of the right kind. */
export function arbContent(item: AgendaItem, onBallot: readonly string[] = [], pop: readonly number[] = []): fc.Arbitrary<BallotContent> {
  switch (item.kind) {
    case 'motion':
      return arbMotionContent;
    case 'projects':
      return arbProjectsContent(item, onBallot, pop);
    case 'rating':
      return fc.oneof({ weight: 19, arbitrary: arbRatingContent(item) }, { weight: 1, arbitrary: arbMotionContent });
    case 'segment':
      return arbMotionContent; // a segment takes no ballots: anything is of the wrong kind
    default: {
      return assertNever(item, 'item');
    }
  }
}

export function arbBallots(item: AgendaItem, onBallot: readonly string[] = [], maxLength = 40): fc.Arbitrary<Ballot[]> {
  return fc
    .array(fc.integer({ min: 0, max: 10 }), { minLength: 200, maxLength: 200 })
    .chain((pop) => fc.array(arbContent(item, onBallot, pop), { maxLength }))
    .map((cs) => cs.map((content, i) => ({ receipt: `rc${i}`, content })));
}

/** Small counts make equal counts, hence ties, common. */
export function arbManual(item: AgendaItem): fc.Arbitrary<ManualCounts> {
  const n = fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 300 }));
  switch (item.kind) {
    case 'motion':
      return fc.record({ kind: fc.constant('motion' as const), for: n, against: n, abstain: n });
    case 'projects':
      return fc
        .array(n, { minLength: item.projects.length, maxLength: item.projects.length })
        .map((vs) => ({ kind: 'projects' as const, votes: Object.fromEntries(item.projects.map((p, i) => [p.id, vs[i] ?? 0])) }));
    case 'rating': {
      const levels = scaleOf(item.settings.scale).levels;
      const perSubject = fc.array(n, { minLength: levels.length, maxLength: levels.length }).map((cs) => Object.fromEntries(levels.map((l, i) => [l, cs[i] ?? 0])));
      return fc
        .array(perSubject, { minLength: item.subjects.length, maxLength: item.subjects.length })
        .map((cs) => ({ kind: 'rating' as const, counts: Object.fromEntries(item.subjects.map((s, i) => [s.id, cs[i] ?? {}])) }));
    }
    case 'segment':
      return fc.record({ kind: fc.constant('motion' as const), for: n, against: n, abstain: n });
    default: {
      return assertNever(item, 'item');
    }
  }
}

/** A round of the item: ballots (sometimes a run-off's), or now and then a hand count. */
export function arbRound(item: AgendaItem): fc.Arbitrary<RoundInput> {
  const plain = arbBallots(item).map((ballots): RoundInput => ({ ballots }));
  const manual = arbManual(item).map((m): RoundInput => ({ ballots: [], manual: m }));
  if (item.kind !== 'projects') return fc.oneof({ weight: 4, arbitrary: plain }, { weight: 1, arbitrary: manual });
  const runoff = fc
    .record({ candidates: fc.subarray(item.projects.map((p) => p.id), { minLength: 1 }), seats: fc.integer({ min: 1, max: 4 }) })
    .chain(({ candidates, seats }) => arbBallots(item, candidates).map((ballots): RoundInput => ({ ballots, candidates, seats })));
  return fc.oneof({ weight: 4, arbitrary: plain }, { weight: 1, arbitrary: manual }, { weight: 2, arbitrary: runoff });
}

export const arbTurnout: fc.Arbitrary<TurnoutInput> = fc
  .integer({ min: 0, max: 60 })
  .chain((roster) => fc.integer({ min: 0, max: roster }).map((present) => ({ roster, present })));

/** A turnout near `cast` ballots: mostly everyone who voted is present, now and then not. */
export function arbTurnoutFor(cast: number): fc.Arbitrary<TurnoutInput> {
  return fc
    .record({ extra: fc.integer({ min: 0, max: 10 }), short: fc.integer({ min: -3, max: 10 }) })
    .map(({ extra, short }) => ({ roster: cast + extra, present: Math.max(0, Math.min(cast + extra, cast + extra - short)) }));
}

/** An item from `items` with one of its rounds and a turnout. */
export function caseOf<T extends AgendaItem>(items: fc.Arbitrary<T>): fc.Arbitrary<[T, RoundInput, TurnoutInput]> {
  return items.chain((item) =>
    arbRound(item).chain((round) => fc.tuple(fc.constant(item), fc.constant(round), fc.oneof(arbTurnoutFor(round.ballots.length), arbTurnout))),
  );
}

export const arbCase = caseOf(arbItem);

// ---- event logs ------------------------------------------------------------------------------

const ROUNDS = ['r1', 'r2', 'r3'];

/**
 * A meeting's log: meeting.created, then events in any order, some aimed at rounds not yet
 * started or deputies not on the roster. The reducer must fold all of it without throwing.
 */
export function arbEventLog(deputies = 6): fc.Arbitrary<MeetingEvent[]> {
  const roster = ids('d', deputies).map((id) => ({ id, name: `deputy ${id}`, group: '', seat: '' }));
  const deputy = fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...roster.map((d) => d.id)) }, { weight: 1, arbitrary: fc.constant('stranger') });
  const round = fc.constantFrom(...ROUNDS);
  const at = fc.integer({ min: 0, max: 1_000_000 });
  const sub = fc.integer({ min: 1, max: 4 }).map((n) => `s${n}`);
  const event: fc.Arbitrary<MeetingEvent> = fc.oneof(
    fc.record({ t: fc.constant('checkin' as const), at, deputyId: deputy, by: fc.constantFrom('self' as const, 'staff' as const) }),
    fc.record({ t: fc.constant('checkin.undone' as const), at, deputyId: deputy }),
    fc.record({ t: fc.constant('round.started' as const), at, roundId: round, itemId: fc.constant('m1'), endsAt: fc.option(at, { nil: null }), purpose: fc.constant('vote' as const) }),
    fc.record({ t: fc.constant('round.paused' as const), at, roundId: round }),
    fc.record({ t: fc.constant('round.resumed' as const), at, roundId: round }),
    fc.record({ t: fc.constant('round.closed' as const), at, roundId: round, by: fc.constant('moderator' as const) }),
    fc.record({ t: fc.constant('round.voided' as const), at, roundId: round, reason: fc.constant('test') }),
    fc.record({ t: fc.constant('voted' as const), roundId: round, deputyId: deputy, submissionId: sub }),
    fc.record({
      t: fc.constant('ballot' as const),
      roundId: round,
      receipt: fc.integer({ min: 1, max: 20 }).map((n) => `rc${n}`),
      content: arbMotionContent,
      replaces: fc.option(fc.integer({ min: 1, max: 20 }).map((n) => `rc${n}`), { nil: undefined }),
    }).map(({ replaces, ...b }) => (replaces === undefined ? b : { ...b, replaces })),
  );
  const created: MeetingEvent = {
    t: 'meeting.created',
    at: 0,
    meeting: { id: 'mt', title: 'meeting', date: '', settings: { quorum: 'half' } },
    roster,
    agenda: [MotionItem.parse({ id: 'm1', title: 'motion', kind: 'motion', settings: {} })],
  };
  return fc.array(event, { maxLength: 80 }).map((es) => [created, ...es]);
}
