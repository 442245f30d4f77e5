// The live data feed for broadcast graphics (vMix data sources, CasparCG templates, …): the
// current item and its figures as a JSON document and as a CSV table with fixed columns.
// It is built from the ScreenView, so it never shows a figure the big screen may not show.
// Field layout: docs/FEED.md (version FEED_VERSION; fields are only ever added).
import { motionLabel, ruleLabel, unfilledNotes } from './labels.js';
import type { ItemResult } from './rules/index.js';
import type { ScreenView } from './views.js';
import { assertNever } from './never.js';

export const FEED_VERSION = 1;

/** One line of figures; the CSV has exactly these columns, in this order. */
export interface FeedRow {
  type: 'meeting' | 'scene' | 'item' | 'round' | 'turnout' | 'count' | 'choice' | 'outcome' | 'rule' | 'project' | 'subject' | 'level' | 'weight' | 'ranking' | 'audience' | 'combined' | 'unit';
  id: string;
  name: string;
  value: number | null;
  /** A fraction 0..1, four decimals; null where no share applies. */
  share: number | null;
  rank: number | null;
  status: string;
}
export const FEED_COLUMNS = ['type', 'id', 'name', 'value', 'share', 'rank', 'status'] as const;

export interface FeedDoc {
  feed: typeof FEED_VERSION;
  generatedAt: number;
  meeting: { id: string; title: string; date: string };
  scene: { kind: string; text: string | null };
  item: { id: string; kind: string; title: string } | null;
  round: { id: string; status: string; revealed: boolean; manual: boolean; endsAt: number | null; remainingSec: number | null; voterCount: number } | null;
  turnout: ScreenView['turnout'];
  /** Whether the item's figures may be shown now (its visibility setting); rows hold them. */
  visible: boolean;
  /** The figures: counts, then per choice, project or subject. Empty while not visible. */
  rows: FeedRow[];
  /** 排名 of every rated subject whose result may be shown. */
  ranking: FeedRow[];
  /** A rehearsal (彩排) is running: graphics may mark it; its figures are cleared when it ends (SPEC J). */
  rehearsal: boolean;
  /** Y20: 网络评议 / 现场观众 and the combined figure, apart from `rows` (the deputies' result): what the big screen shows of them. */
  audience: FeedRow[];
}

/** Every share in the feed: a fraction with four decimals (docs/FEED.md). */
const round4 = (x: number | null): number | null => (x === null ? null : Math.round(x * 10_000) / 10_000);
const share = (n: number, of: number): number | null => (of > 0 ? round4(n / of) : null);
const row = (type: FeedRow['type'], id: string, value: number | null, more: Partial<FeedRow> = {}): FeedRow => ({
  type,
  id,
  name: '',
  value,
  share: null,
  rank: null,
  status: '',
  ...more,
});

/** The rule that decided the projects: threshold over a base, or a run-off's own (P12). */
function ruleRow(r: Extract<ItemResult, { kind: 'projects' }>): FeedRow {
  const rule = ruleLabel(r);
  return rule.key === 'runoff' ? row('rule', 'runoff', rule.seats, { status: 'runoff' }) : row('rule', rule.key, rule.needed, { status: rule.base });
}

function figureRows(view: ScreenView, r: ItemResult): FeedRow[] {
  const counts = [row('count', 'cast', r.cast), row('count', 'notVoted', r.notVoted)];
  switch (r.kind) {
    case 'motion':
      return [
        ...counts,
        ...(['for', 'against', 'abstain'] as const).map((k) => row('choice', k, r[k], { share: share(r[k], r.cast) })),
        row('outcome', 'passed', r.passed ? 1 : 0, { status: motionLabel(r) }),
        row('outcome', 'needed', r.needed),
        row('rule', r.threshold, r.needed, { status: r.baseRule }),
      ];
    case 'projects': {
      const names = new Map(view.item?.kind === 'projects' ? view.item.projects.map((p) => [p.id, p.name]) : []);
      return [
        ...counts,
        row('count', 'valid', r.valid),
        row('count', 'invalid', r.invalid),
        row('outcome', 'adopted', r.adopted.length, r.noQuorum ? { status: 'noQuorum' } : {}),
        row('outcome', 'unfilled', r.unfilled),
        ...unfilledNotes(r).map((n) => row('outcome', `unfilled.${n.cause}`, n.count)),
        ruleRow(r),
        ...r.projects.map((p) => row('project', p.projectId, p.votes, { name: names.get(p.projectId) ?? '', share: share(p.votes, r.valid), rank: p.rank, status: p.status })),
      ];
    }
    case 'rating': {
      const names = new Map(view.item?.kind === 'rating' ? view.item.subjects.map((x) => [x.id, x.name]) : []);
      return [
        ...counts,
        row('count', 'valid', r.valid),
        row('count', 'invalid', r.invalid),
        ...(r.noQuorum ? [row('outcome', 'noQuorum', 1, { status: 'noQuorum' })] : []),
        ...r.weights.map((w) => row('weight', w.level, w.weight, { name: w.level })),
        row('rule', 'flagAbove', null, { share: round4(r.flagAbove) }),
        row('rule', 'rankBy', null, { status: r.rankBy }),
        // R16: a suggestions item goes out as its 主办单位 (its subjects are withheld, R15).
        ...(r.units ?? []).map((u) => row('unit', u.unit, u.score, { name: u.unit, share: round4(u.satisfactionRate), rank: u.rank, status: u.reopened > 0 ? 'reopened' : '' })),
        ...r.subjects.flatMap((x) => [
          row('subject', x.subjectId, x.score, { name: names.get(x.subjectId) ?? '', share: round4(x.satisfactionRate), rank: x.rank, status: x.flagged ? 'flagged' : '' }),
          ...x.levels.map((l) => row('level', `${x.subjectId}.${l.level}`, l.count, { name: l.level, share: round4(l.share) })),
        ]),
      ];
    }
    default: {
      return assertNever(r, 'result');
    }
  }
}

export function feedOf(view: ScreenView): FeedDoc {
  const { round, item } = view;
  const figures = view.outcome ?? view.result;
  const remaining = round?.status === 'paused' ? round.pausedRemainingMs : round?.endsAt != null ? Math.max(0, round.endsAt - view.serverNow) : null;
  return {
    feed: FEED_VERSION,
    generatedAt: view.serverNow,
    meeting: { id: view.meeting.id, title: view.meeting.title, date: view.meeting.date },
    scene: { kind: view.scene.kind, text: view.scene.text ?? null },
    item: item ? { id: item.id, kind: item.kind, title: item.title } : null,
    round: round
      ? {
          id: round.id,
          status: round.status,
          revealed: round.revealed,
          manual: round.manual,
          endsAt: round.endsAt,
          remainingSec: remaining == null ? null : Math.ceil(remaining / 1000),
          voterCount: round.voterCount,
        }
      : null,
    turnout: view.turnout,
    visible: figures !== null && figures !== undefined,
    rows: figures ? figureRows(view, figures) : [],
    ranking: [
      ...(view.ranking ?? []).map((x) =>
        row('ranking', x.subjectId, x.score, { name: x.name, share: round4(x.satisfactionRate), rank: x.rank, status: x.flagged ? 'flagged' : '' }),
      ),
      ...rankingBasis(view.ranking ?? []),
    ],
    rehearsal: view.rehearsal != null,
    audience: audienceRows(view),
  };
}

/**
 * Y20: an open poll's participants so far (and seconds left), then each closed poll's figures and
 * the combined one, as the big screen shows them (after the deputies' result is revealed, Y4).
 */
function audienceRows(view: ScreenView): FeedRow[] {
  const a = view.audience;
  if (!a) return [];
  const open = a.open.flatMap((p) => [
    row('audience', p.group, p.n, { status: a.paused ? 'paused' : 'open' }),
    ...(p.endsAt === null ? [] : [row('audience', `${p.group}.remainingSec`, Math.max(0, Math.ceil((p.endsAt - view.serverNow) / 1000)))]),
  ]);
  const figures = a.figures.flatMap((f) => [
    row('audience', f.group, f.n, { status: 'closed' }),
    ...f.subjects.flatMap((x) => [
      row('audience', `${f.group}.${x.subjectId}`, x.score, { name: x.name, share: round4(x.satisfactionRate) }),
      ...x.levels.map((l) => row('audience', `${f.group}.${x.subjectId}.${l.level}`, l.count, { name: l.level, share: share(l.count, x.rated) })),
    ]),
  ]);
  const c = a.combined;
  const combined = c
    ? [
        ...(['deputies', 'online', 'onsite'] as const).map((k) => row('combined', `weight.${k}`, c.weights[k])),
        ...c.subjects.map((x) => row('combined', x.subjectId, x.score, { name: x.name, share: round4(x.satisfactionRate) })),
      ]
    : [];
  return [...open, ...figures, ...combined];
}

/**
 * What the ranking's scores were made with (R7, R9, R11): its rule, then each distinct set of
 * weights and 整改 line among its rows, `name` listing the subjects scored with that set.
 */
function rankingBasis(ranking: NonNullable<ScreenView['ranking']>): FeedRow[] {
  const first = ranking[0];
  if (!first) return [];
  const sets = new Map<string, { weights: (typeof first)['weights']; flagAbove: number; ids: string[] }>();
  for (const x of ranking) {
    const key = JSON.stringify([x.weights, x.flagAbove]);
    const set = sets.get(key) ?? { weights: x.weights, flagAbove: x.flagAbove, ids: [] };
    set.ids.push(x.subjectId);
    sets.set(key, set);
  }
  return [
    row('rule', 'ranking.rankBy', null, { status: first.rule.rankBy }),
    row('rule', 'ranking.combine', null, { status: first.rule.combine }),
    ...[...sets.values()].flatMap((set) => [
      ...set.weights.map((w) => row('weight', `ranking.${w.level}`, w.weight, { name: set.ids.join(' ') })),
      row('rule', 'ranking.flagAbove', null, { share: round4(set.flagAbove), name: set.ids.join(' ') }),
    ]),
  ];
}

/** The header rows of the CSV: who, what and where, before the figures. */
function contextRows(doc: FeedDoc): FeedRow[] {
  const t = doc.turnout;
  return [
    row('meeting', doc.meeting.id, null, { name: doc.meeting.title, status: doc.meeting.date }),
    ...(doc.rehearsal ? [row('meeting', 'rehearsal', 1, { status: 'rehearsal' })] : []),
    row('scene', doc.scene.kind, null, { name: doc.scene.text ?? '' }),
    ...(doc.item ? [row('item', doc.item.id, null, { name: doc.item.title, status: doc.item.kind })] : []),
    ...(doc.round ? [row('round', doc.round.id, doc.round.remainingSec, { status: doc.round.status })] : []),
    row('turnout', 'roster', t.roster),
    row('turnout', 'present', t.present, { share: share(t.present, t.roster) }),
    row('turnout', 'absent', t.absent),
    row('turnout', 'quorumNeeded', t.quorumNeeded),
    row('turnout', 'quorum', t.quorum ? 1 : 0, { status: t.quorum ? 'met' : 'notMet' }),
    ...(doc.round ? [row('count', 'voted', doc.round.voterCount)] : []),
  ];
}

/**
 * The feed as a table, header first. server/feed.ts writes it as CSV with the one CSV writer
 * (server/csv.ts: BOM, RFC 4180 quoting, formulas defused): that writer's package brings Node's
 * types, which shared/ does not see.
 */
export function feedTable(doc: FeedDoc): (string | number | null)[][] {
  const rows = [...contextRows(doc), ...doc.rows, ...doc.ranking, ...doc.audience];
  return [[...FEED_COLUMNS], ...rows.map((r) => FEED_COLUMNS.map((c) => r[c]))];
}
