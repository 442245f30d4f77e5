// Before a start writes anything to a ballot box (settling seals, zeroes torn slots, creates a
// missing file), the ballots on disk must match the record: as many as the journal has voters
// for the round, and for a closed round the commitment the audit log recorded at close. A box
// that was damaged, cut or deleted would otherwise change a closed result silently (a torn
// slot is "free", a missing file is a new empty box). So the start is refused, naming the round
// and the file, and the file is left exactly as it is: it is evidence.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ballotCommitment, type CommitmentScheme } from '../../shared/commitment.js';
import type { JournalRecord } from '../../shared/events.js';
import { ballotsOf, itemById, type MeetingState } from '../../shared/state.js';
import { decodeHeader, decodeSlot, HEADER_SIZE, NOTHING_HELD, resolveBox } from './box-format.js';
import { boxBallot } from './ballot-box.js';
import { BALLOTS_DIR, boxHeader, foldBallots, journalHolds } from './boxes.js';

export class BoxDamagedError extends Error {}

/** What the audit log recorded when a round closed (audit entry `n`), by `<meeting>/<round>`. */
export interface RecordedClose {
  readonly n: number;
  readonly ballots: number;
  readonly commitment: string | null;
  /** How that commitment was made (an entry without a scheme predates salts). */
  readonly scheme: CommitmentScheme;
}

/** Throws BoxDamagedError at the first secret round whose box does not hold the ballots the record says it does. */
export async function checkBoxesAtStart(
  dataDir: string,
  states: ReadonlyMap<string, MeetingState>,
  records: readonly JournalRecord[],
  recorded: ReadonlyMap<string, RecordedClose>,
): Promise<void> {
  const holds = journalHolds(records);
  for (const [meetingId, s] of states) {
    for (const r of s.rounds.values()) {
      const header = boxHeader(s, r.id);
      if (!header || r.manual !== undefined) continue;
      const key = `${meetingId}/${r.id}`;
      const path = join(dataDir, BALLOTS_DIR, meetingId, `${r.id}.box`);
      const title = itemById(s, r.itemId)?.title ?? r.itemId;
      const refuse = (what: string) =>
        new BoxDamagedError(
          `ballot box of round ${r.id} (meeting ${meetingId}, 「${title}」, ${r.status}) ${path}: ${what}. ` +
            'Refusing to start: its result would change. The file is left as it is; restore it from a copy, or run npm run verify.',
        );
      const buf = await readFile(path).catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? null : Promise.reject(e)));
      if (buf === null || buf.length < HEADER_SIZE) {
        // No file, or one whose header never became durable: fine only if no one has voted yet.
        if (r.voterCount === 0) continue;
        throw refuse(buf === null ? `the file is missing, and the journal records ${r.voterCount} voters` : `the file is cut to ${buf.length} bytes, shorter than its header, and the journal records ${r.voterCount} voters`);
      }
      const found = decodeHeader(buf);
      if (!found || found.slotSize !== header.slotSize || found.roundId !== header.roundId || found.meetingId !== header.meetingId) throw refuse('its header is damaged');
      const n = Math.floor((buf.length - HEADER_SIZE) / header.slotSize);
      const slots = Array.from({ length: n }, (_, i) => decodeSlot(buf.subarray(HEADER_SIZE + i * header.slotSize, HEADER_SIZE + (i + 1) * header.slotSize)));
      const ballots = [...resolveBox(slots, holds.get(key) ?? NOTHING_HELD).values()]
        .sort((a, b) => (a.receipt < b.receipt ? -1 : 1))
        .map(boxBallot);
      const withBallots = foldBallots(s, r.id, ballots).rounds.get(r.id);
      if (!withBallots) continue;
      const count = withBallots.ballots.length;
      if (count !== r.voterCount) {
        const torn = slots.filter((x) => x.kind === 'torn').length;
        throw refuse(`it holds ${count} ballots, the journal records ${r.voterCount} voters${torn > 0 ? ` (${torn} slot(s) fail their checksum)` : ''}`);
      }
      const close = recorded.get(key);
      if (close && r.status === 'closed') {
        if (close.ballots !== count) throw refuse(`it holds ${count} ballots, ${close.ballots} were recorded at close (audit entry ${close.n})`);
        if (close.commitment !== ballotCommitment(ballotsOf(withBallots), close.scheme)) throw refuse(`its ballots do not match the commitment recorded at close (audit entry ${close.n})`);
      }
    }
  }
}
