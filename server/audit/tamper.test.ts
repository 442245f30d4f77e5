// [H4] Tampering that the audit chain alone did not catch: bytes of a journal record the entry
// did not cover (a named ballot's deputy, a submission id), and a changed result whose audit
// tail was cut so that a start rebuilt it. The chain head written down earlier (--head) and
// the per-record hash catch both.
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HEADER_SIZE, encodeSlot } from '../store/box-format.js';
import { setDiskFault } from '../store/disk-faults.js';
import { readBox } from '../store/load.js';
import { startServer, type Harness } from '../test/harness.js';
import { parseAudit } from './chain.js';
import { formatHead } from './head.js';
import { holdSitting } from './sitting.js';
import { verifyDataDir } from './verify-data.js';

let h: Harness;
beforeEach(async () => {
  h = await startServer({ demoSize: 6 });
});
afterEach(async () => {
  await h.close();
});

const run = promisify(execFile);
const verifyCli = (...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '..', 'verify.ts'), h.dataDir, ...args]).then(
    (r) => ({ code: 0, out: r.stdout }),
    (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
  );

describe('[H4] every byte of a journal record is covered', () => {
  it("a named ballot's deputy id and a submission id, changed in the journal, are mismatches", async () => {
    const { namedRound, secretRound } = await holdSitting(h);
    const path = join(h.dataDir, 'journal.jsonl');
    const j = await readFile(path, 'utf8');
    expect((await verifyDataDir(h.dataDir)).problems).toEqual([]);

    const ballot = new RegExp(`("t":"ballot","roundId":"${namedRound}","receipt":"[A-Z2-9]{8}","content":\\{[^}]*\\},"deputyId":")d001"`);
    expect(j).toMatch(ballot);
    await writeFile(path, j.replace(ballot, '$1d002"'));
    expect((await verifyDataDir(h.dataDir)).problems.join('\n')).toMatch(/entry \d+ does not match journal record \d+ \(its bytes were changed\)/);

    const sub = new RegExp(`("t":"voted","roundId":"${secretRound}","deputyId":"d003","submissionId":")s-`);
    expect(j).toMatch(sub);
    await writeFile(path, j.replace(sub, '$1x-'));
    expect((await verifyDataDir(h.dataDir)).problems.join('\n')).toMatch(/does not match journal record \d+ \(its bytes were changed\)/);

    await writeFile(path, j);
    expect((await verifyDataDir(h.dataDir)).problems).toEqual([]);
    await h.restart();
  });
});

describe('[H4] a chain head written down earlier', () => {
  it('a closed result changed, the audit tail cut, one restart: verify warns of every rebuilt entry, and --head <old head> reports the mismatch', async () => {
    const { secretRound, head } = await holdSitting(h);
    const written = formatHead(head); // what the clerk copied from the screen: "#n abcd 1234 …"
    const ok = await verifyCli('--head', written);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain(`chain head ${written}: found, entry ${head.n} of ${head.n} (the end of the log)`);

    // Tamper: one 'against' becomes 'for' in the secret box, with a valid checksum.
    const boxPath = join(h.dataDir, 'ballots', 'demo', `${secretRound}.box`);
    const buf = await readFile(boxPath);
    const box = readBox(buf);
    const i = box.slots.findIndex((s) => s.kind === 'ballot' && s.payload.content.kind === 'motion' && s.payload.content.choice === 'against');
    const slot = box.slots[i];
    if (!box.header || !slot || slot.kind !== 'ballot') throw new Error('no ballot to alter');
    encodeSlot({ ...slot.payload, content: { kind: 'motion', choice: 'for' } }, box.header.slotSize).copy(buf, HEADER_SIZE + i * box.header.slotSize);
    await writeFile(boxPath, buf);
    // Cut the audit log back to before the secret round's close, as if a crash had stopped it there.
    const auditPath = join(h.dataDir, 'audit.jsonl');
    const lines = (await readFile(auditPath, 'utf8')).split('\n').filter(Boolean);
    const closeAt = lines.findIndex((l) => l.includes(`"closes":[{"roundId":"${secretRound}"`));
    expect(closeAt).toBeGreaterThan(0);
    await writeFile(auditPath, lines.slice(0, closeAt).join('\n') + '\n');

    await h.restart(); // rebuilds the cut entries from the journal, with the altered tally
    await h.app.close();
    const rebuilt = parseAudit(await readFile(auditPath, 'utf8')).entries.slice(closeAt);
    expect(rebuilt.length).toBeGreaterThan(0);
    expect(rebuilt.every((e) => e.recovered === true)).toBe(true);
    expect(rebuilt.find((e) => e.closes)?.actor).toBe('admin'); // the journal keeps who closed it

    const plain = await verifyDataDir(h.dataDir);
    expect(plain.problems).toEqual([]); // the chain is valid on its own...
    expect(plain.warnings.filter((w) => /rebuilt at a start from the journal \(recovered\)/.test(w)).length).toBe(rebuilt.length);

    const withHead = await verifyDataDir(h.dataDir, { head: written });
    expect(withHead.ok).toBe(false); // ...but it no longer holds the head written down
    expect(withHead.problems.join('\n')).toMatch(new RegExp(`chain head #${head.n} .* is not in the audit log: entry ${head.n} is now [0-9a-f]{16}`));
    const cli = await verifyCli('--head', written);
    expect(cli.code).toBe(1);
    expect(cli.out).toMatch(/MISMATCH: chain head .* is not in the audit log/);
    expect(cli.out).toMatch(/warning: audit log: entry \d+ \(journal record \d+\) was rebuilt/);
    await h.restart();
  });

  it('a head from earlier in the sitting is found with the entries added since; a short or malformed head is refused or warned about', async () => {
    const { head } = await holdSitting(h);
    const { entries } = parseAudit(await readFile(join(h.dataDir, 'audit.jsonl'), 'utf8'));
    const earlier = entries[Math.floor(entries.length / 2)];
    if (!earlier) throw new Error('no entries');
    const r = await verifyDataDir(h.dataDir, { head: earlier.hash.slice(0, 16) });
    expect(r.ok).toBe(true);
    expect(r.figures.headFoundAt).toBe(earlier.n);
    const short = await verifyDataDir(h.dataDir, { head: head.hash.slice(0, 8) + '…' });
    expect(short.ok).toBe(true);
    expect(short.warnings.join('\n')).toMatch(/only 8 digits/);
    expect((await verifyDataDir(h.dataDir, { head: 'abc' })).problems.join('\n')).toMatch(/not a chain head/);
    expect((await verifyDataDir(h.dataDir, { head: `#${head.n + 1} ${head.hash.slice(0, 16)}` })).ok).toBe(false);
    await h.restart();
    await h.app.close();

    // A garbled last audit line that still ends with its newline: named as the last line, not cut.
    const auditPath = join(h.dataDir, 'audit.jsonl');
    const text = await readFile(auditPath, 'utf8');
    const garbled = text.slice(0, -2) + ']\n'; // the closing brace of the last entry
    await writeFile(auditPath, garbled);
    await expect(h.restart()).rejects.toThrow(/the last line \(line \d+\) is damaged, yet complete/);
    expect(await readFile(auditPath, 'utf8')).toBe(garbled);
    await writeFile(auditPath, text);
    await h.restart();
  });
});

describe('[F3] a start that must rebuild audit entries on a full disk', () => {
  it('starts anyway (the rebuilt entries wait in memory and are written once there is room), then verify passes', async () => {
    await holdSitting(h);
    const auditPath = join(h.dataDir, 'audit.jsonl');
    const lines = (await readFile(auditPath, 'utf8')).split('\n').filter(Boolean);
    await writeFile(auditPath, lines.slice(0, -4).join('\n') + '\n');
    setDiskFault(auditPath, 'ENOSPC');
    try {
      await h.restart(); // before: waited for ever on the audit log's retries
      expect(h.log.lines.some((l) => l.level === 'error' && l.msg.includes('audit log: write failed'))).toBe(true);
    } finally {
      setDiskFault(auditPath, null);
    }
    await h.app.close(); // room again: what waited is written on the way out
    const after = parseAudit(await readFile(auditPath, 'utf8')).entries;
    expect(after.length).toBe(lines.length);
    expect((await verifyDataDir(h.dataDir)).problems).toEqual([]);
    await h.restart();
  });
});
