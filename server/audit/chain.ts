// The audit log's entries and their hash chain. Pure: the server writes with these, and
// `verify` recomputes with the same functions.
import { hash } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from '../../shared/commitment.js';
import type { MeetingEvent } from '../../shared/events.js';

export const GENESIS = '0'.repeat(64);

/** What the log says a record did: every action and participation, never a ballot's content. */
export function summarize(events: readonly MeetingEvent[]): Record<string, unknown>[] {
  return events.flatMap((e): Record<string, unknown>[] => {
    if (e.t === 'ballot') return []; // what was chosen is never audited, not even for named votes
    // keys in sorted order: canonicalJson then need not sort them (one record per vote)
    if (e.t === 'voted') return [{ deputyId: e.deputyId, roundId: e.roundId, t: 'voted' }];
    return [{ ...e }];
  });
}

export const RoundClose = z.strictObject({
  roundId: z.string(),
  ballots: z.number().int().nonnegative(),
  commitment: z.string().nullable(),
  /** How the commitment was made (shared/commitment.ts); absent in entries from before #12: 'lines-v1'. */
  scheme: z.enum(['merkle-v2', 'lines-v1']).optional(),
  /** The tally at close, as the rules computed it. */
  result: z.unknown(),
});
export type RoundClose = z.infer<typeof RoundClose>;

export const AuditEntry = z.strictObject({
  n: z.number().int().positive(),
  prev: z.string().length(64),
  at: z.number().int().nonnegative(),
  meetingId: z.string(),
  /** The journal record this entry describes. */
  seq: z.number().int().positive(),
  /** The console user who acted; null for deputies, timers, and records audited after a crash. */
  actor: z.string().nullable(),
  /** SHA-256 of the journal record's line as stored: the entry commits to every byte of it (absent in logs written before). */
  record: z.string().length(64).optional(),
  /** Written at start, from the journal, because the server stopped before auditing it. */
  recovered: z.literal(true).optional(),
  /**
   * Random, on every entry that records a vote: without it the hash of such an entry, which the
   * audit endpoint shows in place of the entry during and after a secret vote, could be matched
   * by trying every deputy and every millisecond of the vote (audit-http.ts).
   */
  salt: z.string().regex(/^[0-9a-f]{32}$/).optional(),
  events: z.array(z.record(z.string(), z.unknown())),
  closes: z.array(RoundClose).optional(),
  hash: z.string().length(64),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** What an entry's `record` holds: SHA-256 of the journal line (UTF-8, without its newline). */
export function recordHash(line: string): string {
  return hash('sha256', line, 'hex');
}

export function entryHash(e: Omit<AuditEntry, 'hash'>): string {
  const { hash: _ignored, ...body } = e as AuditEntry;
  return hash('sha256', `${body.prev}\n${canonicalJson(body)}`, 'hex');
}

export function seal(e: Omit<AuditEntry, 'hash'>): AuditEntry {
  return { ...e, hash: entryHash(e) };
}

/**
 * seal() for an entry built with its keys in sorted order whose events are all vote summaries
 * (summarize() builds those sorted too) and which closes no round: plain JSON.stringify then
 * gives canonicalJson's text, without its work. One such entry per vote; verify (checkChain)
 * always recomputes with canonicalJson, and the audit tests check the two agree.
 */
export function sealVotes(e: Omit<AuditEntry, 'hash'>): AuditEntry {
  return sealedLine(e).entry;
}

/**
 * sealVotes, with the entry's line as the log stores it (JSON.stringify of the entry, without
 * the newline). For a vote record the one JSON text serves both the hash and the line, whose
 * `hash` key comes last as the spread puts it: one stringify per vote instead of two.
 */
export function sealedLine(e: Omit<AuditEntry, 'hash'>): { entry: AuditEntry; line: string } {
  if (e.closes !== undefined || !e.events.every((ev) => ev.t === 'voted')) {
    const entry = seal(e);
    return { entry, line: JSON.stringify(entry) };
  }
  const json = JSON.stringify(e);
  const h = hash('sha256', `${e.prev}\n${json}`, 'hex');
  return { entry: { ...e, hash: h }, line: `${json.slice(0, -1)},"hash":"${h}"}` };
}

export interface ChainProblem {
  n: number;
  problem: string;
}

/** Check the links and the hashes; every break is reported, not just the first. */
export function checkChain(entries: readonly AuditEntry[]): ChainProblem[] {
  const out: ChainProblem[] = [];
  let prev = GENESIS;
  entries.forEach((e, i) => {
    if (e.n !== i + 1) out.push({ n: e.n, problem: `entry number ${e.n} where ${i + 1} was expected` });
    if (e.prev !== prev) out.push({ n: e.n, problem: 'does not link to the entry before it' });
    if (entryHash(e) !== e.hash) out.push({ n: e.n, problem: 'its hash does not match its content (altered)' });
    prev = e.hash;
  });
  return out;
}

/** Parse audit log text: complete lines only (a torn last line is reported by the caller). */
export function parseAudit(text: string): { entries: AuditEntry[]; bad: number[]; goodBytes: number } {
  const lastNl = text.lastIndexOf('\n');
  const entries: AuditEntry[] = [];
  const bad: number[] = [];
  if (lastNl >= 0) {
    text
      .slice(0, lastNl)
      .split('\n')
      .forEach((line, i) => {
        try {
          const r = AuditEntry.safeParse(JSON.parse(line));
          if (r.success) entries.push(r.data);
          else bad.push(i + 1);
        } catch {
          bad.push(i + 1);
        }
      });
  }
  return { entries, bad, goodBytes: Buffer.byteLength(text.slice(0, lastNl + 1)) };
}
