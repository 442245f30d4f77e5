// 回头看: the review item carries the earlier figures; before and after come from it and the
// later result alone (U15); the review scene needs such an item.
import { describe, expect, it } from 'vitest';
import { checkScene } from '../scene-decide.js';
import { reduce } from '../state.js';
import type { RatingResult } from '../rules/rating.js';
import { beforeAfter, reviewItem } from './review.js';
import type { RectificationCase } from './state.js';

const kase = (id: string, department: string, rate: number, score: number): RectificationCase => ({
  id,
  openedOn: '2026-03-05',
  source: { kind: 'rating', meetingId: 'm1', meetingTitle: '第一次会议', itemTitle: '测评', itemId: 'r', subjectId: 's', figures: { satisfactionRate: rate, unsatisfiedRate: 1 - rate, score, valid: 10, flagAbove: 0.2 } },
  details: { department, head: '王建军 局长', lead: '', questions: [], commitments: [] },
  due: { notice: '2026-03-12', plan: '2026-04-02', completion: '2026-06-01' },
  notice: null,
  plan: null,
  progress: [],
  completedOn: null,
  closedOn: null,
  timeline: [],
});

const subjectResult = (subjectId: string, satisfactionRate: number, score: number) => ({ subjectId, satisfactionRate, score, valid: 10, skipped: 0, levels: [], satisfiedVotes: 0, unsatisfiedVotes: 0, unsatisfiedRate: 1 - satisfactionRate, flagged: false, rank: 1 });

describe('回头看', () => {
  it('[U15] the review item re-rates each case department with its earlier figures attached', () => {
    const item = reviewItem([kase('2026-1', '市住建局', 0.6, 52), kase('2026-2', '市交通运输局', 0.5, 45)], 'review', '回头看测评');
    expect(item.subjects.map((s) => [s.id, s.name, s.person, s.title])).toEqual([
      ['rv-2026-1', '市住建局', '王建军', '局长'],
      ['rv-2026-2', '市交通运输局', '王建军', '局长'],
    ]);
    expect(item.settings.scale).toBe('three');
    expect(item.reviews?.[0]).toEqual({ subjectId: 'rv-2026-1', caseId: '2026-1', meetingTitle: '第一次会议', itemTitle: '测评', satisfactionRate: 0.6, score: 52 });
  });

  it('[U15] before and after, and the change in points; nothing after until a result', () => {
    const item = reviewItem([kase('2026-1', '市住建局', 0.6, 52), kase('2026-2', '市交通运输局', 0.5, 45)], 'review', '回头看测评');
    expect(beforeAfter(item, null).map((r) => r.after)).toEqual([null, null]);
    const result = { kind: 'rating', noQuorum: false, subjects: [subjectResult('rv-2026-1', 0.9, 84), subjectResult('rv-2026-2', 0.4, 38.5)] } as unknown as RatingResult;
    expect(beforeAfter(item, result).map((r) => [r.department, r.before.satisfactionRate, r.after?.satisfactionRate, r.change])).toEqual([
      ['市住建局', 0.6, 0.9, { satisfactionRate: 30, score: 32 }],
      ['市交通运输局', 0.5, 0.4, { satisfactionRate: -10, score: -6.5 }],
    ]);
  });

  it('[U15] the review scene shows a review item only', () => {
    const item = reviewItem([kase('2026-1', '市住建局', 0.6, 52)], 'review', '回头看测评');
    const plain = { ...item, id: 'plain', reviews: undefined };
    const s = reduce(undefined, { t: 'meeting.created', at: 1, meeting: { id: 'm2', title: '第二次会议', date: '', settings: { quorum: 'half' } }, roster: [], agenda: [item, plain] });
    if (!s) throw new Error('no meeting');
    expect(checkScene(s, { kind: 'review', itemId: 'review' })).toEqual({ ok: true, value: null });
    expect(checkScene(s, { kind: 'review', itemId: 'plain' })).toEqual({ ok: false, error: 'WRONG_KIND' });
  });
});
