// Moderator accounts (scrypt-hashed passwords, expiring sessions, throttled logins) and the
// deputies' personal link tokens. Tokens are 128-bit random, base64url: unguessable.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { Db, LinkRecord, SessionRecord, UserRecord } from './store/db.js';

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

/** Failed logins per username: after 5 failures in 10 minutes, refuse for the rest of the window. */
export class LoginThrottle {
  private failures = new Map<string, number[]>();
  constructor(
    private readonly clock: () => number,
    private readonly max = 5,
    private readonly windowMs = 10 * 60 * 1000,
  ) {}
  blocked(key: string): boolean {
    return this.recent(key).length >= this.max;
  }
  fail(key: string): void {
    this.failures.set(key, [...this.recent(key), this.clock()]);
  }
  succeed(key: string): void {
    this.failures.delete(key);
  }
  private recent(key: string): number[] {
    const since = this.clock() - this.windowMs;
    return (this.failures.get(key) ?? []).filter((t) => t > since);
  }
}

export class Auth {
  readonly throttle: LoginThrottle;
  private linkIndex: { of: readonly LinkRecord[]; byToken: Map<string, LinkRecord> | null } | null = null;
  constructor(
    private readonly db: Db,
    private readonly clock: () => number,
  ) {
    this.throttle = new LoginThrottle(clock);
  }

  user(username: string): UserRecord | undefined {
    return this.db.data.users.find((u) => u.username === username);
  }

  async addUser(username: string, role: UserRecord['role'], password: string): Promise<void> {
    const passwordHash = await hashPassword(password);
    this.db.data.users = [...this.db.data.users.filter((u) => u.username !== username), { username, role, passwordHash }];
    await this.db.write();
  }

  /** A session token, or why not. */
  async login(username: string, password: string): Promise<{ ok: true; session: SessionRecord } | { ok: false; error: 'RATE_LIMITED' | 'UNAUTHORIZED' }> {
    if (this.throttle.blocked(username)) return { ok: false, error: 'RATE_LIMITED' };
    const u = this.user(username);
    // Verify against a dummy hash for unknown users too, so timing does not reveal usernames.
    const good = await verifyPassword(password, u?.passwordHash ?? DUMMY_HASH);
    if (!u || !good) {
      this.throttle.fail(username);
      return { ok: false, error: 'UNAUTHORIZED' };
    }
    this.throttle.succeed(username);
    const now = this.clock();
    const session: SessionRecord = { token: newToken(24), username, expiresAt: now + SESSION_TTL_MS };
    this.db.data.sessions = [...this.db.data.sessions.filter((s) => s.expiresAt > now), session];
    await this.db.write();
    return { ok: true, session };
  }

  async logout(token: string): Promise<void> {
    this.db.data.sessions = this.db.data.sessions.filter((s) => s.token !== token);
    await this.db.write();
  }

  /** The user behind a live session; checked on every console event, not only at connect. */
  sessionUser(token: string | undefined): UserRecord | undefined {
    if (!token) return undefined;
    const s = this.db.data.sessions.find((x) => x.token === token);
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
