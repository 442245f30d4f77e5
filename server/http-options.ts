// The HTTP app's settings, apart from http.ts so the route files it mounts (prepare-http.ts,
// qr-http.ts) can take them without importing http.ts back.
import type { AuditLog } from './audit/audit-log.js';
import type { Supervision } from './supervision/service.js';

export interface HttpOptions {
  /** Folder of the built client (index.html), or null to serve the API only. */
  clientDir: string | null;
  /** The base URL phones use to reach this server, e.g. http://192.168.1.20:3000 */
  publicUrl: () => string;
  /** Folder of uploaded evidence media (DATA_DIR/media); omitted: no media routes. */
  mediaDir?: string;
  /** The audit log, for the receipts and audit endpoints (server/audit/audit-http.ts). */
  audit?: AuditLog;
  /** The year's supervision record (server/supervision/); omitted: no supervision routes. */
  supervision?: Supervision;
  /** Express's `trust proxy`: which hops' X-Forwarded-For to believe. Default: none. */
  trustProxy?: boolean | number | string;
}
