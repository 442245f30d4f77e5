// The published receipt list of a closed round (GET /api/meetings/:id/rounds/:roundId/receipts).
// The answer is unknown until it parses; a refusal comes back as its error code for the page
// to put in words (NOT_CLOSED: the vote is still open).
import { z } from 'zod';
import type { AnyErrorCode } from '../i18n/errors.js';
import { isErrorCode } from '../i18n/errors.js';

const Receipts = z.object({
  ok: z.literal(true),
  meetingId: z.string(),
  roundId: z.string(),
  secret: z.boolean(),
  count: z.number().int().nonnegative(),
  commitment: z.string().nullable(),
  // Secret votes publish the codes alone; named votes each code with its ballot.
  receipts: z.array(z.union([z.string(), z.object({ receipt: z.string() })])),
});

export interface ReceiptList {
  secret: boolean;
  count: number;
  commitment: string | null;
  /** Sorted, as the server sends them. */
  codes: string[];
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
    const { secret, count, commitment, receipts } = parsed.data;
    return { ok: true, list: { secret, count, commitment, codes: receipts.map((r) => (typeof r === 'string' ? r : r.receipt)) } };
  }
  const error = typeof body === 'object' && body !== null && 'error' in body ? body.error : null;
  return { ok: false, error: isErrorCode(error) ? error : 'INTERNAL' };
}

/** What a deputy types ("abcd 2345", "ABCD-2345") as the stored code ("ABCD2345"). */
export function normaliseCode(input: string): string {
  return input.toUpperCase().replace(/[^A-Z0-9]/g, '');
}
