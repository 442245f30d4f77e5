// 回头看 (U15): a rating item that re-rates the departments of earlier cases, and its figures
// before and after. The item carries the earlier figures (model.ts ReviewOf), so the comparison
// is a pure function of the later meeting's item and result: the screen, the console and the
// report all compute it the same way from what they already have.
import { RatingItem } from '../model.js';
import type { RatingResult } from '../rules/rating.js';
import type { RectificationCase } from './state.js';

/** The subject id a case's department gets on the review item: stable, short, a valid Id. */
const subjectIdOf = (c: RectificationCase) => `rv-${c.id}`;

/** A rating item proposal re-rating these cases' departments, their earlier figures attached. */
export function reviewItem(cases: readonly RectificationCase[], itemId: string, title: string): RatingItem {
  // Parsed, so the settings get the same defaults as an item typed in the agenda editor.
  return RatingItem.parse({
    id: itemId,
    kind: 'rating',
    title,
    description: '',
    settings: {},
    subjects: cases.map((c) => {
      const [person = '', ...rest] = c.details.head.split(' ');
      return { id: subjectIdOf(c), name: c.details.department, person, title: rest.join(' ') };
    }),
    reviews: cases.map((c) => ({
      subjectId: subjectIdOf(c),
      caseId: c.id,
      meetingTitle: c.source.kind !== 'staff' ? c.source.meetingTitle : '',
      itemTitle: c.source.kind !== 'staff' ? c.source.itemTitle : '',
      satisfactionRate: c.source.kind !== 'staff' ? c.source.figures.satisfactionRate : null,
      score: c.source.kind !== 'staff' ? c.source.figures.score : null,
    })),
  });
}

export interface Figures {
  readonly satisfactionRate: number | null;
  readonly score: number | null;
}

export interface BeforeAfter {
  readonly subjectId: string;
  readonly caseId: string;
  readonly department: string;
  readonly before: Figures & { readonly meetingTitle: string };
  /** null until the later rating's result may be shown. */
  readonly after: Figures | null;
  /** after - before, in points of 满意率 (0..100) and of score; null when either is unknown. */
  readonly change: { readonly satisfactionRate: number | null; readonly score: number | null } | null;
}

const diff = (a: number | null, b: number | null, scale: number) => (a === null || b === null ? null : Math.round((a - b) * scale * 100) / 100);

/** [U15] Before and after for every linked subject, in the item's subject order. */
export function beforeAfter(item: RatingItem, result: RatingResult | null): BeforeAfter[] {
  return (item.reviews ?? []).flatMap((r): BeforeAfter[] => {
    const subject = item.subjects.find((s) => s.id === r.subjectId);
    if (!subject) return [];
    const now = result && !result.noQuorum ? result.subjects.find((s) => s.subjectId === r.subjectId) : undefined;
    const after = now ? { satisfactionRate: now.satisfactionRate, score: now.score } : null;
    return [
      {
        subjectId: r.subjectId,
        caseId: r.caseId,
        department: subject.name,
        before: { satisfactionRate: r.satisfactionRate, score: r.score, meetingTitle: r.meetingTitle },
        after,
        change: after ? { satisfactionRate: diff(after.satisfactionRate, r.satisfactionRate, 100), score: diff(after.score, r.score, 1) } : null,
      },
    ];
  });
}
