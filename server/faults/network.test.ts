// [F4] Network faults: many phones dropping and reconnecting in the middle of a vote, and a
// ballot queued while a phone slept that arrives after close.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NS, type VoteAck } from '../../shared/protocol.js';
import type { DeputyView } from '../../shared/views.js';
import { command, console_, deputy, emit, links, login, receipt, startServer, type Harness } from '../test/harness.js';
import { retryingClient, type RetryingClient } from './clients.js';
import { rng } from './rng.js';

let h: Harness;
let closers: { close(): void }[] = [];
const track = <T extends { close(): void }>(c: T): T => (closers.push(c), c);
beforeEach(async () => {
  h = await startServer({ demoSize: 40 });
});
afterEach(async () => {
  for (const c of closers) c.close();
  closers = [];
  await h.close();
});

describe('[F4] phones on a bad network', () => {
  it('40 phones dropping their connection mid-vote, many at once: every ballot counted once', async () => {
    const r = rng(404);
    const s = await login(h.url);
    const con = track(console_(h.url, s));
    await con.until(() => true);
    const phones: RetryingClient[] = (await links(h.url, s)).map((l) => track(retryingClient(h.url, NS.deputy, { token: l.url.split('/d/')[1] })));
    for (const p of phones) expect(await p.request('checkIn', {})).toEqual({ ok: true });
    expect(await command(con, { type: 'startRound', itemId: 'motion-budget', countdownSec: 0, confirmNoQuorum: true })).toEqual({ ok: true });
    const roundId = (await con.until((v) => v.activeRoundId !== null)).activeRoundId ?? '';

    let drops = 0;
    const results = await Promise.all(
      phones.map(async (p, i) => {
        await new Promise((res) => setTimeout(res, r.int(0, 150)));
        const payload = { roundId, submissionId: `sub-${i}`, receipt: receipt(), content: { kind: 'motion', choice: r.pick(['for', 'against', 'abstain']) } };
        const sent = p.request<VoteAck>('vote', payload);
        // Two thirds of the phones lose their connection just after sending, some twice.
        for (let k = 0; k < (i % 3 === 0 ? 0 : i % 3); k++) {
          await new Promise((res) => setTimeout(res, r.int(0, 40)));
          while (!p.socket.connected) await new Promise((res) => setTimeout(res, 10));
          p.socket.io.engine.close(); // the network drops under an open connection
          drops += 1;
        }
        return { payload, ack: await sent };
      }),
    );
    expect(drops).toBe(13 * 1 + 13 * 2); // phones 1,4,7.. drop once; 2,5,8.. twice
    for (const { ack } of results) expect(ack.ok).toBe(true);
    const v = await con.until((x) => x.rounds[0]?.voterCount === 40);
    const counts = { for: 0, against: 0, abstain: 0 };
    for (const { payload } of results) counts[payload.content.choice as keyof typeof counts] += 1;
    expect(await command(con, { type: 'close', roundId })).toEqual({ ok: true });
    const fin = await con.until((x) => x.rounds[0]?.status === 'closed');
    expect(fin.rounds[0]?.result).toMatchObject({ ...counts, cast: 40 });
    expect(v.rounds[0]?.voterCount).toBe(40);
  });

  it('a ballot queued while the phone slept, arriving after close, is refused with ROUND_CLOSED', async () => {
    const s = await login(h.url);
    const con = track(console_(h.url, s));
    await con.until(() => true);
    const [l] = await links(h.url, s);
    const d = track(deputy(h.url, l?.url ?? ''));
    await d.until(() => true);
    expect(await emit(d.socket, 'checkIn', {})).toEqual({ ok: true });
    expect(await command(con, { type: 'startRound', itemId: 'motion-budget', countdownSec: 0, confirmNoQuorum: true })).toEqual({ ok: true });
    const roundId = (await con.until((v) => v.activeRoundId !== null)).activeRoundId ?? '';
    await d.until((v: DeputyView) => v.round?.id === roundId);

    d.socket.disconnect(); // the phone goes to sleep; socket.io keeps the emit in its send buffer
    const late = emit<VoteAck>(d.socket, 'vote', { roundId, submissionId: 'sub-late', receipt: receipt(), content: { kind: 'motion', choice: 'for' } }, 8000);
    expect(await command(con, { type: 'close', roundId })).toEqual({ ok: true });
    await con.until((v) => v.rounds[0]?.status === 'closed');
    d.socket.connect(); // it wakes up: the queued ballot goes out now
    expect(await late).toEqual({ ok: false, error: 'ROUND_CLOSED' });
    // And the phone's fresh view says why: the round is closed, nothing of its own recorded.
    const v = await d.until((x) => x.round?.status === 'closed');
    expect(v.mySubmission).toBeNull();
    const fin = await con.until((x) => x.rounds[0]?.status === 'closed');
    expect(fin.rounds[0]?.voterCount).toBe(0);
  });
});
