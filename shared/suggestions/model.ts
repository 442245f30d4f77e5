// 代表建议办理满意度: a rating item whose subjects are the deputies' own suggestions. Each subject
// carries the suggestion it stands for (number, the lead deputy and those who joined, the
// handling units, the unit's reply), and only those deputies may rate it (SPEC R14..R18).
// No import of ../model.ts here: model.ts imports this file, and zod schemas are built when a
// module loads, so a cycle would meet an uninitialised binding.
import { z } from 'zod';

const Id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);
const Unit = z.string().trim().min(1).max(60);

export const Suggestion = z.strictObject({
  /** The rating subject this suggestion is (its title is the subject's name). */
  subjectId: Id,
  /** 建议号, as printed: 第12号, 12, A-012. */
  number: z.string().trim().min(1).max(30),
  /** 领衔代表 (a deputy id of the meeting's roster). */
  lead: Id,
  /** 附议代表. */
  joined: z.array(Id).max(50).default([]),
  /** 主办单位: the unit answerable for the reply; ranked on it (R16). */
  units: z.array(Unit).min(1).max(10),
  /** 会办单位. */
  jointUnits: z.array(Unit).max(10).default([]),
  /** 办理答复 in brief, shown to the deputies rating it. */
  reply: z.string().trim().max(500).default(''),
});
export type Suggestion = z.infer<typeof Suggestion>;

/** One imported spreadsheet row, deputies resolved against the roster (server/import/suggestions.ts). */
export const SuggestionRow = z.strictObject({
  id: Id,
  number: z.string().trim().min(1).max(30),
  /** The subject's name: Subject.name allows 60. */
  name: z.string().trim().min(1).max(60),
  lead: Id,
  /** The lead deputy's name as on the roster: the subject's `person`. */
  person: z.string().trim().max(40),
  joined: z.array(Id).max(50),
  /** Their names as on the roster, for the import's preview. */
  joinedNames: z.array(z.string().max(40)).max(50),
  units: z.array(Unit).min(1).max(10),
  jointUnits: z.array(Unit).max(10),
  reply: z.string().trim().max(500),
});
export type SuggestionRow = z.infer<typeof SuggestionRow>;

/** Who may rate a suggestion: its lead deputy and those who joined, each once (R14). */
export function ratersOf(g: Pick<Suggestion, 'lead' | 'joined'>): string[] {
  return [...new Set([g.lead, ...g.joined])];
}

/**
 * An item's subjects and suggestions from imported rows; `person` of a subject is the lead
 * deputy's name, so every surface that prints a subject's person names who proposed it.
 */
export function suggestionParts(rows: readonly SuggestionRow[]) {
  return {
    subjects: rows.map((r) => ({ id: r.id, name: r.name, person: r.person, title: '' })),
    suggestions: rows.map((r): Suggestion => ({ subjectId: r.id, number: r.number, lead: r.lead, joined: [...r.joined], units: [...r.units], jointUnits: [...r.jointUnits], reply: r.reply })),
  };
}
