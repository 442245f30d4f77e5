// Read a data folder without changing it: the journal's complete records folded into each
// meeting's state. Used by `verify` and by the fault tests to compare what the server
// acknowledged with what is really on disk.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { JournalRecord } from '../../shared/events.js';
import { reduce, type MeetingState } from '../../shared/state.js';
import { parseJournal } from './journal.js';

export const JOURNAL_FILE = 'journal.jsonl';

export interface DataDirContents {
  readonly records: JournalRecord[];
  /** Bytes after the last complete record (a torn write not yet cut off by a start). */
  readonly tornBytes: number;
  readonly meetings: Map<string, MeetingState>;
}

/** Fold journal records into per-meeting states. */
export function foldRecords(records: readonly JournalRecord[]): Map<string, MeetingState> {
  const out = new Map<string, MeetingState>();
  for (const rec of records) {
    let s = out.get(rec.meetingId);
    for (const e of rec.events) s = reduce(s, e);
    if (s) out.set(rec.meetingId, s);
  }
  return out;
}

export async function readDataDir(dir: string): Promise<DataDirContents> {
  const path = join(dir, JOURNAL_FILE);
  const buf = await readFile(path).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return Buffer.alloc(0);
    throw e;
  });
  const { records, goodBytes } = parseJournal(path, buf.toString('utf8'));
  return { records, tornBytes: buf.length - goodBytes, meetings: foldRecords(records) };
}
