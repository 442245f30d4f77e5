// [F3] A real full disk: the data folder on a tmpfs of a few MB, filled up while deputies vote.
// Writes are cut short part-way (not refused before the first byte, as in disk.test.ts): the
// votes that do not fit are answered STORAGE_FAILED, and once there is room again the server
// starts, every acknowledged vote is there, and `verify` finds nothing wrong.
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ballotsOf } from '../../shared/state.js';
import type { DeputyView } from '../../shared/views.js';
import { verifyDataDir } from '../audit/verify-data.js';
import { readDataDir } from '../store/load.js';
import { checkedInDeputies, command, console_, login, receipt, startServer, vote, type Client } from '../test/harness.js';
import { canMount, mountSmallDisk, type SmallDisk } from './tmpfs.js';

const mountable = canMount();
if (!mountable) console.warn('full-disk.test.ts: SKIPPED, mounting a tmpfs needs root (CI runs as root and runs it)');

let disk: SmallDisk | null = null;
beforeAll(async () => {
  if (mountable) disk = await mountSmallDisk(4);
});
afterAll(async () => {
  await disk?.unmount();
});

/** How much room is left when the votes start, in bytes: each cuts a different write short. */
const LEAVES = [0, 1500, 4000];
/** A named vote (ballots in the journal: journal and audit log race for the last pages) and a secret one (ballot box too). */
const CASES = LEAVES.flatMap((leave) => [{ leave, item: 'motion-budget', named: true }, { leave, item: 'motion-appoint', named: false }]);

describe.skipIf(!mountable)('[F3] a real full disk (tmpfs)', () => {
  it.each(CASES)('votes until the disk is full ($leave bytes left, $item named: $named): refused ones are not acked; after freeing space the server starts with every acked vote and verify passes', { timeout: 60_000 }, async ({ leave, item, named }) => {
    if (!disk) throw new Error('no tmpfs');
    const dataDir = join(disk.dir, `data-${leave}-${item}`);
    await mkdir(dataDir);
    const h = await startServer({ demoSize: 40 }, dataDir);
    const clients: { close(): void }[] = [];
    try {
      const s = await login(h.url);
      const con = console_(h.url, s);
      clients.push(con);
      await con.until(() => true);
      const deps = await checkedInDeputies(h.url, s, (c) => clients.push(c));
      if (named) {
        const agenda = (h.app.ctx.meetings.get('demo')?.agenda ?? []).map((i) => (i.id === item && i.kind === 'motion' ? { ...i, settings: { ...i.settings, secret: false } } : i));
        const put = await fetch(`${h.url}/api/meetings/demo/agenda`, { method: 'PUT', headers: { authorization: `Bearer ${s}`, 'content-type': 'application/json' }, body: JSON.stringify({ agenda }) });
        expect(put.status).toBe(200);
      }
      expect(await command(con, { type: 'startRound', itemId: item, countdownSec: 0 })).toEqual({ ok: true });
      const roundId = (await con.until((v) => v.activeRoundId !== null)).activeRoundId ?? '';

      await disk.fill(leave);
      const acked: string[] = [];
      const refused: { d: Client<DeputyView>; p: object; receipt: string }[] = [];
      const choices = ['for', 'against', 'abstain'];
      for (const [i, d] of deps.entries()) {
        const p = { roundId, submissionId: `s-${receipt()}`, receipt: receipt(), content: { kind: 'motion', choice: choices[i % 3] } };
        const a = await vote(d, p);
        if (a.ok) acked.push(p.receipt);
        else {
          expect(a).toEqual({ ok: false, error: 'STORAGE_FAILED' });
          refused.push({ d, p, receipt: p.receipt });
        }
      }
      expect(refused.length).toBeGreaterThan(0); // the disk did fill up
      await new Promise((r) => setTimeout(r, 700)); // the audit log tries (and fails) again meanwhile

      // Room again while the server runs: the refused phones resend, the round closes.
      await disk.free();
      for (const r of refused) {
        expect(await vote(r.d, r.p)).toMatchObject({ ok: true });
        acked.push(r.receipt);
      }
      expect(await command(con, { type: 'close', roundId })).toEqual({ ok: true });
      await con.until((v) => v.rounds.some((r) => r.id === roundId && r.status === 'closed'));
      for (const c of clients) c.close();
      await h.restart(); // starts: nothing on disk is damaged

      // Full again, then stopped while full: the next start still finds everything whole.
      const s2 = await login(h.url);
      await disk.fill(0);
      // The other writers: a login (db.json) and an evidence upload fail cleanly, leaving nothing half-written.
      await login(h.url).then(
        () => expect.unreachable('a login stored its session on a full disk'),
        () => undefined,
      );
      expect((await readdir(dataDir)).filter((f) => f.startsWith('db.json'))).toEqual(['db.json']);
      const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(256 * 1024, 7)]);
      const up = await fetch(`${h.url}/api/media`, { method: 'POST', headers: { authorization: `Bearer ${s2}`, 'content-type': 'application/octet-stream' }, body: png });
      expect(up.status).toBe(500);
      expect(await readdir(join(dataDir, 'media')).catch(() => [])).toEqual([]);
      await h.app.close();
      await disk.free();
      await h.restart();
      await h.app.close();
      const round = (await readDataDir(dataDir)).meetings.get('demo')?.rounds.get(roundId);
      const stored = new Set(round ? ballotsOf(round).map((b) => b.receipt) : []);
      for (const r of acked) expect(stored.has(r), `acked ballot ${r} is on disk`).toBe(true);
      const report = await verifyDataDir(dataDir);
      expect(report.problems).toEqual([]);
      expect(report.ok).toBe(true);
    } finally {
      for (const c of clients) c.close();
      await h.close();
      await disk.free();
    }
  });
});
