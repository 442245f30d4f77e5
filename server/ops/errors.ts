// A start that cannot go on for a reason the operator can fix: main.ts prints the message
// (no stack trace) and exits with EXIT_CODE.
export type StartupProblem =
  | 'PORT_TAKEN'
  | 'PORT_FORBIDDEN'
  | 'HOST_UNAVAILABLE'
  | 'DATA_NOT_WRITABLE'
  | 'DATA_IN_USE'
  | 'DATA_FORMAT_NEWER'
  | 'DATA_FORMAT_UNREADABLE';

export class StartupError extends Error {
  constructor(
    readonly problem: StartupProblem,
    message: string,
  ) {
    super(message);
  }
}

/** Exit code of a start refused with a StartupError (1 stays for crashes). */
export const EXIT_CODE = 2;
