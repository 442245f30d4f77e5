// 网络评议 and 现场观众: audience polls on a rating item, opened and closed by the moderator
// through the normal command path (journaled, audited). The state keeps which polls exist and,
// once closed, the count the core read from the counter; never a device id, never a deputy.
// Rules: docs/SPEC.md Y1..Y8.
import type { AudienceTally } from './audience-tally.js';
import type { AudienceGroup, AudiencePoll } from './audience-state.js';
import type { MeetingEvent } from './events.js';
import type { RatingItem } from './model.js';
import type { Command, ErrorCode } from './protocol.js';
import { err, ok, type Result } from './result.js';
import { ratingItemOf } from './segment-view.js';
import { itemById, type MeetingState } from './state.js';
import { assertNever } from './never.js';
import { isSuggestionItem } from './suggestions/rules.js';

export const openPolls = (s: MeetingState): AudiencePoll[] => s.audience.filter((p) => p.status === 'open');

/** The rating item an audience poll is about: the item itself, or a segment's linked rating. */
export function audienceItemOf(s: MeetingState, itemId: string): RatingItem | null {
  const item = itemById(s, itemId);
  if (!item) return null;
  if (item.kind === 'rating') return item;
  if (item.kind === 'segment') return ratingItemOf(s, item) ?? null;
  return null;
}

/** The latest closed poll of a group on an item: the one whose figure counts (Y4). */
export function closedPoll(s: MeetingState, itemId: string, group: AudienceGroup): AudiencePoll | null {
  for (let i = s.audience.length - 1; i >= 0; i--) {
    const p = s.audience[i];
    if (p && p.itemId === itemId && p.group === group && p.status === 'closed') return p;
  }
  return null;
}

export type AudienceCommand = Extract<Command, { type: 'audienceOpen' | 'audienceClose' }>;

/** A four-digit code from the poll's random id: the decision stays pure. */
export function codeFromId(id: string): string {
  let h = 0;
  for (const ch of id) h = (h * 31 + ch.charCodeAt(0)) % 1_000_000_007;
  return String(h % 10_000).padStart(4, '0');
}

/**
 * Y1: one open poll per group at a time, on a rating item, once per item and group (a closed
 * poll's figure stands, as a decided vote does). Y4: closing needs the counter's final count,
 * which the server reads after sealing the poll (`tally`); without it the close is refused.
 */
export function decideAudience(
  s: MeetingState,
  c: AudienceCommand,
  now: number,
  newId: () => string,
  tally: (pollId: string) => AudienceTally | undefined,
): Result<MeetingEvent[], ErrorCode> {
  switch (c.type) {
    case 'audienceOpen': {
      const item = audienceItemOf(s, c.itemId);
      if (!itemById(s, c.itemId)) return err('NOT_FOUND');
      if (!item || isSuggestionItem(item)) return err('WRONG_KIND'); // R14: suggestions are rated by their own deputies only
      if (openPolls(s).some((p) => p.group === c.group)) return err('ROUND_ACTIVE');
      if (s.audience.some((p) => p.itemId === item.id && p.group === c.group)) return err('ROUND_CLOSED');
      const sec = c.seconds ?? item.settings.countdownSec;
      const pollId = newId();
      return ok([
        {
          t: 'audience.opened',
          at: now,
          pollId,
          itemId: item.id,
          group: c.group,
          endsAt: sec > 0 ? now + sec * 1000 : null,
          ...(c.withCode ? { code: codeFromId(pollId) } : {}),
        },
      ]);
    }
    case 'audienceClose': {
      const p = s.audience.find((x) => x.id === c.pollId);
      if (!p) return err('NOT_FOUND');
      if (p.status === 'closed') return ok([]);
      const t = tally(p.id);
      if (!t) return err('AUDIENCE_PAUSED');
      return ok([{ t: 'audience.closed', at: now, pollId: p.id, by: 'moderator', tally: t }]);
    }
    default:
      return assertNever(c, 'audience command');
  }
}

/** A poll's countdown ran out: close it with the counter's final count, if it is still open and its time is up. */
export function decideAudienceTimer(s: MeetingState, pollId: string, now: number, tally: AudienceTally): MeetingEvent[] {
  const p = s.audience.find((x) => x.id === pollId);
  if (!p || p.status !== 'open' || p.endsAt === null || now < p.endsAt) return [];
  return [{ t: 'audience.closed', at: now, pollId, by: 'timer', tally }];
}
