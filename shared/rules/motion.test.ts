import { describe, expect, it } from 'vitest';
import { MotionItem, type Ballot, type MotionChoice } from '../model.js';
import { tallyRound, validateBallot, validateManual } from './index.js';
import { countMotion, motionResult } from './motion.js';

const item = (settings: Partial<MotionItem['settings']> = {}) => MotionItem.parse({ id: 'm1', title: 'motion', kind: 'motion', settings });
const CHOICES: readonly MotionChoice[] = ['for', 'against', 'abstain'];
const ballots = (n: Record<MotionChoice, number>): Ballot[] =>
  CHOICES.flatMap((choice) => Array.from({ length: n[choice] }, (_, i) => ({ receipt: `${choice}${i}`, content: { kind: 'motion' as const, choice } })));

describe('motions', () => {
  it('[M1] a motion ballot is for, against or abstain; other kinds are refused', () => {
    expect(validateBallot(item(), {}, { kind: 'motion', choice: 'abstain' })).toEqual({ ok: true, value: null });
    expect(validateBallot(item(), {}, { kind: 'select', picks: [] })).toEqual({ ok: false, error: 'WRONG_KIND' });
    expect(validateBallot(item(), {}, { kind: 'rating', ratings: {} })).toEqual({ ok: false, error: 'WRONG_KIND' });
  });

  it('[M2] by default 赞成 must be more than half of the whole roster', () => {
    const turnout = { roster: 100, present: 90 };
    const pass = tallyRound(item(), { ballots: ballots({ for: 51, against: 30, abstain: 9 }) }, turnout);
    const fail = tallyRound(item(), { ballots: ballots({ for: 50, against: 0, abstain: 0 }) }, turnout);
    expect(pass).toMatchObject({ kind: 'motion', base: 100, needed: 51, passed: true });
    expect(fail).toMatchObject({ needed: 51, passed: false });
  });

  it('[M2] abstaining, voting against and staying away all weigh as not for', () => {
    const s = { base: 'roster', threshold: 'half' } as const;
    const t = { roster: 10, present: 10 };
    expect(motionResult({ for: 5, against: 0, abstain: 5 }, s, t).passed).toBe(false);
    expect(motionResult({ for: 5, against: 5, abstain: 0 }, s, t).passed).toBe(false);
    expect(motionResult({ for: 5, against: 0, abstain: 0 }, s, t).passed).toBe(false);
    expect(motionResult({ for: 6, against: 4, abstain: 0 }, s, t).passed).toBe(true);
  });

  it('[M2] the base and threshold settings change the votes needed', () => {
    const counts = { for: 40, against: 15, abstain: 5 };
    const t = { roster: 100, present: 80 };
    expect(motionResult(counts, { base: 'present', threshold: 'half' }, t)).toMatchObject({ base: 80, needed: 41, passed: false });
    expect(motionResult(counts, { base: 'cast', threshold: 'half' }, t)).toMatchObject({ base: 60, needed: 31, passed: true });
    expect(motionResult(counts, { base: 'cast', threshold: 'twoThirds' }, t)).toMatchObject({ needed: 40, passed: true });
    expect(motionResult(counts, { base: 'roster', threshold: 'twoThirds' }, t)).toMatchObject({ needed: 67, passed: false });
  });

  it('[M3] cast = for + against + abstain', () => {
    const r = tallyRound(item(), { ballots: ballots({ for: 3, against: 2, abstain: 4 }) }, { roster: 20, present: 15 });
    expect(r).toMatchObject({ for: 3, against: 2, abstain: 4, cast: 9 });
    expect(countMotion(ballots({ for: 1, against: 1, abstain: 1 }))).toEqual({ for: 1, against: 1, abstain: 1 });
  });

  it('[M4] 未按 = present - cast, never below 0', () => {
    expect(motionResult({ for: 3, against: 2, abstain: 1 }, item().settings, { roster: 20, present: 10 }).notVoted).toBe(4);
    expect(motionResult({ for: 3, against: 2, abstain: 1 }, item().settings, { roster: 20, present: 4 }).notVoted).toBe(0);
  });

  it('[M5] named and secret motions follow the same rule', () => {
    const named: Ballot[] = ballots({ for: 6, against: 4, abstain: 0 }).map((b, i) => ({ ...b, deputyId: `d${i}` }));
    const t = { roster: 10, present: 10 };
    const a = tallyRound(item({ secret: false }), { ballots: named }, t);
    const b = tallyRound(item({ secret: true }), { ballots: ballots({ for: 6, against: 4, abstain: 0 }) }, t);
    expect(a).toEqual(b);
  });

  it('[M6] a hand count replaces the ballots and follows the same rule', () => {
    const counts = { kind: 'motion' as const, for: 60, against: 20, abstain: 10 };
    expect(validateManual(item(), counts)).toEqual({ ok: true, value: null });
    expect(validateManual(item(), { kind: 'projects', votes: {} })).toEqual({ ok: false, error: 'WRONG_KIND' });
    const r = tallyRound(item(), { ballots: [], manual: counts }, { roster: 100, present: 95 });
    expect(r).toMatchObject({ for: 60, cast: 90, notVoted: 5, needed: 51, passed: true });
  });
});
