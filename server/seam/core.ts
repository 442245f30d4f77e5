// The core's side of the seam (shared/seam.ts): requests arrive as data and are decided,
// reduced and journaled here, the single writer; every durable change leaves as a numbered
// record. Which edge sent a request, and how (a call in this process, a message from another),
// is the transport's business (transport.ts), not the core's.
import { decideCheckIn, decideCommand, decideVote } from '../../shared/decide.js';
import type { ErrorCode } from '../../shared/protocol.js';
import { err, type Result } from '../../shared/result.js';
import type { CoreRecord, CoreReply, CoreRequest } from '../../shared/seam.js';
import type { MeetingState } from '../../shared/state.js';
import { assertNever } from '../../shared/never.js';
import type { AudienceTally } from '../../shared/audience-tally.js';
import type { Logger } from '../logger.js';
import type { Meetings } from '../meetings.js';
import { randomHex } from '../random-pool.js';

const newRoundId = () => 'r' + randomHex(6);

export type RecordListener = (record: CoreRecord, state: MeetingState) => void;

/** A meeting's state with the sequence number of the last record folded into it. */
export interface Snapshot {
  meeting: string;
  seq: number;
  state: MeetingState;
}

export class Core {
  private readonly seqs = new Map<string, number>();
  private readonly listeners = new Set<RecordListener>();

  constructor(
    private readonly meetings: Meetings,
    private readonly clock: () => number,
    private readonly log: Logger,
    /** Seals an audience poll and reads its final count (server/audience/hub.ts), for the close
     *  that journals it (SPEC Y4); absent: no audience rating in this process. */
    private readonly audienceFinal?: (meeting: string, pollId: string) => Promise<AudienceTally | undefined>,
  ) {
    // Every durable change, with all its events: a chamber edge folds them as the core did.
    // (Secret ballots are among them: records never leave the chamber's processes; public edges
    // get views only, public.ts.)
    meetings.onChange((meeting, state, events) => {
      const seq = (this.seqs.get(meeting) ?? 0) + 1;
      this.seqs.set(meeting, seq);
      for (const f of this.listeners) f({ meeting, seq, events }, state);
    });
  }

  onRecord(f: RecordListener): () => void {
    this.listeners.add(f);
    return () => this.listeners.delete(f);
  }

  /** Each meeting's newest seq. */
  heads(): [string, number][] {
    return [...this.seqs];
  }

  /** What an edge folds from after a gap (or at its start). */
  snapshot(meeting: string): Snapshot | undefined {
    const state = this.meetings.get(meeting);
    return state && { meeting, seq: this.seqs.get(meeting) ?? 0, state };
  }

  async request(req: CoreRequest): Promise<CoreReply> {
    const r = await this.decide(req);
    return { id: req.id, ack: r.ok ? { ok: true, ...r.value } : r };
  }

  private async decide(req: CoreRequest): Promise<Result<object, ErrorCode>> {
    const { meeting, actor, command: c } = req;
    switch (c.type) {
      case 'checkIn':
        if (req.role !== 'deputy') return err('UNAUTHORIZED');
        return this.meetings.commit(meeting, (s) => {
          if (!s) return err('NOT_FOUND');
          const d = decideCheckIn(s, actor, 'self', this.clock());
          return d.ok ? { ok: true, value: { events: d.value } } : d;
        }, null);
      case 'vote': {
        if (req.role !== 'deputy') return err('UNAUTHORIZED');
        // A salt for a phone that sent none: every ballot's commitment leaf is salted (H5).
        const salt = randomHex(16);
        // actor null in the journal: a deputy is not a console user.
        const r = await this.meetings.commit(meeting, (s) => (s ? decideVote(s, actor, c.vote, this.clock(), salt) : err('NOT_FOUND')), null);
        return r.ok ? { ok: true, value: { recorded: r.value.recorded, duplicate: r.value.duplicate } } : r;
      }
      case 'console': {
        if (req.role !== 'console') return err('UNAUTHORIZED');
        // The same ids when the command is decided again (meetings.ts: after a ballot box opened).
        const ids: string[] = [];
        let taken = 0;
        const roundId = () => ids[taken++] ?? (ids.push(newRoundId()), ids[taken - 1] ?? '');
        // Closing an audience poll journals its final count: sealed and read first (SPEC Y4).
        const cmd = c.command;
        const final = cmd.type === 'audienceClose' ? await this.audienceFinal?.(meeting, cmd.pollId) : undefined;
        const r = await this.meetings.commit(meeting, (st) => {
          if (!st) return err('NOT_FOUND');
          taken = 0;
          const d = decideCommand(st, cmd, this.clock(), roundId, () => final);
          return d.ok ? { ok: true, value: { events: d.value } } : d;
        }, actor);
        if (r.ok) this.log.info({ meetingId: meeting, user: actor, command: c.command.type }, 'console command');
        return r;
      }
      default:
        return assertNever(c, 'core command');
    }
  }
}
