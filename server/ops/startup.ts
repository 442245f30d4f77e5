// What main.ts says at start and when a start fails: the addresses phones can use, and a
// plain message (not a stack trace) for the problems an operator can fix.
import { constants } from 'node:fs';
import { access, mkdir, rm, writeFile } from 'node:fs/promises';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { StartupError } from './errors.js';

const LOOPBACK = /^(127\.|::1$|localhost$)/;

/** Non-internal IPv4 addresses of this machine, or only `host` when it names one. */
export function lanAddresses(host: string): string[] {
  const all = Object.values(networkInterfaces()).flatMap((l) => (l ?? []).filter((a) => a.family === 'IPv4' && !a.internal).map((a) => a.address));
  if (host === '0.0.0.0' || host === '::') return all;
  return [host];
}

export interface PhoneAddresses {
  /** Base URLs phones can open; empty when none can work. */
  urls: string[];
  /** Said instead of (or with) the URLs: why phones cannot reach it, or what was assumed. */
  note: string | null;
}

export function phoneAddresses(host: string, port: number, publicUrl: string | undefined): PhoneAddresses {
  if (publicUrl) return { urls: [publicUrl], note: null };
  if (LOOPBACK.test(host)) {
    return { urls: [], note: `HOST=${host} listens on this machine only: phones cannot reach it. Use HOST=0.0.0.0 (the default) for a chamber.` };
  }
  const urls = lanAddresses(host).map((a) => `http://${a}:${port}`);
  if (urls.length === 0) return { urls, note: 'No network address found: connect this machine to the chamber network (Wi-Fi or cable), then restart.' };
  return { urls, note: urls.length > 1 ? 'Several networks: phones use the address of the chamber network. Set PUBLIC_URL to print that one on the QR codes.' : null };
}

/** Create the data folder if needed and prove it can be written, before anything else. */
export async function checkDataDir(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
    await access(dir, constants.W_OK);
    const probe = join(dir, `.write-test-${process.pid}`);
    await writeFile(probe, 'ok');
    await rm(probe, { force: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'ENOTDIR' || code === 'EEXIST') {
      throw new StartupError(
        'DATA_NOT_WRITABLE',
        `Cannot write the data folder ${dir} (${code}). Give the user running the server write access to it, or choose another folder with DATA_DIR=...`,
      );
    }
    throw e;
  }
}

/** A listen error as an operator's message, or the error itself when it is not one of these. */
export function listenProblem(e: unknown, port: number, host: string): unknown {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') {
    return new StartupError('PORT_TAKEN', `Port ${port} is already in use on ${host} (another program, or 问政表决台 already running). Stop it, or start on another port: PORT=3001 npm start`);
  }
  if (code === 'EACCES') {
    return new StartupError('PORT_FORBIDDEN', `Port ${port} needs administrator rights on this system. Use a port above 1024, e.g. PORT=3000 npm start`);
  }
  if (code === 'EADDRNOTAVAIL') {
    return new StartupError('HOST_UNAVAILABLE', `HOST=${host} is not an address of this machine. Use HOST=0.0.0.0 (every network) or one of: ${lanAddresses('0.0.0.0').join(', ') || '(none)'}`);
  }
  return e;
}
