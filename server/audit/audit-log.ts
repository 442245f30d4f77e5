// The append-only, hash-chained audit log (audit.jsonl): one entry per journal record, with
// the console user who caused it, participation without choices, and at each close the
// ballot commitment and the tally. Written after the record is durable (it never delays an
// ack); a crash in between is made good at the next start from the journal (`recovered`).
import { randomHex } from '../random-pool.js';
import { open, type FileHandle } from 'node:fs/promises';
import type { JournalRecord, MeetingEvent } from '../../shared/events.js';
import { roundCommitment, roundScheme } from '../../shared/commitment.js';
import type { MeetingState } from '../../shared/state.js';
import { resultOf } from '../../shared/views.js';
import type { Logger } from '../logger.js';
import { failIfFaulty } from '../store/disk-faults.js';
import { writeFully } from '../store/write-fully.js';
import type { RecordedClose } from '../store/box-check.js';
import { GENESIS, parseAudit, recordHash, sealedLine, summarize, type AuditEntry, type RoundClose } from './chain.js';

/** A durable journal record, with its line as stored (the entry hashes every byte of it). */
export interface AuditedRecord {
  readonly meetingId: string;
  readonly seq: number;
  readonly line: string;
  readonly events: readonly MeetingEvent[];
}

export const AUDIT_FILE = 'audit.jsonl';
const RETRY_MS = 500;
/** How long an audited record may wait to be written with the next ones (the journal already holds it). */
export const AUDIT_BATCH_MS = 50;

export class AuditCorruptError extends Error {}

/** The commitments and tallies of the rounds a record closes. */
export function closesOf(s: MeetingState, events: readonly MeetingEvent[]): RoundClose[] {
  return events.flatMap((e) => {
    const r = e.t === 'round.closed' ? s.rounds.get(e.roundId) : undefined;
    if (!r) return [];
    const scheme = roundScheme(r);
    return [{ roundId: r.id, ballots: r.ballots.length, commitment: roundCommitment(r), ...(scheme ? { scheme } : {}), result: resultOf(s, r) }];
  });
}

export class AuditLog {
  private queue: string[] = [];
  private failing = false;
  /** Called after the next write attempt, whether it succeeded or failed. */
  private attempted: (() => void)[] = [];
  private closed = false;
  /** Bytes known to be complete on disk: a failed write is cut back to this. */
  private size: number;
  private writing: Promise<void> | null = null;
  private last: { n: number; hash: string; seq: number };
  /** What the log holds of each round's close, as read at open: the ballot boxes are checked against it at start. */
  readonly recordedCloses = new Map<string, RecordedClose>();

  private constructor(
    private readonly fh: FileHandle,
    readonly path: string,
    private readonly clock: () => number,
    private readonly log: Logger,
    entries: readonly AuditEntry[],
    size: number,
  ) {
    this.size = size;
    for (const e of entries) for (const c of e.closes ?? []) this.recordedCloses.set(`${e.meetingId}/${c.roundId}`, { n: e.n, ballots: c.ballots, commitment: c.commitment, scheme: c.scheme ?? 'lines-v1' });
    const tail = entries[entries.length - 1];
    this.last = tail ? { n: tail.n, hash: tail.hash, seq: tail.seq } : { n: 0, hash: GENESIS, seq: 0 };
  }

  static async open(path: string, clock: () => number, log: Logger): Promise<AuditLog> {
    const fh = await open(path, 'a+');
    const buf = await fh.readFile();
    const { entries, bad, goodBytes } = parseAudit(buf.toString('utf8'));
    if (bad.length > 0) {
      await fh.close();
      const lines = entries.length + bad.length;
      const where = bad.length === 1 && bad[0] === lines ? `the last line (line ${lines}) is damaged, yet complete (it ends with its newline), so it is not a torn write` : `is damaged at line ${bad.join(', ')}`;
      throw new AuditCorruptError(`audit log ${path}: ${where}: refusing to start on a record that cannot be trusted (run npm run verify)`);
    }
    if (goodBytes < buf.length) {
      log.warn({ path, tornBytes: buf.length - goodBytes, kept: entries.length }, 'audit log: last entry was incomplete (crash during write); cut back to the last complete entry');
      await fh.truncate(goodBytes);
      await fh.datasync();
    }
    return new AuditLog(fh, path, clock, log, entries, goodBytes);
  }

  /** Records the journal holds but this log does not yet (the server stopped in between); `lines` as stored. */
  async catchUp(records: readonly JournalRecord[], lines: readonly string[], states: (meetingId: string, seq: number) => Promise<MeetingState | undefined>): Promise<void> {
    const missing = records.flatMap((r, i) => (r.seq > this.last.seq ? [{ r, line: lines[i] ?? '' }] : []));
    if (missing.length === 0) return;
    this.log.warn({ path: this.path, records: missing.length }, 'audit log: adding records the server stopped before auditing (marked recovered)');
    for (const { r, line } of missing) {
      const s = r.events.some((e) => e.t === 'round.closed') ? await states(r.meetingId, r.seq) : undefined;
      this.add({ meetingId: r.meetingId, seq: r.seq, line, events: r.events }, s, r.actor ?? null, true);
    }
    // One attempt, not until it succeeds: on a full disk the start goes on (the entries wait in
    // memory and are retried, as while running); waiting here would hang the start for ever.
    await new Promise<void>((resolve) => (this.writing ? this.attempted.push(resolve) : resolve()));
  }

  /**
   * Audit one durable record. Entries are built (hashed, serialized) and written together at
   * most AUDIT_BATCH_MS later: a group commit of 3,000 votes sends its acks first, then audits
   * them, and a stream of single votes costs one audit write per batch, not one per vote.
   * Their time is taken now, and the chain keeps record order.
   */
  record(rec: AuditedRecord, s: MeetingState | undefined, actor: string | null): void {
    // Only a record that closes a round needs its state (for the tally): others do not keep theirs alive.
    const closing = rec.events.some((e) => e.t === 'round.closed') ? s : undefined;
    this.deferred.push({ rec, s: closing, actor, at: this.clock() });
    if (this.deferred.length === 1) setTimeout(() => this.settle(), AUDIT_BATCH_MS).unref();
  }

  private deferred: { rec: AuditedRecord; s: MeetingState | undefined; actor: string | null; at: number }[] = [];

  /** Build the entries of the records audited so far. */
  private settle(): void {
    const records = this.deferred;
    this.deferred = [];
    for (const r of records) this.add(r.rec, r.s, r.actor, false, r.at);
  }

  private add(rec: AuditedRecord, s: MeetingState | undefined, actor: string | null, recovered: boolean, at = this.clock()): void {
    const { meetingId, seq, events } = rec;
    const closes = s ? closesOf(s, events) : [];
    // Keys in sorted order, as the hash reads them (canonicalJson need not sort).
    const { entry, line } = sealedLine({
      actor,
      at,
      ...(closes.length > 0 ? { closes } : {}),
      events: summarize(events),
      meetingId,
      n: this.last.n + 1,
      prev: this.last.hash,
      record: recordHash(rec.line),
      ...(recovered ? { recovered: true as const } : {}),
      ...(events.some((e) => e.t === 'voted') ? { salt: randomHex(16) } : {}),
      seq,
    });
    this.last = { n: entry.n, hash: entry.hash, seq };
    this.queue.push(line + '\n');
    if (!this.writing) this.writing = this.drain();
  }

  /** The newest entry's hash: publishing it commits to the whole history before it. */
  get head(): { n: number; hash: string } {
    this.settle();
    return { n: this.last.n, hash: this.last.hash };
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.join('');
      this.queue = [];
      const bytes = Buffer.from(batch, 'utf8');
      try {
        failIfFaulty(this.path);
        // Every byte, or an error: a full disk cuts a write short without one (write-fully.ts).
        await writeFully(this.fh, bytes, null);
        await this.fh.datasync();
        this.size += bytes.length;
        if (this.failing) this.log.info({ path: this.path }, 'audit log: writes succeed again');
        this.failing = false;
        this.attemptDone();
      } catch (e) {
        // Keep the entries (the chain in memory is intact) and try again shortly; a crash
        // meanwhile is made good at the next start from the journal.
        if (!this.failing) this.log.error({ path: this.path, err: e instanceof Error ? e.message : String(e) }, 'audit log: write failed; retrying');
        this.failing = true;
        this.queue.unshift(batch);
        // Back to the size before this write (what is really on disk): never longer, so never zero-filled.
        await this.fh.truncate(this.size).catch(() => undefined);
        this.attemptDone();
        if (this.closed) break;
        await new Promise((r) => setTimeout(r, RETRY_MS).unref());
      }
    }
    this.writing = null;
  }

  private attemptDone(): void {
    const waiting = this.attempted;
    this.attempted = [];
    for (const f of waiting) f();
  }

  async flushed(): Promise<void> {
    this.settle();
    while (this.writing) await this.writing;
  }

  async close(): Promise<void> {
    if (this.failing) this.closed = true; // what is not on disk is rebuilt from the journal at start
    await this.flushed();
    await this.fh.close();
  }
}
