// Random hex drawn from a pool: one getrandom call per 4 KB instead of one per ballot salt.
// Under a burst of 3,000 votes, a syscall per salt was about a tenth of the core's thread
// (docs/PERFORMANCE.md). The bytes are the same CSPRNG's; each is handed out once, never again.
import { randomBytes } from 'node:crypto';

const POOL_BYTES = 4096;
let pool = Buffer.alloc(0);
let at = 0;

/** `bytes` fresh random bytes as lowercase hex (bytes ≤ 4096). */
export function randomHex(bytes: number): string {
  if (!Number.isInteger(bytes) || bytes <= 0 || bytes > POOL_BYTES) throw new RangeError(`randomHex: ${bytes} bytes`);
  if (at + bytes > pool.length) {
    pool = randomBytes(POOL_BYTES);
    at = 0;
  }
  const out = pool.toString('hex', at, at + bytes);
  // Spent bytes are zeroed: a later heap dump finds no past salt in the pool.
  pool.fill(0, at, at + bytes);
  at += bytes;
  return out;
}
