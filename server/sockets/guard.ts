// Guards in front of every socket handler: a per-connection rate limit, and a typed refusal
// for events the namespace does not handle (so a deputy sending a console command, or a
// screen sending a vote, gets FORBIDDEN at once instead of silence).
import type { Namespace, Socket } from 'socket.io';
import type { Ack } from '../../shared/protocol.js';
import type { Logger } from '../logger.js';

export interface RateLimit {
  /** Sustained events per second per connection. */
  readonly perSecond: number;
  /** Events allowed at once before the sustained rate applies. */
  readonly burst: number;
}

/** Generous for people (a phone sends a few events a minute), tight for a flood. */
export const DEFAULT_RATE_LIMIT: RateLimit = { perSecond: 10, burst: 40 };

/** A token bucket: `take()` is false when the connection is over its allowance. */
export function tokenBucket(limit: RateLimit, clock: () => number = Date.now): { take(): boolean } {
  let tokens = limit.burst;
  let last = clock();
  return {
    take: () => {
      const now = clock();
      tokens = Math.min(limit.burst, tokens + ((now - last) / 1000) * limit.perSecond);
      last = now;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}

function answer(args: unknown[], a: Ack): void {
  const ack = args[args.length - 1];
  if (typeof ack === 'function') (ack as (x: Ack) => void)(a);
}

/**
 * Buckets shared by every socket with the same key (a deputy's link): without one, n sockets
 * opened on one link had n allowances. A bucket lives while a socket holds it.
 */
export function sharedBuckets(limit: RateLimit, clock: () => number = Date.now): { hold(key: string): { take(): boolean; release(): void } } {
  const held = new Map<string, { bucket: { take(): boolean }; holders: number }>();
  return {
    hold: (key) => {
      const entry = held.get(key) ?? { bucket: tokenBucket(limit, clock), holders: 0 };
      entry.holders += 1;
      held.set(key, entry);
      let released = false;
      return {
        take: () => entry.bucket.take(),
        release: () => {
          if (released) return;
          released = true;
          entry.holders -= 1;
          if (entry.holders === 0) held.delete(key);
        },
      };
    },
  };
}

export function guardSocket(socket: Socket, limit: RateLimit, log: Logger, shared?: { take(): boolean; release(): void }): void {
  const bucket = tokenBucket(limit);
  let refused = 0;
  if (shared) socket.once('disconnect', () => shared.release());
  socket.use((packet, next) => {
    const [event, ...args] = packet;
    // The connection's own allowance first, then its link's, shared with its other sockets.
    if (!bucket.take() || (shared !== undefined && !shared.take())) {
      refused += 1;
      if (refused === 1 || refused % 100 === 0) log.warn({ nsp: socket.nsp.name, socket: socket.id, refused }, 'socket: rate limit reached');
      // A client that keeps flooding far past its allowance is cut off.
      if (refused > limit.burst * 10) socket.disconnect(true);
      return answer(args, { ok: false, error: 'RATE_LIMITED' });
    }
    refused = 0;
    if (typeof event !== 'string' || socket.listeners(event).length === 0) return answer(args, { ok: false, error: 'FORBIDDEN' });
    next();
  });
}

/**
 * Guard every connection of a namespace (registered before the namespace's own handlers).
 * `keyOf` names what a connection's sockets share one allowance by (a deputy's link), if any.
 */
export function guardNamespace(nsp: Namespace, limit: RateLimit, log: Logger, keyOf?: (socket: Socket) => string | undefined): void {
  const buckets = sharedBuckets(limit);
  nsp.on('connection', (socket) => {
    const key = keyOf?.(socket);
    guardSocket(socket, limit, log, key === undefined ? undefined : buckets.hold(key));
  });
}
