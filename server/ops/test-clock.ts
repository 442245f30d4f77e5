// A clock the end-to-end tests can move: with TEST_CLOCK_FILE set, the server's time is the real
// time plus the milliseconds written in that file (re-read when it changes), so an e2e can let a
// supervision deadline pass (docs/SPEC.md U7) without waiting days. Only on a loopback address:
// a chamber server must never run on a clock someone can move with a file.
import { readFileSync, watchFile } from 'node:fs';

export function isLoopback(host: string): boolean {
  return host === '127.0.0.1' || host === '::1' || host === 'localhost';
}

function readOffset(path: string): number {
  try {
    const n = Number(readFileSync(path, 'utf8').trim());
    return Number.isFinite(n) ? n : 0;
  } catch {
    return 0; // no file yet: real time
  }
}

/** Real time plus the offset in `path`; throws unless the server listens on loopback only. */
export function testClock(path: string, host: string): () => number {
  if (!isLoopback(host)) throw new Error(`TEST_CLOCK_FILE is for tests on a loopback address only; this server listens on ${host}`);
  let offset = readOffset(path);
  watchFile(path, { interval: 50, persistent: false }, () => (offset = readOffset(path)));
  return () => Date.now() + offset;
}
