import { describe, expect, it } from 'vitest';
import { decideCommand, decideTimer, decideVote } from './decide.js';
import type { MeetingEvent } from './events.js';
import type { VotePayload } from './protocol.js';
import { ballotsOf, reduce, replay, type MeetingState } from './state.js';
import { sha256Hex } from './sha256.js';
/** decideVote's server-drawn salt; its value does not matter to these rules. */
const SALT = 'a'.repeat(32);

const roster = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, name: `代表${id}`, group: '', seat: '' }));
const base = (secret = true, allowChange = false): MeetingState =>
  replay([
    {
      t: 'meeting.created',
      at: 0,
      meeting: { id: 'm', title: '会议', date: '', settings: { quorum: 'half' } },
      roster,
      agenda: [
        {
          id: 'i1',
          kind: 'motion',
          title: '议题',
          description: '',
          settings: { secret, visibility: 'live', allowChange, countdownSec: 0, base: 'roster', threshold: 'half' },
        },
      ],
    },
    ...roster.slice(0, 3).map((d): MeetingEvent => ({ t: 'checkin', at: 1, deputyId: d.id, by: 'self' })),
  ])!;

let seq = 0;
const ids = () => `r${++seq}`;
function apply(s: MeetingState, events: MeetingEvent[]): MeetingState {
  return events.reduce<MeetingState>((acc, e) => reduce(acc, e), s);
}
function started(s = base()): MeetingState {
  const d = decideCommand(s, { type: 'startRound', itemId: 'i1', countdownSec: 10 }, 1000, ids);
  if (!d.ok) throw new Error(d.error);
  return apply(s, d.value);
}
const ballot = (s: MeetingState, choice: 'for' | 'against' | 'abstain', sub = 'sub1', receipt = 'AAAAAAAA'): VotePayload => ({
  roundId: s.activeRoundId!,
  submissionId: sub,
  receipt,
  content: { kind: 'motion', choice },
});

describe('decideVote', () => {
  it('[V1] records who voted and what, apart: a secret ballot carries no deputy id', () => {
    const s = started();
    const d = decideVote(s, 'a', ballot(s, 'for'), 2000, SALT);
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    const [voted, b] = d.value.events;
    expect(voted).toEqual({ t: 'voted', roundId: s.activeRoundId, deputyId: 'a', submissionId: 'sub1' });
    expect(b).toEqual({ t: 'ballot', roundId: s.activeRoundId, receipt: 'AAAAAAAA', content: { kind: 'motion', choice: 'for' }, salt: SALT });
  });

  it('[V1b] a named ballot carries the deputy id', () => {
    const s = started(base(false));
    const d = decideVote(s, 'a', ballot(s, 'for'), 2000, SALT);
    expect(d.ok && d.value.events[1]).toMatchObject({ t: 'ballot', deputyId: 'a' });
  });

  it('[V2] a resend with the same submission id is a duplicate with no events, even after close', () => {
    let s = started();
    const p = ballot(s, 'against');
    const first = decideVote(s, 'a', p, 2000, SALT);
    if (!first.ok) throw new Error(first.error);
    s = apply(s, first.value.events);
    s = apply(s, [{ t: 'round.closed', at: 3000, roundId: p.roundId, by: 'moderator' }]);
    const again = decideVote(s, 'a', p, 4000, SALT);
    expect(again).toEqual({ ok: true, value: { events: [], recorded: { roundId: p.roundId, receipt: p.receipt, content: p.content }, duplicate: true } });
  });

  it('[V2b] a second, different ballot is refused unless changes are allowed', () => {
    let s = started();
    const first = decideVote(s, 'a', ballot(s, 'for'), 2000, SALT);
    if (!first.ok) throw new Error(first.error);
    s = apply(s, first.value.events);
    expect(decideVote(s, 'a', ballot(s, 'against', 'sub2', 'BBBBBBBB'), 2100, SALT)).toEqual({ ok: false, error: 'ALREADY_VOTED' });
  });

  it('[V2c] with allowChange, the deputy replaces their own ballot by its receipt and change key; the count stays one', () => {
    let s = started(base(true, true));
    const key = 'e'.repeat(32);
    const first = decideVote(s, 'a', { ...ballot(s, 'for'), keyHash: sha256Hex(key) }, 2000, SALT);
    if (!first.ok) throw new Error(first.error);
    s = apply(s, first.value.events);
    const salt = 'f'.repeat(32);
    const change = decideVote(s, 'a', { ...ballot(s, 'against', 'sub2', 'AAAAAAAA'), changeKey: key, salt }, 2100, SALT);
    if (!change.ok) throw new Error(change.error);
    s = apply(s, change.value.events);
    const r = s.rounds.get(s.activeRoundId!)!;
    expect(r.voterCount).toBe(1);
    expect(ballotsOf(r)).toEqual([{ receipt: 'AAAAAAAA', content: { kind: 'motion', choice: 'against' }, salt, keyHash: sha256Hex(key) }]);
    // Without the right receipt there is nothing to replace.
    expect(decideVote(s, 'a', ballot(s, 'for', 'sub3', 'CCCCCCCC'), 2200, SALT)).toEqual({ ok: false, error: 'ALREADY_VOTED' });
  });

  it('[V6] a change needs the key whose hash the replaced ballot carries; a named ballot must also be the deputy’s own', () => {
    for (const secret of [true, false]) {
      let s = started(base(secret, true));
      const key = 'e'.repeat(32);
      for (const [who, sub, receipt, k] of [['a', 'sa', 'AAAAAAAA', key], ['b', 'sb', 'BBBBBBBB', 'b'.repeat(32)]] as const) {
        const d = decideVote(s, who, { ...ballot(s, 'for', sub, receipt), keyHash: sha256Hex(k) }, 2000, SALT);
        if (!d.ok) throw new Error(d.error);
        s = apply(s, d.value.events);
      }
      const takeover = ballot(s, 'against', 'sb2', 'AAAAAAAA');
      expect(decideVote(s, 'b', takeover, 2100, SALT)).toEqual({ ok: false, error: 'WRONG_CHANGE_KEY' });
      expect(decideVote(s, 'b', { ...takeover, changeKey: 'b'.repeat(32) }, 2100, SALT)).toEqual({ ok: false, error: 'WRONG_CHANGE_KEY' });
      // With A's key (leaked), B could change A's secret ballot (the key is the proof), never A's named one.
      expect(decideVote(s, 'b', { ...takeover, changeKey: key }, 2100, SALT).ok).toBe(secret);
      expect(decideVote(s, 'a', { ...ballot(s, 'against', 'sa2', 'AAAAAAAA'), changeKey: key }, 2100, SALT).ok).toBe(true);
      // A resend of B's own submission naming A's receipt echoes what B sent, never A's ballot.
      expect(decideVote(s, 'b', ballot(s, 'abstain', 'sb', 'AAAAAAAA'), 2100, SALT)).toMatchObject({ ok: true, value: { recorded: { content: { choice: 'abstain' } } } });
    }
  });

  it('[V3] refuses after close, while paused, after the countdown, before check-in, and a taken receipt', () => {
    const s = started();
    const rid = s.activeRoundId!;
    expect(decideVote(s, 'a', ballot(s, 'for'), 11_000, SALT)).toEqual({ ok: false, error: 'ROUND_CLOSED' });
    expect(decideVote(s, 'd', ballot(s, 'for'), 2000, SALT)).toEqual({ ok: false, error: 'NOT_CHECKED_IN' });
    const paused = apply(s, [{ t: 'round.paused', at: 2000, roundId: rid }]);
    expect(decideVote(paused, 'a', ballot(s, 'for'), 2500, SALT)).toEqual({ ok: false, error: 'ROUND_PAUSED' });
    const first = decideVote(s, 'a', ballot(s, 'for'), 2000, SALT);
    if (!first.ok) throw new Error(first.error);
    const s2 = apply(s, first.value.events);
    expect(decideVote(s2, 'b', ballot(s, 'for', 'sub9'), 2000, SALT)).toEqual({ ok: false, error: 'RECEIPT_TAKEN' });
    expect(decideVote(s, 'a', { ...ballot(s, 'for'), roundId: 'nope' }, 2000, SALT)).toEqual({ ok: false, error: 'WRONG_ROUND' });
    expect(decideVote(s, 'zz', ballot(s, 'for'), 2000, SALT)).toEqual({ ok: false, error: 'FORBIDDEN' });
  });
});

describe('decideCommand', () => {
  it('[C1] one active round at a time; a decided item must be voided before it runs again', () => {
    let s = started();
    const rid = s.activeRoundId!;
    expect(decideCommand(s, { type: 'startRound', itemId: 'i1' }, 1500, ids)).toEqual({ ok: false, error: 'ROUND_ACTIVE' });
    const close = decideCommand(s, { type: 'close', roundId: rid }, 2000, ids);
    if (!close.ok) throw new Error(close.error);
    s = apply(s, close.value);
    expect(decideCommand(s, { type: 'startRound', itemId: 'i1' }, 2500, ids)).toEqual({ ok: false, error: 'ROUND_CLOSED' });
    const v = decideCommand(s, { type: 'void', roundId: rid, reason: '设备故障' }, 2600, ids);
    if (!v.ok) throw new Error(v.error);
    s = apply(s, v.value);
    const again = decideCommand(s, { type: 'startRound', itemId: 'i1', countdownSec: 0 }, 2700, ids);
    expect(again.ok && again.value[0]).toMatchObject({ t: 'round.started', purpose: 'revote', follows: rid, endsAt: null });
  });

  it('[C2] reveal needs a closed round', () => {
    const s = started();
    expect(decideCommand(s, { type: 'reveal', roundId: s.activeRoundId! }, 2000, ids)).toEqual({ ok: false, error: 'NOT_CLOSED' });
  });

  it('[K2] pause keeps the time left; resume and addTime move endsAt from the server clock', () => {
    let s = started(); // endsAt 11_000
    const rid = s.activeRoundId!;
    const p = decideCommand(s, { type: 'pause', roundId: rid }, 4000, ids);
    if (!p.ok) throw new Error(p.error);
    s = apply(s, p.value);
    expect(s.rounds.get(rid)).toMatchObject({ status: 'paused', pausedRemainingMs: 7000, endsAt: null });
    const add = decideCommand(s, { type: 'addTime', roundId: rid, seconds: 30 }, 5000, ids);
    if (!add.ok) throw new Error(add.error);
    s = apply(s, add.value);
    expect(s.rounds.get(rid)?.pausedRemainingMs).toBe(37_000);
    const r = decideCommand(s, { type: 'resume', roundId: rid }, 9000, ids);
    if (!r.ok) throw new Error(r.error);
    s = apply(s, r.value);
    expect(s.rounds.get(rid)).toMatchObject({ status: 'open', endsAt: 46_000 });
    expect(decideTimer(s, rid, 45_999)).toEqual([]);
    expect(decideTimer(s, rid, 46_000)).toEqual([{ t: 'round.closed', at: 46_000, roundId: rid, by: 'timer' }]);
  });

  it('[Q1] quorum is more than half of the roster by default; without it a start needs confirmation', () => {
    const few = apply(base(), [{ t: 'checkin.undone', at: 5, deputyId: 'c' }]); // 2 of 5
    expect(decideCommand(few, { type: 'startRound', itemId: 'i1' }, 10, ids)).toEqual({ ok: false, error: 'NO_QUORUM' });
    const d = decideCommand(few, { type: 'startRound', itemId: 'i1', confirmNoQuorum: true }, 10, ids);
    expect(d.ok && d.value[0]).toMatchObject({ withoutQuorum: true });
  });

  it('[C3] a manual (show of hands) result is a closed round marked manual', () => {
    const s = base();
    const d = decideCommand(s, { type: 'manualResult', itemId: 'i1', counts: { kind: 'motion', for: 3, against: 1, abstain: 0 } }, 10, ids);
    if (!d.ok) throw new Error(d.error);
    const after = apply(s, d.value);
    const r = after.rounds.get(after.roundOrder[0]!)!;
    expect(r).toMatchObject({ status: 'closed', manual: { kind: 'motion', for: 3 } });
    expect(decideCommand(s, { type: 'manualResult', itemId: 'i1', counts: { kind: 'projects', votes: {} } }, 10, ids)).toEqual({ ok: false, error: 'WRONG_KIND' });
  });
});
