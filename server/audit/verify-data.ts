// `verify`: recompute everything the data folder claims — the audit chain, each entry against
// its journal record, the ballot commitments and tallies recorded at close, one ballot per
// voter — and report every mismatch. Reads only; changes nothing.
import { ballotsOf } from '../../shared/state.js';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ballotCommitment, canonicalJson } from '../../shared/commitment.js';
import { resultOf } from '../../shared/views.js';
import { readDataDir, stateAt, type DataDirContents } from '../store/load.js';
import { isPending } from '../store/box-format.js';
import { AUDIT_FILE } from './audit-log.js';
import { checkChain, parseAudit, recordHash, summarize, type AuditEntry } from './chain.js';
import { checkHead } from './head.js';

export interface VerifyReport {
  ok: boolean;
  /** Things that are wrong: the record cannot be trusted as it is. */
  problems: string[];
  /** Things a crash leaves behind and the next start repairs. */
  warnings: string[];
  figures: {
    meetings: number;
    records: number;
    rounds: number;
    ballots: number;
    auditEntries: number;
    chainHead: string | null;
    /** The entry number of the head given with --head, when the chain holds it. */
    headFoundAt?: number;
  };
}

export interface VerifyOptions {
  /** A chain head written down earlier (a hex prefix of at least 8 digits): the chain must still contain it. */
  head?: string;
}

export async function verifyDataDir(dir: string, opts: VerifyOptions = {}): Promise<VerifyReport> {
  const problems: string[] = [];
  const warnings: string[] = [];
  let d: DataDirContents;
  try {
    d = await readDataDir(dir);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return { ok: false, problems: [msg], warnings, figures: { meetings: 0, records: 0, rounds: 0, ballots: 0, auditEntries: 0, chainHead: null } };
  }
  if (d.partialFrom !== null) warnings.push(`journal: the records from ${d.partialFrom} on are a batch a power loss left half-written (never acknowledged; cut at the next start, and left out here)`);
  if (d.tornBytes > 0) warnings.push(`journal: ${d.tornBytes} bytes of an incomplete last entry (a crash during a write; cut at the next start)`);
  checkBoxes(d, problems, warnings);

  const text = await readFile(join(dir, AUDIT_FILE), 'utf8').catch(() => '');
  const { entries, bad, goodBytes } = parseAudit(text);
  for (const n of bad) problems.push(`audit log: line ${n} is not a valid entry`);
  if (goodBytes < Buffer.byteLength(text)) warnings.push('audit log: an incomplete last entry (cut at the next start)');
  for (const c of checkChain(entries)) problems.push(`audit log: entry ${c.n} ${c.problem}`);
  checkEntries(d, entries, problems, warnings);
  const found = opts.head !== undefined ? checkHead(entries, opts.head, problems, warnings) : null;

  let rounds = 0;
  let ballots = 0;
  for (const [meetingId, s] of d.meetings) {
    for (const r of s.rounds.values()) {
      rounds += 1;
      ballots += r.ballots.length;
      if (r.manual !== undefined) continue;
      if (r.ballots.length !== r.voterCount) problems.push(`${meetingId}/${r.id}: ${r.ballots.length} ballots for ${r.voterCount} voters`);
      if (new Set(ballotsOf(r).map((b) => b.receipt)).size !== r.ballots.length) problems.push(`${meetingId}/${r.id}: a receipt is counted twice`);
    }
  }
  const head = entries[entries.length - 1];
  return {
    ok: problems.length === 0,
    problems,
    warnings,
    figures: { meetings: d.meetings.size, records: d.records.length, rounds, ballots, auditEntries: entries.length, chainHead: head ? head.hash : null, ...(found ? { headFoundAt: found.n } : {}) },
  };
}

function checkBoxes(d: DataDirContents, problems: string[], warnings: string[]): void {
  for (const [key, box] of d.boxes) {
    if (!box.header) {
      problems.push(`ballot box ${key}: damaged header`);
      continue;
    }
    if (box.headerExact === false) problems.push(`ballot box ${key}: its header's bytes differ from what the server writes (altered)`);
    for (const i of box.dirtySlots ?? []) problems.push(`ballot box ${key}: slot ${i} has bytes outside its ballot and checksum that are not zero (altered)`);
    const [meetingId, roundId] = key.split('/');
    if (box.header.meetingId !== meetingId || box.header.roundId !== roundId) problems.push(`ballot box ${key}: its header names ${box.header.meetingId}/${box.header.roundId}, not the round of its file name`);
    const m = d.meetings.get(meetingId ?? '');
    if (!m?.rounds.has(roundId ?? '') && !m?.rehearsalRounds.includes(roundId ?? '')) warnings.push(`ballot box ${key}: no such round in the journal (a crash before the round was recorded)`);
    const torn = box.slots.filter((s) => s.kind === 'torn').length;
    const pending = box.slots.filter((s) => s.kind === 'ballot' && isPending(s.payload)).length;
    if (torn > 0) warnings.push(`ballot box ${key}: ${torn} slot(s) fail their checksum (an interrupted write, or tampering; not counted)`);
    if (pending > 0) warnings.push(`ballot box ${key}: ${pending} ballot(s) not yet sealed (the server stopped mid-vote; sealed at the next start)`);
  }
}

function checkEntries(d: DataDirContents, entries: readonly AuditEntry[], problems: string[], warnings: string[]): void {
  const bySeq = new Map(d.records.map((r, i) => [r.seq, { ...r, line: d.lines[i] ?? '' }]));
  let unhashed = 0;
  const audited = new Set<number>();
  for (const e of entries) {
    const rec = bySeq.get(e.seq);
    if (audited.has(e.seq)) problems.push(`audit log: entry ${e.n} audits journal record ${e.seq} a second time`);
    audited.add(e.seq);
    if (!rec) {
      problems.push(`audit log: entry ${e.n} describes journal record ${e.seq}, which the journal does not have`);
      continue;
    }
    if (rec.meetingId !== e.meetingId || canonicalJson(summarize(rec.events)) !== canonicalJson(e.events)) {
      problems.push(`audit log: entry ${e.n} does not match journal record ${e.seq}`);
    } else if (e.record !== undefined && e.record !== recordHash(rec.line)) {
      problems.push(`audit log: entry ${e.n} does not match journal record ${e.seq} (its bytes were changed)`);
    }
    if (e.record === undefined) unhashed += 1;
    if (e.recovered) {
      warnings.push(
        `audit log: entry ${e.n} (journal record ${e.seq}) was rebuilt at a start from the journal (recovered), not written when the record was made: it proves only what the journal held then; compare the chain head with one written down before (--head)`,
      );
    }
    for (const c of e.closes ?? []) {
      const s = stateAt(d, e.meetingId, e.seq);
      const r = s?.rounds.get(c.roundId);
      if (!s || !r) {
        problems.push(`round ${c.roundId}: closed in audit entry ${e.n} but missing from the record`);
        continue;
      }
      if (r.ballots.length !== c.ballots) problems.push(`round ${c.roundId}: ${r.ballots.length} ballots stored, ${c.ballots} at close`);
      // Recomputed the way it was made at close (an entry without a scheme predates salts).
      const made = r.status === 'closed' && r.manual === undefined ? ballotCommitment(ballotsOf(r), c.scheme ?? 'lines-v1') : null;
      if (made !== c.commitment) problems.push(`round ${c.roundId}: the stored ballots do not match the commitment recorded at close`);
      if (canonicalJson(resultOf(s, r)) !== canonicalJson(c.result)) problems.push(`round ${c.roundId}: the tally of the stored ballots differs from the tally recorded at close`);
    }
  }
  if (unhashed > 0) warnings.push(`audit log: ${unhashed} entries from before record hashes cover only a summary of their journal record (who, what, when; not submission ids)`);
  const last = entries[entries.length - 1]?.seq ?? 0;
  for (const r of d.records) {
    if (audited.has(r.seq)) continue;
    if (r.seq > last) warnings.push(`journal record ${r.seq}: not yet in the audit log (the server stopped before auditing it; added at the next start)`);
    else problems.push(`journal record ${r.seq}: missing from the audit log`);
  }
}
