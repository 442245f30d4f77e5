// A small sitting for the record tests: a named and a secret vote on the demo meeting, each
// closed, on a real server; then the server is stopped so the data folder is complete on disk.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AUDIT_FILE } from './audit-log.js';
import { parseAudit } from './chain.js';
import { checkedInDeputies, command, console_, login, receipt, vote, type Harness } from '../test/harness.js';

export interface Sitting {
  namedRound: string;
  secretRound: string;
  /** The audit chain head after the last close, as the server reported it. */
  head: { n: number; hash: string };
}

const CHOICES = ['for', 'against', 'abstain', 'for', 'for', 'against'];

/** Hold the sitting on `h` (demo meeting); the server is left stopped. */
export async function holdSitting(h: Harness): Promise<Sitting> {
  const s = await login(h.url);
  const clients: { close(): void }[] = [];
  try {
    const agenda = (h.app.ctx.meetings.get('demo')?.agenda ?? []).map((i) => (i.id === 'motion-budget' && i.kind === 'motion' ? { ...i, settings: { ...i.settings, secret: false } } : i));
    const put = await fetch(`${h.url}/api/meetings/demo/agenda`, { method: 'PUT', headers: { authorization: `Bearer ${s}`, 'content-type': 'application/json' }, body: JSON.stringify({ agenda }) });
    if (put.status !== 200) throw new Error(`agenda: ${put.status}`);
    const con = console_(h.url, s);
    clients.push(con);
    await con.until(() => true);
    const deps = await checkedInDeputies(h.url, s, (c) => clients.push(c));
    const rounds: string[] = [];
    for (const itemId of ['motion-budget', 'motion-appoint']) {
      const started = await command(con, { type: 'startRound', itemId, countdownSec: 0 });
      if (!started.ok) throw new Error(`startRound: ${started.error}`);
      const roundId = (await con.until((v) => v.activeRoundId !== null && !rounds.includes(v.activeRoundId) && v.rounds.some((r) => r.id === v.activeRoundId && r.status === 'open'))).activeRoundId ?? '';
      for (const [i, d] of deps.entries()) {
        const a = await vote(d, { roundId, submissionId: `s-${receipt()}`, receipt: receipt(), content: { kind: 'motion', choice: CHOICES[i % CHOICES.length] } });
        if (!a.ok) throw new Error(`vote: ${a.error}`);
      }
      const closed = await command(con, { type: 'close', roundId });
      if (!closed.ok) throw new Error(`close: ${closed.error}`);
      await con.until((v) => v.rounds.some((r) => r.id === roundId && r.status === 'closed'));
      rounds.push(roundId);
    }
    for (const c of clients) c.close();
    await h.app.close();
    const { entries } = parseAudit(await readFile(join(h.dataDir, AUDIT_FILE), 'utf8'));
    const last = entries[entries.length - 1];
    if (!last) throw new Error('no audit entries');
    return { namedRound: rounds[0] ?? '', secretRound: rounds[1] ?? '', head: { n: last.n, hash: last.hash } };
  } finally {
    for (const c of clients) c.close();
  }
}
