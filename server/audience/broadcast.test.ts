// The audience page is sent again only when it changed (SPEC Y7 keeps tallies off it, so a
// deputy's vote does not change it): every vote moves the meeting's state, and re-sending the
// page to every viewer per vote would cost one write per viewer for nothing (docs/PERFORMANCE.md).
import { describe, expect, it } from 'vitest';
import type { AudienceView } from '../../shared/audience-view.js';
import { NS } from '../../shared/protocol.js';
import { checkedInDeputies, command, connect, console_, receipt, serverPerTest, vote } from '../test/harness.js';

describe('[Y7] the audience page on the core', () => {
  const t = serverPerTest({ demoSize: 5 });

  it('is not sent again for votes that leave it as it was; a change still reaches it', async () => {
    const con = t.track(console_(t.h.url, t.session));
    await con.until(() => true);
    const deps = await checkedInDeputies(t.h.url, t.session, t.track);
    const page = t.track(connect<AudienceView>(t.h.url, NS.live, { code: t.h.app.ctx.audience?.code('demo') ?? '' }));
    expect((await command(con, { type: 'startRound', itemId: 'motion-budget', countdownSec: 0 })).ok).toBe(true);
    const roundId = (await con.until((v) => v.activeRoundId !== null)).activeRoundId ?? '';
    await page.until((v) => v.voting !== null, 3000);
    await new Promise((r) => setTimeout(r, 700)); // past the page's 500 ms frame
    let views = 0;
    page.socket.on('view', () => (views += 1));
    for (const [i, d] of deps.entries()) {
      expect((await vote(d, { roundId, submissionId: `s${i}`, receipt: receipt(), content: { kind: 'motion', choice: 'for' } })).ok).toBe(true);
      await new Promise((r) => setTimeout(r, 150));
    }
    await new Promise((r) => setTimeout(r, 700));
    expect(views).toBe(0);
    expect(await command(con, { type: 'close', roundId })).toEqual({ ok: true });
    expect((await page.until((v) => v.voting === null, 3000)).voting).toBeNull();
  });
});
