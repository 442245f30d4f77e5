// 记名表决: after a named round closes, the list of every deputy with what they chose (and 未按
// for those who did not vote), as chamber systems print and show it. Pure.
// Invariant (N1, SPEC.md): a secret round never has one — the list is built only when the item
// is named, so no view, export or scene of a secret round can carry a deputy's choice.
import type { AgendaItem, BallotContent } from './model.js';
import { chunkedGet } from './chunked.js';
import { ballotsOf, itemById, type MeetingState, type Round } from './state.js';
import { assertNever } from './never.js';

/** A motion choice; `voted` for a ballot of another kind; 未按 (present, no vote); 未到 (absent). */
export type NamedMark = 'for' | 'against' | 'abstain' | 'voted' | 'notVoted' | 'absent';
export const NAMED_MARKS: readonly NamedMark[] = ['for', 'against', 'abstain', 'voted', 'notVoted', 'absent'];

export interface NamedVoteRow {
  deputyId: string;
  name: string;
  group: string;
  seat: string;
  mark: NamedMark;
  /** The ballot as cast (projects, rating); null for 未按 / 未到 and on the screen. */
  ballot: BallotContent | null;
}

/** May this round have a per-deputy list? Named, closed, counted from ballots (not by hand). */
export function hasNamedList(item: AgendaItem | undefined, r: Round): boolean {
  if (!item || item.kind === 'segment') return false;
  return !item.settings.secret && r.status === 'closed' && r.manual === undefined;
}

const cache = new WeakMap<Round, { present: number; rows: NamedVoteRow[] }>();

/** Every deputy of the roster in roster order with their mark; null when the round may have none. */
export function namedVotes(s: MeetingState, r: Round): NamedVoteRow[] | null {
  const item = itemById(s, r.itemId);
  if (!hasNamedList(item, r)) return null;
  const hit = cache.get(r);
  if (hit && hit.present === s.presentCount) return hit.rows;
  const byDeputy = new Map<string, BallotContent>();
  for (const b of ballotsOf(r)) if (b.deputyId !== undefined) byDeputy.set(b.deputyId, b.content);
  const rows = s.roster.map((d, i): NamedVoteRow => {
    const ballot = byDeputy.get(d.id) ?? null;
    const present = chunkedGet(s.present, i) != null;
    const mark: NamedMark = ballot === null ? (present ? 'notVoted' : 'absent') : ballot.kind === 'motion' ? ballot.choice : 'voted';
    return { deputyId: d.id, name: d.name, group: d.group, seat: d.seat, mark, ballot };
  });
  cache.set(r, { present: s.presentCount, rows });
  return rows;
}

/** Counts per mark, for a legend. */
export function namedCounts(rows: readonly NamedVoteRow[]): Record<NamedMark, number> {
  const c: Record<NamedMark, number> = { for: 0, against: 0, abstain: 0, voted: 0, notVoted: 0, absent: 0 };
  for (const r of rows) c[r.mark] += 1;
  return c;
}

/** Words a summary is written with: the caller's locale (client) or the record's Chinese (server). */
export interface BallotWords {
  mark: Record<NamedMark, string>;
  level: (level: string) => string;
  /** Between a name and its choice, and between entries. */
  colon: string;
  sep: string;
  none: string;
}

/** One line saying what a ballot chose, by name: 赞成; 项目甲、项目乙; 住建局：满意；… */
export function ballotSummary(item: AgendaItem | undefined, row: NamedVoteRow, w: BallotWords): string {
  const b = row.ballot;
  if (b === null || !item) return w.mark[row.mark];
  const projectName = (id: string) => (item.kind === 'projects' ? (item.projects.find((p) => p.id === id)?.name ?? id) : id);
  switch (b.kind) {
    case 'motion':
      return w.mark[b.choice];
    case 'select':
      return b.picks.length === 0 ? w.none : b.picks.map(projectName).join('、');
    case 'each':
      return Object.entries(b.choices)
        .map(([id, c]) => `${projectName(id)}${w.colon}${w.mark[c]}`)
        .join(w.sep);
    case 'rating': {
      const subjectName = (id: string) => (item.kind === 'rating' ? (item.subjects.find((x) => x.id === id)?.name ?? id) : id);
      return Object.entries(b.ratings)
        .map(([id, v]) => `${subjectName(id)}${w.colon}${typeof v === 'number' ? String(v) : w.level(v)}`)
        .join(w.sep);
    }
    default: {
      return assertNever(b, 'ballot');
    }
  }
}
