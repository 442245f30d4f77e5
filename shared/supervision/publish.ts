// The published flag's decision and fold (U40, U41). Pure. Publishing changes nothing in the
// record itself, so a completed or closed case may still be published or withdrawn.
import { err, ok, type Result } from '../result.js';
import type { SupervisionError } from './model.js';
import type { PublishedIds, PublishedSetEvent, PublishKind, SetPublishedCommand } from './publish-model.js';
import type { SupervisionState } from './state.js';
import { trackedProjectIds } from './year-projects.js';
import type { IsoDate } from './workdays.js';

/** The records of each kind that exist, so only a real record is ever flagged (NOT_FOUND). */
const IDS: Record<PublishKind, (s: SupervisionState) => readonly string[]> = {
  case: (s) => s.cases.map((c) => c.id),
  project: (s) => trackedProjectIds(s),
};

export function isPublished(p: PublishedIds, kind: PublishKind, id: string): boolean {
  return p[kind].includes(id);
}

/** [U40] An administrator publishes or withdraws one record; setting what is already so is no change. */
export function decidePublished(s: SupervisionState, cmd: SetPublishedCommand, today: IsoDate): Result<PublishedSetEvent[], SupervisionError> {
  if (!IDS[cmd.kind](s).includes(cmd.id)) return err('NOT_FOUND');
  if (isPublished(s.published, cmd.kind, cmd.id) === cmd.published) return ok([]);
  return ok([{ t: 'published.set', kind: cmd.kind, id: cmd.id, published: cmd.published, on: today }]);
}
