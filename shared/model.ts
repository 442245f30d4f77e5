// The meeting model: what a meeting, its roster and its agenda are, as zod schemas.
// Both sides import these; types come from z.infer so there is one truth.
import { z } from 'zod';
import { Suggestion } from './suggestions/model.js';

export const Id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);
export type Id = z.infer<typeof Id>;

const Text = (max: number) => z.string().trim().min(1).max(max);

export const Deputy = z.strictObject({
  id: Id,
  name: Text(40),
  group: z.string().trim().max(40).default(''), // 代表团 / 组
  seat: z.string().trim().max(20).default(''),
});
export type Deputy = z.infer<typeof Deputy>;

/** Which count a pass rule divides: the whole roster, those present, or the ballots cast. */
export const Base = z.enum(['roster', 'present', 'cast']);
export type Base = z.infer<typeof Base>;
/** more than half, or at least two thirds. */
export const Threshold = z.enum(['half', 'twoThirds']);
export type Threshold = z.infer<typeof Threshold>;
/** live: tallies shown while voting; turnout: only turnout until close; hidden: nothing until revealed. */
export const Visibility = z.enum(['live', 'turnout', 'hidden']);
export type Visibility = z.infer<typeof Visibility>;

/** k of a secret vote's running tally (SPEC W7): default, and the smallest an item may set. */
export const LIVE_BATCH_DEFAULT = 10;
export const LIVE_BATCH_MIN = 5;

const CommonSettings = {
  secret: z.boolean().default(true),
  visibility: Visibility.default('turnout'),
  /** A deputy may replace their ballot until the vote closes. */
  allowChange: z.boolean().default(false),
  /** Countdown in seconds offered when the vote starts; 0 = none. */
  countdownSec: z.number().int().min(0).max(3600).default(60),
  /**
   * Secret and live: the running tally moves in steps of this many ballots (SPEC W7). Absent:
   * LIVE_BATCH_DEFAULT (optional rather than defaulted, so items stored before it read the same).
   */
  liveBatch: z.number().int().min(LIVE_BATCH_MIN).max(1000).optional(),
  /**
   * A vote started without quorum is not valid (Q3): its outcome is 未达法定人数, neither
   * passed nor failed. false: the item's rule counts it anyway (still marked). Optional (read
   * as true) so that items written before the setting existed need no migration.
   */
  quorumRequired: z.boolean().optional(),
};

export const MotionSettings = z.strictObject({
  ...CommonSettings,
  base: Base.default('roster'),
  threshold: Threshold.default('half'),
});
export type MotionSettings = z.infer<typeof MotionSettings>;

export const Project = z.strictObject({
  id: Id,
  name: Text(120),
  department: z.string().trim().max(60).default(''),
  budget: z.string().trim().max(40).default(''), // free text as printed, e.g. "3200 万元"
  deadline: z.string().trim().max(40).default(''),
});
export type Project = z.infer<typeof Project>;

export const ProjectsSettings = z.strictObject({
  ...CommonSettings,
  /** select: 差额选择, tick at most N. each: 逐项表决, for/against/abstain on every project. */
  form: z.enum(['select', 'each']).default('select'),
  /** N, the number of projects to adopt. */
  adopt: z.number().int().min(1).max(200),
  base: Base.default('roster'),
  threshold: Threshold.default('half'),
});
export type ProjectsSettings = z.infer<typeof ProjectsSettings>;

export const ScaleId = z.enum(['three', 'four', 'score', 'competence']);
export type ScaleId = z.infer<typeof ScaleId>;

export const RatingSettings = z.strictObject({
  ...CommonSettings,
  scale: ScaleId.default('three'),
  /** Weight of each level for the weighted score, by level key; defaults per scale in rules/scales.ts. */
  weights: z.record(z.string(), z.number().min(0).max(100)).optional(),
  /** A subject whose 不满意 share is above this fraction is flagged for rectification (整改). */
  flagAbove: z.number().min(0).max(1).default(0.2),
  /** Order of the item's subjects and of the meeting ranking it joins: weighted score or 满意率 (R10). */
  rankBy: z.enum(['score', 'satisfaction']).optional(),
  /**
   * How its subjects enter the meeting's 排名 (R11): `item` ranked within this item only;
   * `latest` a subject rated in several items is ranked by its latest rating; `mean` by the
   * mean of its ratings. One row per subject either way. Unset: `latest`; rankBy unset: score.
   */
  ranking: z.enum(['latest', 'mean', 'item']).optional(),
  /**
   * The combined figure (SPEC Y5): weights in percent of the deputies', the online audience's
   * (网络评议) and the hall audience's (现场观众) figures, summing to 100. Unset: no combined
   * figure; each audience figure still stands on its own.
   */
  combine: z
    .strictObject({
      deputies: z.number().int().min(0).max(100),
      online: z.number().int().min(0).max(100),
      onsite: z.number().int().min(0).max(100).default(0),
    })
    .refine((w) => w.deputies + w.online + w.onsite === 100, { message: 'weights must sum to 100' })
    .optional(),
});
export type RatingSettings = z.infer<typeof RatingSettings>;

export const Subject = z.strictObject({
  id: Id,
  name: Text(60), // department or official rated
  person: z.string().trim().max(40).default(''), // the person answering, e.g. 李某某
  title: z.string().trim().max(60).default(''), // their title, e.g. 市住建局局长
});
export type Subject = z.infer<typeof Subject>;

const ItemCommon = {
  id: Id,
  title: Text(120),
  description: z.string().trim().max(2000).default(''),
};

export const MotionItem = z.strictObject({ ...ItemCommon, kind: z.literal('motion'), settings: MotionSettings });
export const ProjectsItem = z.strictObject({
  ...ItemCommon,
  kind: z.literal('projects'),
  settings: ProjectsSettings,
  projects: z.array(Project).min(1).max(200),
});
/**
 * 回头看: a subject of a later rating re-rates a department on an earlier rectification case; the
 * earlier figures are copied in when the item is made (shared/supervision/review.ts), so the
 * meeting's record shows before and after without reading the supervision journal.
 */
export const ReviewOf = z.strictObject({
  subjectId: Id,
  caseId: Id,
  meetingTitle: z.string().trim().max(120),
  itemTitle: z.string().trim().max(120),
  satisfactionRate: z.number().min(0).max(1).nullable(),
  score: z.number().min(0).max(100).nullable(),
});
export type ReviewOf = z.infer<typeof ReviewOf>;

/**
 * 民生实事 delivery rating: a subject of a year-end rating rates a tracked project (U25); the vote
 * that adopted it is copied in, so the meeting's record links the rating back to the vote.
 */
export const DeliveryOf = z.strictObject({
  subjectId: Id,
  trackedId: Id,
  meetingId: Id,
  meetingTitle: z.string().trim().max(120),
  itemId: Id,
  itemTitle: z.string().trim().max(120),
  votes: z.number().int().nonnegative(),
  rank: z.number().int().positive(),
});
export type DeliveryOf = z.infer<typeof DeliveryOf>;

export const RatingItem = z.strictObject({
  ...ItemCommon,
  kind: z.literal('rating'),
  settings: RatingSettings,
  subjects: z.array(Subject).min(1).max(100),
  /** 回头看 links, one per re-rated subject (U15). */
  reviews: z.array(ReviewOf).max(100).optional(),
  /** Year-end delivery links, one per rated tracked project (U25). */
  deliveries: z.array(DeliveryOf).max(100).optional(),
  /** 代表建议办理满意度: each subject is a suggestion, rated only by its own deputies (R14..R18). */
  suggestions: z.array(Suggestion).max(100).optional(),
});
/** Evidence shown on the big screen before a question: an uploaded file (server/media.ts). */
export const Evidence = z.strictObject({ mediaId: Id, type: z.enum(['image', 'video']) });
export type Evidence = z.infer<typeof Evidence>;

/** One question of a questioning segment, in the order it is put. */
export const SegmentQuestion = z.strictObject({
  id: Id,
  /** The asking deputy's name as said on air, e.g. 王某某. */
  asker: Text(40),
  /** The deputy on the roster, when the asker is one. */
  deputyId: Id.optional(),
  topic: Text(60),
  text: z.string().trim().max(1000).default(''),
  /** Time allowed for the question and for the answer (seconds). */
  questionSec: z.number().int().min(10).max(3600).default(120),
  answerSec: z.number().int().min(10).max(3600).default(180),
  evidence: Evidence.optional(),
});
export type SegmentQuestion = z.infer<typeof SegmentQuestion>;

/**
 * 问政环节: a department head takes the stand and answers deputies' questions. It takes no
 * ballots; the satisfaction rating that ends it is its own rating item, named by ratingItemId
 * (one subject: the department), so ratings, results and the ranking work as for any rating.
 */
export const SegmentItem = z.strictObject({
  ...ItemCommon,
  kind: z.literal('segment'),
  department: Text(60),
  person: z.strictObject({ name: Text(40), title: z.string().trim().max(60).default('') }),
  questions: z.array(SegmentQuestion).min(1).max(50),
  ratingItemId: Id.optional(),
});

export const AgendaItem = z.discriminatedUnion('kind', [MotionItem, ProjectsItem, RatingItem, SegmentItem]);
export type SegmentItem = z.infer<typeof SegmentItem>;
/** The items that take ballots: every kind but the questioning segment. */
export type VotableItem = MotionItem | ProjectsItem | RatingItem;
export type MotionItem = z.infer<typeof MotionItem>;
export type ProjectsItem = z.infer<typeof ProjectsItem>;
export type RatingItem = z.infer<typeof RatingItem>;
export type AgendaItem = z.infer<typeof AgendaItem>;
export type ItemKind = AgendaItem['kind'];

/** An IANA time zone name that this runtime's Intl knows (times in the documents and exports). */
export const TimeZone = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  });
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

export const MeetingSettings = z.strictObject({
  /** Quorum for check-in: more than half of the roster, or two thirds. */
  quorum: Threshold.default('half'),
  /** 会议地点, printed on the report. */
  place: z.string().trim().max(60).optional(),
  /** The body that issues the 公告, e.g. ××县第×届人民代表大会第×次会议主席团. */
  issuer: z.string().trim().max(80).optional(),
  /** Number of the meeting's first 公告 (公告 第N号); the next notices count on from it. */
  noticeFrom: z.number().int().min(1).max(9999).optional(),
  /** Times in the exports and documents; default Asia/Shanghai. */
  timeZone: TimeZone.optional(),
});
export type MeetingSettings = z.infer<typeof MeetingSettings>;

export const MeetingInfo = z.strictObject({
  id: Id,
  title: Text(120),
  date: z.string().trim().max(40).default(''),
  settings: MeetingSettings.default({ quorum: 'half' }),
});
export type MeetingInfo = z.infer<typeof MeetingInfo>;

// ---- ballots -------------------------------------------------------------------------------

export const MotionChoice = z.enum(['for', 'against', 'abstain']);
export type MotionChoice = z.infer<typeof MotionChoice>;

/** What a deputy marked. Ids inside are checked against the item by rules/validate.ts. */
export const BallotContent = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('motion'), choice: MotionChoice }),
  z.strictObject({ kind: z.literal('select'), picks: z.array(Id).max(200) }),
  z.strictObject({ kind: z.literal('each'), choices: z.record(Id, MotionChoice) }),
  z.strictObject({
    kind: z.literal('rating'),
    // level key for a level scale, or an integer 0..100 for the score scale
    ratings: z.record(Id, z.union([z.string().min(1).max(20), z.number().int().min(0).max(100)])),
  }),
]);
export type BallotContent = z.infer<typeof BallotContent>;

/** A counted ballot as the rules see it. `deputyId` is present only for named (记名) votes. */
export interface Ballot {
  readonly receipt: string;
  readonly content: BallotContent;
  readonly deputyId?: string;
  /** 128 random bits (hex) in the ballot's commitment leaf (commitment.ts); never published for a secret vote. Absent in data from before salts. */
  readonly salt?: string;
  /** SHA-256 (hex) of the change key only the casting phone holds (allowChange, decide.ts V6). */
  readonly keyHash?: string;
}

/** A ballot's salt: 16 random bytes as hex. */
export const Salt = z.string().regex(/^[0-9a-f]{32}$/);
/** A SHA-256 as hex (a change key's hash). */
export const Hex64 = z.string().regex(/^[0-9a-f]{64}$/);

/** A result entered by hand when devices fail (举手表决): counts only, marked manual everywhere. */
export const ManualCounts = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('motion'),
    for: z.number().int().min(0).max(100_000),
    against: z.number().int().min(0).max(100_000),
    abstain: z.number().int().min(0).max(100_000),
  }),
  z.strictObject({
    kind: z.literal('projects'),
    votes: z.record(Id, z.number().int().min(0).max(100_000)),
  }),
  z.strictObject({
    kind: z.literal('rating'),
    counts: z.record(Id, z.record(z.string(), z.number().int().min(0).max(100_000))),
  }),
]);
export type ManualCounts = z.infer<typeof ManualCounts>;
