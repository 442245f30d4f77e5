// Open files (file descriptors): every socket of every phone, screen and console is one, and
// so is each file the record needs (journal, audit log, accounts, a secret round's ballot box,
// an evidence video being streamed). At the common soft limit of 1,024, a thousand idle
// sockets left no descriptor for a round's ballot box, and every vote failed STORAGE_FAILED.
//
// So: the start scripts raise the soft limit to the hard one; the server reads the limit it
// got, refuses to start when it is too low for the rosters it holds, warns the console when an
// import makes a roster outgrow it, and keeps its connections below it (connections.ts) so
// the files always find a descriptor.
import { readFileSync } from 'node:fs';
import type { MeetingState } from '../../shared/state.js';

/** Descriptors Node and the record use whatever the roster: Node itself (about 40 measured
 * idle: stdio, epoll, worker threads, the listening socket), journal, audit log, accounts,
 * one import or media stream at a time, and room to spare. */
export const BASE_FILES = 64;
/** Sockets per deputy counted in the need: the phone, plus a second one while it reconnects
 * (the old one lingers until its ping times out) or while the link is open in a second tab. */
export const SOCKETS_PER_DEPUTY = 2;
/** Screens, TV overlays, consoles, feed polls and page loads at one time. */
export const OTHER_SOCKETS = 100;
/** Ballot boxes of secret rounds still to be started in this sitting (one descriptor each). */
export const ROUNDS_AHEAD = 32;

export interface OpenFileLimit {
  readonly soft: number;
  /** null: unlimited. */
  readonly hard: number | null;
}

/** The process's own limit, from /proc/self/limits (Linux); null where it cannot be read. */
export function readOpenFileLimit(text?: string): OpenFileLimit | null {
  let limits = text;
  if (limits === undefined) {
    try {
      limits = readFileSync('/proc/self/limits', 'utf8');
    } catch {
      return null; // not Linux: the check is skipped, the connection caps still hold
    }
  }
  const m = /^Max open files\s+(\d+|unlimited)\s+(\d+|unlimited)/m.exec(limits);
  if (!m) return null;
  const num = (s: string | undefined): number | null => (s === undefined || s === 'unlimited' ? null : Number(s));
  return { soft: num(m[1]) ?? Number.MAX_SAFE_INTEGER, hard: num(m[2]) };
}

/** Descriptors the files need, whatever the sockets do: kept free by the connection cap. */
export function filesReserve(openBoxes: number): number {
  return BASE_FILES + openBoxes + ROUNDS_AHEAD;
}

/**
 * The descriptors a server holding these meetings needs:
 *   64 + open ballot boxes + 32 rounds ahead + 2 × largest roster + 100 screens and consoles.
 * Archived meetings are not counted (nobody votes in them).
 */
export function openFilesNeeded(roster: number, openBoxes: number): number {
  return filesReserve(openBoxes) + SOCKETS_PER_DEPUTY * roster + OTHER_SOCKETS;
}

/** The roster the need is computed for: the largest of the meetings not archived. */
export function largestRoster(meetings: Iterable<MeetingState>): number {
  let roster = 0;
  for (const s of meetings) if (!s.archived) roster = Math.max(roster, s.roster.length);
  return roster;
}

/** Refusal to start: printed as it is, without a stack trace (main.ts). */
export class OpenFileLimitError extends Error {
  constructor(
    readonly limit: OpenFileLimit,
    readonly needed: number,
    readonly roster: number,
  ) {
    super(
      [
        `打开文件数上限过低：当前 ${limit.soft}，名单 ${roster} 人至少需要 ${needed}。`,
        `The open-file limit is too low: ${limit.soft}, while a roster of ${roster} needs at least ${needed}`,
        `(64 + ballot boxes + 32 + 2 × roster + 100). Start with \`npm start\` (it raises the soft limit to the`,
        `hard limit${limit.hard !== null ? `, ${limit.hard} here` : ''}), or raise it yourself: \`ulimit -n ${Math.max(needed, 4096)}\`,`,
        `or LimitNOFILE=${Math.max(needed, 4096)} in a systemd unit.`,
      ].join('\n'),
    );
    this.name = 'OpenFileLimitError';
  }
}
