// The log a county's IT keeps must not hold what would let someone sign in, vote as a deputy
// or link a ballot to a deputy: no password, no session or link token, no ballot content.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DestinationStream } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeputyView } from '../../shared/views.js';
import { pinoLogger, productionLogger } from '../logger.js';
import { ADMIN_PASSWORD, command, console_, deputy, emit, links, login, receipt, startServer, vote, type Client } from '../test/harness.js';

const closers: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const c of closers.splice(0).reverse()) await c();
});

function capture(): { dest: DestinationStream; text: () => string } {
  let out = '';
  return { dest: { write: (s: string) => void (out += s) }, text: () => out };
}

describe('logs', () => {
  it('a login, a failed login, check-ins and secret ballots leave no password, token or choice in the log', async () => {
    const cap = capture();
    const h = await startServer({ demoSize: 6, logger: pinoLogger(cap.dest, 'debug') });
    closers.push(() => h.close());
    const session = await login(h.url);
    await fetch(`${h.url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'wrong-password-123' }) });
    const con = console_(h.url, session);
    closers.push(() => con.close());
    await con.until(() => true);
    const ls = await links(h.url, session);
    const deps: Client<DeputyView>[] = [];
    for (const l of ls) {
      const d = deputy(h.url, l.url);
      closers.push(() => d.close());
      await d.until(() => true);
      await emit(d.socket, 'checkIn', {});
      deps.push(d);
    }
    expect(await command(con, { type: 'startRound', itemId: 'motion-appoint', countdownSec: 0 })).toEqual({ ok: true });
    const roundId = (await con.until((v) => v.activeRoundId !== null)).activeRoundId ?? '';
    const receipts: string[] = [];
    for (const [i, d] of deps.entries()) {
      const r = receipt();
      receipts.push(r);
      const choice = (['for', 'against', 'abstain'] as const)[i % 3];
      expect(await vote(d, { roundId, submissionId: `sub-${r}`, receipt: r, content: { kind: 'motion', choice } })).toMatchObject({ ok: true });
    }
    expect(await command(con, { type: 'close', roundId })).toEqual({ ok: true });
    await new Promise((r) => setTimeout(r, 200)); // audit and box writes after the acks

    const text = cap.text();
    expect(text).toContain('"msg":"console command"'); // the log is written, as JSON lines
    for (const line of text.trim().split('\n')) expect(() => JSON.parse(line)).not.toThrow();
    expect(text).not.toContain(ADMIN_PASSWORD);
    expect(text).not.toContain('wrong-password-123');
    expect(text).not.toContain(session);
    for (const l of ls) expect(text).not.toContain(l.url.split('/d/')[1]);
    expect(text).not.toMatch(/"choice"\s*:\s*"(for|against|abstain)"/);
    for (const r of receipts) expect(text).not.toContain(r); // a receipt next to a deputy id would link them
  }, 30_000);

  it('a field named like a secret is redacted even if a caller passes one', () => {
    const cap = capture();
    const log = pinoLogger(cap.dest);
    log.warn({ user: 'admin', password: 'p4ss', nested: { token: 't0k3n', content: { choice: 'for' } } }, 'x');
    expect(cap.text()).not.toMatch(/p4ss|t0k3n|"for"/);
    expect(cap.text()).toContain('"level":"warn"');
  });

  it('LOG_FILE: the same lines go to a rotating file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wz-logs-'));
    closers.push(() => rm(dir, { recursive: true, force: true }));
    const log = await productionLogger(join(dir, 'logs', 'server.log'));
    log.info({ port: 1234 }, 'server started');
    let text = '';
    for (let i = 0; i < 40 && !text.includes('server started'); i++) {
      await new Promise((r) => setTimeout(r, 50));
      const files = await readdir(join(dir, 'logs')).catch(() => [] as string[]);
      text = (await Promise.all(files.map((f) => readFile(join(dir, 'logs', f), 'utf8')))).join('');
    }
    expect(text).toContain('"msg":"server started"');
  });
});
