// Decisions: given the state and a request, either the events to record or a refusal.
// Pure: the clock and id source are arguments. The server persists what this returns.
import { chunkedGet } from './chunked.js';
import type { MeetingEvent } from './events.js';
import type { BallotContent } from './model.js';
import type { Command, ErrorCode, VotePayload } from './protocol.js';
import { err, ok, type Result } from './result.js';
import { validateBallot, validateManual } from './rules/index.js';
import { ballotByReceipt, hasQuorum, itemById, latestRound, type MeetingState } from './state.js';
import { pendingTie } from './outcome.js';
import { decideScene } from './scene-decide.js';
import { decideRundown } from './rundown-decide.js';
import { decideAudience } from './audience.js';
import type { AudienceTally } from './audience-tally.js';
import { resultOf } from './views.js';
import { sha256Hex } from './sha256.js';
import { assertNever } from './never.js';
import { checkOwnSuggestions } from './suggestions/rules.js';

export interface VoteDecision {
  events: MeetingEvent[];
  recorded: { roundId: string; receipt: string; content: BallotContent };
  duplicate: boolean;
}

/**
 * `salt`: a fresh random salt from the server, used when the phone sent none (H5). Passed in,
 * so this stays pure.
 */
export function decideVote(s: MeetingState, deputyId: string, p: VotePayload, now: number, salt: string): Result<VoteDecision, ErrorCode> {
  const i = s.rosterIndex.get(deputyId);
  if (i === undefined) return err('FORBIDDEN');
  const r = s.rounds.get(p.roundId);
  if (!r) return err('WRONG_ROUND');
  const item = itemById(s, r.itemId);
  if (!item) return err('WRONG_ROUND');

  // A resend of a ballot already recorded acks again, whatever happened since (V2).
  const mine = chunkedGet(r.submissions, i);
  // It echoes what the phone sent, never the ballot stored under the quoted receipt: anyone who
  // has voted could otherwise quote a published receipt and read that ballot's choice.
  if (mine === p.submissionId) {
    return ok({ events: [], recorded: { roundId: r.id, receipt: p.receipt, content: p.content }, duplicate: true });
  }
  if (r.status === 'closed' || r.status === 'voided') return err('ROUND_CLOSED');
  if (r.status === 'paused') return err('ROUND_PAUSED');
  if (r.endsAt !== null && now >= r.endsAt) return err('ROUND_CLOSED');
  if (chunkedGet(s.present, i) == null) return err('NOT_CHECKED_IN');

  if (item.kind === 'segment') return err('WRONG_KIND'); // G1: a segment takes no ballots
  const valid = validateBallot(item, r, p.content);
  if (!valid.ok) return err(valid.error);
  const own = checkOwnSuggestions(item, deputyId, p.content); // R14: only the deputy's own suggestions
  if (!own.ok) return err(own.error);

  const named = !item.settings.secret;
  let replaces: string | undefined;
  let keyHash = p.keyHash;
  if (mine != null) {
    // Changing a ballot needs the setting, the receipt of the ballot being replaced and the
    // change key whose hash that ballot carries. Receipts are published after close, so a
    // receipt alone proves nothing; the key never leaves the casting phone until it changes.
    if (!item.settings.allowChange) return err('ALREADY_VOTED');
    const old = ballotByReceipt(r, p.receipt);
    if (!old) return err('ALREADY_VOTED');
    if (named && old.deputyId !== deputyId) return err('WRONG_CHANGE_KEY');
    if (old.keyHash === undefined || p.changeKey === undefined || sha256Hex(p.changeKey) !== old.keyHash) return err('WRONG_CHANGE_KEY');
    keyHash = old.keyHash;
    replaces = p.receipt;
  } else if (ballotByReceipt(r, p.receipt)) {
    return err('RECEIPT_TAKEN');
  }
  const events: MeetingEvent[] = [
    { t: 'voted', roundId: r.id, deputyId, submissionId: p.submissionId },
    {
      t: 'ballot',
      roundId: r.id,
      receipt: p.receipt,
      content: p.content,
      ...(named ? { deputyId } : {}),
      ...(replaces !== undefined ? { replaces } : {}),
      salt: p.salt ?? salt,
      ...(keyHash !== undefined ? { keyHash } : {}),
    },
  ];
  return ok({ events, recorded: { roundId: r.id, receipt: p.receipt, content: p.content }, duplicate: false });
}

export function decideCheckIn(s: MeetingState, deputyId: string, by: 'self' | 'staff', now: number): Result<MeetingEvent[], ErrorCode> {
  if (s.archived) return err('ARCHIVED');
  const i = s.rosterIndex.get(deputyId);
  if (i === undefined) return err('NOT_FOUND');
  if (chunkedGet(s.present, i) != null) return ok([]); // checking in twice is harmless
  return ok([{ t: 'checkin', at: now, deputyId, by }]);
}

/** The countdown ran out: close the round if it is still open and its time is really up. */
export function decideTimer(s: MeetingState, roundId: string, now: number): MeetingEvent[] {
  const r = s.rounds.get(roundId);
  if (!r || r.status !== 'open' || r.endsAt === null || now < r.endsAt) return [];
  return [{ t: 'round.closed', at: now, roundId, by: 'timer' }];
}

/**
 * `audienceTally`: the counter's final count of a poll being closed (server/audience/control.ts
 * reads it after sealing the poll); a close without it is refused AUDIENCE_PAUSED.
 */
export function decideCommand(
  s: MeetingState,
  c: Command,
  now: number,
  drawId: () => string,
  audienceTally: (pollId: string) => AudienceTally | undefined = () => undefined,
): Result<MeetingEvent[], ErrorCode> {
  if (s.archived) return err('ARCHIVED'); // an archived meeting is a closed record
  // A round id a rehearsal used names its ballot box file: a new round must never take it (J4).
  const newId = () => {
    let id = drawId();
    while (s.rehearsalRounds.includes(id) || s.rounds.has(id)) id = drawId();
    return id;
  };
  const active = s.activeRoundId ? s.rounds.get(s.activeRoundId) : undefined;
  const roundOf = (id: string) => s.rounds.get(id);
  switch (c.type) {
    case 'showItem': {
      if (c.itemId !== null && !itemById(s, c.itemId)) return err('NOT_FOUND');
      if (active && active.itemId !== c.itemId) return err('ROUND_ACTIVE');
      return ok([{ t: 'item.shown', at: now, itemId: c.itemId }]);
    }
    case 'startRound': {
      const item = itemById(s, c.itemId);
      if (!item) return err('NOT_FOUND');
      if (item.kind === 'segment') return err('WRONG_KIND'); // G1: its rating item is voted on
      if (active) return err('ROUND_ACTIVE');
      const last = latestRound(s, item.id);
      if (last) return err('ROUND_CLOSED'); // decided already: void it first to run it again
      if (!hasQuorum(s) && !c.confirmNoQuorum) return err('NO_QUORUM');
      const voided = [...s.roundOrder].reverse().map(roundOf).find((r) => r?.itemId === item.id && r.status === 'voided');
      const sec = c.countdownSec ?? item.settings.countdownSec;
      return ok([
        {
          t: 'round.started',
          at: now,
          roundId: newId(),
          itemId: item.id,
          endsAt: sec > 0 ? now + sec * 1000 : null,
          purpose: voided ? 'revote' : 'vote',
          ...(voided ? { follows: voided.id } : {}),
          ...(!hasQuorum(s) ? { withoutQuorum: true } : {}),
        },
      ]);
    }
    case 'addTime': {
      const r = roundOf(c.roundId);
      if (!r || r !== active) return err('NO_OPEN_ROUND');
      const left = r.status === 'paused' ? (r.pausedRemainingMs ?? 0) : r.endsAt === null ? 0 : Math.max(0, r.endsAt - now);
      const next = Math.max(0, left + c.seconds * 1000);
      return ok([{ t: 'round.timer', at: now, roundId: r.id, endsAt: next > 0 ? now + next : null }]);
    }
    case 'pause': {
      const r = roundOf(c.roundId);
      if (!r || r !== active || r.status !== 'open') return err('NO_OPEN_ROUND');
      return ok([{ t: 'round.paused', at: now, roundId: r.id }]);
    }
    case 'resume': {
      const r = roundOf(c.roundId);
      if (!r || r !== active || r.status !== 'paused') return err('NO_OPEN_ROUND');
      return ok([{ t: 'round.resumed', at: now, roundId: r.id }]);
    }
    case 'close': {
      const r = roundOf(c.roundId);
      if (!r || r !== active) return err('NO_OPEN_ROUND');
      return ok([{ t: 'round.closed', at: now, roundId: r.id, by: 'moderator' }]);
    }
    case 'reveal': {
      const r = roundOf(c.roundId);
      if (!r) return err('NOT_FOUND');
      if (r.status !== 'closed') return err('NOT_CLOSED');
      return ok(r.revealed ? [] : [{ t: 'round.revealed', at: now, roundId: r.id }]);
    }
    case 'void': {
      const r = roundOf(c.roundId);
      if (!r) return err('NOT_FOUND');
      if (r.status === 'voided') return ok([]);
      return ok([{ t: 'round.voided', at: now, roundId: r.id, reason: c.reason }]);
    }
    case 'manualResult': {
      const item = itemById(s, c.itemId);
      if (!item) return err('NOT_FOUND');
      if (active) return err('ROUND_ACTIVE');
      if (latestRound(s, item.id)) return err('ROUND_CLOSED');
      const valid = validateManual(item, c.counts);
      if (!valid.ok) return err(valid.error);
      return ok([{ t: 'round.manual', at: now, roundId: newId(), itemId: item.id, counts: c.counts }]);
    }
    case 'runoff': {
      const r = roundOf(c.roundId);
      const item = r && itemById(s, r.itemId);
      if (!r || !item) return err('NOT_FOUND');
      if (item.kind !== 'projects') return err('WRONG_KIND');
      if (active) return err('ROUND_ACTIVE');
      if (r.status !== 'closed') return err('NOT_CLOSED');
      // Only the tie of the item's current outcome, run off from its last round, is settled.
      const pending = pendingTie(s, item.id, resultOf);
      if (!pending || pending.from.id !== r.id) return err('NOT_FOUND');
      if (!hasQuorum(s) && !c.confirmNoQuorum) return err('NO_QUORUM');
      const sec = c.countdownSec ?? item.settings.countdownSec;
      return ok([
        {
          t: 'round.started',
          at: now,
          roundId: newId(),
          itemId: item.id,
          endsAt: sec > 0 ? now + sec * 1000 : null,
          purpose: 'runoff',
          follows: r.id,
          candidates: [...pending.tie.projectIds],
          seats: pending.tie.seats,
          ...(!hasQuorum(s) ? { withoutQuorum: true } : {}),
        },
      ]);
    }
    case 'checkIn':
      return decideCheckIn(s, c.deputyId, 'staff', now);
    case 'startRehearsal':
      if (s.rehearsal) return ok([]);
      // J1: ending it clears every round, so it may start only before any real round exists.
      if (s.roundOrder.length > 0) return err('NOT_PREPARED');
      return ok([{ t: 'rehearsal.started', at: now }]);
    case 'endRehearsal':
      if (!s.rehearsal) return ok([]);
      if (active) return err('ROUND_ACTIVE'); // J2: a ballot box still taking ballots is not cleared
      return ok([{ t: 'rehearsal.ended', at: now }]);
    case 'setScene':
    case 'cueScene':
    case 'take':
    case 'setFeed':
      return decideScene(s, c, now);
    case 'segmentGo':
    case 'timerPause':
    case 'timerResume':
    case 'timerAdd':
    case 'timerReset':
    case 'timerStop':
    case 'evidencePlayback':
      return decideRundown(s, c, now, newId, (itemId, confirmNoQuorum) => decideCommand(s, { type: 'startRound', itemId, confirmNoQuorum }, now, newId));
    case 'audienceOpen':
    case 'audienceClose':
      return decideAudience(s, c, now, newId, audienceTally);
    case 'undoCheckIn': {
      const i = s.rosterIndex.get(c.deputyId);
      if (i === undefined) return err('NOT_FOUND');
      return ok(chunkedGet(s.present, i) == null ? [] : [{ t: 'checkin.undone', at: now, deputyId: c.deputyId }]);
    }
    default: {
      return assertNever(c, 'command');
    }
  }
}
