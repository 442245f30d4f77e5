// Moderator accounts (scrypt-hashed passwords, expiring sessions, throttled logins) and the
// deputies' personal link tokens. Tokens are 128-bit random, base64url: unguessable. Session
// tokens (192-bit) are kept only as SHA-256 hashes: a copy of db.json signs no one in. Link
// tokens stay in clear: the console prints them on the QR sheet.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { DEFAULT_LOGIN_LIMITS, LoginGuard, type LoginLimits } from './login-guard.js';
import type { Logger } from './logger.js';
import { hashSessionToken, type Db, type LinkRecord, type SessionRecord, type UserRecord } from './store/db.js';

const SCRYPT = { N: 16384, r: 8, p: 1, keylen: 32 } as const;
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000; // one long sitting day

export const newToken = (bytes = 16): string => randomBytes(bytes).toString('base64url');

function scryptAsync(password: string, salt: Buffer, keylen: number, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, keylen, opts, (e, key) => (e ? reject(e) : resolve(key)));
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, SCRYPT.keylen, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p });
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [alg, n, r, p, salt, hash] = stored.split('$');
  if (alg !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await scryptAsync(password, Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

export type LoginResult =
  | { ok: true; session: SessionRecord; token: string }
  | { ok: false; error: 'RATE_LIMITED' | 'UNAUTHORIZED'; retryAfterMs?: number };

export class Auth {
  readonly guard: LoginGuard;
  private linkIndex: { of: readonly LinkRecord[]; byToken: Map<string, LinkRecord> | null } | null = null;
  constructor(
    private readonly db: Db,
    private readonly clock: () => number,
    private readonly log: Logger,
    limits: LoginLimits = DEFAULT_LOGIN_LIMITS,
  ) {
    this.guard = new LoginGuard(clock, log, limits);
  }

  user(username: string): UserRecord | undefined {
    return this.db.data.users.find((u) => u.username === username);
  }

  async addUser(username: string, role: UserRecord['role'], password: string): Promise<void> {
    // Through the gate like a login, so hashing is capped everywhere; an administrator's
    // request waits in the first lane rather than being turned away.
    const passwordHash = (await this.guard.gate.run(0, () => hashPassword(password), true)) as string;
    this.db.data.users = [...this.db.data.users.filter((u) => u.username !== username), { username, role, passwordHash }];
    await this.db.write();
  }

  /**
   * A session token, or why not. `source` is the client's address: throttles are keyed by
   * source and name (login-guard.ts). The token is returned once; db.json keeps its hash.
   */
  async login(username: string, password: string, source: string): Promise<LoginResult> {
    const u = this.user(username);
    // Unknown names are checked against a dummy hash too, so one answer's timing does not
    // tell whether a name is an account.
    const v = await this.guard.attempt(source, username, u !== undefined, () => verifyPassword(password, u?.passwordHash ?? DUMMY_HASH));
    if (!v.ok) return { ok: false, error: 'RATE_LIMITED', retryAfterMs: v.retryAfterMs };
    if (!u || !v.good) {
      this.log.warn({ username, source, account: u !== undefined }, 'login failed');
      return { ok: false, error: 'UNAUTHORIZED' };
    }
    this.log.info({ username, source }, 'login');
    const now = this.clock();
    const token = newToken(24);
    const session: SessionRecord = { tokenHash: hashSessionToken(token), username, expiresAt: now + SESSION_TTL_MS };
    this.db.data.sessions = [...this.db.data.sessions.filter((s) => s.expiresAt > now), session];
    await this.db.write();
    return { ok: true, session, token };
  }

  async logout(token: string): Promise<void> {
    const h = hashSessionToken(token);
    this.db.data.sessions = this.db.data.sessions.filter((s) => s.tokenHash !== h);
    await this.db.write();
  }

  /** The user behind a live session; checked on every console event, not only at connect. */
  sessionUser(token: string | undefined): UserRecord | undefined {
    if (!token) return undefined;
    const h = hashSessionToken(token);
    const s = this.db.data.sessions.find((x) => x.tokenHash === h);
    if (!s || s.expiresAt <= this.clock()) return undefined;
    return this.user(s.username);
  }

  /**
   * Checked on every deputy event, so it must not scan 3,000 links each time. Every writer
   * that adds, removes or replaces a record replaces the links array, so an index is valid
   * exactly while the array is the same one; a record changed in place (a device binding,
   * links.ts checkDevice) is the same object, so the index sees the change. An array just
   * replaced is scanned, and indexed once a second lookup finds it unchanged.
   */
  link(token: string | undefined): LinkRecord | undefined {
    if (!token) return undefined;
    const links = this.db.data.links;
    const ix = this.linkIndex;
    if (ix?.of !== links) {
      this.linkIndex = { of: links, byToken: null };
      return links.find((l) => l.token === token);
    }
    ix.byToken ??= new Map(links.map((l) => [l.token, l]));
    return ix.byToken.get(token);
  }

  linksOf(meetingId: string): LinkRecord[] {
    return this.db.data.links.filter((l) => l.meetingId === meetingId && l.revokedAt === null);
  }

  /** Issue a fresh link for each deputy without one. */
  async ensureLinks(meetingId: string, deputyIds: readonly string[]): Promise<void> {
    const have = new Set(this.linksOf(meetingId).map((l) => l.deputyId));
    const fresh = deputyIds
      .filter((id) => !have.has(id))
      .map((deputyId): LinkRecord => ({ token: newToken(), meetingId, deputyId, issuedAt: this.clock(), revokedAt: null, device: null }));
    if (fresh.length === 0) return;
    this.db.data.links = [...this.db.data.links, ...fresh];
    await this.db.write();
  }
}

// scrypt of a random password: never matches, costs the same as a real check.
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
