// 再次办理 (SPEC R17): a suggestion rated 不满意 goes back to its 主办单位 for a second reply, as a
// case of the same register as rectification. What such a case keeps besides a rating case's
// fields (the meeting, the item, the subject and its figures): the suggestion itself.
// Pure; no import of ./model.ts, which imports this file into its CaseSource union.
import { z } from 'zod';
import type { MeetingState } from '../state.js';
import type { RatingItem } from '../model.js';
import type { SubjectRating } from '../rules/index.js';

const Line = (max: number) => z.string().trim().min(1).max(max);

export const SuggestionCaseFields = {
  /** 建议号 and title, as imported. */
  number: Line(30),
  title: Line(60),
  /** 领衔代表's name (the case names no other deputy). */
  leadDeputy: z.string().trim().max(40),
  /** The unit's first reply, the one rated 不满意. */
  reply: z.string().trim().max(500),
};

/** The suggestion part of a case's source and its details, one case per 主办单位 (R17). */
export function suggestionCases(s: MeetingState, item: RatingItem, x: SubjectRating) {
  const g = item.suggestions?.find((y) => y.subjectId === x.subjectId);
  const subject = item.subjects.find((y) => y.id === x.subjectId);
  if (!g || !subject) return [];
  const lead = s.roster[s.rosterIndex.get(g.lead) ?? -1]?.name ?? subject.person;
  return g.units.map((unit) => ({ unit, fields: { number: g.number, title: subject.name, leadDeputy: lead, reply: g.reply } }));
}
