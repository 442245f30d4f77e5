// [H4] The chain head is shown where people can write it down: every console view carries the
// head after its own record; a screen showing a closed round carries the head at close. What
// they show is what `verify --head` accepts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatChainHead } from '../../shared/chain-head.js';
import { checkedInDeputies, command, console_, login, receipt, screen, startServer, vote, type Harness } from '../test/harness.js';
import { verifyDataDir } from './verify-data.js';

let h: Harness;
const clients: { close(): void }[] = [];
beforeEach(async () => {
  h = await startServer({ demoSize: 3 });
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await h.close();
});

describe('[H4] the chain head on the console and the screen', () => {
  it('the console shows the head; the screen shows it with a closed result only; verify --head accepts both', async () => {
    const s = await login(h.url);
    const con = console_(h.url, s);
    const scr = screen(h.url);
    clients.push(con, scr);
    const first = await con.until((v) => v.auditHead !== undefined && v.auditHead !== null);
    expect(first.auditHead?.hash).toMatch(/^[0-9a-f]{64}$/);
    const deps = await checkedInDeputies(h.url, s, (c) => clients.push(c));
    expect(await command(con, { type: 'startRound', itemId: 'motion-appoint', countdownSec: 0 })).toEqual({ ok: true });
    const roundId = (await con.until((v) => v.activeRoundId !== null)).activeRoundId ?? '';
    for (const d of deps) expect(await vote(d, { roundId, submissionId: `s-${receipt()}`, receipt: receipt(), content: { kind: 'motion', choice: 'for' } })).toMatchObject({ ok: true });
    const open = await scr.until((v) => v.round?.id === roundId && v.round.status === 'open');
    expect(open.auditHead).toBeUndefined(); // nothing to write down while the vote is open
    expect(await command(con, { type: 'close', roundId })).toEqual({ ok: true });
    const closed = await scr.until((v) => v.round?.id === roundId && v.round.status === 'closed');
    const atClose = closed.auditHead;
    if (!atClose) throw new Error('no head on the screen at close');
    const later = await con.until((v) => (v.auditHead?.n ?? 0) >= atClose.n);
    if (!later.auditHead) throw new Error('no head on the console');
    for (const c of clients.splice(0)) c.close();
    await h.app.close();
    for (const head of [atClose, later.auditHead]) {
      const r = await verifyDataDir(h.dataDir, { head: formatChainHead(head) });
      expect(r.problems).toEqual([]);
      expect(r.figures.headFoundAt).toBe(head.n);
    }
    await h.restart();
  });
});
