import fc from 'fast-check';
import { chunkedGet, chunkedToArray } from './chunked.js';
import { describe, expect, it } from 'vitest';
import type { EventOf, MeetingEvent } from './events.js';
import { MotionItem, ProjectsItem, type Threshold } from './model.js';
import { ballotsOf, hasQuorum, itemById, latestRound, quorumNeeded, reduce, replay, type MeetingState } from './state.js';
import { arbEventLog } from './test/arbitraries.js';

const RUNS = { numRuns: 200 };

function created(deputies: number, quorum: Threshold = 'half'): EventOf<'meeting.created'> {
  return {
    t: 'meeting.created',
    at: 0,
    meeting: { id: 'mt', title: 'meeting', date: '', settings: { quorum } },
    roster: Array.from({ length: deputies }, (_, i) => ({ id: `d${i + 1}`, name: `deputy ${i + 1}`, group: '', seat: '' })),
    agenda: [
      MotionItem.parse({ id: 'm1', title: 'motion', kind: 'motion', settings: {} }),
      ProjectsItem.parse({ id: 'p1', title: 'projects', kind: 'projects', settings: { adopt: 1 }, projects: [{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }] }),
    ],
  };
}
const started = (roundId: string, extra: Partial<EventOf<'round.started'>> = {}): MeetingEvent => ({
  t: 'round.started',
  at: 1000,
  roundId,
  itemId: 'm1',
  endsAt: null,
  purpose: 'vote',
  ...extra,
});
const voted = (roundId: string, deputyId: string, submissionId = `s-${deputyId}`): MeetingEvent => ({ t: 'voted', roundId, deputyId, submissionId });
const ballot = (roundId: string, receipt: string, replaces?: string): MeetingEvent => ({
  t: 'ballot',
  roundId,
  receipt,
  content: { kind: 'motion', choice: 'for' },
  ...(replaces ? { replaces } : {}),
});
function run(...events: MeetingEvent[]): MeetingState {
  const s = replay([created(5), ...events]);
  if (!s) throw new Error('no state');
  return s;
}
const round = (s: MeetingState, id: string) => {
  const r = s.rounds.get(id);
  if (!r) throw new Error(`no round ${id}`);
  return r;
};

describe('quorum', () => {
  it('[Q1] more than half or two thirds of the roster must be present', () => {
    const needed = (n: number, q: Threshold) => quorumNeeded(reduce(undefined, created(n, q)));
    expect([1, 2, 9, 10, 300].map((n) => needed(n, 'half'))).toEqual([1, 2, 5, 6, 151]);
    expect([1, 3, 9, 10, 300].map((n) => needed(n, 'twoThirds'))).toEqual([1, 2, 6, 7, 200]);
    const ins = (n: number) => Array.from({ length: n }, (_, i): MeetingEvent => ({ t: 'checkin', at: 1, deputyId: `d${i + 1}`, by: 'self' }));
    expect(hasQuorum(run(...ins(2)))).toBe(false);
    expect(hasQuorum(run(...ins(3)))).toBe(true);
  });

  it('[Q2] a round started without quorum is marked so', () => {
    expect(round(run(started('r1', { withoutQuorum: true })), 'r1').withoutQuorum).toBe(true);
    expect(round(run(started('r1')), 'r1').withoutQuorum).toBe(false);
  });
});

describe('reducer', () => {
  it('[S1] replaying the log equals folding its two halves in turn', () => {
    fc.assert(
      fc.property(arbEventLog(), fc.nat(), (events, cut) => {
        const at = 1 + (cut % events.length);
        const whole = replay(events);
        const firstHalf = replay(events.slice(0, at));
        const both = events.slice(at).reduce<MeetingState | undefined>((s, e) => reduce(s, e), firstHalf);
        expect(both).toEqual(whole);
      }),
      RUNS,
    );
  });

  it('[S1] reduce never mutates the state it is given', () => {
    fc.assert(
      fc.property(arbEventLog(), (events) => {
        let s: MeetingState | undefined;
        for (const e of events) {
          const before = s === undefined ? undefined : structuredClone(s);
          const next = reduce(s, e);
          expect(s).toEqual(before);
          s = next;
        }
      }),
      { numRuns: 50 },
    );
  });

  it('[S2] one counted ballot per deputy per round, whatever the order of events', () => {
    fc.assert(
      fc.property(arbEventLog(), (events) => {
        const s = replay(events);
        if (!s) throw new Error('no state');
        // Reference: the roster deputies with a `voted` since their round last started.
        const voters = new Map<string, Set<string>>();
        for (const e of events) {
          if (e.t === 'round.started') voters.set(e.roundId, new Set());
          if (e.t === 'voted' && s.rosterIndex.has(e.deputyId)) voters.get(e.roundId)?.add(e.deputyId);
        }
        for (const [id, r] of s.rounds) {
          expect(r.voterCount).toBe(voters.get(id)?.size ?? 0);
          expect(chunkedToArray(r.submissions).filter((x) => x !== null).length).toBe(r.voterCount);
        }
      }),
      RUNS,
    );
  });

  it('[S2] a second vote by the same deputy records the new submission and is counted once', () => {
    const s = run(started('r1'), voted('r1', 'd1', 'x1'), voted('r1', 'd2'), voted('r1', 'd1', 'x2'));
    expect(round(s, 'r1').voterCount).toBe(2);
    expect(chunkedGet(round(s, 'r1').submissions, 0)).toBe('x2');
  });

  it('[S3] a ballot that replaces a receipt takes its place', () => {
    const s = run(started('r1'), ballot('r1', 'k1'), ballot('r1', 'k2'), ballot('r1', 'k3', 'k1'));
    expect(ballotsOf(round(s, 'r1')).map((b) => b.receipt)).toEqual(['k3', 'k2']);
  });

  it('[S4] a voided round stays in the record, marked, and the item falls back to no result', () => {
    const s = run(started('r1'), ballot('r1', 'k1'), { t: 'round.voided', at: 2000, roundId: 'r1', reason: 'device failure' });
    expect(round(s, 'r1')).toMatchObject({ status: 'voided', voidReason: 'device failure', closedAt: 2000 });
    expect(round(s, 'r1').ballots).toHaveLength(1);
    expect(latestRound(s, 'm1')).toBeUndefined();
    const again = reduce(s, started('r2', { purpose: 'revote', follows: 'r1' }));
    expect(latestRound(again, 'm1')?.id).toBe('r2');
    expect(again.roundOrder).toEqual(['r1', 'r2']);
  });

  it('[S5] a hand count is a round of its own, closed at once, with no ballots', () => {
    const s = run({ t: 'round.manual', at: 5, roundId: 'h1', itemId: 'm1', counts: { kind: 'motion', for: 3, against: 1, abstain: 0 } });
    expect(ballotsOf(round(s, 'h1'))).toEqual([]);
    expect(round(s, 'h1')).toMatchObject({ status: 'closed', manual: { kind: 'motion', for: 3 } });
    expect(s.activeRoundId).toBeNull();
  });

  it('[S6] closing or voiding the active round clears it', () => {
    const open = run(started('r1'));
    expect(open.activeRoundId).toBe('r1');
    expect(reduce(open, { t: 'round.closed', at: 5, roundId: 'r1', by: 'timer' }).activeRoundId).toBeNull();
    expect(reduce(open, { t: 'round.voided', at: 5, roundId: 'r1', reason: 'x' }).activeRoundId).toBeNull();
  });

  it('[S7] checking in twice counts once; presentCount is the deputies checked in', () => {
    const s = run({ t: 'checkin', at: 1, deputyId: 'd1', by: 'self' }, { t: 'checkin', at: 2, deputyId: 'd1', by: 'staff' }, { t: 'checkin', at: 3, deputyId: 'd2', by: 'self' });
    expect(s.presentCount).toBe(2);
    expect(reduce(s, { t: 'checkin.undone', at: 4, deputyId: 'd1' }).presentCount).toBe(1);
    fc.assert(
      fc.property(arbEventLog(), (events) => {
        const st = replay(events);
        expect(st?.presentCount).toBe(st && chunkedToArray(st.present).filter((p) => p !== null).length);
      }),
      RUNS,
    );
  });

  it('[S8] pausing keeps the time left and resuming restarts from it', () => {
    const s = run(
      started('r1', { endsAt: 61_000 }),
      { t: 'round.paused', at: 31_000, roundId: 'r1' },
      { t: 'round.resumed', at: 100_000, roundId: 'r1' },
    );
    expect(round(s, 'r1')).toMatchObject({ status: 'open', endsAt: 130_000, pausedRemainingMs: null });
  });

  it('[S9] events for unknown rounds or deputies are ignored, never fatal', () => {
    const s = run(started('r1'));
    const after = [voted('r9', 'd1'), voted('r1', 'nobody'), ballot('r9', 'k'), { t: 'checkin', at: 1, deputyId: 'nobody', by: 'self' } as const].reduce(reduce, s);
    expect({ ...after, version: s.version }).toEqual(s);
    expect(after.version).toBe(s.version + 4);
  });

  it('[S10] a run-off round keeps its candidates and seats', () => {
    const s = run(started('r1', { itemId: 'p1', purpose: 'runoff', candidates: ['a', 'b'], seats: 1, follows: 'r0' }));
    expect(round(s, 'r1')).toMatchObject({ purpose: 'runoff', candidates: ['a', 'b'], seats: 1, follows: 'r0' });
  });

  it('[S11] itemById follows a new agenda: the item of the same id after agenda.set is the new one', () => {
    const s = run();
    expect(itemById(s, 'm1')?.title).toBe('motion');
    const renamed = MotionItem.parse({ id: 'm1', title: 'motion, amended', kind: 'motion', settings: {} });
    const s2 = reduce(s, { t: 'agenda.set', at: 2, agenda: [renamed] });
    expect(itemById(s2, 'm1')?.title).toBe('motion, amended');
    expect(itemById(s2, 'p1')).toBeUndefined();
    expect(itemById(s, 'p1')?.kind).toBe('projects'); // the old state keeps its own agenda
    expect(itemById(s, null)).toBeUndefined();
  });

});
