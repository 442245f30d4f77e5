// The ballot boxes of every secret round, one file each under ballots/<meeting>/<round>.box.
// At start they are opened with the submission ids the journal accepted, settled, and their
// ballots folded into the meeting states: journal + boxes replay to the state before the stop.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { JournalRecord } from '../../shared/events.js';
import type { BallotContent } from '../../shared/model.js';
import { itemById, reduce, type MeetingState } from '../../shared/state.js';
import type { Logger } from '../logger.js';
import { BallotBox } from './ballot-box.js';
import { slotSizeFor, type BoxHeader } from './box-format.js';

export const BALLOTS_DIR = 'ballots';

/** Submission ids of every 'voted' event, by meeting and round. */
export function acceptedSubmissions(records: readonly JournalRecord[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const rec of records) {
    for (const e of rec.events) {
      if (e.t !== 'voted') continue;
      const key = `${rec.meetingId}/${e.roundId}`;
      const set = out.get(key) ?? new Set<string>();
      set.add(e.submissionId);
      out.set(key, set);
    }
  }
  return out;
}

/** The header a round's box must carry, or null if the round is not a secret one. */
export function boxHeader(s: MeetingState, roundId: string): BoxHeader | null {
  const r = s.rounds.get(roundId);
  const item = r && itemById(s, r.itemId);
  if (!item || item.kind === 'segment' || !item.settings.secret) return null;
  return { format: 'wenzheng-ballot-box', version: 1, meetingId: s.info.id, roundId, slotSize: slotSizeFor(item) };
}

/** Fold a box's ballots into a state as 'ballot' events (no deputy, sorted by receipt). */
export function foldBallots(s: MeetingState, roundId: string, ballots: readonly { receipt: string; content: BallotContent }[]): MeetingState {
  let out = s;
  for (const b of ballots) out = reduce(out, { t: 'ballot', roundId, receipt: b.receipt, content: b.content });
  return out;
}

export class BallotBoxes {
  private readonly open = new Map<string, BallotBox>();

  constructor(
    readonly dataDir: string,
    private readonly log: Logger,
  ) {}

  /** Box files held open (one descriptor each): counted in the open-file need (limits/open-files.ts). */
  get openCount(): number {
    return this.open.size;
  }

  path(meetingId: string, roundId: string): string {
    return join(this.dataDir, BALLOTS_DIR, meetingId, `${roundId}.box`);
  }

  /**
   * The box of a secret round. Meetings opens it when the round starts, so the first ballot
   * does not wait for the file to be created; it has room for the whole roster (two slots per
   * deputy and a quarter spare), so it never grows while the chamber votes.
   */
  get(s: MeetingState, roundId: string): BallotBox | null {
    const key = `${s.info.id}/${roundId}`;
    const have = this.open.get(key);
    if (have && !have.openFailed) return have;
    const header = boxHeader(s, roundId);
    if (!header) return null;
    const slots = Math.max(64, Math.ceil(s.roster.length * 2.5));
    const box = new BallotBox(this.path(s.info.id, roundId), header, new Set(), this.log, slots);
    this.open.set(key, box);
    return box;
  }

  /** Open every existing box, settle it, and fold its ballots into the states. */
  async load(states: Map<string, MeetingState>, records: readonly JournalRecord[]): Promise<void> {
    const accepted = acceptedSubmissions(records);
    for (const [meetingId, s] of states) {
      const files = await readdir(join(this.dataDir, BALLOTS_DIR, meetingId)).catch(() => [] as string[]);
      let st = s;
      for (const f of files.filter((x) => x.endsWith('.box')).sort()) {
        const roundId = f.slice(0, -'.box'.length);
        const header = boxHeader(st, roundId);
        if (!header) {
          this.log.warn({ meetingId, file: f }, 'ballot box: no secret round of that id in the journal; the file is ignored');
          continue;
        }
        const box = await BallotBox.open(this.path(meetingId, roundId), header, accepted.get(`${meetingId}/${roundId}`) ?? new Set(), this.log);
        this.open.set(`${meetingId}/${roundId}`, box);
        st = foldBallots(st, roundId, box.ballots());
      }
      states.set(meetingId, st);
    }
  }

  async close(): Promise<void> {
    for (const b of this.open.values()) await b.close();
    this.open.clear();
  }
}
