// Noticing a dead link in seconds. socket.io notices only when engine.io's ping goes
// unanswered (the server's 10 s interval + 8 s timeout), and a phone whose Wi-Fi is still
// "connected" to an access point with nothing behind it gets no 'offline' event at all. So the
// phone asks the server for an echo every second; one unanswered for 1.5 s means the link is
// gone: the page says so at once, and the transport is closed so socket.io reconnects now
// rather than after its own timeout. DOM-free (timers injected) for heartbeat.test.ts.

export interface EchoSocket {
  readonly connected: boolean;
  timeout(ms: number): { emit(event: 'echo', payload: object, cb: (err: Error | null) => void): void };
}

export interface HeartbeatOptions {
  everyMs?: number;
  timeoutMs?: number;
  setInterval?: (f: () => void, ms: number) => unknown;
  clearInterval?: (id: unknown) => void;
}

export const HEARTBEAT_EVERY_MS = 1000;
export const HEARTBEAT_TIMEOUT_MS = 1500;

/** Start asking; `onLost` runs once per unanswered echo while the socket thinks it is connected. Returns stop. */
export function startHeartbeat(socket: EchoSocket, onLost: () => void, opts: HeartbeatOptions = {}): () => void {
  const every = opts.everyMs ?? HEARTBEAT_EVERY_MS;
  const timeout = opts.timeoutMs ?? HEARTBEAT_TIMEOUT_MS;
  const set = opts.setInterval ?? ((f, ms) => setInterval(f, ms));
  const clear = opts.clearInterval ?? ((id) => clearInterval(id as ReturnType<typeof setInterval>));
  let waiting = false;
  let stopped = false;
  const id = set(() => {
    // One question at a time: a slow answer is not counted twice.
    if (stopped || waiting || !socket.connected) return;
    waiting = true;
    socket.timeout(timeout).emit('echo', {}, (err) => {
      waiting = false;
      if (!stopped && err && socket.connected) onLost();
    });
  }, every);
  return () => {
    stopped = true;
    clear(id);
  };
}
