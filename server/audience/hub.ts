// The core's side of audience rating: it owns the counter, reads the open polls' aggregates at
// a fixed cadence (AUDIENCE_READ_MS) for the screens and the public page, closes polls whose
// countdown ran out, and seals and reads a poll's final count before its close is journaled
// (SPEC Y4). The counter being away pauses audience rating only: nothing here is on the path
// of a deputy's vote, and no deputy command waits on it (Y6).
import type { AudienceTally } from '../../shared/audience-tally.js';
import { decideAudienceTimer } from '../../shared/audience.js';
import { audienceView, type AudienceLive, type AudienceView } from '../../shared/audience-view.js';
import type { MeetingState } from '../../shared/state.js';
import { ok } from '../../shared/result.js';
import type { Logger } from '../logger.js';
import type { Meetings } from '../meetings.js';
import { CounterUnavailable, type AudienceCounter } from './counter.js';
import { liveCode } from './device.js';

/** How often the core reads the open polls' counts (a fixed cadence, whatever the rating rate). */
export const AUDIENCE_READ_MS = 250;
const NO_COUNTS: ReadonlyMap<string, AudienceTally> = new Map();
/** A close that found the counter away is tried again after this long. */
const RETRY_MS = 1000;

export class AudienceHub {
  private readonly counts = new Map<string, Map<string, AudienceTally>>();
  private readonly listeners: ((meetingId: string, what: 'counts' | 'availability') => void)[] = [];
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly codes = new Map<string, string>();
  private reader: NodeJS.Timeout | null = null;
  private reading = false;

  constructor(
    private readonly meetings: Meetings,
    readonly counter: AudienceCounter,
    readonly secret: Buffer,
    private readonly clock: () => number,
    private readonly log: Logger,
    private readonly publicUrl: () => string,
  ) {
    counter.onAvailability(() => {
      for (const id of meetings.ids()) this.emit(id, 'availability');
    });
    meetings.onChange((meetingId) => this.arm(meetingId));
    for (const id of meetings.ids()) this.arm(id);
    this.reader = setInterval(() => void this.readOpen(), AUDIENCE_READ_MS);
    this.reader.unref();
  }

  /** Called when a meeting's live counts or the counter's availability changed. */
  onLive(f: (meetingId: string, what: 'counts' | 'availability') => void): void {
    this.listeners.push(f);
  }

  private emit(meetingId: string, what: 'counts' | 'availability' = 'counts'): void {
    for (const f of this.listeners) f(meetingId, what);
  }

  code(meetingId: string): string {
    let c = this.codes.get(meetingId);
    if (c === undefined) {
      c = liveCode(this.secret, meetingId);
      this.codes.set(meetingId, c);
    }
    return c;
  }

  /** The meeting whose public code (or id) this is. */
  meetingOf(codeOrId: string): string | undefined {
    for (const id of this.meetings.ids()) if (this.code(id) === codeOrId) return id;
    return undefined;
  }

  live(meetingId: string): AudienceLive {
    const code = this.code(meetingId);
    return {
      counts: this.counts.get(meetingId) ?? NO_COUNTS,
      paused: !this.counter.available,
      link: { code, url: `${this.publicUrl().replace(/\/+$/, '')}/live/${code}` },
    };
  }

  private memo: { s: MeetingState; counts: unknown; paused: boolean; view: AudienceView } | null = null;

  /**
   * The public page's view, built once per state and count (a crowd connecting or a broadcast
   * to every page costs one build, not one per page); serverNow is always fresh.
   */
  view(s: MeetingState): AudienceView {
    const live = this.live(s.info.id);
    const m = this.memo;
    if (m && m.s === s && m.counts === live.counts && m.paused === live.paused) return { ...m.view, serverNow: this.clock() };
    const view = audienceView(s, this.clock(), live);
    this.memo = { s, counts: live.counts, paused: live.paused, view };
    return view;
  }

  /** Seal the poll and read its final count; undefined when the counter cannot be reached. */
  async finalCount(meetingId: string, pollId: string): Promise<AudienceTally | undefined> {
    try {
      await this.counter.seal({ meetingId, pollId });
      return await this.counter.read({ meetingId, pollId });
    } catch (e) {
      if (e instanceof CounterUnavailable) return undefined;
      throw e;
    }
  }

  /** Read every open poll's count; tell listeners of the meetings whose counts moved. */
  private async readOpen(): Promise<void> {
    if (this.reading || !this.counter.available) return;
    this.reading = true;
    try {
      for (const meetingId of this.meetings.ids()) {
        const s = this.meetings.get(meetingId);
        const open = s?.audience.filter((p) => p.status === 'open') ?? [];
        if (open.length === 0) {
          if (this.counts.delete(meetingId)) this.emit(meetingId);
          continue;
        }
        const next = new Map<string, AudienceTally>();
        let moved = false;
        for (const p of open) {
          const t = await this.counter.read({ meetingId, pollId: p.id });
          next.set(p.id, t);
          if (this.counts.get(meetingId)?.get(p.id)?.n !== t.n) moved = true;
        }
        // Replaced only when a count moved: the page's view is cached by this map's identity.
        if (moved || this.counts.get(meetingId)?.size !== next.size) {
          this.counts.set(meetingId, next);
          this.emit(meetingId);
        }
      }
    } catch (e) {
      if (!(e instanceof CounterUnavailable)) this.log.error({ err: e instanceof Error ? e.stack : String(e) }, 'audience: reading counts failed');
    } finally {
      this.reading = false;
    }
  }

  /** One timer per open poll with a countdown: the clock decides, not ticks. */
  private arm(meetingId: string): void {
    const s = this.meetings.get(meetingId);
    for (const p of s?.audience ?? []) {
      const key = `${meetingId}/${p.id}`;
      if (p.status !== 'open' || p.endsAt === null) {
        const t = this.timers.get(key);
        if (t) clearTimeout(t);
        this.timers.delete(key);
        continue;
      }
      if (this.timers.has(key)) continue;
      this.schedule(meetingId, p.id, Math.max(0, p.endsAt - this.clock()));
    }
  }

  private schedule(meetingId: string, pollId: string, ms: number): void {
    const key = `${meetingId}/${pollId}`;
    const t = setTimeout(() => void this.fire(meetingId, pollId), ms);
    t.unref();
    this.timers.set(key, t);
  }

  private async fire(meetingId: string, pollId: string): Promise<void> {
    this.timers.delete(`${meetingId}/${pollId}`);
    const p = this.meetings.get(meetingId)?.audience.find((x) => x.id === pollId);
    if (!p || p.status !== 'open' || p.endsAt === null) return;
    if (this.clock() < p.endsAt) return this.schedule(meetingId, pollId, p.endsAt - this.clock());
    const tally = await this.finalCount(meetingId, pollId);
    if (!tally) {
      this.log.warn({ meetingId, pollId }, 'audience: countdown ended but the counter is away; the close is retried');
      return this.schedule(meetingId, pollId, RETRY_MS);
    }
    const res = await this.meetings.commit(meetingId, (s) => ok({ events: s ? decideAudienceTimer(s, pollId, this.clock(), tally) : [] }), null);
    if (!res.ok) {
      this.log.warn({ meetingId, pollId, error: res.error }, 'audience: closing at the end of the countdown failed; retried');
      this.schedule(meetingId, pollId, RETRY_MS);
    }
  }

  async close(): Promise<void> {
    if (this.reader) clearInterval(this.reader);
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    await this.counter.close();
  }
}
