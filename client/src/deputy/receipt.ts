// Receipt codes live in shared/ (the server's plain page draws them too); the phone imports them from here.
export * from '../../../shared/receipt-code.js';

import type { RandomBytes } from '../../../shared/receipt-code.js';

/** The phone's randomness: Web Crypto. */
export const cryptoBytes: RandomBytes = (n) => crypto.getRandomValues(new Uint8Array(n));
