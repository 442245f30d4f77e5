// What a closed 票决 gives the supervision record (U20, U21): every adopted project with the
// figures of the vote that adopted it, its department, its budget read into yuan and its
// deadline read into a completion date where the import's text allows. Pure; the server passes
// the meeting's durable state and its tally, like from-rating.ts.
import { outcomeOf, type Tally } from '../outcome.js';
import { err, ok, type Result } from '../result.js';
import { itemById, type MeetingState } from '../state.js';
import type { SupervisionError } from './model.js';
import type { AdoptedBy, ProjectDetails, ProjectError } from './projects-model.js';
import type { IsoDate } from './workdays.js';

export interface Adopted {
  readonly adoptedBy: AdoptedBy;
  readonly details: ProjectDetails;
}

const UNITS: Record<string, number> = { '': 1, 元: 1, 千元: 1e3, 万: 1e4, 万元: 1e4, 亿: 1e8, 亿元: 1e8 };

/** [U21] "3200 万元", "1.5亿元", "800000元", "3,200万" -> yuan; null when it is not one amount. */
export function budgetYuan(text: string): number | null {
  const m = /^\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s*(千元|万元|亿元|万|亿|元)?\s*$/.exec(text);
  if (!m?.[1]) return null;
  const n = Number(m[1].replace(/,/g, '')) * (UNITS[m[2] ?? ''] ?? 1);
  return Number.isFinite(n) ? Math.round(n * 100) / 100 : null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** [U21] "2027年12月" -> the month's last day, "2027年9月30日" / "2027-09-30" -> that day, "2027年" / "2027年底" -> 12-31; else null. */
export function completionDate(text: string): IsoDate | null {
  const t = text.trim();
  const day = /^(\d{4})(?:年|-|\/|\.)(\d{1,2})(?:月|-|\/|\.)(\d{1,2})日?(?:前)?$/.exec(t);
  const month = /^(\d{4})(?:年|-|\/|\.)(\d{1,2})月?(?:底|末|前)?$/.exec(t);
  const year = /^(\d{4})年(?:底|末)?(?:前)?$/.exec(t);
  if (day) {
    const [y, m, d] = [Number(day[1]), Number(day[2]), Number(day[3])];
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? `${y}-${pad(m)}-${pad(d)}` : null;
  }
  if (month) {
    const [y, m] = [Number(month[1]), Number(month[2])];
    if (m < 1 || m > 12) return null;
    return `${y}-${pad(m)}-${pad(new Date(Date.UTC(y, m, 0)).getUTCDate())}`;
  }
  if (year) return `${year[1]}-12-31`;
  return null;
}

/** [U20] The adopted projects of a projects item whose decisive round (and run-offs) closed, in published order. */
export function adoptedProjects(s: MeetingState, itemId: string, tally: Tally, lead: string): Result<Adopted[], SupervisionError | ProjectError> {
  const item = itemById(s, itemId);
  if (!item) return err('NOT_FOUND');
  if (item.kind !== 'projects') return err('WRONG_KIND');
  const o = outcomeOf(s, itemId, tally);
  const last = o.rounds[o.rounds.length - 1];
  // A pending run-off (its round still open) has not decided its seats yet.
  if (o.lastRound?.status !== 'closed' || last !== o.lastRound || o.result?.kind !== 'projects') return err('NOT_CLOSED');
  const r = o.result;
  if (r.noQuorum || r.adopted.length === 0) return err('NOTHING_ADOPTED');
  return ok(
    r.adopted.flatMap((projectId): Adopted[] => {
      const p = item.projects.find((x) => x.id === projectId);
      const t = r.projects.find((x) => x.projectId === projectId);
      if (!p || !t) return [];
      return [
        {
          adoptedBy: { meetingId: s.info.id, meetingTitle: s.info.title, itemId, itemTitle: item.title, projectId, votes: t.votes, rank: t.rank, valid: r.valid, seats: item.settings.adopt },
          details: { name: p.name, department: p.department, lead, budgetText: p.budget, budgetYuan: budgetYuan(p.budget), completion: completionDate(p.deadline) },
        },
      ];
    }),
  );
}
