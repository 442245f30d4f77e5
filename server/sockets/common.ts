// What every namespace shares: the context, the handshake check, and a safe handler wrapper.
import type { Socket } from 'socket.io';
import type { z } from 'zod';
import type { ChainHead } from '../../shared/chain-head.js';
import { Handshake, PROTOCOL_VERSION, type Ack, type ConnectErrorCode } from '../../shared/protocol.js';
import type { Auth } from '../auth.js';
import type { Logger } from '../logger.js';
import type { Meetings } from '../meetings.js';
import type { Db } from '../store/db.js';
import type { CoreTransport } from '../seam/transport.js';
import type { AudienceHub } from '../audience/hub.js';

export interface Ctx {
  readonly meetings: Meetings;
  /** Where a socket's request goes: the core, as data (server/seam/). */
  readonly core: CoreTransport;
  readonly auth: Auth;
  readonly db: Db;
  readonly clock: () => number;
  readonly log: Logger;
  /** The audit chain's newest entry (audit-log.ts), shown to consoles and, at close, on screens. */
  readonly auditHead?: () => ChainHead;
  /** Audience rating (server/audience/): its counter and the live counts screens show. */
  readonly audience?: AudienceHub;
}

export function connectError(code: ConnectErrorCode): Error & { data: { code: ConnectErrorCode } } {
  return Object.assign(new Error(code), { data: { code } });
}

/** A handshake's `auth` read as a namespace's own handshake; undefined when it is not one. */
export type ParseHandshake<H> = (auth: unknown) => H | undefined;

/** A namespace's handshake schema as a parser that also holds the protocol version: a client
 *  speaking another version gets undefined, and is told to reload (PROTOCOL_MISMATCH). */
export function versioned<H extends { v: number }>(schema: z.ZodType<H>): ParseHandshake<H> {
  return (auth) => {
    const hs = schema.safeParse(auth);
    return hs.success && hs.data.v === PROTOCOL_VERSION ? hs.data : undefined;
  };
}

const parseHandshake = versioned(Handshake);

/** Parse the handshake; a client speaking another protocol version is told to reload. */
export function readHandshake(socket: Socket): { ok: true; hs: Handshake } | { ok: false; error: Error } {
  const hs = parseHandshake(socket.handshake.auth);
  return hs ? { ok: true, hs } : { ok: false, error: connectError('PROTOCOL_MISMATCH') };
}

/** The meeting a screen or console follows: the one it names, else the active one. */
export function resolveMeeting(ctx: Ctx, named: string | undefined): string | undefined {
  const id = named ?? ctx.db.data.activeMeetingId ?? undefined;
  return id !== undefined && ctx.meetings.get(id) ? id : undefined;
}

/**
 * Register a handler whose answer is an Ack value. A missing ack callback, a thrown error or
 * a rejected promise never reaches socket.io: errors are logged and answered INTERNAL.
 */
export function handle<T extends object>(
  socket: Socket,
  event: string,
  log: Logger,
  f: (payload: unknown) => Promise<Ack<T>> | Ack<T>,
): void {
  socket.on(event, (payload: unknown, ack: unknown) => {
    const reply = typeof ack === 'function' ? (ack as (a: Ack<T>) => void) : () => undefined;
    const failed = (e: unknown) => {
      log.error({ event, err: e instanceof Error ? e.stack : String(e) }, 'handler failed');
      reply({ ok: false, error: 'INTERNAL' });
    };
    // Called at once, not in a microtask of its own: two promises fewer per vote in a burst.
    let answer: Promise<Ack<T>> | Ack<T>;
    try {
      answer = f(payload);
    } catch (e) {
      return failed(e);
    }
    if (answer instanceof Promise) answer.then(reply, failed);
    else reply(answer);
  });
}
