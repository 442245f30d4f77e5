// Closing a Redis client at shutdown. destroy() rejects every command still in flight, and some
// of those are not ours to catch: the Redis Streams adapter sends a server-side emit (our
// audience records, seam/public.ts) with PUBLISH and drops its promise, so a record sent just
// before shutdown became an unhandled rejection ("Disconnects client"), which ends a Node
// process. close() lets pending commands finish first; destroy() only if that does not end.
export interface ClosableRedis {
  readonly isOpen: boolean;
  close(): Promise<void>;
  destroy(): void;
}

export const REDIS_CLOSE_MS = 2000;

export async function closeRedis(client: ClosableRedis, ms = REDIS_CLOSE_MS): Promise<void> {
  if (!client.isOpen) {
    try {
      client.destroy(); // stops its reconnecting, if it never connected
    } catch {
      // already closed
    }
    return;
  }
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([client.close(), new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('redis close timed out')), ms)))]);
  } catch {
    try {
      client.destroy(); // Redis gone or hung: nothing in flight will be answered anyway
    } catch {
      // already closed
    }
  } finally {
    clearTimeout(timer);
  }
}
