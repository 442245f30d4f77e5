// Backup while votes arrive, restore into a new folder, verify, start on it; the data format
// marker: a format-1 folder migrated with its copy kept, a newer one refused.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeputyView } from '../../shared/views.js';
import { verifyDataDir } from '../audit/verify-data.js';
import { readDataDir } from '../store/load.js';
import { command, console_, deputy, emit, links, login, receipt, startServer, vote, type Client } from '../test/harness.js';
import { backup, checkManifest, restore } from './backup.js';
import { DATA_FORMAT, UPGRADES_DIR } from './format.js';

const temp: string[] = [];
const closers: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const c of closers.splice(0).reverse()) await c();
  for (const d of temp.splice(0)) await rm(d, { recursive: true, force: true });
});
const tempDir = async () => {
  const d = await mkdtemp(join(tmpdir(), 'wz-backup-'));
  temp.push(d);
  return d;
};

describe('backup and restore', () => {
  it('a backup taken while votes arrive restores into a new folder that verifies and holds every vote acked before it began', async () => {
    const N = 30;
    const h = await startServer({ demoSize: N });
    closers.push(() => h.close());
    const session = await login(h.url);
    const con = console_(h.url, session);
    closers.push(() => con.close());
    await con.until(() => true);
    const deps: Client<DeputyView>[] = [];
    for (const l of await links(h.url, session)) {
      const d = deputy(h.url, l.url);
      closers.push(() => d.close());
      await d.until(() => true);
      expect(await emit(d.socket, 'checkIn', {})).toEqual({ ok: true });
      deps.push(d);
    }
    // a secret round: ballots go to the ballot box, participation to the journal
    expect(await command(con, { type: 'startRound', itemId: 'motion-appoint', countdownSec: 0 })).toEqual({ ok: true });
    const roundId = (await con.until((v) => v.activeRoundId !== null)).activeRoundId ?? '';
    const cast = (d: Client<DeputyView>) => {
      const r = receipt();
      return vote(d, { roundId, submissionId: `sub-${r}`, receipt: r, content: { kind: 'motion', choice: 'for' } }).then((ack) => ({ ack, receipt: r }));
    };
    const before = await Promise.all(deps.slice(0, 10).map(cast));
    for (const b of before) expect(b.ack).toMatchObject({ ok: true });

    const out = join(await tempDir(), 'backup');
    const during = Promise.all(deps.slice(10).map(cast)); // the rest arrive while the copy is taken
    const taken = await backup(h.dataDir, out);
    const after = await during;
    for (const a of after) expect(a.ack).toMatchObject({ ok: true });
    expect(taken.report.ok).toBe(true);
    expect(taken.manifest.dataFormat).toBe(DATA_FORMAT);
    expect(taken.manifest.files.map((f) => f.path)).toEqual(expect.arrayContaining(['journal.jsonl', 'audit.jsonl', 'db.json', 'FORMAT', `ballots/demo/${roundId}.box`]));
    await checkManifest(out);

    const target = join(await tempDir(), 'restored');
    const restored = await restore(out, target);
    expect(restored.report.ok).toBe(true);
    expect((await verifyDataDir(target)).problems).toEqual([]);

    const disk = await readDataDir(target);
    const receipts = new Set((disk.boxBallots.get(`demo/${roundId}`) ?? []).map((b) => b.receipt));
    for (const b of before) expect(receipts.has(b.receipt)).toBe(true);

    const h2 = await startServer({ demoSize: N }, target);
    closers.push(() => h2.close());
    const round = h2.app.ctx.meetings.get('demo')?.rounds.get(roundId);
    expect(round?.voterCount).toBeGreaterThanOrEqual(before.length);
    expect(((await (await fetch(`${h2.url}/api/health`)).json()) as { storage: string }).storage).toBe('ok');
    // the deputies' links of the backup work on the restored server
    const [first] = await links(h2.url, await login(h2.url));
    const d = deputy(h2.url, first!.url);
    closers.push(() => d.close());
    expect((await d.until(() => true)).meeting).toBeDefined();
  }, 60_000);

  it('a damaged backup is refused at restore, and a non-empty target folder is not overwritten', async () => {
    const h = await startServer({ demoSize: 3 });
    closers.push(() => h.close());
    const out = join(await tempDir(), 'b');
    await backup(h.dataDir, out);
    const occupied = await tempDir();
    await writeFile(join(occupied, 'something'), 'x');
    await expect(restore(out, occupied)).rejects.toThrow(/is not empty/);
    await writeFile(join(out, 'journal.jsonl'), 'tampered\n', { flag: 'a' });
    await expect(restore(out, join(await tempDir(), 'r'))).rejects.toThrow(/journal.jsonl does not match its SHA-256/);
  });
});

describe('data format', () => {
  it('a folder of the previous format (no FORMAT marker = format 1) is migrated at start, and its files are copied first', async () => {
    const dir = await tempDir();
    const h = await startServer({ demoSize: 3 }, dir);
    await h.close();
    await rm(join(dir, 'FORMAT'));
    const journal = await readFile(join(dir, 'journal.jsonl'));
    const h2 = await startServer({ demoSize: 3 }, dir);
    closers.push(() => h2.close());
    expect(await readFile(join(dir, 'FORMAT'), 'utf8')).toBe(`wenzheng-data ${DATA_FORMAT}\n`);
    const [kept] = await readdir(join(dir, UPGRADES_DIR));
    expect(kept).toMatch(/^format-1-/);
    expect(await readFile(join(dir, UPGRADES_DIR, kept!, 'journal.jsonl'))).toEqual(journal);
    expect(h2.log.lines.some((l) => l.msg.includes('migrated') && l.fields.keptCopy)).toBe(true);
    expect((await verifyDataDir(dir)).ok).toBe(true);
  });

  it('a folder in a newer format is refused with a message, and left as it was', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'FORMAT'), `wenzheng-data ${DATA_FORMAT + 1}\n`);
    await expect(startServer({ demoSize: 3 }, dir)).rejects.toThrow(`data format ${DATA_FORMAT + 1}, written by a newer version`);
    expect(await readdir(dir)).toEqual(['FORMAT']);
  });
});
