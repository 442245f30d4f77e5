// What a public edge needs to take audience ratings without the meeting's record (SPEC Y9):
// the open polls with their scale, subjects and code, published by the core beside the page's
// view (the AudienceRecord). The same check runs on the core's /live and on every edge, so a
// rating is judged alike wherever it arrives.
import type { AudienceMark } from './audience-tally.js';
import type { AudienceGroup } from './audience-state.js';
import { audienceItemOf } from './audience.js';
import type { AudienceView } from './audience-view.js';
import type { ScaleId } from './model.js';
import type { ErrorCode } from './protocol.js';
import type { RatePayload } from './live-protocol.js';
import { err, ok, type Result } from './result.js';
import { checkRatingBallot } from './rules/rating.js';
import { levelOf, scaleOf } from './rules/scales.js';
import type { MeetingState } from './state.js';

/** An open poll as a public edge holds it: enough to check a rating, nothing of the record. */
export interface LivePoll {
  readonly id: string;
  readonly itemId: string;
  readonly group: AudienceGroup;
  readonly status: 'open' | 'closed';
  readonly endsAt: number | null;
  /** The code a rating must carry (online: shown on TV; onsite: in the hall), or null. */
  readonly code: string | null;
  readonly scale: ScaleId;
  readonly subjects: readonly string[];
}

/** What the core publishes for a meeting's audience page: numbered, the newest wins on an edge. */
export interface AudienceRecord {
  meeting: string;
  /** The core's run (random at each start) and the record's number in it. */
  run: string;
  seq: number;
  /** The meeting's public code (/live/<code>). */
  code: string;
  view: AudienceView;
  polls: LivePoll[];
}

export function livePolls(s: MeetingState): LivePoll[] {
  return s.audience.flatMap((p) => {
    const item = audienceItemOf(s, p.itemId);
    return item ? [{ id: p.id, itemId: p.itemId, group: p.group, status: p.status, endsAt: p.endsAt, code: p.code, scale: item.settings.scale, subjects: item.subjects.map((x) => x.id) }] : [];
  });
}

/** Y3, Y9: a rating's marks for the counter, or why it is refused before the counter is asked. */
export function ratingMarks(polls: readonly LivePoll[], p: RatePayload, now: number): Result<AudienceMark[], ErrorCode> {
  const poll = polls.find((x) => x.id === p.pollId);
  if (!poll) return err('NOT_FOUND');
  if (poll.status !== 'open' || (poll.endsAt !== null && now >= poll.endsAt)) return err('ROUND_CLOSED');
  if (poll.code !== null && p.code !== poll.code) return err('WRONG_CODE');
  const item = { settings: { scale: poll.scale }, subjects: poll.subjects.map((id) => ({ id })) };
  const valid = checkRatingBallot(item, { kind: 'rating', ratings: p.ratings });
  if (!valid.ok) return err(valid.error);
  const scale = scaleOf(poll.scale);
  return ok(
    Object.entries(p.ratings).map(([subjectId, v]) => ({
      subjectId,
      level: levelOf(scale, v) ?? '',
      value: scale.id === 'score' && typeof v === 'number' ? v : 0,
    })),
  );
}
