// A chain head written down earlier (read out at the end of a sitting, printed in the report,
// noted from the console or the screen at close): the audit log must still hold that entry,
// unchanged, and everything before it. Cutting the log's tail and letting a start rebuild it
// from an altered journal gives a chain that is valid on its own; it no longer contains the
// head that was written down.
import { formatChainHead, SHOWN_HEAD_DIGITS } from '../../shared/chain-head.js';
import type { AuditEntry } from './chain.js';

export { SHOWN_HEAD_DIGITS };

/** The shortest head accepted: 8 hex digits (32 bits). Fewer could be matched by search. */
export const MIN_HEAD_DIGITS = 8;

/** A head as written down: hex digits, spaces, an ellipsis, an entry number (`#12 abcd…`, `12:abcd…`). */
export function parseHead(written: string): { n: number | null; hex: string } | null {
  const m = /^\s*(?:#?(\d+)\s*[:\s]\s*)?([0-9a-fA-F][0-9a-fA-F\s]*?)\s*(?:…|\.\.\.)?\s*$/.exec(written);
  if (!m) return null;
  const hex = (m[2] ?? '').replace(/\s+/g, '').toLowerCase();
  if (hex.length < MIN_HEAD_DIGITS || hex.length > 64) return null;
  return { n: m[1] !== undefined ? Number(m[1]) : null, hex };
}

/** The form people write down (shared/chain-head.ts). */
export const formatHead = formatChainHead;

/**
 * Add to `problems` unless the chain holds the written head (checkChain has checked the entries
 * up to it); returns the entry found.
 */
export function checkHead(entries: readonly AuditEntry[], written: string, problems: string[], warnings: string[]): AuditEntry | null {
  const head = parseHead(written);
  if (!head) {
    problems.push(`--head ${JSON.stringify(written)}: not a chain head (at least ${MIN_HEAD_DIGITS} hex digits, optionally after an entry number: #12 abcd1234…)`);
    return null;
  }
  const found = entries.filter((e) => e.hash.startsWith(head.hex) && (head.n === null || e.n === head.n));
  if (found.length === 0) {
    const at = head.n !== null ? entries.find((e) => e.n === head.n) : undefined;
    problems.push(
      `chain head ${written.trim()} (written down earlier) is not in the audit log` +
        (at ? `: entry ${at.n} is now ${at.hash.slice(0, 16)}…` : '') +
        ': entries up to it were changed, removed or rebuilt since it was written down',
    );
    return null;
  }
  if (found.length > 1) warnings.push(`chain head ${written.trim()}: ${found.length} entries start with these digits; write down more of it`);
  const e = found[0] as AuditEntry;
  if (head.hex.length < SHOWN_HEAD_DIGITS) warnings.push(`chain head ${written.trim()}: only ${head.hex.length} digits were given; ${SHOWN_HEAD_DIGITS} make a forged chain impractical to search for`);
  return e;
}
