// The append-only journal: one JSON line per committed record, fsynced before anyone is told.
// Group commit: records that arrive while a write is in flight are written together, with
// one fsync for the batch, on the disk worker (disk.ts). A batch that fails is cut back off
// the file, so the file holds exactly what was acknowledged.
import { open, readFile, type FileHandle } from 'node:fs/promises';
import { JournalRecord } from '../../shared/events.js';
import type { MeetingEvent } from '../../shared/events.js';
import type { Logger } from '../logger.js';
import { byBox, type BallotBox, type BoxWrite, type PassPlan } from './ballot-box.js';
import { DiskThread, type Disk } from './disk.js';
import { failIfFaulty } from './disk-faults.js';

interface Pending {
  readonly line: string;
  /** Secret ballots of this record, written to their ballot box before the line (ballot-box.ts). */
  readonly box: readonly BoxWrite[];
  readonly resolve: () => void;
  readonly reject: (e: Error) => void;
}

export interface Recovered {
  readonly records: JournalRecord[];
  /** Each record's line as stored (without its newline). */
  readonly lines: string[];
  /** Bytes cut from a torn last line, 0 if the file ended cleanly. */
  readonly tornBytes: number;
}

export class JournalCorruptError extends Error {
  constructor(
    readonly path: string,
    readonly line: number,
    /** Where the damaged line is: the last one, or one with records after it. */
    readonly where: { last: boolean; start: number; bytes: number },
  ) {
    super(
      where.last
        ? `journal ${path}: the last line (line ${line}, ${where.bytes} bytes from byte ${where.start}) is damaged, yet complete (it ends with its newline), so it is not a torn write: refusing to start on a record that cannot be trusted. Run npm run verify; if this record was never acknowledged, cut it off by hand with: truncate -s ${where.start} ${path}`
        : `journal ${path} is damaged at line ${line} (${where.bytes} bytes from byte ${where.start}; records follow it, so it is not a torn write): refusing to start on a record that cannot be trusted (run npm run verify)`,
    );
  }
}

/**
 * Parse the journal's bytes. Every record ends with '\n', so a crash mid-write leaves a last
 * segment without one: that tail is dropped. A complete line that does not parse is damage,
 * not a torn write, and throws wherever it is. `lines` holds each record's text as stored
 * (what the audit entry's `record` hash covers).
 */
export function parseJournal(path: string, data: Buffer | string): { records: JournalRecord[]; lines: string[]; goodBytes: number } {
  const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const records: JournalRecord[] = [];
  const lines: string[] = [];
  const goodBytes = buf.lastIndexOf(0x0a) + 1;
  let start = 0;
  while (start < goodBytes) {
    const end = buf.indexOf(0x0a, start);
    const line = buf.toString('utf8', start, end);
    const r = parseLine(line);
    if (!r) throw new JournalCorruptError(path, lines.length + 1, { last: end + 1 === goodBytes, start, bytes: end + 1 - start });
    records.push(r);
    lines.push(line);
    start = end + 1;
  }
  return { records, lines, goodBytes };
}

function parseLine(line: string): JournalRecord | null {
  try {
    const r = JournalRecord.safeParse(JSON.parse(line));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

export class Journal {
  private queue: Pending[] = [];
  private writing = false;
  private idle: (() => void)[] = [];
  private size: number;
  private seq: number;
  private failed = false;
  /** Boxes with acknowledged ballots still to be sealed. */
  private readonly sealing = new Set<BallotBox>();

  private constructor(
    private readonly fh: FileHandle,
    readonly path: string,
    size: number,
    seq: number,
    private readonly log: Logger,
    private readonly disk: Disk,
  ) {
    this.size = size;
    this.seq = seq;
  }

  /** `disk`: where writes and fsyncs run (disk.ts); by default a worker thread of the journal's own. */
  static async open(path: string, log: Logger, disk: Disk = new DiskThread()): Promise<{ journal: Journal } & Recovered> {
    const fh = await open(path, 'a+');
    const buf = await fh.readFile();
    const { records, lines, goodBytes } = parseJournal(path, buf);
    const tornBytes = buf.length - goodBytes;
    if (tornBytes > 0) {
      log.warn({ path, tornBytes, kept: records.length }, 'journal: last entry was incomplete (crash during write); cut back to the last complete entry');
      await fh.truncate(goodBytes);
      await fh.datasync();
    }
    const seq = records.length ? (records[records.length - 1]?.seq ?? 0) : 0;
    return { journal: new Journal(fh, path, goodBytes, seq, log, disk), records, lines, tornBytes };
  }

  /**
   * Cut the journal back to before record `seq`: at start only, for a last batch a power loss
   * left half-written (boxes.ts, partialBatchFrom). Returns the bytes cut.
   */
  async dropFrom(seq: number): Promise<number> {
    const text = await readFile(this.path, 'utf8'); // not through the handle: it reads from its position, at the end
    const { records } = parseJournal(this.path, text);
    // Line i holds records[i] (parseJournal), so the cut falls after the first k lines.
    const k = records.findIndex((r) => r.seq >= seq);
    if (k < 0) return 0;
    const at = Buffer.byteLength(text.split('\n').slice(0, k).map((l) => l + '\n').join(''));
    await this.fh.truncate(at);
    await this.fh.datasync();
    const cut = this.size - at;
    this.size = at;
    this.seq = records[k - 1]?.seq ?? 0;
    return cut;
  }

  get healthy(): boolean {
    return !this.failed;
  }

  /**
   * Append one record (and its secret ballots to their boxes); resolves once all is on disk with
   * its seq and its line as stored (without the newline: the audit entry hashes it).
   */
  append(meetingId: string, events: MeetingEvent[], box: readonly BoxWrite[] = [], actor: string | null = null): Promise<{ seq: number; line: string }> {
    this.seq += 1;
    const seq = this.seq;
    const text = JSON.stringify(actor === null ? { seq, meetingId, events } : { seq, meetingId, actor, events });
    const line = text + '\n';
    this.disk.poll(); // a batch that finished meanwhile acks now, not when the event loop gets to it
    return new Promise((resolve, reject) => {
      this.queue.push({ line, box, resolve: () => resolve({ seq, line: text }), reject });
      if (!this.writing) void this.drain();
    });
  }

  /** Resolves when everything appended so far is on disk (or has failed). */
  flushed(): Promise<void> {
    if (!this.writing && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  private async drain(): Promise<void> {
    this.writing = true;
    for (;;) {
      if (this.queue.length > 0) await this.writeBatch();
      else if (this.sealing.size > 0) await this.sealDeferred();
      else break;
    }
    this.writing = false;
    const idle = this.idle;
    this.idle = [];
    for (const f of idle) f();
  }

  /**
   * One group commit: the batch's secret ballots to their boxes (fsync), then its lines to
   * the journal (fsync), then the acks; all the steps run as one job on the disk (disk.ts).
   */
  private async writeBatch(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    const buf = Buffer.from(batch.map((p) => p.line).join(''), 'utf8');
    const boxes = byBox(batch.flatMap((p) => p.box));
    const plans: PassPlan[] = [];
    try {
      for (const [box, writes] of boxes) plans.push(await box.plan(writes));
      const ops = plans.flatMap((p) => p.ops);
      let journalFault: unknown = null;
      try {
        failIfFaulty(this.path);
      } catch (e) {
        journalFault = e; // simulated: the boxes are written, then the journal fails
      }
      if (journalFault === null) ops.push({ fd: this.fh.fd, buf, pos: null }, { fd: this.fh.fd, sync: true });
      try {
        await this.disk.run(ops);
      } catch (e) {
        for (const p of plans) p.failed();
        throw e;
      }
      for (const p of plans) p.done();
      if (journalFault !== null) throw journalFault;
      this.size += buf.length;
      if (this.failed) this.log.info({ path: this.path }, 'journal: writes succeed again');
      this.failed = false;
      for (const [box, writes] of boxes) {
        box.accepted(writes.flatMap((w) => (w.slot === null ? [] : [w.slot])));
        this.sealing.add(box);
      }
      for (const p of batch) p.resolve();
    } catch (e) {
      const error = e instanceof Error ? e : new Error(String(e));
      this.failed = true;
      this.log.error({ path: this.path, err: error.message }, 'journal: write failed; the batch is refused and cut off the file');
      // Records queued behind the failed batch were decided on a state that included it.
      const rest = this.queue;
      this.queue = [];
      this.seq -= batch.length + rest.length;
      await this.fh.truncate(this.size).catch(() => undefined);
      for (const [box, writes] of boxes) await box.abort(writes.flatMap((w) => (w.slot === null ? [] : [w.slot])));
      // Their versions are handed out again (a version counts the deputy's recorded votes).
      for (const [box, writes] of byBox([...batch, ...rest].flatMap((p) => p.box))) box.forget(writes);
      for (const p of [...batch, ...rest]) p.reject(error);
    }
  }

  /**
   * Unlink acknowledged ballots from their submission ids once no vote is waiting: while votes
   * keep coming, this rides along with the next batch's box write (ballot-box.ts). A failure
   * here loses nothing (start-up seals).
   */
  private async sealDeferred(): Promise<void> {
    const boxes = [...this.sealing];
    this.sealing.clear();
    for (const box of boxes) {
      try {
        await box.flushDeferred(this.disk);
        if (box.hasDeferred) this.sealing.add(box);
      } catch (e) {
        this.log.error({ path: box.path, err: e instanceof Error ? e.message : String(e) }, 'ballot box: sealing failed; it is completed with the next ballot or at the next start');
      }
    }
  }

  async close(): Promise<void> {
    await this.flushed();
    await this.disk.close();
    await this.fh.close();
  }
}
