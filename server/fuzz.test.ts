// [X5] Every socket event and HTTP endpoint fuzzed with fast-check: wrong types, missing and
// extra fields, __proto__ keys, huge strings, NaN and out-of-range numbers, duplicate and
// unknown ids. Must hold: a typed error, no change to the record, no crash.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Command, NS, VotePayload, type Ack } from '../shared/protocol.js';
import { addFixture, FIXTURE_ID, recordBytes } from './faults/fixture.js';
import { connect, console_, emit, login, receipt, startServer, type Client, type Harness } from './test/harness.js';
import type { ConsoleView, DeputyView } from '../shared/views.js';

const CODE = /^[A-Z_]{3,40}$/;
let h: Harness;
let con: Client<ConsoleView>;
let dep: Client<DeputyView>;
let session: string;
let roundId: string;

beforeAll(async () => {
  h = await startServer({ demoSize: 3, rateLimit: { perSecond: 10_000, burst: 10_000 } });
  const tokens = await addFixture(h.app);
  session = await login(h.url);
  con = console_(h.url, session, FIXTURE_ID);
  dep = connect<DeputyView>(h.url, NS.deputy, { token: tokens[0]?.token });
  await Promise.all([con.until(() => true), dep.until(() => true)]);
  expect(await emit(dep.socket, 'checkIn', {})).toEqual({ ok: true });
  expect(await emit(con.socket, 'command', { type: 'startRound', itemId: 'p', countdownSec: 0, confirmNoQuorum: true })).toEqual({ ok: true });
  roundId = (await con.until((v) => v.activeRoundId !== null)).activeRoundId ?? '';
});
afterAll(async () => {
  con.close();
  dep.close();
  await h.close();
});

/** Values a careless or hostile client might put anywhere. */
const nasty = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, -1, 0.5, 1e308, -0, 2 ** 53, '', ' ', '\u0000', 'd001', 'p1', 'r0'),
  fc.string({ minLength: 5_000, maxLength: 20_000 }),
  fc.constant(JSON.parse('{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}}}') as unknown),
);

/** A valid template with one or more fields broken, dropped, added or poisoned. */
function mutated(template: () => Record<string, unknown>): fc.Arbitrary<unknown> {
  const op = fc.oneof(
    fc.record({ kind: fc.constant('set' as const), key: fc.string({ maxLength: 12 }), value: nasty }),
    fc.record({ kind: fc.constant('drop' as const), key: fc.string({ maxLength: 12 }) }),
    fc.record({ kind: fc.constant('proto' as const), value: nasty }),
    fc.record({ kind: fc.constant('content' as const), value: nasty }),
  );
  return fc.oneof(
    nasty,
    fc.array(op, { minLength: 1, maxLength: 4 }).map((ops) => {
      const o: Record<string, unknown> = template();
      for (const x of ops) {
        const key = x.kind === 'set' || x.kind === 'drop' ? (x.key === '' ? Object.keys(o)[0] ?? 'k' : x.key) : '';
        if (x.kind === 'set') o[key] = x.value;
        else if (x.kind === 'drop') delete o[key];
        else if (x.kind === 'proto') Object.defineProperty(o, '__proto__', { value: x.value, enumerable: true, writable: true, configurable: true });
        else o.content = x.value;
      }
      return o;
    }),
  );
}

const voteTemplate = () => ({ roundId, submissionId: `s${receipt()}`, receipt: receipt(), content: { kind: 'select', picks: ['p1'] } });

async function unchanged<T>(f: () => Promise<T>): Promise<T> {
  const before = await recordBytes(h.dataDir);
  const out = await f();
  expect(await recordBytes(h.dataDir)).toBe(before);
  return out;
}

function typed(a: Ack): void {
  expect(typeof a).toBe('object');
  if (!a.ok) expect(a.error).toMatch(CODE);
}

describe('[X5] fuzzing the socket events', () => {
  it('vote: a payload the schema refuses is BAD_REQUEST and changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(mutated(voteTemplate), async (payload) => {
        if (VotePayload.safeParse(JSON.parse(JSON.stringify(payload ?? null)) as unknown).success) return;
        const a = await unchanged(() => emit(dep.socket, 'vote', payload));
        expect(a).toEqual({ ok: false, error: 'BAD_REQUEST' });
      }),
      { numRuns: 250, seed: 6001 },
    );
  });

  it('vote: well-formed ballots with duplicate, unknown or too many ids are refused with a code', async () => {
    const ids = fc.array(fc.constantFrom('p1', 'p2', 'p3', 'p4', 'zz', 'p1'), { minLength: 1, maxLength: 6 });
    await fc.assert(
      fc.asyncProperty(ids, async (picks) => {
        const bad = new Set(picks).size !== picks.length || picks.some((p) => !['p1', 'p2', 'p3'].includes(p)) || picks.length > 2;
        fc.pre(bad);
        const a = await unchanged(() => emit(dep.socket, 'vote', { ...voteTemplate(), content: { kind: 'select', picks } }));
        expect(a.ok).toBe(false);
        typed(a);
      }),
      { numRuns: 60, seed: 6002 },
    );
  });

  it('checkIn: any payload from a checked-in deputy is answered and changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(nasty, async (payload) => {
        const a = await unchanged(() => emit(dep.socket, 'checkIn', payload));
        typed(a);
      }),
      { numRuns: 100, seed: 6003 },
    );
  });

  it('command: a payload the schema refuses is BAD_REQUEST and changes nothing', async () => {
    const template = () => ({ type: 'startRound', itemId: 'm', countdownSec: 10 });
    await fc.assert(
      fc.asyncProperty(mutated(template), async (payload) => {
        if (Command.safeParse(JSON.parse(JSON.stringify(payload ?? null)) as unknown).success) return;
        const a = await unchanged(() => emit(con.socket, 'command', payload));
        expect(a).toEqual({ ok: false, error: 'BAD_REQUEST' });
      }),
      { numRuns: 250, seed: 6004 },
    );
  });

  it('command: well-formed commands on unknown ids are refused with a code and change nothing', async () => {
    const id = fc.constantFrom('nope', 'r0', 'd999', 'x_y', 'p9');
    const cmd = fc.oneof(
      id.map((x) => ({ type: 'close', roundId: x })),
      id.map((x) => ({ type: 'reveal', roundId: x })),
      id.map((x) => ({ type: 'void', roundId: x, reason: 'fuzz' })),
      id.map((x) => ({ type: 'showItem', itemId: x })),
      id.map((x) => ({ type: 'checkIn', deputyId: x })),
      id.map((x) => ({ type: 'manualResult', itemId: x, counts: { kind: 'motion', for: 1, against: 0, abstain: 0 } })),
    );
    await fc.assert(
      fc.asyncProperty(cmd, async (c) => {
        const a = await unchanged(() => emit(con.socket, 'command', c));
        expect(a.ok).toBe(false);
        typed(a);
      }),
      { numRuns: 60, seed: 6005 },
    );
  });

  it('unknown events on every namespace are FORBIDDEN', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 30 }), nasty, async (event, payload) => {
        fc.pre(!['checkIn', 'vote', 'command'].includes(event) && !/^(connect|disconnect|connect_error|disconnecting|newListener|removeListener|error)$/.test(event));
        for (const c of [dep, con]) expect(await unchanged(() => emit(c.socket, event, payload))).toEqual({ ok: false, error: 'FORBIDDEN' });
      }),
      { numRuns: 60, seed: 6006 },
    );
  });
});

describe('[X5] fuzzing the HTTP endpoints', () => {
  it('any method, path and body gets a JSON answer with a code, and changes nothing', async () => {
    const path = fc.oneof(
      fc.constantFrom('/api/login', '/api/logout', '/api/me', '/api/meetings', `/api/meetings/${FIXTURE_ID}/links`, '/api/meetings/%00/links', '/api/health', '/api/__proto__'),
      fc.webPath().map((p) => `/api${p}`),
    );
    const body = fc.oneof(nasty.map((x) => JSON.stringify(x ?? null)), fc.string({ maxLength: 200 }), fc.constant('{"__proto__":{"admin":true},"username":"admin"}'));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH'), path, body, fc.boolean(), async (method, p, b, auth) => {
        const res = await unchanged(() =>
          fetch(h.url + p, {
            method,
            headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${session}` } : {}) },
            ...(method === 'GET' ? {} : { body: b }),
          }),
        );
        expect(res.status).toBeLessThan(500);
        const json: unknown = await res.json();
        expect(typeof json).toBe('object');
        if (res.status >= 400) expect(json).toMatchObject({ ok: false, error: expect.stringMatching(CODE) as unknown });
      }),
      { numRuns: 200, seed: 6007 },
    );
    expect((await fetch(`${h.url}/api/health`)).status).toBe(200);
  });
});
