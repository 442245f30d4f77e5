// [F2] Torn writes: a crash in the middle of writing the last entry must cost that entry only,
// say so in the log, and never let the server start on a record it cannot trust.
import { mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MeetingEvent } from '../../shared/events.js';
import { createApp } from '../app.js';
import { demoMeeting } from '../demo.js';
import { memoryLogger } from '../logger.js';
import { inProcessDisk } from './disk.js';
import { Journal, JournalCorruptError } from './journal.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wz-journal-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const created = demoMeeting(1_700_000_000_000, 4);
const checkin = (d: string): MeetingEvent => ({ t: 'checkin', at: 1_700_000_000_100, deputyId: d, by: 'self' });

/** A journal of three records; returns its bytes and where the last record starts. */
async function sample(path: string): Promise<{ full: Buffer; lastStart: number }> {
  const { journal } = await Journal.open(path, memoryLogger());
  await journal.append('demo', [created]);
  await journal.append('demo', [checkin('d001')]);
  const mid = (await readFile(path)).length;
  // The last entry holds Chinese text, so some cuts fall inside a multi-byte character.
  await journal.append('demo', [{ t: 'round.voided', at: 1_700_000_000_200, roundId: 'r1', reason: '设备故障，重新表决' }, checkin('d002')]);
  await journal.close();
  return { full: await readFile(path), lastStart: mid };
}

describe('[F2] a torn last entry', () => {
  it('is cut back to the last complete entry at every byte, with a log line', { timeout: 60_000 }, async () => {
    const path = join(dir, 'journal.jsonl');
    const { full, lastStart } = await sample(path);
    expect(full.length - lastStart).toBeGreaterThan(100);
    for (let cut = lastStart; cut < full.length; cut++) {
      await writeFile(path, full.subarray(0, cut));
      const log = memoryLogger();
      const { journal, records, tornBytes } = await Journal.open(path, log, inProcessDisk); // no worker thread per cut
      expect(records.map((r) => r.seq)).toEqual([1, 2]);
      expect(tornBytes).toBe(cut - lastStart);
      const warned = log.lines.filter((l) => l.level === 'warn' && l.msg.includes('cut back to the last complete entry'));
      expect(warned.length).toBe(cut === lastStart ? 0 : 1);
      // The file now ends cleanly and the next append continues the sequence.
      await journal.append('demo', [checkin('d003')]);
      await journal.close();
      const again = await Journal.open(path, memoryLogger(), inProcessDisk);
      expect(again.records.map((r) => r.seq)).toEqual([1, 2, 3]);
      expect(again.tornBytes).toBe(0);
      await again.journal.close();
    }
  });

  it('keeps every entry when the file ends cleanly', async () => {
    const path = join(dir, 'journal.jsonl');
    await sample(path);
    const log = memoryLogger();
    const { journal, records, tornBytes } = await Journal.open(path, log);
    await journal.close();
    expect(records.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(tornBytes).toBe(0);
    expect(log.lines.filter((l) => l.level !== 'info')).toEqual([]);
  });
});

describe('[F2] damage that is not a torn write', () => {
  it('a broken entry before the last one refuses to start, naming the line', async () => {
    const path = join(dir, 'journal.jsonl');
    const { full } = await sample(path);
    const text = full.toString('utf8').replace('"deputyId":"d001"', '"deputyId":"d 1"');
    await writeFile(path, text);
    await expect(Journal.open(path, memoryLogger())).rejects.toThrow(JournalCorruptError);
    await expect(Journal.open(path, memoryLogger())).rejects.toThrow(/line 2 .*cannot be trusted/);
    // Nothing was cut off a file that was refused.
    expect((await readFile(path, 'utf8')).length).toBe(text.length);
  });

  it('a garbled last line that still ends with its newline is named as the last line, with its size and how to cut it', async () => {
    const path = join(dir, 'journal.jsonl');
    const { full, lastStart } = await sample(path);
    const garbled = Buffer.from(full);
    garbled[lastStart + 5] = 0x7b; // '{' inside the line: no longer JSON, but the newline is there
    await writeFile(path, garbled);
    const err = await Journal.open(path, memoryLogger()).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(JournalCorruptError);
    const msg = (err as Error).message;
    expect(msg).not.toMatch(/not the last line/);
    expect(msg).toContain(`the last line (line 3, ${full.length - lastStart} bytes from byte ${lastStart}) is damaged`);
    expect(msg).toMatch(/not a torn write/);
    expect(msg).toContain(`truncate -s ${lastStart}`);
    expect((await readFile(path)).equals(garbled)).toBe(true); // refused, not cut
  });

  it('the server itself refuses to start on a damaged record', async () => {
    const path = join(dir, 'journal.jsonl');
    const { full } = await sample(path);
    await writeFile(path, full.toString('utf8').replace('"seq":2', '"seq":"two"'));
    await expect(createApp({ dataDir: dir, logger: memoryLogger(), clientDir: null })).rejects.toThrow(JournalCorruptError);
  });

  it('a server started on a torn record says so in its log and serves the complete entries', async () => {
    const path = join(dir, 'journal.jsonl');
    const { full, lastStart } = await sample(path);
    await truncate(path, lastStart + 7);
    const log = memoryLogger();
    const app = await createApp({ dataDir: dir, logger: log, clientDir: null, adminPassword: 'pw' });
    try {
      expect(app.ctx.meetings.get('demo')?.presentCount).toBe(1);
      expect(log.lines.some((l) => l.level === 'warn' && l.fields.tornBytes === 7)).toBe(true);
    } finally {
      await app.close();
    }
    expect(full.length).toBeGreaterThan(lastStart + 7);
  });
});
