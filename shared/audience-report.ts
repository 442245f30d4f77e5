// The audience's figures as the record prints them (SPEC Y20): for each rating item with a
// closed audience poll, 网络评议 and 现场观众 each (how many took part, per subject each level's
// count, 满意率 and score) and, where the item's settings say so, the combined figure with its
// weights. A part of its own beside the deputies' result, never inside it: the exports, the
// 测评结果通报 and the console's report print it under its own heading (Y2 keeps the deputies'
// part the same with or without it).
import { audienceFigure, combinedFigure, type AudienceFigure, type CombinedFigure } from './audience-figures.js';
import type { AudienceGroup } from './audience-state.js';
import type { RatingItem, ScaleId } from './model.js';
import { outcomeOf, type Tally } from './outcome.js';
import type { MeetingState } from './state.js';

export interface AudienceRecord {
  itemId: string;
  itemTitle: string;
  scale: ScaleId;
  /** The closed polls' figures: online (网络评议) first, then onsite (现场观众). */
  figures: AudienceFigure[];
  /** Y5: null where the item has no `combine` setting. Its deputies' part is the item's decisive outcome, once closed. */
  combined: CombinedFigure | null;
}

const GROUPS: readonly AudienceGroup[] = ['online', 'onsite'];

/** The latest closed poll of a group on an item (as audience.ts closedPoll; not imported from
 *  there, which brings the command protocol and through it the views back here). */
function closedPoll(s: MeetingState, itemId: string, g: AudienceGroup) {
  return s.audience.findLast((p) => p.itemId === itemId && p.group === g && p.status === 'closed') ?? null;
}

/** The audience part of one rating item, or null when no audience poll of it has closed. */
export function audienceRecordOf(s: MeetingState, item: RatingItem, tally: Tally): AudienceRecord | null {
  const figures = GROUPS.flatMap((g) => {
    const p = closedPoll(s, item.id, g);
    return p?.tally ? [audienceFigure(item, p.id, g, p.tally)] : [];
  });
  if (figures.length === 0) return null;
  const o = outcomeOf(s, item.id, tally);
  const decided = o.lastRound?.status === 'closed' && o.result?.kind === 'rating' ? o.result : null;
  const of = (g: AudienceGroup) => figures.find((f) => f.group === g) ?? null;
  return { itemId: item.id, itemTitle: item.title, scale: item.settings.scale, figures, combined: combinedFigure(item, decided, of('online'), of('onsite')) };
}

/** Every rating item's audience part, in agenda order. */
export function audienceRecords(s: MeetingState, tally: Tally): AudienceRecord[] {
  return s.agenda.flatMap((item) => {
    const r = item.kind === 'rating' ? audienceRecordOf(s, item, tally) : null;
    return r ? [r] : [];
  });
}
