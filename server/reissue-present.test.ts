// Integration: reissuing the link of a deputy who has already checked in and voted, in the
// middle of a sitting. The check-in belongs to the deputy, not to the link: 实到 does not drop,
// the new phone opens checked in, and the ballot cast from the old phone stands (a second one is
// refused; changing it still needs the old phone's change key, V6).
import { describe, expect, it } from 'vitest';
import type { DeputyView } from '../shared/views.js';
import { api, phone } from './test/api.js';
import { command, console_, emit, links, receipt, vote, serverPerTest, type Client } from './test/harness.js';

const t = serverPerTest();
const { track } = t;

const motion = (roundId: string, choice: 'for' | 'against') => ({
  roundId,
  submissionId: `s-${receipt()}`,
  receipt: receipt(),
  content: { kind: 'motion' as const, choice },
});

describe('reissuing the link of a checked-in deputy', () => {
  it('[A9] keeps the check-in (实到 does not drop), revokes the old link, and the ballot already cast stands', async () => {
    const [l1, l2] = await links(t.h.url, t.session);
    const con = track(console_(t.h.url, t.session));
    const a: Client<DeputyView> = track(phone(t.h.url, l1!.url, 'old-phone'));
    const b: Client<DeputyView> = track(phone(t.h.url, l2!.url, 'b-phone'));
    await a.until(() => true);
    await b.until(() => true);
    expect(await emit(a.socket, 'checkIn', {})).toEqual({ ok: true });
    expect(await emit(b.socket, 'checkIn', {})).toEqual({ ok: true });
    expect(await command(con, { type: 'startRound', itemId: 'motion-budget', countdownSec: 0, confirmNoQuorum: true })).toEqual({ ok: true });
    const roundId = (await con.until((v) => v.activeRoundId !== null)).activeRoundId ?? '';
    expect((await vote(a, motion(roundId, 'for'))).ok).toBe(true);
    const before = await con.until((v) => v.turnout.present === 2 && v.rounds.some((r) => r.id === roundId && r.voterCount === 1));

    const r = await api(t.h.url, 'POST', `/api/meetings/demo/links/${l1!.deputyId}/reissue`, { session: t.session });
    expect(r.status).toBe(200);
    const after = await con.until((v) => v.linksVersion === before.linksVersion + 1);
    expect(after.turnout.present).toBe(2);
    expect(after.roster.find((d) => d.id === l1!.deputyId)?.present).toBe(true);

    // The new link opens on a new phone already checked in, with its ballot recorded.
    const fresh = track(phone(t.h.url, r.body.url as string, 'new-phone'));
    const v = await fresh.until((x) => x.me.id === l1!.deputyId);
    expect(v.me.present).toBe(true);
    expect(v.mySubmission).not.toBeNull();
    expect(await vote(fresh, motion(roundId, 'against'))).toEqual({ ok: false, error: 'ALREADY_VOTED' });
    expect((await con.until(() => true)).rounds.find((x) => x.id === roundId)?.voterCount).toBe(1);

    // Checking in again from the new phone is harmless (S7): still two present.
    expect(await emit(fresh.socket, 'checkIn', {})).toEqual({ ok: true });
    expect((await con.until(() => true)).turnout.present).toBe(2);
  });
});
