// The audit log as the console may read it (GET /api/meetings/:id/audit). The file keeps every
// entry in order with its time; the endpoint does not give who voted in a secret vote with a
// time or a position, during the vote or after it (SPEC W8): next to the figures the console saw
// move while the vote was open, the moment each deputy voted would say how they voted. Such an
// entry is given as a stub with its number and hash only (salted, so the hash cannot be matched
// by trying every deputy and millisecond), which keeps the chain whole for anyone following its
// links, and who voted is given per round, once it is closed, in roster order.
import { chunkedGet } from '../../shared/chunked.js';
import { itemById, type MeetingState } from '../../shared/state.js';
import type { AuditEntry } from './chain.js';

export interface SecretVoteStub {
  n: number;
  prev: string;
  hash: string;
  redacted: 'secretVote';
  roundId: string;
}

export interface SecretParticipation {
  roundId: string;
  itemId: string;
  status: string;
  voterCount: number;
  /** Who voted, in roster order; null until the round is closed or voided. */
  voters: string[] | null;
}

const isSecretRound = (s: MeetingState, roundId: unknown): boolean => {
  // A rehearsal's round is gone from the state once it ended; its secrecy is not (SPEC J3).
  if (typeof roundId === 'string' && s.rehearsalSecret.includes(roundId)) return true;
  const r = typeof roundId === 'string' ? s.rounds.get(roundId) : undefined;
  const item = r && itemById(s, r.itemId);
  return !!item && item.kind !== 'segment' && item.settings.secret;
};

/** The entries of a meeting, each vote of a secret round replaced by its stub. */
export function redactEntries(s: MeetingState, entries: readonly AuditEntry[]): (AuditEntry | SecretVoteStub)[] {
  return entries.map((e) => {
    const v = e.events.find((x) => x.t === 'voted' && isSecretRound(s, x.roundId));
    return v ? { n: e.n, prev: e.prev, hash: e.hash, redacted: 'secretVote', roundId: String(v.roundId) } : e;
  });
}

/** Per secret round with ballots: how many voted, and once it is over who (roster order). */
export function secretParticipation(s: MeetingState): SecretParticipation[] {
  const out: SecretParticipation[] = [];
  for (const id of s.roundOrder) {
    const r = s.rounds.get(id);
    if (!r || r.manual !== undefined || !isSecretRound(s, id)) continue;
    const over = r.status === 'closed' || r.status === 'voided';
    out.push({
      roundId: r.id,
      itemId: r.itemId,
      status: r.status,
      voterCount: r.voterCount,
      voters: over ? s.roster.filter((_, i) => chunkedGet(r.submissions, i) != null).map((d) => d.id) : null,
    });
  }
  return out;
}
