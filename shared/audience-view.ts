// What the public sees (/live/<code>): the audience page's view, and the audience part of the
// big screen's view. Pure functions of the meeting state and the counter's latest aggregates.
// Invariant (Y7, tested in audience-view.test.ts): nothing here names a deputy, and no figure
// of a round appears before that round is revealed; the audience page shows less than the
// big screen does (no live tallies, no turnout per deputy, no seat list).
import type { AudienceTally } from './audience-tally.js';
import type { AudienceGroup, AudiencePoll, ConsoleAudience } from './audience-state.js';
import { audienceItemOf, closedPoll } from './audience.js';
import { audienceFigure, combinedFigure, type AudienceFigure, type AudienceOpenView, type AudienceScreenView, type CombinedFigure } from './audience-figures.js';
import type { AgendaItem, ScaleId } from './model.js';
import type { ItemResult } from './rules/index.js';
import { meetingRanking, type RankingRow } from './outcome.js';
import type { SceneKind } from './scene.js';
import { timerView, type TimerView } from './segment-view.js';
import { itemById, type MeetingState, type Round } from './state.js';
import { focusRound, resultOf } from './views.js';

/** What the server knows besides the state: the counter's latest counts and whether it is up. */
export interface AudienceLive {
  /** pollId -> the latest aggregate read from the counter (open polls). */
  readonly counts: ReadonlyMap<string, AudienceTally>;
  readonly paused: boolean;
  readonly link: { code: string; url: string } | null;
}

export const NO_LIVE: AudienceLive = { counts: new Map(), paused: false, link: null };

/** A round's figures are public once it is closed and revealed; never earlier (Y7). */
const revealed = (r: Round | undefined | null): r is Round => !!r && r.status === 'closed' && r.revealed;

function latestRoundOf(s: MeetingState, itemId: string): Round | undefined {
  for (let i = s.roundOrder.length - 1; i >= 0; i--) {
    const r = s.rounds.get(s.roundOrder[i] ?? '');
    if (r && r.itemId === itemId && r.status !== 'voided') return r;
  }
  return undefined;
}

/** The rating item the screen is about: the focus item, or the segment on air's rating. */
function ratingOnAir(s: MeetingState): string | null {
  const r = focusRound(s);
  const id = r ? r.itemId : (s.currentItemId ?? s.rundown.cursor?.itemId ?? null);
  return id === null ? null : (audienceItemOf(s, id)?.id ?? null);
}

function openView(p: AudiencePoll, live: AudienceLive): AudienceOpenView {
  return {
    pollId: p.id,
    itemId: p.itemId,
    group: p.group,
    endsAt: p.endsAt,
    code: p.group === 'online' ? p.code : null,
    codeRequired: p.code !== null,
    n: live.counts.get(p.id)?.n ?? null,
  };
}

/** Y4, Y5: the closed polls' figures of the item on air and the combined figure, once its result is revealed. */
function figuresOf(s: MeetingState, itemId: string | null): { figures: AudienceFigure[]; combined: CombinedFigure | null } {
  const item = itemId === null ? undefined : itemById(s, itemId);
  if (!item || item.kind !== 'rating') return { figures: [], combined: null };
  const r = latestRoundOf(s, item.id);
  if (!revealed(r)) return { figures: [], combined: null };
  const fig = (g: AudienceGroup) => {
    const p = closedPoll(s, item.id, g);
    return p?.tally ? audienceFigure(item, p.id, g, p.tally) : null;
  };
  const online = fig('online');
  const onsite = fig('onsite');
  const deputies = resultOf(s, r);
  return {
    figures: [online, onsite].filter((f): f is AudienceFigure => f !== null),
    combined: online || onsite ? combinedFigure(item, deputies?.kind === 'rating' ? deputies : null, online, onsite) : null,
  };
}

export function audienceScreen(s: MeetingState, live: AudienceLive): AudienceScreenView {
  return {
    open: s.audience.filter((p) => p.status === 'open').map((p) => openView(p, live)),
    paused: live.paused,
    ...figuresOf(s, ratingOnAir(s)),
    link: live.link,
  };
}

// ---- the audience page -------------------------------------------------------------------------

/** An agenda item as the public may see it: no roster, no questioners, no settings. */
export interface PublicItem {
  id: string;
  kind: AgendaItem['kind'];
  title: string;
  /** Rating items: who is rated (departments and the officials answering; never deputies). */
  subjects: { id: string; name: string; person: string; title: string }[];
  scale: ScaleId | null;
  /** Projects items: the projects' names (the 公告 lists the adopted ones). */
  projects: { id: string; name: string }[];
}

export interface PublicSegment {
  department: string;
  person: { name: string; title: string };
  /** The question on air: its topic only (the asker is a deputy, Y7). */
  topic: string | null;
  questionIndex: number;
  questionCount: number;
  phase: string;
  timer: TimerView | null;
}

export interface AudienceView {
  serverNow: number;
  meeting: { title: string; date: string };
  scene: { kind: SceneKind; text: string | null };
  item: PublicItem | null;
  /** Voting is on in the chamber (its status only; no figure, no turnout). */
  voting: { endsAt: number | null; paused: boolean } | null;
  segment: PublicSegment | null;
  /** The item's result, once revealed. */
  result: ItemResult | null;
  ranking: RankingRow[];
  /** Open polls the page can rate in, with what to rate. */
  open: (AudienceOpenView & { item: PublicItem })[];
  paused: boolean;
  figures: AudienceFigure[];
  combined: CombinedFigure | null;
}

export function publicItem(item: AgendaItem): PublicItem {
  return {
    id: item.id,
    kind: item.kind,
    title: item.title,
    subjects: item.kind === 'rating' ? item.subjects.map((x) => ({ id: x.id, name: x.name, person: x.person, title: x.title })) : [],
    scale: item.kind === 'rating' ? item.settings.scale : null,
    projects: item.kind === 'projects' ? item.projects.map((x) => ({ id: x.id, name: x.name })) : [],
  };
}

function publicSegment(s: MeetingState, now: number): PublicSegment | null {
  const c = s.rundown.cursor;
  const item = c ? itemById(s, c.itemId) : undefined;
  if (!c || item?.kind !== 'segment') return null;
  const t = s.rundown.timer;
  return {
    department: item.department,
    person: { name: item.person.name, title: item.person.title },
    topic: item.questions[c.questionIndex]?.topic ?? null,
    questionIndex: c.questionIndex,
    questionCount: item.questions.length,
    phase: c.phase,
    timer: t && t.itemId === item.id ? timerView(t, now) : null,
  };
}

export function audienceView(s: MeetingState, now: number, live: AudienceLive): AudienceView {
  const r = focusRound(s);
  const item = itemById(s, r ? r.itemId : s.currentItemId) ?? null;
  const open = s.audience.filter((p) => p.status === 'open');
  return {
    serverNow: now,
    meeting: { title: s.info.title, date: s.info.date },
    scene: { kind: s.scene.kind, text: s.scene.kind === 'message' ? (s.scene.text ?? null) : null },
    item: item ? publicItem(item) : null,
    voting: r && (r.status === 'open' || r.status === 'paused') ? { endsAt: r.endsAt, paused: r.status === 'paused' } : null,
    segment: publicSegment(s, now),
    result: revealed(r) && item && item.kind !== 'segment' ? resultOf(s, r) : null,
    ranking: meetingRanking(s, resultOf, (_item, x) => revealed(x)),
    open: open.flatMap((p) => {
      const it = itemById(s, p.itemId);
      // The page never shows a code: it must come from the broadcast or the hall (Y3).
      return it ? [{ ...openView(p, live), code: null, item: publicItem(it) }] : [];
    }),
    paused: live.paused,
    ...figuresOf(s, ratingOnAir(s)),
  };
}

/** The console's audience panel: every poll with its code (the hall's too) and its count. */
export type { ConsoleAudience };

export function consoleAudience(s: MeetingState, live: AudienceLive): ConsoleAudience {
  return {
    polls: s.audience.map(({ tally, ...p }) => ({ ...p, n: tally?.n ?? live.counts.get(p.id)?.n ?? null })),
    paused: live.paused,
    link: live.link,
  };
}
