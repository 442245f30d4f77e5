// Emit with an ack and a deadline. The answer is always a value: the server's Ack, or
// TIMEOUT when it did not answer (the caller decides whether to retry), never a throw.
import type { Ack, ErrorCode } from '../../../shared/protocol.js';
import type { ClientErrorCode } from '../i18n/errors.js';

export type AckOrTimeout<T extends object> = Ack<T> | { ok: false; error: ClientErrorCode };

export const ACK_TIMEOUT_MS = 6000;

/** Adapts socket.io's (err, res) timeout callback to one result value. */
export function ackResult<T extends object>(resolve: (r: AckOrTimeout<T>) => void) {
  return (err: Error | null, res: Ack<T>) => resolve(err ? { ok: false, error: 'TIMEOUT' } : res);
}

export function failed(error: ErrorCode | ClientErrorCode): { ok: false; error: ErrorCode | ClientErrorCode } {
  return { ok: false, error };
}
