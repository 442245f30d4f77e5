// The phone's outbox. A vote is written to storage before it is sent, and sent again with the
// same submissionId and receipt until the server answers: the server treats a resend as a
// no-op that acks again, so a lost ack, a Wi-Fi drop or a reload never makes a second ballot.
// Invariant: one round has at most one submissionId on this phone, whatever happens (a change,
// where the item allows it, is a new submission that replaces the entry's).
// Each ballot also gets a commitment salt (so the phone can find its own leaf in the published
// list, H5) and a change key, of which the server only ever gets the hash with the first
// ballot; a change sends the key itself (V6). Both stay in storage with the receipt, so a
// reload or a lost ack does not lose them.
// DOM-free: storage, randomness and waiting are injected, so outbox.test.ts runs in node.
import { z } from 'zod';
import { BallotContent, type BallotContent as Content } from '../../../shared/model.js';
import type { ErrorCode, VoteAck, VotePayload } from '../../../shared/protocol.js';
import type { ClientErrorCode } from '../i18n/errors.js';
import type { AckOrTimeout } from '../net/emit.js';
import { sha256Hex } from '../../../shared/sha256.js';
import { cryptoBytes, newReceipt, newSubmissionId, type RandomBytes } from './receipt.js';

export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const Entry = z.object({
  roundId: z.string(),
  submissionId: z.string(),
  receipt: z.string(),
  content: BallotContent,
  /** The ballot's commitment salt (absent in entries from before #12). */
  salt: z.string().optional(),
  /** The secret whose hash the first ballot carried: the proof this phone cast it. */
  changeKey: z.string().optional(),
  /** This submission replaces the ballot already recorded under `receipt` (allowChange). */
  change: z.boolean().optional(),
  phase: z.enum(['pending', 'acked', 'refused']),
  /** What the server recorded (ack.recorded.content): the truth the phone shows. */
  recorded: BallotContent.nullable(),
  /** The last refusal, or a transient error while retrying. */
  error: z.string().nullable(),
  at: z.number(),
});
export type OutboxEntry = z.infer<typeof Entry>;
const Entries = z.array(Entry);

/** Answers after which trying again later can succeed; anything else is a final refusal. */
const TRANSIENT: ReadonlySet<string> = new Set<ErrorCode | ClientErrorCode>(['TIMEOUT', 'INTERNAL', 'STORAGE_FAILED', 'RATE_LIMITED']);
const KEEP = 10; // rounds remembered per link: enough to show this meeting's receipts

/**
 * How long to wait before resend number `attempt` (0, 1, ...) after a transient answer:
 * exponential from `baseMs` up to `maxMs`, each wait drawn from its upper half ("equal
 * jitter"). A chamber's phones that failed together (the server restarting, say) then come
 * back spread over seconds instead of in one wave, and none waits less than half the step.
 */
export function retryDelay(attempt: number, rnd: number, baseMs = 1000, maxMs = 16_000): number {
  const step = Math.min(maxMs, baseMs * 2 ** Math.min(attempt, 30));
  return Math.round(step / 2 + (Math.min(Math.max(rnd, 0), 1) * step) / 2);
}

export type Send = (p: VotePayload) => Promise<AckOrTimeout<VoteAck>>;

export interface OutboxDeps {
  storage: StorageLike;
  key: string;
  random?: RandomBytes;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** The first resend's step after a transient answer (doubling up to retryMaxMs). */
  retryMs?: number;
  retryMaxMs?: number;
  /** A uniform draw in [0, 1) for the jitter of resends. */
  jitter?: () => number;
}

export interface PumpOptions {
  /**
   * Wait a random 0..spreadMs before the first send: on a reconnect, when every phone in the
   * chamber that was cut off sends at once otherwise.
   */
  spreadMs?: number;
}

export class Outbox {
  private readonly random: RandomBytes;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly retryMs: number;
  private readonly retryMaxMs: number;
  private readonly jitter: () => number;
  private pumping: Promise<void> | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly deps: OutboxDeps) {
    this.random = deps.random ?? cryptoBytes;
    this.now = deps.now ?? Date.now;
    this.sleep = deps.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.retryMs = deps.retryMs ?? 1000;
    this.retryMaxMs = deps.retryMaxMs ?? 16_000;
    this.jitter = deps.jitter ?? Math.random;
  }

  subscribe(f: () => void): () => void {
    this.listeners.add(f);
    return () => this.listeners.delete(f);
  }

  all(): OutboxEntry[] {
    let raw: string | null;
    try {
      raw = this.deps.storage.getItem(this.deps.key);
    } catch {
      return [];
    }
    if (raw === null) return [];
    try {
      const parsed = Entries.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : [];
    } catch {
      return []; // a corrupt entry must not break the page; the view still tells the truth
    }
  }

  get(roundId: string): OutboxEntry | null {
    return this.all().find((e) => e.roundId === roundId) ?? null;
  }

  /** The entry still waiting for an answer, if any. */
  pending(): OutboxEntry | null {
    return this.all().find((e) => e.phase === 'pending') ?? null;
  }

  private save(entry: OutboxEntry): void {
    const rest = this.all().filter((e) => e.roundId !== entry.roundId);
    const next = [...rest, entry].sort((a, b) => a.at - b.at).slice(-KEEP);
    // Throws when storage is full or disabled: the caller must not send what it could not keep.
    this.deps.storage.setItem(this.deps.key, JSON.stringify(next));
    for (const f of this.listeners) f();
  }

  /**
   * Record a choice for a round and mark it pending. A round already submitted keeps its
   * entry; a refused one is retried with the same ids (it was never counted, and reusing the
   * ids means an earlier copy that did arrive is acked, not doubled).
   */
  submit(roundId: string, content: Content): OutboxEntry {
    const had = this.get(roundId);
    if (had && had.phase !== 'refused') return had;
    const entry: OutboxEntry = {
      roundId,
      submissionId: had?.submissionId ?? newSubmissionId(this.random),
      receipt: had?.receipt ?? newReceipt(this.random),
      content,
      salt: had?.salt ?? newSubmissionId(this.random),
      changeKey: had?.changeKey ?? newSubmissionId(this.random),
      ...(had?.change ? { change: true } : {}),
      phase: 'pending',
      recorded: null,
      error: null,
      at: this.now(),
    };
    this.save(entry);
    return entry;
  }

  /**
   * Change the ballot already recorded for this round (the item allows changes): a new
   * submission under the same receipt, with a fresh salt, proven by the change key. Null when
   * there is nothing of ours to change yet, or no key (an entry from before #12).
   */
  change(roundId: string, content: Content): OutboxEntry | null {
    const had = this.get(roundId);
    if (!had || had.phase !== 'acked' || had.changeKey === undefined) return null;
    const entry: OutboxEntry = {
      ...had,
      submissionId: newSubmissionId(this.random),
      content,
      salt: newSubmissionId(this.random),
      change: true,
      phase: 'pending',
      recorded: null,
      error: null,
      at: this.now(),
    };
    this.save(entry);
    return entry;
  }

  /** What goes on the wire for an entry: a first ballot carries the key's hash, a change the key. */
  private payload(e: OutboxEntry): VotePayload {
    const p: VotePayload = { roundId: e.roundId, submissionId: e.submissionId, receipt: e.receipt, content: e.content };
    if (e.salt !== undefined) p.salt = e.salt;
    if (e.changeKey !== undefined) {
      if (e.change) p.changeKey = e.changeKey;
      else p.keyHash = sha256Hex(e.changeKey);
    }
    return p;
  }

  /** The server's view says our ballot is in (its ack was lost): settle the entry. */
  reconcile(roundId: string, mySubmission: string | null): void {
    const e = this.get(roundId);
    if (e && e.phase !== 'acked' && mySubmission !== null && mySubmission === e.submissionId) {
      this.save({ ...e, phase: 'acked', recorded: e.content, error: null });
    }
  }

  /**
   * Send the pending entry until it is answered. Stops when `send` reports the socket is down
   * (NETWORK): call again on reconnect. Concurrent calls share one loop.
   */
  pump(send: Send, opts: PumpOptions = {}): Promise<void> {
    if (!this.pumping) {
      this.pumping = this.loop(send, opts.spreadMs ?? 0).finally(() => {
        this.pumping = null;
      });
    }
    return this.pumping;
  }

  private async loop(send: Send, spreadMs: number): Promise<void> {
    if (spreadMs > 0 && this.pending()) await this.sleep(Math.round(this.jitter() * spreadMs));
    let attempt = 0;
    for (;;) {
      const e = this.pending();
      if (!e) return;
      const res = await send(this.payload(e));
      const cur = this.get(e.roundId);
      if (!cur || cur.phase !== 'pending' || cur.submissionId !== e.submissionId) continue;
      if (res.ok) {
        this.save({ ...cur, phase: 'acked', receipt: res.recorded.receipt, recorded: res.recorded.content, error: null });
      } else if (res.error === 'RECEIPT_TAKEN' && !cur.change) {
        this.save({ ...cur, receipt: newReceipt(this.random), error: null });
      } else if (res.error === 'NETWORK') {
        return;
      } else if (TRANSIENT.has(res.error)) {
        this.save({ ...cur, error: res.error });
        await this.sleep(retryDelay(attempt, this.jitter(), this.retryMs, this.retryMaxMs));
        attempt += 1;
      } else {
        this.save({ ...cur, phase: 'refused', error: res.error });
      }
    }
  }
}
