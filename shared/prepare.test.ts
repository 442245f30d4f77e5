// The preparation rules as pure functions over the state (ids as in shared/prepare.ts).
import { describe, expect, it } from 'vitest';
import { chunkedGet } from './chunked.js';
import type { MeetingEvent } from './events.js';
import { AgendaItem, Deputy } from './model.js';
import { assignRosterIds, createMeeting, decideAgenda, decideArchive, decideRoster, duplicateMeeting } from './prepare.js';
import { decideCommand } from './decide.js';
import { hasQuorum, quorumNeeded, reduce, replay, type MeetingState } from './state.js';

const dep = (id: string, name: string, group = '一团') => Deputy.parse({ id, name, group });
const motion = (id: string, title = id) => AgendaItem.parse({ id, kind: 'motion', title, settings: {} });

function meeting(roster: Deputy[], agenda: AgendaItem[] = [motion('m1')], quorum: 'half' | 'twoThirds' = 'half'): MeetingState {
  const s = replay([createMeeting('x', { title: 'T', date: '', quorum }, 1, roster, agenda)]);
  if (!s) throw new Error('no state');
  return s;
}
const apply = (s: MeetingState, events: readonly MeetingEvent[]) => events.reduce<MeetingState>((acc, e) => reduce(acc, e), s);
const must = <T>(r: { ok: true; value: T } | { ok: false; error: string }): T => {
  if (!r.ok) throw new Error(r.error);
  return r.value;
};
const roster = (n: number) => Array.from({ length: n }, (_, i) => dep(`d${String(i + 1).padStart(3, '0')}`, `代表${i + 1}`));

describe('roster', () => {
  it('[P3] the same person keeps their id; newcomers get ids after the highest', () => {
    const old = [dep('d001', '张三'), dep('d002', '李四'), dep('d007', '王五', '二团')];
    const incoming = [dep('d001', '王五', '二团'), dep('d002', '赵六'), dep('d003', '张三')];
    expect(assignRosterIds(old, incoming).map((d) => [d.id, d.name])).toEqual([
      ['d007', '王五'],
      ['d008', '赵六'],
      ['d001', '张三'],
    ]);
    expect(assignRosterIds([], incoming).map((d) => d.id)).toEqual(['d001', 'd002', 'd003']);
  });

  it('[P2] check-ins follow the id through a new roster; a present deputy cannot be dropped; no new roster once a round exists', () => {
    let s = meeting(roster(3));
    s = apply(s, must(decideCommand(s, { type: 'checkIn', deputyId: 'd002' }, 2, () => 'r1')));
    const reordered = [dep('d003', '代表3'), dep('d002', '代表2'), dep('d004', '新人')];
    expect(decideRoster(s, reordered.filter((d) => d.id !== 'd002'), 3)).toEqual({ ok: false, error: 'ROSTER_LOCKED' });
    s = apply(s, must(decideRoster(s, reordered, 3)));
    expect(s.presentCount).toBe(1);
    expect(chunkedGet(s.present, 1)).not.toBeNull();
    expect(decideRoster(s, [...reordered, dep('d004', '重复')], 4)).toEqual({ ok: false, error: 'DUPLICATE_ID' });
    s = apply(s, must(decideCommand(s, { type: 'startRound', itemId: 'm1', confirmNoQuorum: true }, 5, () => 'r1')));
    expect(decideRoster(s, reordered, 6)).toEqual({ ok: false, error: 'ROSTER_LOCKED' });
  });
});

describe('agenda', () => {
  it('[P4] reorder and edit freely; an item with rounds stays with its settings, its title may change', () => {
    let s = meeting(roster(3), [motion('m1'), motion('m2')]);
    s = apply(s, must(decideAgenda(s, [motion('m2'), motion('m1')], 2)));
    expect(s.agenda.map((it) => it.id)).toEqual(['m2', 'm1']);
    s = apply(s, must(decideCommand(s, { type: 'startRound', itemId: 'm1', confirmNoQuorum: true }, 3, () => 'r1')));
    expect(decideAgenda(s, [motion('m2')], 4)).toEqual({ ok: false, error: 'ITEM_LOCKED' });
    const secretOff = AgendaItem.parse({ id: 'm1', kind: 'motion', title: 'm1', settings: { secret: false } });
    expect(decideAgenda(s, [motion('m2'), secretOff], 4)).toEqual({ ok: false, error: 'ITEM_LOCKED' });
    expect(decideAgenda(s, [motion('m1', '新标题')], 4).ok).toBe(true);
    expect(decideAgenda(s, [motion('m1'), motion('m1')], 4)).toEqual({ ok: false, error: 'DUPLICATE_ID' });
    expect(decideAgenda(s, s.agenda, 4)).toEqual({ ok: true, value: [] });
  });

  it('[P4] removing the item on screen clears the screen', () => {
    let s = meeting(roster(2), [motion('m1'), motion('m2')]);
    s = apply(s, must(decideCommand(s, { type: 'showItem', itemId: 'm2' }, 2, () => 'r')));
    s = apply(s, must(decideAgenda(s, [motion('m1')], 3)));
    expect(s.currentItemId).toBeNull();
  });
});

describe('meetings', () => {
  it('[P1] archived meetings refuse commands and changes; archiving waits for the open vote', () => {
    let s = meeting(roster(2));
    s = apply(s, must(decideCommand(s, { type: 'startRound', itemId: 'm1', confirmNoQuorum: true }, 2, () => 'r1')));
    expect(decideArchive(s, true, 3)).toEqual({ ok: false, error: 'ROUND_ACTIVE' });
    s = apply(s, must(decideCommand(s, { type: 'close', roundId: 'r1' }, 3, () => 'r')));
    s = apply(s, must(decideArchive(s, true, 4)));
    expect(decideCommand(s, { type: 'checkIn', deputyId: 'd001' }, 5, () => 'r')).toEqual({ ok: false, error: 'ARCHIVED' });
    expect(decideAgenda(s, [], 5)).toEqual({ ok: false, error: 'ARCHIVED' });
    s = apply(s, must(decideArchive(s, false, 6)));
    expect(decideCommand(s, { type: 'checkIn', deputyId: 'd001' }, 7, () => 'r').ok).toBe(true);
  });

  it('[P6] a duplicate has the roster and agenda, no check-ins and no rounds', () => {
    let s = meeting(roster(3));
    s = apply(s, must(decideCommand(s, { type: 'checkIn', deputyId: 'd001' }, 2, () => 'r1')));
    const copy = replay([duplicateMeeting(s, 'y', 3, '副本')]);
    expect(copy?.info).toMatchObject({ id: 'y', title: '副本' });
    expect(copy?.roster).toEqual(s.roster);
    expect(copy?.agenda).toEqual(s.agenda);
    expect(copy?.presentCount).toBe(0);
    expect(copy?.roundOrder).toEqual([]);
  });

  it('[Q1] quorum: more than half, or two thirds, of the roster', () => {
    const cases: [number, 'half' | 'twoThirds', number][] = [
      [60, 'half', 31],
      [61, 'half', 31],
      [327, 'half', 164],
      [60, 'twoThirds', 40],
      [61, 'twoThirds', 41],
      [327, 'twoThirds', 218],
    ];
    for (const [n, rule, needed] of cases) {
      let s = meeting(roster(n), [], rule);
      expect(quorumNeeded(s), `${rule} of ${n}`).toBe(needed);
      for (let i = 0; i < needed - 1; i += 1) s = apply(s, [{ t: 'checkin', at: 2, deputyId: s.roster[i]?.id ?? '', by: 'staff' }]);
      expect(hasQuorum(s)).toBe(false);
      s = apply(s, [{ t: 'checkin', at: 3, deputyId: s.roster[needed - 1]?.id ?? '', by: 'self' }]);
      expect(hasQuorum(s)).toBe(true);
    }
  });
});
