// The results report of a meeting: every voting item with every round it went through
// (voided and hand-counted ones included, marked), its decisive outcome, and the ranking of
// rated subjects. Pure: the server turns it into CSV, XLSX and JSON; the client prints it.
import type { MotionItem, ProjectsItem, RatingItem } from './model.js';
import { meetingRanking, outcomeOf, type RankingRow } from './outcome.js';
import type { ItemResult } from './rules/index.js';
import { roundsOf, type MeetingState, type Round } from './state.js';
import { segmentLog, type SegmentLog } from './segment-view.js';
import { shownResultOf } from './views.js';
import { namedVotes, type NamedVoteRow } from './named-votes.js';
import { DEFAULT_TIME_ZONE } from './model.js';
import { audienceRecords, type AudienceRecord } from './audience-report.js';

export type VotingItem = MotionItem | ProjectsItem | RatingItem;

export interface ReportRound {
  roundId: string;
  /** 1-based, in the order the item's rounds were held. */
  number: number;
  purpose: Round['purpose'];
  status: Round['status'];
  /** A show-of-hands count entered by the moderator (手工录入). */
  manual: boolean;
  voidReason: string | null;
  withoutQuorum: boolean;
  startedAt: number;
  closedAt: number | null;
  /** Run-off candidates, else null. */
  candidates: string[] | null;
  result: ItemResult | null;
  /** 记名表决 once closed: every deputy with their ballot; null for a secret round (N1). */
  named: NamedVoteRow[] | null;
}

export interface ReportItem {
  item: VotingItem;
  rounds: ReportRound[];
  /** The decisive result: latest valid round with its run-offs merged; null if none closed. */
  outcome: ItemResult | null;
  outcomeManual: boolean;
}

export interface MeetingReport {
  meeting: { id: string; title: string; date: string; place: string; issuer: string; noticeFrom: number; timeZone: string };
  generatedAt: number;
  roster: number;
  present: number;
  items: ReportItem[];
  ranking: RankingRow[];
  /** 电视问政: who asked what, time used, each department's rating (shared/segment-view.ts). */
  segments: SegmentLog[];
  /** Y20: 网络评议 and 现场观众 of each rated item, apart from the deputies' results above (Y2). */
  audience: AudienceRecord[];
}

function isVotingItem(x: { kind: string }): x is VotingItem {
  return x.kind === 'motion' || x.kind === 'projects' || x.kind === 'rating';
}

function reportRound(s: MeetingState, r: Round, number: number): ReportRound {
  return {
    roundId: r.id,
    number,
    purpose: r.purpose,
    status: r.status,
    manual: r.manual !== undefined,
    voidReason: r.voidReason ?? null,
    withoutQuorum: r.withoutQuorum,
    startedAt: r.startedAt,
    closedAt: r.closedAt,
    candidates: r.candidates ? [...r.candidates] : null,
    result: shownResultOf(s, r),
    named: namedVotes(s, r),
  };
}

/**
 * The report as the moderator sees it: every figure, revealed or not (the route needs a login),
 * except the running tally of an open secret vote, held back as everywhere (views shownResultOf).
 */
export function meetingReport(s: MeetingState, now: number): MeetingReport {
  const items = s.agenda.filter(isVotingItem).map((item): ReportItem => {
    const o = outcomeOf(s, item.id, shownResultOf);
    const closed = o.lastRound !== null && o.lastRound.status === 'closed';
    return {
      item,
      rounds: roundsOf(s, item.id).map((r, i) => reportRound(s, r, i + 1)),
      outcome: closed ? o.result : null,
      outcomeManual: o.manual,
    };
  });
  return {
    meeting: {
      id: s.info.id,
      title: s.info.title,
      date: s.info.date,
      place: s.info.settings.place ?? '',
      issuer: s.info.settings.issuer ?? '',
      noticeFrom: s.info.settings.noticeFrom ?? 1,
      timeZone: s.info.settings.timeZone ?? DEFAULT_TIME_ZONE,
    },
    generatedAt: now,
    roster: s.roster.length,
    present: s.presentCount,
    items,
    ranking: meetingRanking(s, shownResultOf, (_item, r) => r.status === 'closed'),
    segments: segmentLog(s, (id) => outcomeOf(s, id, shownResultOf)),
    audience: audienceRecords(s, shownResultOf),
  };
}
