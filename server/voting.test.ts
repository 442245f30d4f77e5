// Integration: the real server on port 0, real sockets, a temporary data folder.
import { describe, expect, it } from 'vitest';
import type { ConsoleView, DeputyView } from '../shared/views.js';
import { command, console_, deputy, emit, links, receipt, screen, vote, type Client, serverPerTest } from './test/harness.js';

const t = serverPerTest();
const { track } = t;

async function setup(n = 3) {
  const ls = await links(t.h.url, t.session);
  const con = track(console_(t.h.url, t.session));
  await con.until(() => true);
  const deps: Client<DeputyView>[] = [];
  for (const l of ls.slice(0, n)) {
    const d = track(deputy(t.h.url, l.url));
    await d.until(() => true);
    deps.push(d);
  }
  return { con, deps, ls };
}

async function checkInAll(deps: Client<DeputyView>[]) {
  for (const d of deps) expect(await emit(d.socket, 'checkIn', {})).toEqual({ ok: true });
}

async function startVote(con: Client<ConsoleView>, itemId = 'motion-budget') {
  expect(await command(con, { type: 'startRound', itemId, countdownSec: 0, confirmNoQuorum: true })).toEqual({ ok: true });
  const v = await con.until((x) => x.activeRoundId !== null);
  return v.activeRoundId as string;
}

const motion = (roundId: string, choice: 'for' | 'against' | 'abstain', submissionId = `s-${receipt()}`) => ({
  roundId,
  submissionId,
  receipt: receipt(),
  content: { kind: 'motion' as const, choice },
});

describe('a motion vote through the real server', () => {
  it('[V1] check-in, vote, close and reveal give the right result on the screen', async () => {
    const { con, deps } = await setup(3);
    const scr = track(screen(t.h.url));
    await checkInAll(deps);
    await scr.until((v) => v.turnout.present === 3);
    const roundId = await startVote(con);
    const choices = ['for', 'for', 'against'] as const;
    for (const [i, d] of deps.entries()) {
      const r = await vote(d, motion(roundId, choices[i] ?? 'for'));
      expect(r.ok).toBe(true);
      if (r.ok) expect(r.recorded.content).toEqual({ kind: 'motion', choice: choices[i] });
    }
    expect(await command(con, { type: 'close', roundId })).toEqual({ ok: true });
    expect(await command(con, { type: 'reveal', roundId })).toEqual({ ok: true });
    const v = await scr.until((x) => x.round?.revealed === true);
    expect(v.result).toMatchObject({ kind: 'motion', for: 2, against: 1, abstain: 0, cast: 3, notVoted: 0, roster: 5, needed: 3, passed: false });
  });

  it('[V2] resending the same submission is a no-op that acks again', async () => {
    const { con, deps } = await setup(1);
    await checkInAll(deps);
    const roundId = await startVote(con);
    const p = motion(roundId, 'for');
    const first = await vote(deps[0]!, p);
    const again = await vote(deps[0]!, p);
    expect(first).toMatchObject({ ok: true, duplicate: false });
    expect(again).toMatchObject({ ok: true, duplicate: true });
    const other = await vote(deps[0]!, motion(roundId, 'against'));
    expect(other).toEqual({ ok: false, error: 'ALREADY_VOTED' });
    await con.until((x) => x.rounds[0]?.voterCount === 1);
    expect(await command(con, { type: 'close', roundId })).toEqual({ ok: true });
    const v = await con.until((x) => x.rounds[0]?.status === 'closed');
    expect(v.rounds[0]?.result).toMatchObject({ for: 1, against: 0, cast: 1 });
  });

  it('[V3] a vote after close is refused', async () => {
    const { con, deps } = await setup(2);
    await checkInAll(deps);
    const roundId = await startVote(con);
    expect((await vote(deps[0]!, motion(roundId, 'for'))).ok).toBe(true);
    expect(await command(con, { type: 'close', roundId })).toEqual({ ok: true });
    expect(await vote(deps[1]!, motion(roundId, 'for'))).toEqual({ ok: false, error: 'ROUND_CLOSED' });
    const v = await con.until((x) => x.rounds[0]?.status === 'closed');
    expect(v.rounds[0]?.result).toMatchObject({ cast: 1 });
  });

  it('[V4] a deputy who has not checked in cannot vote', async () => {
    const { con, deps } = await setup(3);
    await checkInAll(deps.slice(0, 2));
    const roundId = await startVote(con);
    expect(await vote(deps[2]!, motion(roundId, 'for'))).toEqual({ ok: false, error: 'NOT_CHECKED_IN' });
  });

  it('[V5] bad payloads are refused with BAD_REQUEST and change nothing', async () => {
    const { con, deps } = await setup(3);
    await checkInAll(deps);
    const roundId = await startVote(con);
    const bad: unknown[] = [null, 42, 'x', {}, { ...motion(roundId, 'for'), extra: 1 }, { ...motion(roundId, 'for'), content: { kind: 'motion', choice: 'maybe' } }, { ...motion(roundId, 'for'), receipt: 'short' }];
    for (const p of bad) expect(await vote(deps[0]!, p)).toEqual({ ok: false, error: 'BAD_REQUEST' });
    expect(await command(con, { type: 'nope' })).toEqual({ ok: false, error: 'BAD_REQUEST' });
    const v = await con.until(() => true);
    expect(v.rounds[0]?.voterCount).toBe(0);
  });

  it('[A1] a deputy connection cannot run a console command, and a screen cannot vote', async () => {
    const { con, deps } = await setup(3);
    await checkInAll(deps);
    const roundId = await startVote(con);
    // The deputy namespace has no 'command' handler: the emit is refused (sockets/guard.ts).
    expect(await emit(deps[0]!.socket, 'command', { type: 'close', roundId })).toEqual({ ok: false, error: 'FORBIDDEN' });
    const scr = track(screen(t.h.url));
    await scr.until(() => true);
    expect(await emit(scr.socket, 'vote', motion(roundId, 'for'))).toEqual({ ok: false, error: 'FORBIDDEN' });
    const v = await con.until(() => true);
    expect(v.rounds[0]).toMatchObject({ status: 'open', voterCount: 0 });
  });

  it('[A2] a console without a valid session is refused at connect', async () => {
    const bad = track(console_(t.h.url, 'not-a-session'));
    const e = await new Promise<Error & { data?: { code?: string } }>((resolve) => bad.socket.once('connect_error', resolve));
    expect(e.data?.code).toBe('UNAUTHORIZED');
  });

  it('[A3] an unknown deputy link is refused at connect', async () => {
    const bad = track(deputy(t.h.url, 'http://x/d/AAAAAAAAAAAAAAAAAAAAAA'));
    const e = await new Promise<Error & { data?: { code?: string } }>((resolve) => bad.socket.once('connect_error', resolve));
    expect(e.data?.code).toBe('BAD_LINK');
  });

  it('[A4] a stale client protocol version is told to reload', async () => {
    const { io } = await import('socket.io-client');
    const s = io(t.h.url + '/screen', { auth: { v: 0 }, transports: ['websocket'], forceNew: true });
    track(s);
    const e = await new Promise<Error & { data?: { code?: string } }>((resolve) => s.once('connect_error', resolve));
    expect(e.data?.code).toBe('PROTOCOL_MISMATCH');
  });

  it('[D1] restarting the server mid-vote keeps the meeting, the open vote and every acked ballot', async () => {
    const { con, deps, ls } = await setup(3);
    await checkInAll(deps);
    const roundId = await startVote(con);
    const p0 = motion(roundId, 'for');
    expect((await vote(deps[0]!, p0)).ok).toBe(true);
    expect((await vote(deps[1]!, motion(roundId, 'against'))).ok).toBe(true);
    t.closeClients();
    await t.h.restart();

    const con2 = track(console_(t.h.url, t.session)); // the t.session survives the restart too
    const v = await con2.until(() => true);
    expect(v.activeRoundId).toBe(roundId);
    expect(v.turnout.present).toBe(3);
    // Secret and live: figures in steps of 10 ballots (W7), so none yet; the count is there.
    expect(v.rounds[0]).toMatchObject({ status: 'open', voterCount: 2, result: { cast: 0 } });
    // The first phone reconnects and sees it has voted; its resend is still a no-op.
    const d0 = track(deputy(t.h.url, ls[0]!.url));
    const dv = await d0.until(() => true);
    expect(dv.mySubmission).toBe(p0.submissionId);
    expect(await vote(d0, p0)).toMatchObject({ ok: true, duplicate: true });
    const d2 = track(deputy(t.h.url, ls[2]!.url));
    await d2.until(() => true);
    expect((await vote(d2, motion(roundId, 'for'))).ok).toBe(true);
    expect(await command(con2, { type: 'close', roundId })).toEqual({ ok: true });
    const fin = await con2.until((x) => x.rounds[0]?.status === 'closed');
    expect(fin.rounds[0]?.result).toMatchObject({ for: 2, against: 1, cast: 3 });
  });

  it('[K1] the countdown closes the round by itself, from the server clock', async () => {
    const { con, deps } = await setup(1);
    await checkInAll(deps);
    expect(await command(con, { type: 'startRound', itemId: 'motion-budget', countdownSec: 1, confirmNoQuorum: true })).toEqual({ ok: true });
    const open = await con.until((x) => x.activeRoundId !== null);
    const r = open.rounds[0]!;
    expect(r.endsAt! - r.startedAt).toBe(1000);
    const closed = await con.until((x) => x.rounds[0]?.status === 'closed', 4000);
    expect(closed.activeRoundId).toBeNull();
    expect(await vote(deps[0]!, motion(r.id, 'for'))).toEqual({ ok: false, error: 'ROUND_CLOSED' });
  });

  it('[Q2] starting a vote without quorum needs confirmation, and the round records it', async () => {
    const { con, deps } = await setup(2);
    await checkInAll(deps.slice(0, 1)); // 1 of 5 present
    expect(await command(con, { type: 'startRound', itemId: 'motion-budget' })).toEqual({ ok: false, error: 'NO_QUORUM' });
    expect(await command(con, { type: 'startRound', itemId: 'motion-budget', confirmNoQuorum: true })).toEqual({ ok: true });
    const v = await con.until((x) => x.activeRoundId !== null);
    expect(v.rounds[0]?.withoutQuorum).toBe(true);
  });
});
