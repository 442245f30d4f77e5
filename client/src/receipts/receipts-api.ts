// The published receipt list of a closed round (GET /api/meetings/:id/rounds/:roundId/receipts).
// The answer is unknown until it parses; a refusal comes back as its error code for the page
// to put in words (NOT_CLOSED: the vote is still open).
import { z } from 'zod';
import { leafHash, merkleRoot } from '../../../shared/commitment.js';
import { Outbox, type StorageLike } from '../deputy/outbox.js';
import type { AnyErrorCode } from '../i18n/errors.js';
import { isErrorCode } from '../i18n/errors.js';

const Receipts = z.object({
  ok: z.literal(true),
  meetingId: z.string(),
  roundId: z.string(),
  secret: z.boolean(),
  count: z.number().int().nonnegative(),
  commitment: z.string().nullable(),
  /** 'merkle-v2': each code comes with its salted leaf (shared/commitment.ts); absent or 'lines-v1' before #12. */
  scheme: z.enum(['merkle-v2', 'lines-v1']).nullable().optional(),
  // Secret votes publish each code with its leaf (before #12 the codes alone); named votes also the ballot.
  receipts: z.array(z.union([z.string(), z.object({ receipt: z.string(), leaf: z.string().optional() })])),
});

export interface ReceiptList {
  secret: boolean;
  count: number;
  commitment: string | null;
  /** Sorted, as the server sends them. */
  codes: string[];
  /** Each code's leaf (merkle-v2), to check one's own ballot and to rebuild the commitment. */
  leaves: Map<string, string>;
  /** Whether the published leaves rebuild the published commitment; null when there are no leaves (older scheme). */
  rootMatches: boolean | null;
}

export type ReceiptsResult = { ok: true; list: ReceiptList } | { ok: false; error: AnyErrorCode };

export async function fetchReceipts(meetingId: string, roundId: string): Promise<ReceiptsResult> {
  let res: Response;
  let body: unknown;
  try {
    res = await fetch(`/api/meetings/${encodeURIComponent(meetingId)}/rounds/${encodeURIComponent(roundId)}/receipts`);
    body = await res.json();
  } catch {
    return { ok: false, error: 'NETWORK' };
  }
  const parsed = Receipts.safeParse(body);
  if (res.ok && parsed.success) {
    const { secret, count, commitment, receipts, scheme } = parsed.data;
    const leaves = new Map(receipts.flatMap((r) => (typeof r !== 'string' && r.leaf !== undefined ? [[r.receipt, r.leaf] as const] : [])));
    const rootMatches = scheme === 'merkle-v2' && leaves.size === receipts.length ? merkleRoot([...leaves.values()]) === commitment : null;
    return { ok: true, list: { secret, count, commitment, codes: receipts.map((r) => (typeof r === 'string' ? r : r.receipt)), leaves, rootMatches } };
  }
  const error = typeof body === 'object' && body !== null && 'error' in body ? body.error : null;
  return { ok: false, error: isErrorCode(error) ? error : 'INTERNAL' };
}

/** What a deputy types ("abcd 2345", "ABCD-2345") as the stored code ("ABCD2345"). */
export function normaliseCode(input: string): string {
  return input.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/**
 * This phone's own ballot in a round, from its outbox (same origin as the phone's link): the
 * receipt, the salt and what the server recorded, which give the ballot's leaf. Null when this
 * browser did not cast it (or cast it before salts).
 */
export function ownBallot(roundId: string, storage: (StorageLike & { length: number; key(i: number): string | null }) | null): { receipt: string; leaf: string } | null {
  if (!storage) return null;
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (!key?.startsWith('wz.outbox.')) continue;
    const e = new Outbox({ storage, key }).get(roundId);
    if (e && e.phase === 'acked' && e.salt !== undefined && e.recorded) return { receipt: e.receipt, leaf: leafHash(e.receipt, e.salt, e.recorded) };
  }
  return null;
}
