// The audit chain head as people write it down (from the console, the printed report, the big
// screen at close) and give back to `npm run verify -- <dir> --head "<it>"`: the entry number
// and the first 16 hex digits of its hash, in groups of four. 16 digits (64 bits) make a forged
// chain that happens to match impractical to search for.

export interface ChainHead {
  /** The entry's number in the audit log (1, 2, ...). */
  readonly n: number;
  /** Its SHA-256, 64 hex digits. */
  readonly hash: string;
}

export const SHOWN_HEAD_DIGITS = 16;

export function formatChainHead(head: ChainHead): string {
  const digits = head.hash.slice(0, SHOWN_HEAD_DIGITS).replace(/(.{4})(?=.)/g, '$1 ');
  return `#${head.n} ${digits}…`;
}
