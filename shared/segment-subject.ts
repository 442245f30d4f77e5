// [G12] A questioning segment's department is its rating's subject, always. The rating item a
// segment names (ratingItemId) has exactly one subject: the segment's department, with the
// person answering and their title. It is derived here rather than kept in step by the editor,
// so an agenda from anywhere (the editor, an import, the API, a duplicate) comes out the same:
// decideAgenda and createMeeting store the agenda through withSegmentSubjects.
import type { AgendaItem, RatingItem, SegmentItem, Subject } from './model.js';

/** The subject a segment's rating rates; keeps the id the rating gave it (results key on it). */
export function segmentSubject(seg: SegmentItem, old: Subject | undefined): Subject {
  return { id: old?.id ?? `${seg.id}-dept`.slice(0, 64), name: seg.department, person: seg.person.name, title: seg.person.title };
}

/** The agenda with every segment's linked rating rating the segment's department. */
export function withSegmentSubjects(agenda: readonly AgendaItem[]): AgendaItem[] {
  const owner = new Map<string, SegmentItem>();
  for (const it of agenda) {
    // The first segment naming a rating owns it: two segments cannot rate two departments in one subject.
    if (it.kind === 'segment' && it.ratingItemId !== undefined && !owner.has(it.ratingItemId)) owner.set(it.ratingItemId, it);
  }
  return agenda.map((it) => {
    const seg = it.kind === 'rating' ? owner.get(it.id) : undefined;
    if (!seg || it.kind !== 'rating') return it;
    const subject = segmentSubject(seg, it.subjects[0]);
    const same = it.subjects.length === 1 && JSON.stringify(it.subjects[0]) === JSON.stringify(subject);
    return same ? it : ({ ...it, subjects: [subject] } satisfies RatingItem);
  });
}
