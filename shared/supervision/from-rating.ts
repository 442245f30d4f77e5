// What a closed rating gives the supervision record: for every flagged subject (R9), the
// department, its head, the questions of the department's questioning segment and the figures
// that flagged it. Pure; the server passes the meeting's durable state and its tally (U4).
import type { RatingItem, SegmentItem } from '../model.js';
import type { SubjectRating } from '../rules/index.js';
import { suggestionCases } from './suggestion-source.js';
import { outcomeOf, type Tally } from '../outcome.js';
import { err, ok, type Result } from '../result.js';
import { itemById, type MeetingState } from '../state.js';
import type { CaseDetails, CaseSource, SupervisionError } from './model.js';

export interface Flagged {
  readonly source: Extract<CaseSource, { kind: 'rating' | 'suggestion' }>;
  readonly details: CaseDetails;
}

/**
 * A segment belongs to a subject when it names the rating item and has one subject (the usual
 * one-department rating after a segment), or when its department is the subject's name (one
 * rating of several departments after their segments).
 */
function segmentsOf(s: MeetingState, itemId: string, subjectName: string, subjects: number): SegmentItem[] {
  return s.agenda.filter((it): it is SegmentItem => it.kind === 'segment' && (it.department === subjectName || (subjects === 1 && it.ratingItemId === itemId)));
}

/** [U4] The flagged subjects of a rating item whose last round is closed, in agenda order. */
export function flaggedSubjects(s: MeetingState, itemId: string, tally: Tally, lead: string): Result<Flagged[], SupervisionError> {
  const item = itemById(s, itemId);
  if (!item) return err('NOT_FOUND');
  if (item.kind !== 'rating') return err('WRONG_KIND');
  const o = outcomeOf(s, itemId, tally);
  if (o.lastRound?.status !== 'closed' || o.result?.kind !== 'rating') return err('NOT_CLOSED');
  const r = o.result;
  const flagged = r.subjects.filter((x) => x.flagged);
  if (flagged.length === 0) return err('NOTHING_FLAGGED');
  if (item.suggestions?.length) return ok(flagged.flatMap((x) => suggestionFlagged(s, item, x, r.flagAbove, lead)));
  return ok(
    flagged.flatMap((x): Flagged[] => {
      const subject = item.subjects.find((y) => y.id === x.subjectId);
      if (!subject) return [];
      const segments = segmentsOf(s, itemId, subject.name, item.subjects.length);
      const head = subject.person || segments[0]?.person.name || '';
      const title = subject.title || segments[0]?.person.title || '';
      return [
        {
          source: {
            kind: 'rating',
            meetingId: s.info.id,
            meetingTitle: s.info.title,
            itemId,
            itemTitle: item.title,
            subjectId: subject.id,
            figures: { satisfactionRate: x.satisfactionRate, unsatisfiedRate: x.unsatisfiedRate, score: x.score, valid: x.valid, flagAbove: r.flagAbove },
          },
          details: {
            department: subject.name,
            head: [head, title].filter(Boolean).join(' '),
            lead,
            questions: segments.flatMap((g) => g.questions.map((q) => ({ asker: q.asker, topic: q.topic, text: q.text }))),
            commitments: [],
          },
        },
      ];
    }),
  );
}

/** [R17] A flagged suggestion: one 再次办理 case per 主办单位, the unit as the department. */
function suggestionFlagged(s: MeetingState, item: RatingItem, x: SubjectRating, flagAbove: number, lead: string): Flagged[] {
  return suggestionCases(s, item, x).map(({ unit, fields }) => ({
    source: {
      kind: 'suggestion',
      meetingId: s.info.id,
      meetingTitle: s.info.title,
      itemId: item.id,
      itemTitle: item.title,
      subjectId: x.subjectId,
      figures: { satisfactionRate: x.satisfactionRate, unsatisfiedRate: x.unsatisfiedRate, score: x.score, valid: x.valid, flagAbove },
      ...fields,
    },
    details: { department: unit, head: '', lead, questions: [], commitments: [] },
  }));
}
