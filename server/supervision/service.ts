// The year's supervision record held in memory: decide on the state, append to the journal,
// fold in once on disk, answer. One command at a time (a promise chain), so a decision always
// sees every change before it and nothing is shown that is not durable.
import { localTime } from '../../shared/local-time.js';
import { DEFAULT_TIME_ZONE } from '../../shared/model.js';
import { err, ok, type Result } from '../../shared/result.js';
import { decideSupervision, type DecideEnv } from '../../shared/supervision/decide.js';
import type { SupervisionCommand, SupervisionError, SupervisionRecord } from '../../shared/supervision/model.js';
import { EMPTY_SUPERVISION, reduceSupervision, type SupervisionState } from '../../shared/supervision/state.js';
import type { IsoDate } from '../../shared/supervision/workdays.js';
import type { Logger } from '../logger.js';
import type { SupervisionJournal } from './journal.js';

export function replaySupervision(records: readonly SupervisionRecord[]): SupervisionState {
  return records.reduce((s, r) => reduceSupervision(s, r.event, r), EMPTY_SUPERVISION);
}

export class Supervision {
  private s: SupervisionState;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly journal: SupervisionJournal,
    records: readonly SupervisionRecord[],
    private readonly clock: () => number,
    private readonly log: Logger,
    /** The chamber's zone: a deadline day is a local calendar day. */
    private readonly timeZone: string = DEFAULT_TIME_ZONE,
  ) {
    this.s = replaySupervision(records);
  }

  get state(): SupervisionState {
    return this.s;
  }

  /** Today in the chamber, from the injected clock. */
  today(): IsoDate {
    return localTime(this.clock(), this.timeZone).slice(0, 10);
  }

  run(cmd: SupervisionCommand, env: Omit<DecideEnv, 'today'>, actor: string): Promise<Result<{ caseIds: string[] }, SupervisionError | 'STORAGE_FAILED'>> {
    const job = this.queue.then(async () => {
      const d = decideSupervision(this.s, cmd, { ...env, today: this.today() });
      if (!d.ok) return d;
      // Nothing to change (publishing what is already public): no line, no fsync.
      if (d.value.events.length === 0) return ok({ caseIds: d.value.caseIds });
      try {
        const records = await this.journal.append(d.value.events, this.clock(), actor);
        this.s = records.reduce((s, r) => reduceSupervision(s, r.event, r), this.s);
      } catch (e) {
        this.log.error({ err: e instanceof Error ? e.message : String(e) }, 'supervision journal write failed');
        return err('STORAGE_FAILED' as const);
      }
      this.log.info({ type: cmd.type, caseIds: d.value.caseIds, actor }, 'supervision change');
      return ok({ caseIds: d.value.caseIds });
    });
    this.queue = job.catch(() => undefined);
    return job;
  }

  close(): Promise<void> {
    return this.queue.then(() => this.journal.close());
  }
}
