// A public edge's side of /live (SPEC Y9): it holds, per meeting, the newest AudienceRecord the
// core published (the page's view and the polls a rating is checked against, never the record),
// sends the view to its own viewers when a newer one arrives, and counts ratings in Redis with
// the same Lua step as every other process (RedisCounter). The core reads the aggregates at its
// cadence and seals a poll at close (Y4); an edge cannot open, close or change anything.
import type { Socket } from 'socket.io';
import type { AudienceRecord, LivePoll } from '../../shared/audience-public.js';
import type { AudienceView } from '../../shared/audience-view.js';
import { requestAddress, type TrustFn } from '../client-address.js';
import type { AudienceLimiters } from '../audience/limits.js';
import { liveRoom, type LiveNamespace, type LiveSide } from '../audience/live.js';
import type { RedisCounter } from '../audience/redis-counter.js';
import type { Logger } from '../logger.js';
import { audienceKey, liveCodeKey } from '../seam/public.js';

/** What the edge asks Redis for (a GET): its main client. */
export interface RecordStore {
  get(key: string): Promise<string | null>;
}

/** A GET that waits at most this long: a handshake is refused rather than left hanging while Redis is away. */
const GET_TIMEOUT_MS = 2000;

/** The newest wins: a new core run's records replace an old run's whatever their numbers. */
export const newer = (held: AudienceRecord | undefined, rec: AudienceRecord) => !held || held.run !== rec.run || rec.seq > held.seq;

export class EdgeLive implements LiveSide {
  private readonly records = new Map<string, AudienceRecord>();
  private readonly codes = new Map<string, string>();
  private nsp: LiveNamespace | null = null;

  constructor(
    private readonly store: RecordStore,
    readonly counter: RedisCounter,
    readonly secret: Buffer,
    readonly limiters: AudienceLimiters,
    private readonly trust: TrustFn,
    readonly log: Logger,
  ) {
    // Redis away: this edge's viewers are told rating is paused (the core cannot reach them then).
    counter.onAvailability(() => {
      for (const m of this.records.keys()) this.send(m);
    });
  }

  attach(nsp: LiveNamespace): void {
    this.nsp = nsp;
  }

  clock(): number {
    return Date.now();
  }

  address(socket: Socket): string {
    return requestAddress(socket.request, this.trust);
  }

  private async get(key: string): Promise<string | null> {
    let t: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => (t = setTimeout(() => reject(new Error('redis: no answer')), GET_TIMEOUT_MS)));
    try {
      return await Promise.race([this.store.get(key), late]);
    } finally {
      clearTimeout(t);
    }
  }

  async meetingOf(code: string): Promise<string | undefined> {
    const meeting = this.codes.get(code) ?? (await this.get(liveCodeKey(code))) ?? undefined;
    if (meeting === undefined) return undefined;
    if (!this.records.has(meeting)) await this.load(meeting);
    return this.records.get(meeting)?.code === code ? meeting : undefined;
  }

  /** The newest record of a meeting from Redis (a first viewer, or after this edge's Redis blinked). */
  async load(meeting: string): Promise<void> {
    const text = await this.get(audienceKey(meeting));
    if (!text) return;
    const rec = JSON.parse(text) as AudienceRecord; // written by the core (public.ts), read from our own Redis
    // Only if nothing newer came through the stream meanwhile.
    const held = this.records.get(meeting);
    if (!held || (held.run === rec.run && rec.seq > held.seq)) this.accept(rec);
  }

  /** Reload every meeting held (this edge's connection to Redis is back: records may have gone by). */
  reloadAll(): void {
    for (const m of this.records.keys()) this.load(m).catch(() => undefined);
  }

  /** A record from the core, through the adapter's stream. */
  receive(rec: AudienceRecord): void {
    if (newer(this.records.get(rec.meeting), rec)) this.accept(rec);
  }

  private accept(rec: AudienceRecord): void {
    const held = this.records.get(rec.meeting);
    if (held && held.code !== rec.code) this.codes.delete(held.code);
    this.records.set(rec.meeting, rec);
    this.codes.set(rec.code, rec.meeting);
    this.send(rec.meeting);
  }

  /** The view to this edge's viewers of a meeting: one encoding for the room (local: the other edges send their own). */
  private send(meeting: string): void {
    const v = this.view(meeting);
    if (v && this.nsp) this.nsp.local.to(liveRoom(meeting)).emit('view', v);
  }

  view(meeting: string): AudienceView | undefined {
    const rec = this.records.get(meeting);
    if (!rec) return undefined;
    const paused = rec.view.paused || !this.counter.available;
    return { ...rec.view, paused, serverNow: Date.now() };
  }

  polls(meeting: string): readonly LivePoll[] | undefined {
    return this.records.get(meeting)?.polls;
  }
}
