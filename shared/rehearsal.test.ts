import { describe, expect, it } from 'vitest';
import { decideCheckIn, decideCommand, decideVote } from './decide.js';
import type { MeetingEvent } from './events.js';
import type { Command } from './protocol.js';
import { replay, reduce, type MeetingState } from './state.js';
import { feedOf, feedTable } from './feed.js';
import { consoleView, deputyView, screenView } from './views.js';

const roster = ['a', 'b', 'c'].map((id) => ({ id, name: `代表${id}`, group: '', seat: '' }));
const prepared = (): MeetingState =>
  replay([
    {
      t: 'meeting.created',
      at: 0,
      meeting: { id: 'm', title: '会议', date: '', settings: { quorum: 'half' } },
      roster,
      agenda: ['i1', 'i2'].map((id) => ({
        id,
        kind: 'motion' as const,
        title: `议题${id}`,
        description: '',
        settings: { secret: id === 'i1', visibility: 'live' as const, allowChange: false, countdownSec: 0, base: 'roster' as const, threshold: 'half' as const },
      })),
    },
    { t: 'feed.enabled', at: 1, enabled: true },
  ])!;

let n = 0;
const ids = () => `r${++n}`;
function run(s: MeetingState, c: Command, now = 10): MeetingState {
  const d = decideCommand(s, c, now, ids);
  if (!d.ok) throw new Error(d.error);
  return d.value.reduce<MeetingState>((acc, e) => reduce(acc, e), s);
}
function events(s: MeetingState, es: readonly MeetingEvent[]): MeetingState {
  return es.reduce<MeetingState>((acc, e) => reduce(acc, e), s);
}
/** A rehearsal with everyone checked in, a secret vote closed and revealed, and a named vote closed. */
function rehearsed(): MeetingState {
  let s = run(prepared(), { type: 'startRehearsal' });
  for (const d of roster) {
    const c = decideCheckIn(s, d.id, 'self', 20);
    if (!c.ok) throw new Error(c.error);
    s = events(s, c.value);
  }
  for (const item of ['i1', 'i2']) {
    s = run(s, { type: 'startRound', itemId: item });
    const roundId = s.activeRoundId!;
    const v = decideVote(s, 'a', { roundId, submissionId: `s-${item}`, receipt: 'AAAAAAAA', content: { kind: 'motion', choice: 'for' } }, 30, 'b'.repeat(32));
    if (!v.ok) throw new Error(v.error);
    s = run(events(s, v.value.events), { type: 'close', roundId });
    s = run(s, { type: 'reveal', roundId });
  }
  return s;
}

describe('rehearsal 彩排', () => {
  it('[J1] starts only on a prepared meeting, and every view says it is running', () => {
    const s = run(prepared(), { type: 'startRehearsal' }, 5);
    expect(s.rehearsal).toEqual({ startedAt: 5 });
    expect(consoleView(s, 6).rehearsal).toEqual({ startedAt: 5 });
    expect(screenView(s, 6).rehearsal).toEqual({ startedAt: 5 });
    expect(deputyView(s, 'a', 6)?.rehearsal).toEqual({ startedAt: 5 });
    // The TV feed too, so broadcast graphics can mark it.
    expect(feedOf(screenView(s, 6)).rehearsal).toBe(true);
    expect(feedTable(feedOf(screenView(s, 6)))).toContainEqual(['meeting', 'rehearsal', '', 1, null, null, 'rehearsal']);
    expect(feedOf(screenView(prepared(), 6)).rehearsal).toBe(false);
    expect(feedTable(feedOf(screenView(prepared(), 6))).flat()).not.toContain('rehearsal');
    expect(decideCommand(s, { type: 'startRehearsal' }, 7, ids)).toEqual({ ok: true, value: [] });
    // A meeting that has held a round is no rehearsal's to clear.
    const open = run(prepared(), { type: 'startRound', itemId: 'i2', confirmNoQuorum: true });
    const voted = run(open, { type: 'close', roundId: open.activeRoundId! });
    expect(decideCommand(voted, { type: 'startRehearsal' }, 8, ids)).toEqual({ ok: false, error: 'NOT_PREPARED' });
    expect(screenView(prepared(), 1).rehearsal).toBeNull();
  });

  it('[J2] ending is refused while a round is open, then returns the meeting to its prepared state', () => {
    const open = run(run(prepared(), { type: 'startRehearsal' }), { type: 'startRound', itemId: 'i2', confirmNoQuorum: true });
    expect(decideCommand(open, { type: 'endRehearsal' }, 50, ids)).toEqual({ ok: false, error: 'ROUND_ACTIVE' });

    const before = rehearsed();
    expect(before.presentCount).toBe(3);
    expect(before.roundOrder).toHaveLength(2);
    const d = decideCommand(before, { type: 'endRehearsal' }, 60, ids);
    expect(d).toEqual({ ok: true, value: [{ t: 'rehearsal.ended', at: 60 }] });
    const after = run(before, { type: 'endRehearsal' }, 60);
    const fresh = prepared();
    for (const key of ['presentCount', 'currentItemId', 'activeRoundId', 'rundown', 'scene', 'cued', 'rehearsal', 'roster', 'agenda', 'info', 'feedEnabled'] as const) {
      expect(after[key], key).toEqual(fresh[key]);
    }
    expect(after.rounds.size).toBe(0);
    expect(after.roundOrder).toEqual([]);
    const cv = consoleView(after, 70);
    expect(cv.rounds).toEqual([]);
    expect(cv.outcomes).toEqual([]);
    expect(cv.roster.every((r) => !r.present)).toBe(true);
    expect(cv.turnout.present).toBe(0);
    expect(screenView(after, 70).round).toBeNull();
    expect(deputyView(after, 'a', 70)?.me.present).toBe(false);
    // Not rehearsing: a second click does nothing.
    expect(decideCommand(after, { type: 'endRehearsal' }, 80, ids)).toEqual({ ok: true, value: [] });
    // The day itself: a deputy checks in again and the items can be voted on.
    const c = decideCheckIn(after, 'a', 'self', 90);
    expect(c.ok && c.value.length).toBe(1);
    expect(decideCommand(after, { type: 'startRound', itemId: 'i1', confirmNoQuorum: true }, 90, ids).ok).toBe(true);
  });

  it('[J4] a round after the rehearsal never takes a rehearsal round id', () => {
    const before = rehearsed();
    const used = [...before.roundOrder];
    const after = run(before, { type: 'endRehearsal' });
    expect(after.rehearsalRounds).toEqual(used);
    expect(after.rehearsalSecret).toEqual(used.slice(0, 1)); // i1 secret, i2 named
    // An id source that first offers the rehearsal's ids again.
    const offered = [...used, 'fresh1'];
    const d = decideCommand(after, { type: 'startRound', itemId: 'i1', confirmNoQuorum: true }, 100, () => offered.shift() ?? 'x');
    expect(d.ok && d.value[0]?.t === 'round.started' && d.value[0].roundId).toBe('fresh1');
  });
});
