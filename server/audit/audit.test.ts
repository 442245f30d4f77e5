// [H2-H4] The record anyone can check: a hash-chained audit log of actions and participation,
// commitments at close, published receipt lists, and `verify` catching every kind of tampering.
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HEADER_SIZE, encodeHeader, encodeSlot } from '../store/box-format.js';
import { legacySlotSize } from '../store/boxes.js';
import { readBox, readDataDir } from '../store/load.js';
import { command, console_, deputy, emit, links, login, receipt, startServer, vote, type Client, type Harness } from '../test/harness.js';
import type { ConsoleView, DeputyView } from '../../shared/views.js';
import { parseAudit, seal } from './chain.js';
import { ballotCommitment, merkleRoot } from '../../shared/commitment.js';
import { verifyDataDir } from './verify-data.js';

let h: Harness;
let closers: { close(): void }[] = [];
const track = <T extends { close(): void }>(c: T): T => (closers.push(c), c);
beforeEach(async () => {
  h = await startServer({ demoSize: 6 });
});
afterEach(async () => {
  for (const c of closers) c.close();
  closers = [];
  await h.close();
});

/** A secret vote of 6 deputies (`choices`), closed; returns what the phones were told. */
async function session(choices = ['for', 'for', 'against', 'abstain', 'for', 'against']) {
  const s = await login(h.url);
  const con = track(console_(h.url, s));
  await con.until(() => true);
  const deps: Client<DeputyView>[] = [];
  for (const l of await links(h.url, s)) {
    const d = track(deputy(h.url, l.url));
    await d.until(() => true);
    expect(await emit(d.socket, 'checkIn', {})).toEqual({ ok: true });
    deps.push(d);
  }
  expect(await command(con, { type: 'startRound', itemId: 'motion-appoint', countdownSec: 0 })).toEqual({ ok: true });
  const roundId = (await con.until((v) => v.activeRoundId !== null)).activeRoundId ?? '';
  const receipts: string[] = [];
  for (const [i, d] of deps.entries()) {
    const p = { roundId, submissionId: `s-${receipt()}`, receipt: receipt(), content: { kind: 'motion', choice: choices[i] } };
    expect(await vote(d, p)).toMatchObject({ ok: true });
    receipts.push(p.receipt);
  }
  const before = await fetch(`${h.url}/api/meetings/demo/rounds/${roundId}/receipts`);
  expect(before.status).toBe(409);
  expect(await command(con, { type: 'close', roundId })).toEqual({ ok: true });
  const view = await con.until((v) => v.rounds.some((r) => r.id === roundId && r.status === 'closed'));
  await h.restart(); // flush everything to disk, then serve again
  return { s, roundId, receipts, view: view as ConsoleView };
}

describe('[H2] the audit log', () => {
  it('chains every action and participation, with the actor, never a choice', async () => {
    const { roundId } = await session();
    const { entries } = parseAudit(await readFile(join(h.dataDir, 'audit.jsonl'), 'utf8'));
    const all = entries.flatMap((e) => e.events.map((ev): Record<string, unknown> => ({ ...ev, actor: e.actor })));
    expect(all.filter((e) => e.t === 'checkin').length).toBe(6);
    const voted = all.filter((e) => e.t === 'voted');
    expect(voted.length).toBe(6);
    for (const v of voted) expect(Object.keys(v).sort()).toEqual(['actor', 'deputyId', 'roundId', 't']);
    expect(all.find((e) => e.t === 'round.started')?.actor).toBe('admin');
    expect(JSON.stringify(entries)).not.toMatch(/"choice"|"content"/);
    const close = entries.find((e) => e.closes?.some((c) => c.roundId === roundId));
    expect(close?.closes?.[0]).toMatchObject({ ballots: 6, result: { for: 3, against: 2, abstain: 1 } });
    expect(close?.closes?.[0]?.commitment).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('[H2] actors of HTTP actions', () => {
  it('a link reissue and an agenda edit over HTTP are audited under the console user', async () => {
    await h.app.ctx.auth.addUser('op', 'operator', 'operator-pw');
    const op = await login(h.url, 'op', 'operator-pw');
    const res = await fetch(`${h.url}/api/meetings/demo/links/d002/reissue`, { method: 'POST', headers: { authorization: `Bearer ${op}` } });
    expect(res.status).toBe(200);
    const admin = await login(h.url);
    const agenda = h.app.ctx.meetings.get('demo')?.agenda ?? [];
    const put = await fetch(`${h.url}/api/meetings/demo/agenda`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ agenda: [...agenda].reverse() }),
    });
    expect(put.status).toBe(200);
    await h.restart();
    const { entries } = parseAudit(await readFile(join(h.dataDir, 'audit.jsonl'), 'utf8'));
    expect(entries.find((e) => e.events.some((ev) => ev.t === 'link.reissued'))?.actor).toBe('op');
    expect(entries.find((e) => e.events.some((ev) => ev.t === 'agenda.set'))?.actor).toBe('admin');
  });
});

describe('[H3] commitment and receipts', () => {
  it('after close the receipts are published without choices, with the commitment shown in the result', async () => {
    const { roundId, receipts, view } = await session();
    const res = await fetch(`${h.url}/api/meetings/demo/rounds/${roundId}/receipts`);
    const body = (await res.json()) as { secret: boolean; receipts: { receipt: string; leaf: string }[]; commitment: string; count: number; scheme: string };
    expect(body.secret).toBe(true);
    expect(body.receipts.map((r) => r.receipt)).toEqual([...receipts].sort());
    // Each code with its salted leaf only (H5); the leaves rebuild the commitment.
    expect(body.scheme).toBe('merkle-v2');
    for (const r of body.receipts) expect(Object.keys(r).sort()).toEqual(['leaf', 'receipt']);
    expect(merkleRoot(body.receipts.map((r) => r.leaf))).toBe(body.commitment);
    expect(JSON.stringify(body)).not.toMatch(/choice|"d\d{3}"/); // no choice, no deputy id (hex ids and the commitment may hold "d00")
    const shown = view.rounds.find((r) => r.id === roundId);
    expect(shown?.commitment).toBe(body.commitment);
    const { entries } = parseAudit(await readFile(join(h.dataDir, 'audit.jsonl'), 'utf8'));
    expect(entries.some((e) => e.closes?.some((c) => c.commitment === body.commitment))).toBe(true);
  });

  it('warns the moderator before revealing a unanimous secret result', async () => {
    const { roundId, view } = await session(['for', 'for', 'for', 'for', 'for', 'for']);
    expect(view.rounds.find((r) => r.id === roundId)?.disclosure).toEqual({ code: 'UNANIMOUS', cast: 6 });
  });
});

describe('[H4] verify', () => {
  it('passes on an untouched data folder, also as the npm script', async () => {
    await session();
    const r = await verifyDataDir(h.dataDir);
    expect(r.problems).toEqual([]);
    expect(r.figures).toMatchObject({ ballots: 6, rounds: 1, meetings: 1 });
    const run = await promisify(execFile)(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '..', 'verify.ts'), h.dataDir]);
    expect(run.stdout).toContain('OK: chain, commitments, tallies and ballots all match.');
  });

  it('catches a ballot altered in the box, even with a valid checksum', async () => {
    const { roundId } = await session();
    await h.app.close();
    const path = join(h.dataDir, 'ballots', 'demo', `${roundId}.box`);
    const buf = await readFile(path);
    const box = readBox(buf);
    const i = box.slots.findIndex((s) => s.kind === 'ballot' && s.payload.content.kind === 'motion' && s.payload.content.choice === 'against');
    const slot = box.slots[i];
    if (!box.header || !slot || slot.kind !== 'ballot') throw new Error('no ballot to alter');
    const original = Buffer.from(buf);
    encodeSlot({ ...slot.payload, content: { kind: 'motion', choice: 'for' } }, box.header.slotSize).copy(buf, HEADER_SIZE + i * box.header.slotSize);
    await writeFile(path, buf);
    const r = await verifyDataDir(h.dataDir);
    expect(r.ok).toBe(false);
    expect(r.problems.join('\n')).toMatch(/do not match the commitment/);
    expect(r.problems.join('\n')).toMatch(/tally of the stored ballots differs/);
    await expect(h.restart()).rejects.toThrow(/do not match the commitment recorded at close/); // box-damage.test.ts
    await writeFile(path, original);
    await h.restart();
  });

  it('a data folder from before salts (box version 1, lines-v1 commitment, close entry without scheme) still verifies and serves', async () => {
    const { roundId, receipts } = await session();
    await h.app.close();
    const path = join(h.dataDir, 'ballots', 'demo', `${roundId}.box`);
    const box = readBox(await readFile(path));
    const ballots = box.slots.flatMap((x) => (x.kind === 'ballot' ? [{ receipt: x.payload.receipt, v: x.payload.v, content: x.payload.content }] : []));
    const st = (await readDataDir(h.dataDir)).meetings.get('demo');
    const size = st && legacySlotSize(st, roundId);
    if (!box.header || !size) throw new Error('no box to rewrite');
    // The old form: no salts, and one ballot still marked with a submission id the journal holds.
    const journal = await readFile(join(h.dataDir, 'journal.jsonl'), 'utf8');
    const sid = /"submissionId":"([^"]+)"/.exec(journal)?.[1] ?? '';
    const slots = ballots.map((b, i) => encodeSlot(i === 0 ? { ...b, pending: sid } : b, size));
    await writeFile(path, Buffer.concat([encodeHeader({ ...box.header, version: 1, slotSize: size }), ...slots, Buffer.alloc(size * 4)]));
    const auditPath = join(h.dataDir, 'audit.jsonl');
    const entries = parseAudit(await readFile(auditPath, 'utf8')).entries;
    const old = ballotCommitment(ballots, 'lines-v1');
    let prev: string | null = null;
    const rewritten = entries.map((e) => {
      const closes = e.closes?.map(({ scheme: _scheme, ...c }) => (c.roundId === roundId ? { ...c, commitment: old } : c));
      const { hash: _hash, ...body } = { ...e, ...(closes ? { closes } : {}), prev: prev ?? e.prev };
      const sealed = seal(body);
      prev = sealed.hash;
      return sealed;
    });
    await writeFile(auditPath, rewritten.map((e) => JSON.stringify(e)).join('\n') + '\n');
    const r = await verifyDataDir(h.dataDir);
    expect(r.problems).toEqual([]);
    await h.restart();
    const body = (await (await fetch(`${h.url}/api/meetings/demo/rounds/${roundId}/receipts`)).json()) as { scheme: string; commitment: string; receipts: unknown[] };
    expect(body).toMatchObject({ scheme: 'lines-v1', commitment: old });
    expect(body.receipts).toEqual([...receipts].sort());
    expect((await verifyDataDir(h.dataDir)).problems).toEqual([]); // and after the start settled the box
  });

  it('catches an edited audit entry and an edited journal record', async () => {
    await session();
    await h.app.close();
    const audit = join(h.dataDir, 'audit.jsonl');
    const a = await readFile(audit, 'utf8');
    await writeFile(audit, a.replace('"actor":"admin"', '"actor":"intruder"'));
    expect((await verifyDataDir(h.dataDir)).problems.join('\n')).toMatch(/hash does not match its content/);
    await writeFile(audit, a);
    const journal = join(h.dataDir, 'journal.jsonl');
    const j = await readFile(journal, 'utf8');
    await writeFile(journal, j.replace(/"deputyId":"d002","by":"self"/, '"deputyId":"d006","by":"self"'));
    expect((await verifyDataDir(h.dataDir)).problems.join('\n')).toMatch(/does not match journal record/);
    await writeFile(journal, j);
    expect((await verifyDataDir(h.dataDir)).problems).toEqual([]);
    await h.restart();
  });

  it('an audit log cut short by a crash is completed at the next start, marked recovered', async () => {
    await session();
    await h.app.close();
    const audit = join(h.dataDir, 'audit.jsonl');
    const lines = (await readFile(audit, 'utf8')).split('\n').filter(Boolean);
    await writeFile(audit, lines.slice(0, -3).join('\n') + '\n' + (lines[lines.length - 3] ?? '').slice(0, 20));
    const before = await verifyDataDir(h.dataDir);
    expect(before.problems).toEqual([]);
    expect(before.warnings.join('\n')).toMatch(/not yet in the audit log/);
    await h.restart();
    await h.app.close();
    const after = parseAudit(await readFile(audit, 'utf8')).entries;
    expect(after.length).toBe(lines.length);
    expect(after.slice(-3).every((e) => e.recovered === true)).toBe(true);
    // The journal keeps who acted, so a rebuilt entry keeps its actor.
    const before3 = lines.slice(-3).map((l) => (JSON.parse(l) as { actor: string | null }).actor);
    expect(after.slice(-3).map((e) => e.actor)).toEqual(before3);
    const r = await verifyDataDir(h.dataDir);
    expect(r.problems).toEqual([]);
    expect(r.warnings.length).toBe(3); // each rebuilt entry is named: check it against a head written down before
    expect(r.warnings.every((w) => /rebuilt at a start from the journal \(recovered\)/.test(w))).toBe(true);
    await h.restart();
  });
});
