// The handshake gate of a namespace that follows one meeting and needs nothing else to let a
// socket in: the big screen's (core and public edge) and the audience page's (core and public
// edge). It parses the handshake, finds the meeting, and either lets the socket in with
// `socket.data = { meetingId }` or refuses it with a connect error the page acts on
// (PROTOCOL_MISMATCH: reload; NO_MEETING: say so). At run time it needs only common.ts's
// connectError (whose core imports are types), so a public edge's process can use it
// (server/edge/edge.ts) without bundling anything of the core.
import { connectError, type ParseHandshake } from './common.js';

/** The meeting a parsed handshake names, now or later; none (undefined, null, '') is NO_MEETING. */
export type MeetingLookup<H> = (hs: H) => string | null | undefined | PromiseLike<string | null | undefined>;

/** What the gate reads and writes of a socket: any namespace whose sockets carry `{ meetingId }`. */
interface GatedSocket {
  readonly handshake: { readonly auth: unknown };
  data: { meetingId: string };
}

const isPromiseLike = <T>(x: T | PromiseLike<T>): x is PromiseLike<T> => typeof (x as { then?: unknown } | null | undefined)?.then === 'function';

/**
 * A namespace middleware: `parse` the handshake (undefined: PROTOCOL_MISMATCH), `lookup` the
 * meeting (none, a failed lookup, or one that throws: NO_MEETING). A lookup answered at once
 * (the core's state) lets the socket in at once; one that waits (Redis) lets it in when answered.
 * Every path ends in `next`: a handshake left unanswered would hang the page's socket.
 */
export function meetingGate<H>(parse: ParseHandshake<H>, lookup: MeetingLookup<H>): (socket: GatedSocket, next: (err?: Error) => void) => void {
  return (socket, next) => {
    const hs = parse(socket.handshake.auth);
    if (hs === undefined) return next(connectError('PROTOCOL_MISMATCH'));
    const admit = (meetingId: string | null | undefined): void => {
      if (!meetingId) return next(connectError('NO_MEETING'));
      socket.data = { meetingId };
      next();
    };
    let found: ReturnType<MeetingLookup<H>>;
    try {
      found = lookup(hs);
    } catch {
      return next(connectError('NO_MEETING'));
    }
    if (isPromiseLike(found)) void found.then(admit, () => next(connectError('NO_MEETING')));
    else admit(found);
  };
}
