// [G12] A questioning segment's department is its rating's subject, always: whatever the
// agenda says when it is saved or a meeting is created, the linked rating rates the department.
import { describe, expect, it } from 'vitest';
import type { MeetingEvent } from './events.js';
import { AgendaItem, type RatingItem } from './model.js';
import { createMeeting, decideAgenda } from './prepare.js';
import { decideCommand } from './decide.js';
import { reduce, replay, type MeetingState } from './state.js';

const segment = (department: string, person = '王建军', title = '局长') =>
  AgendaItem.parse({
    id: 's1',
    kind: 'segment',
    title: '问政环节',
    department,
    person: { name: person, title },
    questions: [{ id: 'q1', asker: '张三', topic: '老旧小区' }],
    ratingItemId: 'r1',
  });
// What the editor's "add segment" used to store: a subject named after the segment's title.
const rating = (subject = '问政环节') => AgendaItem.parse({ id: 'r1', kind: 'rating', title: '满意度测评', settings: {}, subjects: [{ id: 'sub1', name: subject }] });
const other = AgendaItem.parse({ id: 'r2', kind: 'rating', title: '另一项测评', settings: {}, subjects: [{ id: 'a', name: '甲' }, { id: 'b', name: '乙' }] });

const meeting = (agenda: AgendaItem[]): MeetingState => {
  const s = replay([createMeeting('x', { title: 'T', date: '', quorum: 'half' }, 1, [], agenda)]);
  if (!s) throw new Error('no state');
  return s;
};
const saved = (s: MeetingState, agenda: AgendaItem[]): MeetingState => {
  const d = decideAgenda(s, agenda, 2);
  if (!d.ok) throw new Error(d.error);
  return d.value.reduce<MeetingState>((acc, e: MeetingEvent) => reduce(acc, e), s);
};
const subjectsOf = (s: MeetingState, id = 'r1') => (s.agenda.find((it) => it.id === id) as RatingItem).subjects;

describe('[G12] the segment’s department is its rating subject', () => {
  it('a new meeting’s segment rating rates the department, not 问政环节, keeping the subject id', () => {
    const s = meeting([segment('市住建局'), rating(), other]);
    expect(subjectsOf(s)).toEqual([{ id: 'sub1', name: '市住建局', person: '王建军', title: '局长' }]);
    expect(subjectsOf(s, 'r2').map((x) => x.name)).toEqual(['甲', '乙']); // a rating no segment names is left alone
  });

  it('editing the department (or the person) carries over to the rating when the agenda is saved', () => {
    let s = meeting([segment('市住建局'), rating()]);
    s = saved(s, [segment('市交通运输局', '李海涛', '局长'), rating('市住建局')]);
    expect(subjectsOf(s)).toEqual([{ id: 'sub1', name: '市交通运输局', person: '李海涛', title: '局长' }]);
    // A rating edited by hand to rate something else comes back to the department.
    s = saved(s, [segment('市交通运输局', '李海涛', '局长'), rating('别的对象')]);
    expect(subjectsOf(s)[0]?.name).toBe('市交通运输局');
  });

  it('once the rating has been voted on, the department can no longer change (P4)', () => {
    let s = meeting([segment('市住建局'), rating()]);
    const started = decideCommand(s, { type: 'startRound', itemId: 'r1', confirmNoQuorum: true }, 3, () => 'round1');
    if (!started.ok) throw new Error(started.error);
    s = started.value.reduce<MeetingState>((acc, e) => reduce(acc, e), s);
    expect(decideAgenda(s, [segment('市交通运输局'), rating()], 4)).toEqual({ ok: false, error: 'ITEM_LOCKED' });
    expect(decideAgenda(s, [segment('市住建局'), rating()], 4).ok).toBe(true);
  });
});
