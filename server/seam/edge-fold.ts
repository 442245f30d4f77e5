// A chamber edge's copy of the meetings: the core's records folded with the same pure reducer
// (shared/state.ts), so the edge builds every view itself (shared/views.ts) and the core's
// thread never serialises one. Records are applied strictly in sequence: one already folded is
// ignored; a gap (a lost message, an edge that started late) fetches a snapshot, and the
// records that arrive meanwhile wait and are folded after it.
import type { MeetingEvent } from '../../shared/events.js';
import type { CoreRecord } from '../../shared/seam.js';
import { recordOrder } from '../../shared/seam.js';
import { reduce, type MeetingState } from '../../shared/state.js';
import type { Snapshot } from './core.js';

export type FoldListener = (meeting: string, state: MeetingState, events: readonly MeetingEvent[]) => void;

interface Folded {
  seq: number;
  state: MeetingState | undefined;
  /** Records that came while a snapshot was on its way. */
  waiting: CoreRecord[] | null;
}

export class EdgeFold {
  private readonly meetings = new Map<string, Folded>();
  /** Snapshots fetched so far (a figure for tests and metrics: each is a gap healed). */
  snapshots = 0;

  constructor(
    private readonly fetchSnapshot: (meeting: string) => Promise<Snapshot | null>,
    private readonly onChange: FoldListener = () => undefined,
  ) {}

  get(meeting: string): MeetingState | undefined {
    return this.meetings.get(meeting)?.state;
  }

  seq(meeting: string): number {
    return this.meetings.get(meeting)?.seq ?? 0;
  }

  /** Snapshots on their way, per meeting. */
  private readonly inFlight = new Map<string, Promise<void>>();

  /**
   * Start following a meeting from the core's current snapshot. Resolves once the meeting's
   * state is here, also for a caller that comes while a snapshot is on its way (a chamber edge
   * sends a phone its first view from it).
   */
  follow(meeting: string): Promise<void> {
    if (this.meetings.get(meeting)?.state) return Promise.resolve();
    return this.inFlight.get(meeting) ?? this.resync(meeting, this.meetings.get(meeting) ?? { seq: 0, state: undefined, waiting: [] });
  }

  apply(r: CoreRecord): void {
    const m = this.meetings.get(r.meeting);
    if (!m) {
      // A meeting this edge has not seen: it folds from a snapshot, which includes this record or not.
      void this.resync(r.meeting, { seq: 0, state: undefined, waiting: [r] });
      return;
    }
    if (m.waiting) {
      m.waiting.push(r);
      return;
    }
    switch (recordOrder(m.seq, r.seq)) {
      case 'old':
        return;
      case 'next': {
        let s = m.state;
        for (const e of r.events) s = reduce(s, e);
        m.seq = r.seq;
        m.state = s;
        if (s) this.onChange(r.meeting, s, r.events);
        return;
      }
      case 'gap':
        m.waiting = [r];
        void this.resync(r.meeting, m);
        return;
    }
  }

  /** The core's newest seq: behind it and not waiting already, the edge lost the last record(s). */
  head(meeting: string, seq: number): void {
    const m = this.meetings.get(meeting);
    if (!m || m.waiting || seq <= m.seq) return;
    m.waiting = [];
    void this.resync(meeting, m);
  }

  private resync(meeting: string, m: Folded): Promise<void> {
    const p = this.fetchAndFold(meeting, m);
    this.inFlight.set(meeting, p);
    void p.finally(() => {
      if (this.inFlight.get(meeting) === p) this.inFlight.delete(meeting);
    });
    return p;
  }

  private async fetchAndFold(meeting: string, m: Folded): Promise<void> {
    m.waiting ??= [];
    this.meetings.set(meeting, m);
    const snap = await this.fetchSnapshot(meeting);
    this.snapshots++;
    const waiting = m.waiting;
    m.waiting = null;
    if (snap && snap.seq >= m.seq) {
      m.seq = snap.seq;
      m.state = snap.state;
      this.onChange(meeting, snap.state, []);
    }
    for (const r of waiting.sort((a, b) => a.seq - b.seq)) this.apply(r);
  }
}
