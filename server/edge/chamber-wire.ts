// What the core and its chamber edge process say to each other beyond the seam's requests and
// records (server/seam/transport.ts), over the same IPC channel (serialization 'advanced').
import type { Admission } from '../sockets/deputy.js';
import type { RateLimit } from '../sockets/guard.js';

/** From the chamber edge to the core. */
export type FromChamber =
  | { t: 'ready' }
  /** May this phone open this link? (The links and their device bindings are the core's.) */
  | { t: 'admit'; id: number; token: string | undefined; device: string | undefined };

/** From the core to the chamber edge. */
export type ToChamber =
  /** A deputy's WebSocket, handed over with the bytes the core read to route it (the handle rides along). */
  | { t: 'conn'; head: Buffer }
  | { t: 'admitted'; id: number; admission: Admission; now: number }
  /** Links of a meeting revoked (reissued, taken off the roster): their phones are cut off. */
  | { t: 'revoked'; meetingId: string; tokens: string[] }
  /** The core's clock, now and then: views carry the core's time, as the core's own do. */
  | { t: 'clock'; now: number };

/** The chamber edge's settings, passed in its environment (WZ_CHAMBER). */
export interface ChamberSettings {
  rateLimit: RateLimit;
  maxSocketsPerLink: number;
}
export const CHAMBER_ENV = 'WZ_CHAMBER';
