// Which screen a phone shows for the current round, from the server's view and the phone's
// outbox. One decision for every kind of ballot (ballot-shell.tsx).
// Invariant: the local copy describes the ballot on record only if its submission id is the
// one the server holds (or the server has none yet).
import type { BallotContent } from '../../../shared/model.js';
import type { DeputyView } from '../../../shared/views.js';
import type { OutboxEntry } from './outbox.js';

export type PhoneState =
  | { kind: 'notStarted' }
  | { kind: 'voided' }
  /** Recorded: `ours` is the local copy when it is the ballot on record; `recorded` the server's echo. */
  | { kind: 'submitted'; ours: OutboxEntry | null; recorded: BallotContent | null; closed: boolean }
  | { kind: 'submitting'; ours: OutboxEntry }
  /** Not voted (or refused, with the code in `refusal`) while the round is closed, paused or open. */
  | { kind: 'closed' | 'paused' | 'open'; refusal: string | null };

export function phoneState(view: DeputyView, entry: OutboxEntry | null): PhoneState {
  const round = view.round;
  if (!round) return { kind: 'notStarted' };
  if (round.status === 'voided') return { kind: 'voided' };
  const mine = view.mySubmission;
  const ours = entry && (mine === null || mine === entry.submissionId) ? entry : null;
  if (mine !== null || ours?.phase === 'acked') {
    return { kind: 'submitted', ours, recorded: ours?.phase === 'acked' ? ours.recorded : null, closed: round.status === 'closed' };
  }
  if (ours?.phase === 'pending') return { kind: 'submitting', ours };
  const refusal = ours?.phase === 'refused' ? ours.error : null;
  if (round.status === 'closed' || round.status === 'paused') return { kind: round.status, refusal };
  return { kind: 'open', refusal };
}
