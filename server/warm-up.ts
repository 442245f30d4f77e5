// The vote path, compiled before the first vote. A chamber's first vote is also its biggest
// burst: every deputy presses within a second, and V8 would run the path in its interpreter
// for the first several hundred of them (S3 right after start: ack p99 ~1.5x of a warm server,
// docs/PERFORMANCE.md). At start the server folds a scratch meeting through the same pure
// functions a vote takes: the payload's schema, decideVote, the reducer, the ballot box's slot
// JSON, the journal line and the audit entry. It touches no meeting, file or socket.
import { summarize, sealVotes, GENESIS, recordHash } from './audit/chain.js';
import { slotJson } from './store/box-format.js';
import { demoAgenda, demoRoster } from './demo.js';
import { randomHex } from './random-pool.js';
import { decideVote } from '../shared/decide.js';
import type { MeetingEvent } from '../shared/events.js';
import type { AgendaItem, BallotContent } from '../shared/model.js';
import { VotePayload } from '../shared/protocol.js';
import { scaleOf } from '../shared/rules/scales.js';
import { reduce, type MeetingState } from '../shared/state.js';

const DEPUTIES = 300;
const PASSES = 4;
const SLOT_SIZE = 4096;

/** A valid ballot for a kind of item, as a phone sends it. */
function ballotFor(item: AgendaItem, i: number): BallotContent | null {
  switch (item.kind) {
    case 'motion':
      return { kind: 'motion', choice: (['for', 'against', 'abstain'] as const)[i % 3] ?? 'for' };
    case 'projects':
      return { kind: 'select', picks: item.projects.slice(0, item.settings.adopt).map((p) => p.id) };
    case 'rating': {
      const levels = scaleOf(item.settings.scale).levels;
      return { kind: 'rating', ratings: Object.fromEntries(item.subjects.map((s, k) => [s.id, item.settings.scale === 'score' ? 80 : (levels[(i + k) % levels.length] ?? '')])) };
    }
    case 'segment':
      return null;
  }
}

const ALPHA = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const receiptOf = (x: number) => Array.from({ length: 8 }, (_, k) => ALPHA[Math.floor(x / ALPHA.length ** k) % ALPHA.length]).join('');

/**
 * Fold scratch votes through the vote path; returns how many were accepted and refused (all
 * should be accepted: a refusal would warm the wrong branch).
 */
export function warmVotePath(passes = PASSES): { accepted: number; refused: number } {
  let accepted = 0;
  let refused = 0;
  let n = 0;
  let prev = GENESIS;
  for (let pass = 0; pass < passes; pass++) {
    const roster = demoRoster(DEPUTIES);
    let s: MeetingState = reduce(undefined, { t: 'meeting.created', at: 0, meeting: { id: 'warm-up', title: 'warm-up', date: '', settings: { quorum: 'half' } } as never, roster, agenda: demoAgenda() });
    for (const d of roster) s = reduce(s, { t: 'checkin', at: 1, deputyId: d.id, by: 'self' });
    const items = s.agenda.filter((it) => it.kind !== 'segment');
    items.forEach((it, k) => {
      s = reduce(s, { t: 'round.started', at: 2, roundId: `w${pass}r${k}`, itemId: it.id, endsAt: null, purpose: 'vote' });
    });
    for (const [k, item] of items.entries()) {
      for (const [i, d] of roster.entries()) {
        const content = ballotFor(item, i);
        if (!content) continue;
        const parsed = VotePayload.safeParse({ roundId: `w${pass}r${k}`, submissionId: `w${n}`, receipt: receiptOf(n), content });
        n += 1;
        const decided = parsed.success ? decideVote(s, d.id, parsed.data, 3, randomHex(16)) : null;
        if (!decided?.ok) {
          refused += 1;
          continue;
        }
        accepted += 1;
        const events: MeetingEvent[] = decided.value.events;
        for (const e of events) s = reduce(s, e);
        const ballot = events.find((e) => e.t === 'ballot');
        if (ballot?.t === 'ballot') slotJson({ receipt: ballot.receipt, v: 1, content: ballot.content, ...(ballot.salt !== undefined ? { salt: ballot.salt } : {}), batch: pass }, SLOT_SIZE);
        const line = JSON.stringify({ seq: n, meetingId: 'warm-up', events: events.filter((e) => e.t !== 'ballot') });
        prev = sealVotes({ actor: null, at: 3, events: summarize(events), meetingId: 'warm-up', n, prev, record: recordHash(line), salt: randomHex(16), seq: n }).hash;
      }
    }
  }
  return { accepted, refused };
}
