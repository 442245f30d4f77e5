// Which receipt is at which position of a round's ballots, as a persistent hash index: adding
// one copies a chunk of 64 buckets and one short bucket, so a vote's receipt check and its
// insertion stay O(1) in a chamber of 3,000 (a scan of the ballots was O(N) per vote).
import { chunkedFilled, chunkedGet, chunkedSet, type Chunked } from './chunked.js';

type Bucket = readonly (readonly [receipt: string, at: number])[];

export interface ReceiptIndex {
  readonly buckets: Chunked<Bucket>;
  readonly size: number;
}

const EMPTY: Bucket = [];

/** An empty index sized for about `expected` receipts (one per deputy). */
export function receiptIndex(expected: number): ReceiptIndex {
  let n = 16;
  while (n < expected) n *= 2;
  return { buckets: chunkedFilled(n, EMPTY), size: 0 };
}

function bucketOf(ix: ReceiptIndex, receipt: string): number {
  let h = 0x811c9dc5; // FNV-1a
  for (let i = 0; i < receipt.length; i++) h = Math.imul(h ^ receipt.charCodeAt(i), 0x01000193);
  return (h >>> 0) % ix.buckets.length;
}

/** The position of the ballot with this receipt, if any. */
export function receiptAt(ix: ReceiptIndex, receipt: string): number | undefined {
  const bucket = chunkedGet(ix.buckets, bucketOf(ix, receipt)) ?? EMPTY;
  for (const [r, at] of bucket) if (r === receipt) return at;
  return undefined;
}

/** A new index with receipt at position `at` (replacing an earlier position of the same receipt). */
export function withReceipt(ix: ReceiptIndex, receipt: string, at: number): ReceiptIndex {
  const k = bucketOf(ix, receipt);
  const bucket = chunkedGet(ix.buckets, k) ?? EMPTY;
  const had = bucket.some(([r]) => r === receipt);
  const next: Bucket = [...bucket.filter(([r]) => r !== receipt), [receipt, at]];
  return { buckets: chunkedSet(ix.buckets, k, next), size: ix.size + (had ? 0 : 1) };
}

/** A new index without this receipt. */
export function withoutReceipt(ix: ReceiptIndex, receipt: string): ReceiptIndex {
  const k = bucketOf(ix, receipt);
  const bucket = chunkedGet(ix.buckets, k) ?? EMPTY;
  if (!bucket.some(([r]) => r === receipt)) return ix;
  return { buckets: chunkedSet(ix.buckets, k, bucket.filter(([r]) => r !== receipt)), size: ix.size - 1 };
}
