// The audience's count of one poll (网络评议 or 现场观众): how many took part and, per subject,
// how many chose each level (and the sum of the scores on the score scale). Kept apart from
// the deputies' ballots on purpose: nothing here is ever folded into a round (SPEC Y2).
import { z } from 'zod';
import { Id } from './model.js';

const Count = z.number().int().min(0).max(100_000_000);

export const SubjectCounts = z.strictObject({
  /** Level key -> how many chose it. */
  levels: z.record(z.string().max(20), Count),
  /** How many rated this subject (the denominator of its shares). */
  rated: Count,
  /** Sum of the scores given (score scale only; 0 on level scales, whose points come from the weights). */
  sum: z.number().int().min(0).max(10_000_000_000),
});
export type SubjectCounts = z.infer<typeof SubjectCounts>;

export const AudienceTally = z.strictObject({
  /** Devices whose rating was counted. */
  n: Count,
  subjects: z.record(Id, SubjectCounts),
});
export type AudienceTally = z.infer<typeof AudienceTally>;

export const EMPTY_TALLY: AudienceTally = { n: 0, subjects: {} };

/** One subject's mark in one audience rating, as the counter adds it. */
export interface AudienceMark {
  readonly subjectId: string;
  readonly level: string;
  /** The score given (score scale), else 0. */
  readonly value: number;
}

/** Add one rating to a tally (the memory counter and the tests; Redis does the same in Lua). */
export function addToTally(t: AudienceTally, marks: readonly AudienceMark[]): AudienceTally {
  const subjects = { ...t.subjects };
  for (const m of marks) {
    const old = subjects[m.subjectId] ?? { levels: {}, rated: 0, sum: 0 };
    subjects[m.subjectId] = {
      levels: { ...old.levels, [m.level]: (old.levels[m.level] ?? 0) + 1 },
      rated: old.rated + 1,
      sum: old.sum + m.value,
    };
  }
  return { n: t.n + 1, subjects };
}
