// lowdb holds what is not the meeting record: moderator accounts, their sessions, and the
// deputies' personal link tokens. Written rarely (login, link issue), atomically by lowdb.
import { Low, type Adapter } from 'lowdb';
import { createHash } from 'node:crypto';
import { open, readFile, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

export interface UserRecord {
  username: string;
  role: 'admin' | 'operator';
  /** scrypt$N$r$p$salt$hash, all base64url. */
  passwordHash: string;
}

export interface SessionRecord {
  /** SHA-256 of the bearer token (hex): the token itself is never written. */
  tokenHash: string;
  username: string;
  expiresAt: number;
}

export interface LinkRecord {
  token: string;
  meetingId: string;
  deputyId: string;
  issuedAt: number;
  /** Set when the link was reissued or revoked: the token stops working at once. */
  revokedAt: number | null;
  /** The first device that opened the link; another device is refused. */
  device: string | null;
}

export interface DbData {
  users: UserRecord[];
  sessions: SessionRecord[];
  links: LinkRecord[];
  /** The meeting phones and screens follow when they do not name one. */
  activeMeetingId: string | null;
}

export type Db = Low<DbData>;

/**
 * Least time between two rewrites of the file while changes keep coming. A phone opening its
 * link for the first time waits for the rewrite that stores its binding, so while a chamber's
 * phones arrive this gap is part of every phone's connect time. With 3,000 phones arriving, a
 * rewrite took ~3-7 ms of CPU and ~40 ms from start to end (eight file operations on a busy
 * event loop); a phone waited ~125 ms on average with 100 ms here, ~50 ms with 25 ms, for
 * about a tenth of a core spent rewriting.
 */
export const REWRITE_GAP_MS = 25;

/**
 * lowdb's own JSONFile adapter renames without fsync; a reissued link must not come back to
 * life after a power cut, so this one syncs the file and its folder before resolving.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  private running = false;
  private pending: { data: T } | null = null;
  private waiters: { resolve: () => void; reject: (e: unknown) => void }[] = [];
  constructor(private readonly path: string) {}

  async read(): Promise<T | null> {
    try {
      return JSON.parse(await readFile(this.path, 'utf8')) as T; // our own file, written below
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  }

  /**
   * Writes are coalesced, one at a time (two at once would share the temporary file): calls
   * that arrive while a write is in flight share the next one, which serializes the data as
   * it is when it starts. Every caller resolves once a write begun after its call is on disk.
   * So 3,000 phones binding their links at once cost a few writes, not 3,000 queued copies.
   */
  write(data: T): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending = { data };
      this.waiters.push({ resolve, reject });
      if (!this.running) void this.pump();
    });
  }

  private async pump(): Promise<void> {
    this.running = true;
    let first = true;
    while (this.pending) {
      // Under a stream of changes (a chamber's phones binding their links), rewriting the
      // whole file back to back would take a core: leave a short gap to gather more changes.
      if (!first) await new Promise((r) => setTimeout(r, REWRITE_GAP_MS));
      first = false;
      if (!this.pending) break;
      const { data } = this.pending;
      this.pending = null;
      const batch = this.waiters;
      this.waiters = [];
      try {
        await this.writeNow(JSON.stringify(data, null, 1));
        for (const w of batch) w.resolve();
      } catch (e) {
        for (const w of batch) w.reject(e);
      }
    }
    this.running = false;
  }

  private async writeNow(text: string): Promise<void> {
    const tmp = `${this.path}.tmp`;
    const fh = await open(tmp, 'w');
    try {
      await fh.writeFile(text); // loops until every byte is written, or throws
      await fh.sync();
    } catch (e) {
      // A full disk: the old file is untouched (the rename never happens); give the space back.
      await fh.close().catch(() => undefined);
      await rm(tmp, { force: true }).catch(() => undefined);
      throw e;
    }
    await fh.close();
    await rename(tmp, this.path);
    const dir = await open(dirname(this.path), 'r');
    try {
      await dir.sync();
    } finally {
      await dir.close();
    }
  }
}

/** How a session token is looked up: 192 random bits need no salt or slow hash. */
export const hashSessionToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export async function openDb(path: string): Promise<Db> {
  const db = new Low<DbData>(new DurableJsonFile(path), { users: [], sessions: [], links: [], activeMeetingId: null });
  await db.read();
  if (migrateSessions(db.data)) await db.write();
  return db;
}

/**
 * Files written before session tokens were hashed hold them in clear: each is replaced by its
 * hash, so consoles signed in before the upgrade stay signed in and the clear token is gone
 * from the file at the first start. Answers whether anything changed.
 */
function migrateSessions(data: DbData): boolean {
  let changed = false;
  data.sessions = data.sessions.map((s) => {
    const old = s as SessionRecord & { token?: unknown };
    if (typeof old.token !== 'string') return s;
    changed = true;
    return { tokenHash: hashSessionToken(old.token), username: old.username, expiresAt: old.expiresAt };
  });
  return changed;
}
