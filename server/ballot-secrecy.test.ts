// [H5] The published commitment and receipt list of a closed secret round do not give away its
// choices: an attacker who tries every choice per receipt (the few a motion allows) finds
// nothing, before or after Reveal. [V6] With changes allowed, only the phone holding a
// ballot's change key can change it: another deputy quoting that receipt is refused
// `WRONG_CHANGE_KEY`, and the ballot stays as cast; the owner still can, across a reload and
// a restart. Real server, real sockets.
import { createHash, randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AgendaItem } from '../shared/model.js';
import type { ConsoleView } from '../shared/views.js';
import { api } from './test/api.js';
import { command, console_, deputy, emit, links, login, receipt, startServer, vote, type Harness } from './test/harness.js';

let h: Harness;
let closers: { close(): void }[] = [];
const track = <T extends { close(): void }>(c: T): T => (closers.push(c), c);
beforeEach(async () => {
  h = await startServer({ demoSize: 3 });
});
afterEach(async () => {
  for (const c of closers) c.close();
  closers = [];
  await h.close();
});

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const hex = (n: number) => randomBytes(n).toString('hex');
const CHOICES = ['for', 'against', 'abstain'] as const;

/** JSON with sorted keys, as the commitment's lines were built. */
function canonical(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
    .join(',')}}`;
}

async function phones(session: string) {
  const ls = await links(h.url, session);
  return Promise.all(
    ls.map(async (l) => {
      const d = track(deputy(h.url, l.url));
      await d.until(() => true);
      expect(await emit(d.socket, 'checkIn', {})).toEqual({ ok: true });
      return d;
    }),
  );
}

async function consoleOf(session: string) {
  const con = track(console_(h.url, session));
  await con.until(() => true);
  return con;
}

describe('[H5] the commitment cannot be reversed', () => {
  it('an attacker with the receipts list and the commitment of a closed, unrevealed secret round recovers no choice', async () => {
    const session = await login(h.url);
    const con = await consoleOf(session);
    const deps = await phones(session);
    expect(await command(con, { type: 'startRound', itemId: 'motion-appoint', countdownSec: 0 })).toEqual({ ok: true });
    const roundId = (await con.until((v) => v.activeRoundId !== null)).activeRoundId ?? '';
    const cast = ['against', 'for', 'abstain'];
    for (const [i, d] of deps.entries()) {
      expect(await vote(d, { roundId, submissionId: `s-${hex(8)}`, receipt: receipt(), content: { kind: 'motion', choice: cast[i] } })).toMatchObject({ ok: true });
    }
    expect(await command(con, { type: 'close', roundId })).toEqual({ ok: true });
    const view = await con.until((v: ConsoleView) => v.rounds.some((r) => r.id === roundId && r.status === 'closed'));
    expect(view.rounds.find((r) => r.id === roundId)?.revealed).toBe(false);

    // The attacker: everything published about the round, and nothing else.
    const pub = (await api(h.url, 'GET', `/api/meetings/demo/rounds/${roundId}/receipts`)).body as {
      commitment: string;
      receipts: (string | { receipt: string; leaf?: string })[];
    };
    // Nothing of the hidden tally is published with it: the count (turnout) only.
    expect(Object.keys(pub).sort()).toEqual(['commitment', 'count', 'itemId', 'meetingId', 'ok', 'receipts', 'roundId', 'scheme', 'secret']);
    const codes = pub.receipts.map((r) => (typeof r === 'string' ? r : r.receipt));
    expect(codes.length).toBe(3);
    const recovered: string[] = [];
    // 1. Every assignment of choices to receipts, hashed the way the lines were built.
    for (let n = 0; n < 3 ** codes.length; n++) {
      const guess = codes.map((_, i) => CHOICES[Math.floor(n / 3 ** i) % 3] ?? 'for');
      const lines = codes.map((c, i) => `${c} ${canonical({ kind: 'motion', choice: guess[i] })}`).sort();
      if (sha(lines.join('\n')) === pub.commitment) recovered.push(guess.join(','));
    }
    // 2. Each published leaf on its own, with every choice and no salt (or an empty one).
    for (const r of pub.receipts) {
      if (typeof r === 'string' || r.leaf === undefined) continue;
      for (const c of CHOICES) {
        const content = canonical({ kind: 'motion', choice: c });
        for (const probe of [`${r.receipt} ${content}`, `${r.receipt}${content}`, canonical({ receipt: r.receipt, content }), canonical({ receipt: r.receipt, salt: '', content: { kind: 'motion', choice: c } })]) {
          if (sha(probe) === r.leaf) recovered.push(`${r.receipt}:${c}`);
        }
      }
    }
    expect(recovered).toEqual([]);
  });
});

describe('[V6] no one changes another deputy’s ballot', () => {
  async function changeableRound(session: string) {
    const con = await consoleOf(session);
    const { body } = await api(h.url, 'GET', '/api/meetings/demo', { session });
    const agenda = (body.agenda as AgendaItem[]).map((it) => (it.id === 'motion-appoint' && it.kind === 'motion' ? { ...it, settings: { ...it.settings, allowChange: true } } : it));
    expect((await api(h.url, 'PUT', '/api/meetings/demo/agenda', { session, json: { agenda } })).status).toBe(200);
    expect(await command(con, { type: 'startRound', itemId: 'motion-appoint', countdownSec: 0 })).toEqual({ ok: true });
    const roundId = (await con.until((v) => v.activeRoundId !== null)).activeRoundId ?? '';
    return { con, roundId };
  }

  it('deputy B quoting A’s receipt is refused, A’s ballot stays; A changes its own with its key, after a reload and a restart', async () => {
    const session = await login(h.url);
    const [a, b] = await phones(session);
    if (!a || !b) throw new Error('two phones');
    const { con, roundId } = await changeableRound(session);
    const keyA = hex(16);
    const ra = receipt();
    const rb = receipt();
    expect(await vote(a, { roundId, submissionId: `a1-${hex(4)}`, receipt: ra, content: { kind: 'motion', choice: 'for' }, salt: hex(16), keyHash: sha(keyA) })).toMatchObject({ ok: true });
    const b1 = `b1-${hex(4)}`;
    expect(await vote(b, { roundId, submissionId: b1, receipt: rb, content: { kind: 'motion', choice: 'for' }, salt: hex(16), keyHash: sha(hex(16)) })).toMatchObject({ ok: true });

    // B, having voted, sends a "change" naming A's receipt: without a key, and with a made-up one.
    const takeover = { roundId, receipt: ra, content: { kind: 'motion', choice: 'against' } };
    expect(await vote(b, { ...takeover, submissionId: `b2-${hex(4)}` })).toEqual({ ok: false, error: 'WRONG_CHANGE_KEY' });
    expect(await vote(b, { ...takeover, submissionId: `b3-${hex(4)}`, changeKey: hex(16) })).toEqual({ ok: false, error: 'WRONG_CHANGE_KEY' });
    // A resend trick: B's own recorded submission id with A's receipt must not echo A's choice.
    const echo = await vote(b, { roundId, submissionId: b1, receipt: ra, content: { kind: 'motion', choice: 'abstain' } });
    expect(echo).toMatchObject({ ok: true, duplicate: true, recorded: { content: { choice: 'abstain' } } });

    // A, from a reloaded phone (a new connection), changes its own ballot with its key.
    a.close();
    const links_ = await links(h.url, session);
    const a2 = track(deputy(h.url, links_[0]?.url ?? ''));
    await a2.until(() => true);
    expect(await vote(a2, { roundId, submissionId: `a2-${hex(4)}`, receipt: ra, content: { kind: 'motion', choice: 'abstain' }, salt: hex(16), changeKey: keyA })).toMatchObject({ ok: true });

    // ... and again after a server restart.
    await h.restart();
    const a3 = track(deputy(h.url, links_[0]?.url ?? ''));
    await a3.until(() => true);
    expect(await vote(a3, { roundId, submissionId: `a3-${hex(4)}`, receipt: ra, content: { kind: 'motion', choice: 'against' }, salt: hex(16), changeKey: keyA })).toMatchObject({ ok: true });
    const b2 = track(deputy(h.url, links_[1]?.url ?? ''));
    await b2.until(() => true);
    expect(await vote(b2, { ...takeover, submissionId: `b4-${hex(4)}`, changeKey: hex(16) })).toEqual({ ok: false, error: 'WRONG_CHANGE_KEY' });

    const con2 = await consoleOf(session);
    void con;
    expect(await command(con2, { type: 'close', roundId })).toEqual({ ok: true });
    expect(await command(con2, { type: 'reveal', roundId })).toEqual({ ok: true });
    const pub = (await api(h.url, 'GET', `/api/meetings/demo/rounds/${roundId}/receipts`)).body as { count: number };
    expect(pub.count).toBe(2);
    const r = (await con2.until((v) => v.rounds.some((x) => x.id === roundId && x.revealed))).rounds.find((x) => x.id === roundId);
    // A: against (its last change), B: for. Not B's takeover.
    expect(JSON.stringify(r)).toMatch(/"for":1/);
    expect(JSON.stringify(r)).toMatch(/"against":1/);
  });
});
