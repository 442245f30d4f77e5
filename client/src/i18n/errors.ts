// Every refusal code the server can send, and the few the client raises itself, mapped to a
// key in common.json "errors". The Record type makes a new ErrorCode a compile error here
// until it has a message; errors.test.ts checks both languages hold every key.
import type { TFunction } from 'i18next';
import type { ConnectErrorCode, ErrorCode } from '../../../shared/protocol.js';

export type ClientErrorCode = 'TIMEOUT' | 'NETWORK';
export type AnyErrorCode = ErrorCode | ConnectErrorCode | ClientErrorCode;

// Codes other engineers are adding to the protocol now (archiving, meeting preparation,
// device binding). Spread in, so this file compiles both before and after they land; the
// Record type still demands a message for every code that is in the protocol.
const NEWER = { ARCHIVED: true, ROSTER_LOCKED: true, ITEM_LOCKED: true, DUPLICATE_ID: true, DEVICE_MISMATCH: true } as const;

const CODES: Record<AnyErrorCode, true> = {
  ...NEWER,
  BAD_REQUEST: true,
  UNAUTHORIZED: true,
  FORBIDDEN: true,
  NOT_FOUND: true,
  NOT_CHECKED_IN: true,
  NO_OPEN_ROUND: true,
  WRONG_ROUND: true,
  ROUND_CLOSED: true,
  ROUND_PAUSED: true,
  ROUND_ACTIVE: true,
  NOT_PREPARED: true,
  AUDIENCE_PAUSED: true,
  WRONG_CODE: true,
  NOT_YOUR_SUGGESTION: true,
  ALREADY_VOTED: true,
  RECEIPT_TAKEN: true,
  WRONG_CHANGE_KEY: true,
  NO_QUORUM: true,
  NOT_CLOSED: true,
  STORAGE_FAILED: true,
  RATE_LIMITED: true,
  INTERNAL: true,
  WRONG_KIND: true,
  UNKNOWN_ID: true,
  TOO_MANY_PICKS: true,
  INCOMPLETE: true,
  BAD_VALUE: true,
  PROTOCOL_MISMATCH: true,
  BAD_LINK: true,
  LINK_REVOKED: true,
  NO_MEETING: true,
  DEVICE_MISMATCH: true,
  ARCHIVED: true,
  ROSTER_LOCKED: true,
  ITEM_LOCKED: true,
  DUPLICATE_ID: true,
  TIMEOUT: true,
  NETWORK: true,
};

export const ERROR_CODES = Object.keys(CODES) as readonly string[];

export function isErrorCode(x: unknown): x is AnyErrorCode {
  // hasOwnProperty, not Object.hasOwn: older in-app browsers (iOS 14 WeChat) lack the latter.
  return typeof x === 'string' && Object.prototype.hasOwnProperty.call(CODES, x);
}

/** The human message for a code; an unknown code (a newer server) reads as INTERNAL. */
export function errorText(t: TFunction, code: unknown): string {
  return t(`common:errors.${isErrorCode(code) ? code : 'INTERNAL'}`);
}
