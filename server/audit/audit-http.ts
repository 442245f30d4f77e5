// Published after a vote closes: its receipt codes (for a secret vote, without choices) and its
// commitment, so a deputy can see their ballot was counted; the audit log for the console.
import { Router, type Request } from 'express';
import { readFile } from 'node:fs/promises';
import { leafHash, receiptLeaves, roundCommitment, roundScheme } from '../../shared/commitment.js';
import { ballotsOf, itemById } from '../../shared/state.js';
import type { Ctx } from '../sockets/common.js';
import type { AuditLog } from './audit-log.js';
import { parseAudit } from './chain.js';
import { redactEntries, secretParticipation } from './redact.js';

const param = (req: Request, k: string): string => String((req.params as Record<string, unknown>)[k] ?? '');

export function auditRoutes(ctx: Ctx, audit: AuditLog): Router {
  const r = Router();

  /** Public, like a notice on the wall: receipts only once the round is closed. */
  r.get('/api/meetings/:id/rounds/:roundId/receipts', (req, res) => {
    const s = ctx.meetings.get(param(req, 'id'));
    const round = s?.rounds.get(param(req, 'roundId'));
    const item = s && round ? itemById(s, round.itemId) : undefined;
    if (!s || !round || !item) return void res.status(404).json({ ok: false, error: 'NOT_FOUND' });
    if (round.status !== 'closed') return void res.status(409).json({ ok: false, error: 'NOT_CLOSED' });
    const secret = 'settings' in item ? item.settings.secret : true;
    const sorted = [...ballotsOf(round)].sort((a, b) => (a.receipt < b.receipt ? -1 : 1));
    res.json({
      ok: true,
      meetingId: s.info.id,
      roundId: round.id,
      itemId: item.id,
      secret,
      count: sorted.length,
      commitment: roundCommitment(round),
      scheme: roundScheme(round),
      // Secret: each code with its salted leaf only (the salt stays in the ballot box), so the list
      // proves inclusion to the phone that knows its salt and shows no one a choice (H5). Named:
      // the choice is public, so the salt is too and anyone can recompute every leaf.
      receipts:
        roundScheme(round) === 'lines-v1'
          ? secret
            ? sorted.map((b) => b.receipt)
            : sorted.map((b) => ({ receipt: b.receipt, content: b.content }))
          : secret
            ? receiptLeaves(sorted)
            : sorted.map((b) => ({ receipt: b.receipt, leaf: leafHash(b.receipt, b.salt ?? '', b.content), content: b.content, salt: b.salt })),
    });
  });

  /**
   * The audit log of a meeting, for staff: every action and participation, never a choice; the
   * votes of a secret round as numbered stubs, and who voted in it once it is over (redact.ts).
   */
  r.get('/api/meetings/:id/audit', async (req, res) => {
    const token = req.header('authorization')?.replace(/^Bearer /, '');
    if (!ctx.auth.sessionUser(token)) return void res.status(401).json({ ok: false, error: 'UNAUTHORIZED' });
    const id = param(req, 'id');
    if (!ctx.meetings.get(id)) return void res.status(404).json({ ok: false, error: 'NOT_FOUND' });
    await audit.flushed();
    const { entries } = parseAudit(await readFile(audit.path, 'utf8'));
    const s = ctx.meetings.get(id);
    if (!s) return void res.status(404).json({ ok: false, error: 'NOT_FOUND' });
    res.json({ ok: true, head: audit.head, entries: redactEntries(s, entries.filter((e) => e.meetingId === id)), secretVotes: secretParticipation(s) });
  });

  return r;
}
