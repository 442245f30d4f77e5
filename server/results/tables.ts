// The results report as plain tables: one sheet per voting item and one for the ranking.
// CSV writes the sheets one after another; XLSX gives each its own worksheet. Headings are
// Chinese, the language of the record (the console's UI text lives in the client's locales).
import type { AgendaItem } from '../../shared/model.js';
import type { MeetingReport, ReportItem, ReportRound, VotingItem } from '../../shared/report.js';
import type { ItemResult, MotionResult, ProjectsResult, RatingResult } from '../../shared/rules/index.js';
import { motionLabel, projectLabel, ruleLabel, unfilledNotes } from '../../shared/labels.js';
import { localTime } from '../../shared/local-time.js';
import { ballotSummary, type NamedVoteRow } from '../../shared/named-votes.js';
import { flagAboveText, L, levelLabel, NAMED_WORDS, OUTCOME_LABEL, purposeLabel, RANKING_LABEL, rankingRuleText, ruleText, statusLabel, unfilledText, weightsText } from './labels.js';
import { segmentSheet } from './segment-sheet.js';
import type { Cell, Pct, Sheet } from './sheet.js';
import { reviewSheet } from './review-sheet.js';
import { audienceSheet } from './audience-sheet.js';
import { deliverySheet } from './delivery-sheet.js';
import { unitSheet } from './unit-sheet.js';

const pct = (x: number | null): Pct | null => (x === null ? null : { pct: x });

function motionRows(r: MotionResult): Cell[][] {
  return [
    [L.for, L.against, L.abstain, L.notVoted, L.cast, L.base, L.needed, L.outcome],
    [r.for, r.against, r.abstain, r.notVoted, r.cast, r.base, r.needed, OUTCOME_LABEL[motionLabel(r)]],
    [L.rule, ruleText(ruleLabel(r))],
  ];
}

function projectRows(item: ProjectsItem, r: ProjectsResult): Cell[][] {
  const byId = new Map(item.projects.map((p) => [p.id, p]));
  const each = r.form === 'each' && !r.manual;
  const head: Cell[] = [L.rank, L.project, L.department, L.budget, L.deadline, L.votes];
  if (each) head.push(L.against, L.abstain);
  head.push(L.runoffVotes, L.status);
  // A run-off applies no threshold (P12): its line states its own rule instead of 所需票数.
  const needed: Cell[] = r.runoff ? [] : [L.needed, r.needed];
  const rows: Cell[][] = [
    [L.cast, r.cast, L.valid, r.valid, L.invalid, r.invalid, ...needed, L.seats, r.seats, L.unfilled, r.unfilled],
    [L.rule, ruleText(ruleLabel(r)), ...unfilledNotes(r).map(unfilledText), ...(r.noQuorum ? [OUTCOME_LABEL.noQuorum] : [])],
    head,
  ];
  for (const p of r.projects) {
    const info = byId.get(p.projectId);
    const row: Cell[] = [p.rank, info?.name ?? p.projectId, info?.department ?? '', info?.budget ?? '', info?.deadline ?? '', p.votes];
    if (each) row.push(p.against, p.abstain);
    row.push(p.runoffVotes.join(' / '), OUTCOME_LABEL[projectLabel(r, p.status)]);
    rows.push(row);
  }
  return rows;
}
type ProjectsItem = Extract<AgendaItem, { kind: 'projects' }>;
type RatingItem = Extract<AgendaItem, { kind: 'rating' }>;

function ratingRows(item: RatingItem, r: RatingResult): Cell[][] {
  const byId = new Map(item.subjects.map((s) => [s.id, s]));
  const levels = r.subjects[0]?.levels.map((l) => l.level) ?? [];
  const rows: Cell[][] = [
    [L.cast, r.cast, L.valid, r.valid, L.invalid, r.invalid, L.notVoted, r.notVoted],
    [L.weights, weightsText(r.scale, r.weights), L.flagAbove, flagAboveText(r.flagAbove), L.rankingRule, RANKING_LABEL.rankBy[r.rankBy], ...(r.noQuorum ? [OUTCOME_LABEL.noQuorum] : [])],
    [L.subject, L.person, ...levels.map((l) => levelLabel(r.scale, l)), L.valid, L.satisfactionRate, L.unsatisfiedRate, L.score, L.rank, L.flag],
  ];
  for (const s of r.subjects) {
    const info = byId.get(s.subjectId);
    rows.push([
      info?.name ?? s.subjectId,
      [info?.person, info?.title].filter(Boolean).join(' '),
      ...s.levels.map((l) => l.count),
      s.valid,
      pct(s.satisfactionRate),
      pct(s.unsatisfiedRate),
      s.score,
      s.rank,
      s.flagged ? L.flagged : '',
    ]);
  }
  return rows;
}

function resultRows(item: VotingItem, r: ItemResult): Cell[][] {
  if (item.kind === 'motion' && r.kind === 'motion') return motionRows(r);
  if (item.kind === 'projects' && r.kind === 'projects') return projectRows(item, r);
  if (item.kind === 'rating' && r.kind === 'rating') return ratingRows(item, r);
  return [];
}

function roundHeading(rd: ReportRound, kind: VotingItem['kind'], timeZone: string): Cell[] {
  const marks = [purposeLabel(rd.purpose, kind), statusLabel(rd.status), localTime(rd.startedAt, timeZone)];
  if (rd.manual) marks.push(L.manual);
  if (rd.withoutQuorum) marks.push(L.withoutQuorum);
  if (rd.voidReason) marks.push(`${L.voidReason}：${rd.voidReason}`);
  return [L.roundNo(rd.number), ...marks];
}

/** 记名表决情况: one row per deputy, in roster order, with what they chose. */
function namedRows(item: VotingItem, rows: readonly NamedVoteRow[]): Cell[][] {
  return [[L.deputy, L.group, L.seat, L.choice], ...rows.map((r) => [r.name, r.group, r.seat, ballotSummary(item, r, NAMED_WORDS(item))])];
}

function itemSheet(ri: ReportItem, index: number, timeZone: string): Sheet {
  const headings: number[] = [];
  const rows: Cell[][] = [];
  const heading = (row: Cell[]) => {
    headings.push(rows.length);
    rows.push(row);
  };
  heading([L.item, ri.item.title]);
  rows.push([L.kind, L.kinds[ri.item.kind]], [L.secrecy, ri.item.settings.secret ? L.secret : L.named]);
  if (ri.outcome) {
    rows.push([]);
    heading([L.finalResult, ...(ri.outcomeManual ? [L.manual] : [])]);
    rows.push(...resultRows(ri.item, ri.outcome));
  } else {
    rows.push([L.noResult]);
  }
  for (const rd of ri.rounds) {
    rows.push([]);
    heading(roundHeading(rd, ri.item.kind, timeZone));
    if (rd.result) rows.push(...resultRows(ri.item, rd.result));
    if (rd.named) {
      heading([L.namedList]);
      rows.push(...namedRows(ri.item, rd.named));
    }
  }
  return { name: sheetName(index + 1, ri.item.title), headings, rows };
}

function rankingSheet(report: MeetingReport): Sheet {
  const rows: Cell[][] = [[L.rank, L.subject, L.person, L.item, L.valid, L.satisfactionRate, L.unsatisfiedRate, L.score, L.flag, L.weights, L.flagAbove]];
  for (const r of report.ranking) {
    const name = r.manual ? `${r.name}（${L.manual}）` : r.name;
    const scale = report.items.find((i) => i.item.id === r.itemId)?.item;
    const weights = scale?.kind === 'rating' ? weightsText(scale.settings.scale, r.weights) : '';
    rows.push([r.rank, name, [r.person, r.title].filter(Boolean).join(' '), r.itemTitle, r.valid, pct(r.satisfactionRate), pct(r.unsatisfiedRate), r.score, r.flagged ? L.flagged : '', weights, flagAboveText(r.flagAbove)]);
  }
  const rule = report.ranking[0]?.rule;
  if (rule) rows.push([], [L.rankingRule, rankingRuleText(rule)]);
  return { name: L.ranking, headings: [0], rows };
}

/** Excel allows 31 characters and no []:*?/\ in a sheet name; names must be unique. */
function sheetName(n: number, title: string): string {
  return `${n} ${title.replace(/[[\]:*?/\\]/g, ' ')}`.slice(0, 31);
}

export function reportSheets(report: MeetingReport): Sheet[] {
  const cover: Sheet = {
    name: L.summary,
    headings: [0],
    rows: [
      [report.meeting.title],
      [L.date, report.meeting.date],
      [L.roster, report.roster, L.present, report.present],
      [L.generatedAt, localTime(report.generatedAt, report.meeting.timeZone)],
      [L.timeZone, report.meeting.timeZone],
    ],
  };
  const sheets = [cover, ...report.items.map((ri, i) => itemSheet(ri, i, report.meeting.timeZone))];
  if (report.ranking.length > 0) sheets.push(rankingSheet(report));
  if (report.segments.some((s) => s.questions.some((q) => q.question || q.answer))) sheets.push(segmentSheet(report.segments));
  const review = reviewSheet(report); // 回头看: before and after (U15)
  if (review) sheets.push(review);
  // Y20: the audience's figures on a sheet of their own, never on the deputies' item sheets.
  const audience = audienceSheet(report.audience);
  if (audience) sheets.push(audience);
  const delivery = deliverySheet(report); // 民生实事项目实施情况: linked back to the vote (U26)
  if (delivery) sheets.push(delivery);
  const units = unitSheet(report); // 代表建议: units ranked, suggestions to handle again (R16, R17)
  if (units) sheets.push(units);
  return sheets;
}
