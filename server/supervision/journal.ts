// The supervision journal (data/supervision.jsonl): one JSON line per change, fsynced before the
// answer, each line carrying the console user and a SHA-256 chained to the line before (U12), so
// the file is its own audit log. Changes are a few a day, so there is no group commit: one
// write and one fdatasync per line. A torn last line (a crash mid-write, no newline) is cut off;
// any other damage, or a broken chain, refuses the start.
import { hash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import { canonicalJson } from '../../shared/commitment.js';
import { SupervisionRecord, type SupervisionEvent } from '../../shared/supervision/model.js';
import type { Logger } from '../logger.js';

export const SUPERVISION_FILE = 'supervision.jsonl';
export const GENESIS = '0'.repeat(64);

export class SupervisionCorruptError extends Error {}

/** The hash of a record: over every field but the hash, in canonical JSON. */
export function recordHashOf(r: Omit<SupervisionRecord, 'hash'>): string {
  return hash('sha256', canonicalJson({ seq: r.seq, at: r.at, actor: r.actor, event: r.event, prev: r.prev }), 'hex');
}

export function parseSupervision(path: string, text: string): { records: SupervisionRecord[]; goodBytes: number } {
  const buf = Buffer.from(text, 'utf8');
  const goodBytes = buf.lastIndexOf(0x0a) + 1;
  const records: SupervisionRecord[] = [];
  let prev = GENESIS;
  for (const [i, line] of buf.toString('utf8', 0, goodBytes).split('\n').slice(0, -1).entries()) {
    let r: SupervisionRecord;
    try {
      r = SupervisionRecord.parse(JSON.parse(line));
    } catch {
      throw new SupervisionCorruptError(`${path}: line ${i + 1} is damaged; refusing to start on a record that cannot be trusted`);
    }
    if (r.seq !== i + 1 || r.prev !== prev || r.hash !== recordHashOf(r)) {
      throw new SupervisionCorruptError(`${path}: line ${i + 1} does not follow the line before (seq, previous hash or its own hash): a line was changed or removed`);
    }
    records.push(r);
    prev = r.hash;
  }
  return { records, goodBytes };
}

export class SupervisionJournal {
  private last: string;
  private seq: number;

  private constructor(
    private readonly fh: FileHandle,
    private size: number,
    records: readonly SupervisionRecord[],
  ) {
    this.last = records[records.length - 1]?.hash ?? GENESIS;
    this.seq = records.length;
  }

  static async open(path: string, log: Logger): Promise<{ journal: SupervisionJournal; records: SupervisionRecord[] }> {
    const fh = await open(path, 'a+');
    try {
      const text = await fh.readFile('utf8');
      const { records, goodBytes } = parseSupervision(path, text);
      const bytes = Buffer.byteLength(text, 'utf8');
      if (goodBytes < bytes) {
        log.warn({ path, bytes: bytes - goodBytes }, 'supervision journal: a torn last line (never acknowledged) cut off');
        await fh.truncate(goodBytes);
        await fh.datasync();
      }
      return { journal: new SupervisionJournal(fh, goodBytes, records), records };
    } catch (e) {
      await fh.close();
      throw e;
    }
  }

  /** Write the events as records; resolves once they are on disk. Callers serialise (service.ts). */
  async append(events: readonly SupervisionEvent[], at: number, actor: string | null): Promise<SupervisionRecord[]> {
    const out: SupervisionRecord[] = [];
    let prev = this.last;
    let seq = this.seq;
    for (const event of events) {
      const body = { seq: ++seq, at, actor, event, prev };
      const r: SupervisionRecord = { ...body, hash: recordHashOf(body) };
      out.push(r);
      prev = r.hash;
    }
    const data = Buffer.from(out.map((r) => JSON.stringify(r) + '\n').join(''), 'utf8');
    try {
      await this.fh.write(data, 0, data.length, this.size);
      await this.fh.datasync();
    } catch (e) {
      // What was not acknowledged must not stay: cut back to the last good byte.
      await this.fh.truncate(this.size).catch(() => undefined);
      throw e;
    }
    this.size += data.length;
    this.seq = seq;
    this.last = prev;
    return out;
  }

  async close(): Promise<void> {
    await this.fh.close();
  }
}
