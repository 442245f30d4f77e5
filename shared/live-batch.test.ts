// [W7] What leaves the server of a secret vote's tally while it is open: nothing, or with
// visibility live the figures in steps of k ballots, k and more behind the ballots cast, so no
// change (the one at close included) can be put down to fewer than k ballots. Named votes: every
// ballot, at once, as before.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EventOf, MeetingEvent } from './events.js';
import { MotionItem, type MotionChoice, type Visibility } from './model.js';
import { reduce, replay, type MeetingState } from './state.js';
import { consoleWireView, screenView, shownResultOf } from './views.js';

const N = 60;
function created(settings: Record<string, unknown>): EventOf<'meeting.created'> {
  return {
    t: 'meeting.created',
    at: 0,
    meeting: { id: 'mt', title: 'meeting', date: '', settings: { quorum: 'half' } },
    roster: Array.from({ length: N }, (_, i) => ({ id: `d${i}`, name: `deputy ${i}`, group: '', seat: '' })),
    agenda: [MotionItem.parse({ id: 'm1', title: 'motion', kind: 'motion', settings })],
  };
}
const start: MeetingEvent = { t: 'round.started', at: 1, roundId: 'r1', itemId: 'm1', endsAt: null, purpose: 'vote' };
const checkIns: MeetingEvent[] = Array.from({ length: N }, (_, i) => ({ t: 'checkin', at: 1, deputyId: `d${i}`, by: 'self' }));
const castBy = (i: number, choice: MotionChoice, secret: boolean, replaces?: string): MeetingEvent[] => [
  { t: 'voted', roundId: 'r1', deputyId: `d${i}`, submissionId: `s${i}-${replaces ?? ''}` },
  {
    t: 'ballot',
    roundId: 'r1',
    receipt: `R${i}${replaces ? 'X' : ''}`,
    content: { kind: 'motion', choice },
    ...(secret ? {} : { deputyId: `d${i}` }),
    ...(replaces ? { replaces } : {}),
  },
];
const round = (s: MeetingState) => s.rounds.get('r1')!;
const cast = (s: MeetingState) => {
  const r = shownResultOf(s, round(s));
  return r === null ? null : r.cast;
};

const arbChoices = fc.array(fc.constantFrom<MotionChoice>('for', 'against', 'abstain'), { minLength: 0, maxLength: N });

describe('[W7] the running tally of a secret vote', () => {
  it('live: moves only in steps of k, at least k ballots behind, and the step at close holds at least k', () => {
    fc.assert(
      fc.property(arbChoices, fc.integer({ min: 5, max: 15 }), (choices, k) => {
        let s = replay([created({ secret: true, visibility: 'live', liveBatch: k }), ...checkIns, start]) as MeetingState;
        let shown = 0;
        choices.forEach((c, i) => {
          for (const e of castBy(i, c, true)) s = reduce(s, e);
          const now = cast(s) ?? -1;
          const n = i + 1;
          expect(now % k).toBe(0);
          expect(now === 0 || n - now >= k).toBe(true);
          if (now !== shown) expect(now - shown).toBe(k); // each change: exactly k new ballots
          shown = now;
          expect(screenView(s, 0).round?.liveBatch).toBe(k);
        });
        s = reduce(s, { t: 'round.closed', at: 2, roundId: 'r1', by: 'moderator' });
        const final = cast(s) ?? -1;
        expect(final).toBe(choices.length);
        expect(final === shown || final - shown >= Math.min(k, final)).toBe(true);
        expect(screenView(s, 0).round?.liveBatch).toBeNull();
      }),
      { numRuns: 150, seed: 12 },
    );
  });

  it('live with k = 10 (the default): figures first at 20 ballots, counting the first 10', () => {
    let s = replay([created({ secret: true, visibility: 'live' }), ...checkIns, start]) as MeetingState;
    const choices: MotionChoice[] = [...Array<MotionChoice>(10).fill('against'), ...Array<MotionChoice>(10).fill('for')];
    choices.forEach((c, i) => {
      for (const e of castBy(i, c, true)) s = reduce(s, e);
      if (i === 18) expect(shownResultOf(s, round(s))).toMatchObject({ for: 0, against: 0, cast: 0 });
    });
    expect(shownResultOf(s, round(s))).toMatchObject({ for: 0, against: 10, cast: 10 });
  });

  it('a changed ballot (allowChange) moves nothing until the next step', () => {
    let s = replay([created({ secret: true, visibility: 'live', allowChange: true, liveBatch: 5 }), ...checkIns, start]) as MeetingState;
    for (let i = 0; i < 10; i++) for (const e of castBy(i, 'for', true)) s = reduce(s, e);
    const before = shownResultOf(s, round(s));
    expect(before).toMatchObject({ for: 5, against: 0 });
    for (const e of castBy(0, 'against', true, 'R0')) s = reduce(s, e);
    expect(shownResultOf(s, round(s))).toEqual(before);
    // It is counted from the snapshot taken with the next k new ballots, shown a step later.
    for (let i = 10; i < 15; i++) for (const e of castBy(i, 'for', true)) s = reduce(s, e);
    expect(shownResultOf(s, round(s))).toMatchObject({ for: 10, against: 0, cast: 10 });
    for (let i = 15; i < 20; i++) for (const e of castBy(i, 'for', true)) s = reduce(s, e);
    expect(shownResultOf(s, round(s))).toMatchObject({ for: 14, against: 1, cast: 15 });
  });

  it.each<Visibility>(['turnout', 'hidden'])('%s: nothing while open, to the console too; everything at close', (visibility) => {
    let s = replay([created({ secret: true, visibility }), ...checkIns, start]) as MeetingState;
    for (let i = 0; i < 30; i++) for (const e of castBy(i, 'for', true)) s = reduce(s, e);
    expect(cast(s)).toBeNull();
    const con = consoleWireView(s, 0);
    expect(con.rounds[0]).toMatchObject({ voterCount: 30, result: null, voted: null, disclosure: null });
    expect(con.outcomes?.[0]?.result).toBeNull();
    expect(screenView(s, 0).result).toBeNull();
    s = reduce(s, { t: 'round.closed', at: 2, roundId: 'r1', by: 'moderator' });
    expect(consoleWireView(s, 0).rounds[0]).toMatchObject({ result: { for: 30, cast: 30 }, disclosure: { code: 'UNANIMOUS', cast: 30 } });
  });

  it('named and live: every ballot at once, and who voted, as before', () => {
    let s = replay([created({ secret: false, visibility: 'live' }), ...checkIns, start]) as MeetingState;
    for (let i = 0; i < 3; i++) {
      for (const e of castBy(i, i === 1 ? 'against' : 'for', false)) s = reduce(s, e);
      expect(cast(s)).toBe(i + 1);
      expect(consoleWireView(s, 0).rounds[0]?.voted).toHaveLength(i + 1);
    }
    expect(screenView(s, 0).result).toMatchObject({ for: 2, against: 1 });
    expect(screenView(s, 0).round?.liveBatch).toBeNull();
  });
});
