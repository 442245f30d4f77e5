// Year-end delivery rating (U25, U26): a rating item made from tracked projects, one subject per
// project, each carrying the vote that adopted it (model.ts DeliveryOf); and, once such an item's
// round is closed and may be shown, each project's 满意率 and score read back from the meeting.
// Pure: the server hands in the meetings' states and the tally.
import { RatingItem, type ScaleId } from '../model.js';
import { outcomeOf, type Tally } from '../outcome.js';
import type { MeetingState } from '../state.js';
import type { TrackedProject } from './projects-state.js';

/** The subject id a tracked project gets on a delivery item: stable, short, a valid Id. */
export const deliverySubjectId = (p: TrackedProject) => `dl-${p.id}`;

/** [U25] A rating item proposal rating these projects' delivery, each linked back to its vote. */
export function deliveryItem(projects: readonly TrackedProject[], itemId: string, title: string, scale?: ScaleId): RatingItem {
  return RatingItem.parse({
    id: itemId,
    kind: 'rating',
    title,
    description: '',
    settings: scale ? { scale } : {},
    subjects: projects.map((p) => ({ id: deliverySubjectId(p), name: p.details.name.slice(0, 60), person: p.details.department, title: '' })),
    deliveries: projects.map((p) => ({
      subjectId: deliverySubjectId(p),
      trackedId: p.id,
      meetingId: p.adoptedBy.meetingId,
      meetingTitle: p.adoptedBy.meetingTitle,
      itemId: p.adoptedBy.itemId,
      itemTitle: p.adoptedBy.itemTitle,
      votes: p.adoptedBy.votes,
      rank: p.adoptedBy.rank,
    })),
  });
}

export interface DeliveryRating {
  readonly trackedId: string;
  readonly meetingId: string;
  readonly meetingTitle: string;
  readonly itemId: string;
  readonly itemTitle: string;
  readonly satisfactionRate: number | null;
  readonly score: number | null;
  readonly valid: number;
  /** When the round closed: a project rated twice shows its latest rating. */
  readonly closedAt: number;
}

/** [U26] Every delivery rating whose round is closed and may be shown (`tally` decides what may). */
export function deliveryRatings(meetings: readonly MeetingState[], tally: Tally): DeliveryRating[] {
  return meetings.flatMap((s) =>
    s.agenda.flatMap((item): DeliveryRating[] => {
      if (item.kind !== 'rating' || !item.deliveries?.length) return [];
      const o = outcomeOf(s, item.id, tally);
      if (o.lastRound?.status !== 'closed' || o.result?.kind !== 'rating' || o.result.noQuorum) return [];
      const { result, lastRound } = o;
      return item.deliveries.flatMap((d): DeliveryRating[] => {
        const x = result.subjects.find((y) => y.subjectId === d.subjectId);
        if (!x) return [];
        const at = lastRound.closedAt ?? lastRound.startedAt;
        return [{ trackedId: d.trackedId, meetingId: s.info.id, meetingTitle: s.info.title, itemId: item.id, itemTitle: item.title, satisfactionRate: x.satisfactionRate, score: x.score, valid: x.valid, closedAt: at }];
      });
    }),
  );
}

/** [U25] The scale a meeting rates on: that of its last rating item, if it has one. */
export function meetingScale(s: Pick<MeetingState, 'agenda'>): ScaleId | undefined {
  return s.agenda.filter((it) => it.kind === 'rating').at(-1)?.settings.scale;
}
