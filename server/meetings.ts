// The live meetings: for each, the head state (decisions are made on it, so two requests
// racing for the same deputy see each other) and the durable state (what is on disk, the
// only thing ever shown or acknowledged). Every change goes decide -> reduce -> journal.
import type { JournalRecord, MeetingEvent } from '../shared/events.js';
import type { ErrorCode } from '../shared/protocol.js';
import { err, ok, type Result } from '../shared/result.js';
import { reduce, type MeetingState } from '../shared/state.js';
import { decideTimer } from '../shared/decide.js';
import type { Journal } from './store/journal.js';
import type { BallotBox, BoxWrite } from './store/ballot-box.js';
import type { BallotBoxes } from './store/boxes.js';
import { foldRecords } from './store/load.js';
import { checkBoxesAtStart, type RecordedClose } from './store/box-check.js';
import type { Logger } from './logger.js';

export type Decision<T> = Result<{ events: MeetingEvent[] } & T, ErrorCode>;
export type ChangeListener = (meetingId: string, state: MeetingState, events: readonly MeetingEvent[]) => void;
/** A durable journal record, with who caused it (a console user; null for deputies and timers). */
export type RecordListener = (r: { meetingId: string; seq: number; line: string; events: readonly MeetingEvent[]; state: MeetingState; actor: string | null }) => void;

export class Meetings {
  private readonly heads = new Map<string, MeetingState>();
  private readonly durable = new Map<string, MeetingState>();
  private readonly timers = new Map<string, { roundId: string; endsAt: number; timer: NodeJS.Timeout }>();
  private readonly listeners: ChangeListener[] = [];
  private readonly recordListeners: RecordListener[] = [];
  private readonly storageListeners: ((healthy: boolean) => void)[] = [];
  private storageOk = true;

  constructor(
    private readonly journal: Journal,
    private readonly clock: () => number,
    private readonly log: Logger,
    private readonly boxes: BallotBoxes,
  ) {}

  /**
   * Rebuild every meeting from the journal's records and the secret rounds' ballot boxes. The
   * boxes are first checked against the record (voters, and `recorded` closes from the audit
   * log), before a settling write could touch them (store/box-check.ts).
   */
  async load(records: readonly JournalRecord[], recorded: ReadonlyMap<string, RecordedClose> = new Map()): Promise<void> {
    const states = foldRecords(records);
    await checkBoxesAtStart(this.boxes.dataDir, states, records, recorded);
    await this.boxes.load(states, records);
    for (const [id, s] of states) this.heads.set(id, s);
    for (const [id, s] of this.heads) {
      this.durable.set(id, s);
      this.armTimer(id, s);
    }
  }

  onChange(f: ChangeListener): void {
    this.listeners.push(f);
  }

  onRecord(f: RecordListener): void {
    this.recordListeners.push(f);
  }

  onStorage(f: (healthy: boolean) => void): void {
    this.storageListeners.push(f);
  }

  get storageHealthy(): boolean {
    return this.storageOk;
  }

  /** The durable state of a meeting. */
  get(id: string): MeetingState | undefined {
    return this.durable.get(id);
  }

  ids(): string[] {
    return [...this.durable.keys()];
  }

  /**
   * Decide on the head state, fold the events in, and resolve once they are on disk.
   * A decision with no events (a resend, a no-op) still waits until everything before it is
   * durable, so an ack never runs ahead of the disk.
   */
  async commit<T extends object>(
    meetingId: string,
    decide: (head: MeetingState | undefined) => Decision<T>,
    /** The console user who caused it, for the audit log; null for deputies, timers and start-up. */
    actor: string | null,
    /** Set when deciding again after a ballot box was opened (once only). */
    boxesOpened = false,
  ): Promise<Result<T, ErrorCode>> {
    const head = this.heads.get(meetingId);
    const d = decide(head);
    if (!d.ok) return d;
    const { events, ...rest } = d.value;
    if (events.length === 0) {
      await this.journal.flushed();
      return this.journal.healthy ? ok(rest as unknown as T) : err('STORAGE_FAILED');
    }
    let s = head;
    for (const e of events) s = reduce(s, e);
    if (!s) return err('INTERNAL');
    // A secret round starts only once its ballot box is open: a box that cannot be created
    // (no descriptor left, disk full) refuses the start, instead of every vote of the round
    // failing later. The head may move while the file opens, so the decision is made again
    // (with the same round id: the console's id source repeats itself, sockets/console.ts).
    const unopened = boxesOpened ? [] : this.unopenedBoxes(s, events);
    if (unopened.length > 0) {
      for (const b of unopened) await b.opened();
      if (unopened.some((b) => !b.isOpen)) {
        this.log.error({ meetingId, boxes: unopened.filter((b) => !b.isOpen).map((b) => b.path) }, 'ballot box could not be opened: the round is not started');
        this.setStorage(false);
        return err('STORAGE_FAILED');
      }
      return this.commit(meetingId, decide, actor, true);
    }
    this.heads.set(meetingId, s);
    const { journalEvents, box } = this.splitSecret(s, events);
    let seq: number;
    let line: string;
    try {
      ({ seq, line } = await this.journal.append(meetingId, journalEvents, box, actor));
    } catch {
      // Everything not yet durable is refused: roll every head back to what is on disk.
      for (const [id, st] of this.durable) this.heads.set(id, st);
      if (!this.durable.has(meetingId)) this.heads.delete(meetingId);
      this.setStorage(false);
      return err('STORAGE_FAILED');
    }
    this.durable.set(meetingId, s);
    this.setStorage(true);
    this.armTimer(meetingId, s);
    for (const f of this.recordListeners) f({ meetingId, seq, line, events: journalEvents, state: s, actor });
    for (const f of this.listeners) f(meetingId, s, events);
    // A secret round's box is created before the start is acknowledged, so its first ballot
    // does not wait for the file (a failure here is reported by that ballot, which tries again).
    for (const e of journalEvents) if (e.t === 'round.started') await this.boxes.get(s, e.roundId)?.opened();
    // A rehearsal's rounds are gone: their boxes take no more ballots and need no descriptor (SPEC J3).
    if (journalEvents.some((e) => e.t === 'rehearsal.ended')) await this.boxes.release(meetingId, s.rehearsalRounds);
    return ok(rest as unknown as T);
  }

  /** Ballot boxes of the secret rounds these events start that are not open yet. */
  private unopenedBoxes(s: MeetingState, events: readonly MeetingEvent[]): BallotBox[] {
    return events.flatMap((e) => {
      const b = e.t === 'round.started' ? this.boxes.get(s, e.roundId) : null;
      return b && !b.isOpen ? [b] : [];
    });
  }

  /**
   * Secret ballots leave the journal: each goes to its round's ballot box, with its salt and
   * change-key hash, and nothing of the 'voted' event beside it (store/ballot-box.ts).
   */
  private splitSecret(s: MeetingState, events: MeetingEvent[]): { journalEvents: MeetingEvent[]; box: BoxWrite[] } {
    const box: BoxWrite[] = [];
    const journalEvents = events.filter((e) => {
      if (e.t !== 'ballot' || e.deputyId !== undefined) return true;
      const b = this.boxes.get(s, e.roundId);
      if (!b) return true;
      if (!events.some((x) => x.t === 'voted' && x.roundId === e.roundId)) throw new Error('a secret ballot must come with its participation record');
      const payload = {
        receipt: e.receipt,
        v: b.nextVersion(e.receipt),
        content: e.content,
        ...(e.salt !== undefined ? { salt: e.salt } : {}),
        ...(e.keyHash !== undefined ? { keyHash: e.keyHash } : {}),
      };
      box.push({ box: b, payload, slot: null });
      return false;
    });
    return { journalEvents, box };
  }

  private setStorage(healthy: boolean): void {
    if (healthy === this.storageOk) return;
    this.storageOk = healthy;
    for (const f of this.storageListeners) f(healthy);
  }

  /** Keep one timer per meeting for the active round's countdown; the clock decides, not ticks. */
  private armTimer(meetingId: string, s: MeetingState): void {
    const r = s.activeRoundId ? s.rounds.get(s.activeRoundId) : undefined;
    const current = this.timers.get(meetingId);
    if (r && r.status === 'open' && r.endsAt !== null) {
      if (current && current.roundId === r.id && current.endsAt === r.endsAt) return;
      if (current) clearTimeout(current.timer);
      const roundId = r.id;
      const timer = setTimeout(() => void this.fire(meetingId, roundId), Math.max(0, r.endsAt - this.clock()));
      timer.unref();
      this.timers.set(meetingId, { roundId, endsAt: r.endsAt, timer });
    } else if (current) {
      clearTimeout(current.timer);
      this.timers.delete(meetingId);
    }
  }

  private async fire(meetingId: string, roundId: string): Promise<void> {
    this.timers.delete(meetingId);
    const res = await this.commit(meetingId, (s) => ok({ events: s ? decideTimer(s, roundId, this.clock()) : [] }), null);
    if (!res.ok) this.log.error({ meetingId, roundId, error: res.error }, 'countdown could not close the round');
    const s = this.durable.get(meetingId);
    if (s) this.armTimer(meetingId, s); // fired early (clock skew) or failed: try again
  }

  stop(): void {
    for (const t of this.timers.values()) clearTimeout(t.timer);
    this.timers.clear();
  }
}
