// Pure and shared: the phone draws receipt codes on the device, the plain no-JavaScript page
// (server/plain/) draws them on the server, from the same alphabet.
// Receipt codes: 8 characters from an alphabet without look-alikes (no I, O, 0, 1), so a
// deputy can read one out or copy it by hand. 32 symbols = 5 bits, so masking a random byte
// with 31 is exactly uniform (no modulo bias).
export const RECEIPT_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const RECEIPT_LENGTH = 8;

/** The randomness comes from the caller (the phone's Web Crypto, the server's node:crypto): shared/ does no I/O. */
export type RandomBytes = (n: number) => Uint8Array;

export function newReceipt(random: RandomBytes): string {
  return Array.from(random(RECEIPT_LENGTH), (b) => RECEIPT_ALPHABET[b & 31]).join('');
}

/** An id for one submission: 16 random bytes as hex, well inside the protocol's Id pattern. */
export function newSubmissionId(random: RandomBytes): string {
  return Array.from(random(16), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** "ABCD2345" -> "ABCD 2345", easier to read aloud. */
export function formatReceipt(r: string): string {
  return r.length === 8 ? `${r.slice(0, 4)} ${r.slice(4)}` : r;
}
