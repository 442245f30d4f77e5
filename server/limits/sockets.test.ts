// [E4] [E5] [E6] [E3] Limits on the real in-process server (test/harness.ts): sockets per
// deputy link, one rate allowance per link, a secret round that cannot open its ballot box,
// and the console's alarm when an import makes the roster outgrow the open-file limit.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Ack } from '../../shared/protocol.js';
import { setDiskFault } from '../store/disk-faults.js';
import { BALLOTS_DIR } from '../store/boxes.js';
import { api, csv, rosterRows } from '../test/api.js';
import { command, console_, deputy, emit, links, serverPerTest, type Client } from '../test/harness.js';
import type { DeputyView } from '../../shared/views.js';

const t = serverPerTest({ demoSize: 5, maxSocketsPerLink: 3, openFileLimit: { soft: 400, hard: 400 } });

const connected = (c: Client<DeputyView>) => c.until(() => true);
const disconnected = (c: Client<DeputyView>) => new Promise<string>((resolve) => (c.socket.connected ? c.socket.once('disconnect', resolve) : resolve('already')));

describe('[E4] sockets per deputy link', () => {
  it('[E4] a fourth socket on one link is let in and the oldest is hung up; other links are not touched', async () => {
    const [l0, l1] = await links(t.h.url, t.session);
    const url = l0?.url ?? '';
    const first = t.track(deputy(t.h.url, url));
    await connected(first);
    const gone = disconnected(first);
    const others = [t.track(deputy(t.h.url, url)), t.track(deputy(t.h.url, url))];
    for (const o of others) await connected(o);
    const neighbour = t.track(deputy(t.h.url, l1?.url ?? ''));
    await connected(neighbour);
    expect(first.socket.connected).toBe(true);

    const newest = t.track(deputy(t.h.url, url));
    await connected(newest);
    expect(await gone).toBe('io server disconnect');
    expect(await emit(newest.socket, 'checkIn', {})).toEqual({ ok: true });
    for (const o of [...others, neighbour]) expect(o.socket.connected).toBe(true);
    // The hung-up page does not come back by itself (two tabs do not take turns).
    await new Promise((r) => setTimeout(r, 300));
    expect(first.socket.connected).toBe(false);
  });
});

describe('[E5] one rate allowance per link', () => {
  it('[E5] three sockets on one link share one allowance: together they get no more than one connection would', async () => {
    const [l0, l1] = await links(t.h.url, t.session);
    const socks = Array.from({ length: 3 }, () => t.track(deputy(t.h.url, l0?.url ?? '')));
    for (const s of socks) await connected(s);
    // 3 × 30 events at once: one connection alone could send 30 (burst 40); the link may send 40 in all.
    const answers = (await Promise.all(socks.map((s) => Promise.all(Array.from({ length: 30 }, () => emit(s.socket, 'checkIn', {})))))).flat();
    const passed = answers.filter((a: Ack) => a.ok).length;
    expect(passed).toBeLessThanOrEqual(41);
    expect(answers.filter((a: Ack) => !a.ok && a.error === 'RATE_LIMITED').length).toBeGreaterThanOrEqual(90 - 41);
    // Another link has its own allowance.
    const other = t.track(deputy(t.h.url, l1?.url ?? ''));
    await connected(other);
    expect(await emit(other.socket, 'checkIn', {})).toEqual({ ok: true });
  });
});

describe('[E6] a secret round starts only with its ballot box open', () => {
  it('[E6] when the box cannot be created the start is refused STORAGE_FAILED, no round opens; once it can, the round starts', async () => {
    const con = t.track(console_(t.h.url, t.session));
    await con.until(() => true);
    const boxes = join(t.h.dataDir, BALLOTS_DIR);
    setDiskFault(boxes, 'ENOSPC');
    try {
      expect(await command(con, { type: 'startRound', itemId: 'motion-budget', countdownSec: 0, confirmNoQuorum: true })).toEqual({ ok: false, error: 'STORAGE_FAILED' });
      await new Promise((r) => setTimeout(r, 150));
      expect(con.latest()?.activeRoundId).toBeNull();
      expect(t.h.app.ctx.meetings.get('demo')?.activeRoundId).toBeNull();
    } finally {
      setDiskFault(boxes, null);
    }
    expect(await command(con, { type: 'startRound', itemId: 'motion-budget', countdownSec: 0, confirmNoQuorum: true })).toEqual({ ok: true });
    const roundId = (await con.until((v) => v.activeRoundId !== null)).activeRoundId ?? '';
    const [l0] = await links(t.h.url, t.session);
    const d = t.track(deputy(t.h.url, l0?.url ?? ''));
    await connected(d);
    expect(await emit(d.socket, 'checkIn', {})).toEqual({ ok: true });
    expect(await emit(d.socket, 'vote', { roundId, submissionId: 's1', receipt: 'ABCDEFGH', content: { kind: 'motion', choice: 'for' } })).toMatchObject({ ok: true });
  });
});

describe('[E3] the open-file need follows the roster', () => {
  it('[E3] importing a roster too big for the limit alarms the console; a smaller one clears it', async () => {
    const con = t.track(console_(t.h.url, t.session));
    await con.until(() => true);
    const alarms: { code: string }[] = [];
    con.socket.on('alarm', (a: { code: string }) => alarms.push(a));
    // Limit 400: 64 + 32 + 100 + 2 × roster fits 102 deputies, not 150.
    const big = await api(t.h.url, 'POST', '/api/meetings/demo/import/roster?filename=r.csv&commit=1', { session: t.session, raw: csv(rosterRows(150)) });
    expect(big.status).toBe(200);
    await expect.poll(() => alarms.map((a) => a.code)).toEqual(['OPEN_FILES_LOW']);
    expect(t.h.app.fds.low).toBe(true);
    // A console that connects now hears it too.
    const late = t.track(console_(t.h.url, t.session));
    const heard = new Promise<{ code: string }>((resolve) => late.socket.once('alarm', resolve));
    expect((await heard).code).toBe('OPEN_FILES_LOW');
    const small = await api(t.h.url, 'POST', '/api/meetings/demo/import/roster?filename=r.csv&commit=1', { session: t.session, raw: csv(rosterRows(50)) });
    expect(small.status).toBe(200);
    await expect.poll(() => alarms.map((a) => a.code)).toEqual(['OPEN_FILES_LOW', 'OPEN_FILES_OK']);
  });
});
