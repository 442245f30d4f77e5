// The open-file budget of a running server: the limit it got, what its rosters and ballot
// boxes need (open-files.ts), and the connection cap that keeps descriptors for the files.
// Rosters change after start (an import, a new meeting), so the need is checked again on each
// such change, and the consoles are warned (alarm OPEN_FILES_LOW) while it is over the limit.
import type { MeetingEvent } from '../../shared/events.js';
import type { Logger } from '../logger.js';
import type { Meetings } from '../meetings.js';
import type { BallotBoxes } from '../store/boxes.js';
import { filesReserve, largestRoster, openFilesNeeded, OpenFileLimitError, type OpenFileLimit } from './open-files.js';

/** Events after which the need may have changed: a roster, or one more ballot box held open. */
const NEED_EVENTS: ReadonlySet<MeetingEvent['t']> = new Set(['roster.set', 'meeting.created', 'meeting.archived', 'round.started']);

export class FdBudget {
  private lowNow = false;
  private readonly listeners: ((low: boolean) => void)[] = [];

  constructor(
    /** null: unknown (not Linux); nothing is checked and connections are capped per address only. */
    readonly limit: OpenFileLimit | null,
    private readonly meetings: Meetings,
    private readonly boxes: BallotBoxes,
    private readonly log: Logger,
  ) {}

  get roster(): number {
    return largestRoster(this.meetings.ids().flatMap((id) => this.meetings.get(id) ?? []));
  }

  get needed(): number {
    return openFilesNeeded(this.roster, this.boxes.openCount);
  }

  /** Whether the limit is below the need now (false when the limit is unknown). */
  get low(): boolean {
    return this.lowNow;
  }

  /** Connections allowed in total: the limit, less what the files need. */
  maxConnections(): number {
    return this.limit === null ? Number.POSITIVE_INFINITY : Math.max(0, this.limit.soft - filesReserve(this.boxes.openCount));
  }

  /** At start: throw (a message for people, main.ts prints it) when the limit is too low. */
  assertEnough(): void {
    if (this.limit !== null && this.limit.soft < this.needed) throw new OpenFileLimitError(this.limit, this.needed, this.roster);
  }

  onChange(f: (low: boolean) => void): void {
    this.listeners.push(f);
  }

  /** Follow the meetings: re-check after every change to a roster and every round started. */
  watch(): void {
    this.recheck();
    this.meetings.onChange((_id, _s, events) => {
      if (events.some((e) => NEED_EVENTS.has(e.t))) this.recheck();
    });
  }

  private recheck(): void {
    if (this.limit === null) return;
    const needed = this.needed;
    const low = this.limit.soft < needed;
    if (low) this.log.warn({ limit: this.limit.soft, needed, roster: this.roster }, 'open-file limit is below what the rosters need: restart with a higher limit (npm start raises it)');
    if (low === this.lowNow) return;
    this.lowNow = low;
    for (const f of this.listeners) f(low);
  }
}
