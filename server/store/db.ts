// lowdb holds what is not the meeting record: moderator accounts, their sessions, and the
// deputies' personal link tokens. Written rarely (login, link issue), atomically by lowdb.
import { Low, type Adapter } from 'lowdb';
import { open, readFile, rename } from 'node:fs/promises';
import { dirname } from 'node:path';

export interface UserRecord {
  username: string;
  role: 'admin' | 'operator';
  /** scrypt$N$r$p$salt$hash, all base64url. */
  passwordHash: string;
}

export interface SessionRecord {
  token: string;
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
 * lowdb's own JSONFile adapter renames without fsync; a reissued link must not come back to
 * life after a power cut, so this one syncs the file and its folder before resolving.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  private last: Promise<void> = Promise.resolve();
  constructor(private readonly path: string) {}

  async read(): Promise<T | null> {
    try {
      return JSON.parse(await readFile(this.path, 'utf8')) as T; // our own file, written below
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  }

  /** Writes are queued: two at once would share the temporary file. */
  write(data: T): Promise<void> {
    const text = JSON.stringify(data, null, 1);
    const next = this.last.then(() => this.writeNow(text));
    this.last = next.catch(() => undefined);
    return next;
  }

  private async writeNow(text: string): Promise<void> {
    const tmp = `${this.path}.tmp`;
    const fh = await open(tmp, 'w');
    try {
      await fh.writeFile(text);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, this.path);
    const dir = await open(dirname(this.path), 'r');
    try {
      await dir.sync();
    } finally {
      await dir.close();
    }
  }
}

export async function openDb(path: string): Promise<Db> {
  const db = new Low<DbData>(new DurableJsonFile(path), { users: [], sessions: [], links: [], activeMeetingId: null });
  await db.read();
  return db;
}
