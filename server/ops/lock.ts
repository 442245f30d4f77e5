// The running server holds DATA_DIR/server.pid ({pid, port, startedAt}) so that a second
// server, or `npm run admin`, does not write the same folder behind its back (two writers
// would interleave journal lines and lose db.json changes). A file left by a server that was
// killed names a process that is gone: it is taken over.
import { readFileSync } from 'node:fs';
import { open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { StartupError } from './errors.js';

export const LOCK_FILE = 'server.pid';

export interface LockInfo {
  pid: number;
  port: number | null;
  startedAt: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
}

function parse(text: string): LockInfo | null {
  try {
    const v = JSON.parse(text) as Partial<LockInfo>;
    return typeof v.pid === 'number' ? { pid: v.pid, port: v.port ?? null, startedAt: String(v.startedAt ?? '') } : null;
  } catch {
    return null; // half-written by a crash: nobody holds it
  }
}

/** The server running on this folder, if any (not this process). */
export function runningServer(dir: string): LockInfo | null {
  let text: string;
  try {
    text = readFileSync(join(dir, LOCK_FILE), 'utf8');
  } catch {
    return null;
  }
  const info = parse(text);
  return info && info.pid !== process.pid && alive(info.pid) ? info : null;
}

export interface Lock {
  setPort(port: number): Promise<void>;
  release(): Promise<void>;
}

export async function acquireLock(dir: string): Promise<Lock> {
  const path = join(dir, LOCK_FILE);
  const other = runningServer(dir);
  if (other) {
    throw new StartupError(
      'DATA_IN_USE',
      `Another 问政表决台 server (process ${other.pid}${other.port ? `, port ${other.port}` : ''}, started ${other.startedAt}) is using the data folder ${dir}. ` +
        'Stop it first, or give this one another folder with DATA_DIR=...',
    );
  }
  const info: LockInfo = { pid: process.pid, port: null, startedAt: new Date().toISOString() };
  const write = async () => {
    const fh = await open(path, 'w');
    try {
      await fh.writeFile(JSON.stringify(info) + '\n');
    } finally {
      await fh.close();
    }
  };
  await write();
  return {
    setPort: async (port) => {
      info.port = port;
      await write();
    },
    release: async () => {
      const now = parse(await readFile(path, 'utf8').catch(() => ''));
      if (now?.pid === process.pid) await rm(path, { force: true });
    },
  };
}
