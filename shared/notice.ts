// The documents a result becomes (N4): the 公告 of a projects item (the adopted projects in
// order with their votes, and any seat left unfilled with the reason) and the 测评结果通报 of a
// rating item. Pure data from the state and the shared result functions (outcome.ts): the
// server prints them as PDF, the console as an A4 HTML page, both from this one shape.
import { DEFAULT_TIME_ZONE, type AgendaItem } from './model.js';
import { localDateZh } from './local-time.js';
import { outcomeOf, type Tally } from './outcome.js';
import { err, ok, type Result } from './result.js';
import type { MeetingState } from './state.js';
import { audienceRecordOf, type AudienceRecord } from './audience-report.js';

interface NoticeHead {
  meetingId: string;
  meetingTitle: string;
  itemId: string;
  itemTitle: string;
  /** 发布机关: the meeting setting, else 〈meeting〉主席团. */
  issuer: string;
  /** 第N号. */
  number: number;
  /** The day the decisive round closed, in the meeting's time zone: 2026年3月5日. */
  date: string;
  place: string;
  roster: number;
  present: number;
  cast: number;
  valid: number;
  manual: boolean;
}

export interface AdoptedLine {
  order: number;
  name: string;
  department: string;
  votes: number;
  runoffVotes: number[];
}

export interface ProjectsNotice extends NoticeHead {
  kind: 'projects';
  seats: number;
  needed: number;
  adopted: AdoptedLine[];
  /** Seats no project reached the threshold for. */
  unfilledThreshold: number;
  /** Seats held up by a tie at the last place, awaiting a run-off. */
  tie: { seats: number; names: string[]; votes: number } | null;
}

export interface RatingLine {
  name: string;
  person: string;
  title: string;
  /** Per level of the scale, best first (the level keys are in `levels`). */
  counts: number[];
  valid: number;
  satisfactionRate: number | null;
  score: number | null;
  rank: number | null;
  flagged: boolean;
}

export interface RatingNotice extends NoticeHead {
  kind: 'rating';
  scale: string;
  levels: string[];
  flagAbove: number;
  subjects: RatingLine[];
  /** Y20: the closed audience polls' figures, printed apart from the deputies' table; null without any. */
  audience: AudienceRecord | null;
}

export type Notice = ProjectsNotice | RatingNotice;
export type NoticeError = 'NOT_FOUND' | 'WRONG_KIND' | 'NOT_CLOSED';

/** 公告 numbers count projects items in agenda order; 通报 numbers count rating items. */
function numberOf(s: MeetingState, item: AgendaItem): number {
  const same = s.agenda.filter((i) => i.kind === item.kind);
  return (item.kind === 'projects' ? (s.info.settings.noticeFrom ?? 1) : 1) + same.findIndex((i) => i.id === item.id);
}

export function noticeOf(s: MeetingState, itemId: string, tally: Tally): Result<Notice, NoticeError> {
  const item = s.agenda.find((i) => i.id === itemId);
  if (!item) return err('NOT_FOUND');
  if (item.kind !== 'projects' && item.kind !== 'rating') return err('WRONG_KIND');
  const o = outcomeOf(s, itemId, tally);
  const last = o.lastRound;
  if (!o.result || !last || last.status !== 'closed') return err('NOT_CLOSED');
  const r = o.result;
  const head: NoticeHead = {
    meetingId: s.info.id,
    meetingTitle: s.info.title,
    itemId,
    itemTitle: item.title,
    issuer: s.info.settings.issuer || `${s.info.title}主席团`,
    number: numberOf(s, item),
    date: localDateZh(last.closedAt ?? last.startedAt, s.info.settings.timeZone ?? DEFAULT_TIME_ZONE),
    place: s.info.settings.place ?? '',
    roster: r.roster,
    present: r.present,
    cast: r.cast,
    valid: r.kind === 'motion' ? r.cast : r.valid,
    manual: o.manual,
  };
  if (item.kind === 'projects' && r.kind === 'projects') {
    const byId = new Map(item.projects.map((p) => [p.id, p]));
    const tally = new Map(r.projects.map((p) => [p.projectId, p]));
    const tieSeats = r.tie?.seats ?? 0;
    return ok({
      ...head,
      kind: 'projects',
      seats: item.settings.adopt,
      needed: r.needed,
      adopted: r.adopted.map((id, i) => ({
        order: i + 1,
        name: byId.get(id)?.name ?? id,
        department: byId.get(id)?.department ?? '',
        votes: tally.get(id)?.votes ?? 0,
        runoffVotes: [...(tally.get(id)?.runoffVotes ?? [])],
      })),
      unfilledThreshold: Math.max(0, r.unfilled - tieSeats),
      tie: r.tie ? { seats: r.tie.seats, names: r.tie.projectIds.map((id) => byId.get(id)?.name ?? id), votes: r.tie.votes } : null,
    });
  }
  if (item.kind === 'rating' && r.kind === 'rating') {
    const byId = new Map(item.subjects.map((x) => [x.id, x]));
    return ok({
      ...head,
      kind: 'rating',
      scale: r.scale,
      levels: r.subjects[0]?.levels.map((l) => l.level) ?? [],
      flagAbove: r.flagAbove,
      subjects: r.subjects.map((x) => ({
        name: byId.get(x.subjectId)?.name ?? x.subjectId,
        person: byId.get(x.subjectId)?.person ?? '',
        title: byId.get(x.subjectId)?.title ?? '',
        counts: x.levels.map((l) => l.count),
        valid: x.valid,
        satisfactionRate: x.satisfactionRate,
        score: x.score,
        rank: x.rank,
        flagged: x.flagged,
      })),
      audience: audienceRecordOf(s, item, tally),
    });
  }
  return err('WRONG_KIND');
}

/** A notice's wording as printed (server/documents/words.ts), sent to the console's print page as JSON. */
export interface NoticeText {
  kind: Notice['kind'];
  title: string;
  number: string;
  lead: string;
  columns: string[];
  /** Which columns hold figures (right-aligned). */
  numeric: boolean[];
  rows: string[][];
  statements: string[];
  closing: string;
  issuer: string;
  date: string;
  seal: string;
  /** Y20: the audience's figures (测评结果通报 only), a part of its own after the statements. */
  annex?: NoticeAnnex;
}

/** A part of a notice apart from its result: a heading, a line saying why it is apart, tables, a rule. */
export interface NoticeAnnex {
  title: string;
  intro: string;
  tables: { heading: string; columns: string[]; numeric: boolean[]; rows: string[][] }[];
  rule: string;
}
