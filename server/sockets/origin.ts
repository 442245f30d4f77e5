// The same-origin check for socket.io requests, shared by the core's server and the chamber edge
// process (server/edge/chamber.ts), which serves deputies' WebSockets handed over from the core.
import type { IncomingMessage } from 'node:http';

/** Refuse socket.io requests from pages served elsewhere (cross-site WebSocket hijacking). */
export function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (!origin) return true; // not a browser: native clients and tests
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}
