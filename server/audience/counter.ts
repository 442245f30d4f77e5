// Audience ratings are counted behind one interface, apart from the deputies' ballots (SPEC Y2):
// MemoryCounter for one process (the default, a chamber without Redis), RedisCounter when edges
// in several processes or hosts share one Redis. Either way one rating is one atomic step:
// refuse a device that already rated the poll, else add its marks (SPEC Y3).
// The counter knows nothing of meetings' records: a compromised Redis learns only these counts.
import { addToTally, type AudienceMark, type AudienceTally } from '../../shared/audience-tally.js';

/** Which poll: a meeting's audience poll id (unique within the meeting). */
export interface PollKey {
  readonly meetingId: string;
  readonly pollId: string;
}

export interface AudienceRating extends PollKey {
  /** The signed device id's random part (device.ts): one rating per device per poll. */
  readonly device: string;
  readonly marks: readonly AudienceMark[];
}

/** counted: added; duplicate: this device rated the poll already; sealed: the poll was closed; unavailable: the store cannot be reached (rating paused). */
export type RateOutcome = 'counted' | 'duplicate' | 'sealed' | 'unavailable';

export class CounterUnavailable extends Error {
  constructor(cause?: unknown) {
    super('audience counter unavailable', cause === undefined ? undefined : { cause });
  }
}

export interface AudienceCounter {
  rate(r: AudienceRating): Promise<RateOutcome>;
  /** Refuse any further rating of the poll (before its final count is read). Throws CounterUnavailable. */
  seal(p: PollKey): Promise<void>;
  /** The poll's count so far. Throws CounterUnavailable. */
  read(p: PollKey): Promise<AudienceTally>;
  /** Whether ratings can be counted now; false while Redis is unreachable. */
  readonly available: boolean;
  /** Called with the new value whenever `available` changes. */
  onAvailability(f: (available: boolean) => void): void;
  close(): Promise<void>;
}

interface MemoryPoll {
  readonly devices: Set<string>;
  tally: AudienceTally;
  sealed: boolean;
}

/** One process: counts in memory. The final count is journaled at close, so a restart loses only an open poll's count. */
export class MemoryCounter implements AudienceCounter {
  private readonly polls = new Map<string, MemoryPoll>();
  readonly available = true;

  private poll(p: PollKey): MemoryPoll {
    const key = `${p.meetingId}/${p.pollId}`;
    let poll = this.polls.get(key);
    if (!poll) {
      poll = { devices: new Set(), tally: { n: 0, subjects: {} }, sealed: false };
      this.polls.set(key, poll);
    }
    return poll;
  }

  rate(r: AudienceRating): Promise<RateOutcome> {
    const poll = this.poll(r);
    if (poll.sealed) return Promise.resolve('sealed');
    if (poll.devices.has(r.device)) return Promise.resolve('duplicate');
    poll.devices.add(r.device);
    poll.tally = addToTally(poll.tally, r.marks);
    return Promise.resolve('counted');
  }

  seal(p: PollKey): Promise<void> {
    this.poll(p).sealed = true;
    return Promise.resolve();
  }

  read(p: PollKey): Promise<AudienceTally> {
    return Promise.resolve(this.poll(p).tally);
  }

  onAvailability(): void {
    // always available
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
