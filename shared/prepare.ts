// Preparing a meeting: create, edit, duplicate, archive; replace its roster and its agenda.
// Pure decisions like decide.ts: the server persists what these return.
//
// Rules, cited by id in server/prepare.test.ts and server/access.test.ts:
// P1 an archived meeting refuses every change except being restored; archiving waits for
//    the open vote to close.
// P2 the roster cannot be replaced once any round exists (tallies divide by the roster), and
//    while check-in runs a new roster must keep every deputy who checked in (by id).
// P3 an imported roster keeps the ids (and so the printed links) of deputies already on it,
//    matched by name and 代表团; new deputies get fresh ids.
// P4 an agenda item that has rounds must stay, with the same kind, settings and candidates;
//    only its title, description and position may change. Reorder is agenda.set.
// P5 ids are unique: deputies in a roster, items in an agenda, projects and subjects in an item.
// P6 a duplicate is a new meeting.created with the roster and agenda copied: no check-ins,
//    no rounds, and (the server's part) new links.
import { z } from 'zod';
import type { EventOf, MeetingEvent } from './events.js';
import { Threshold, TimeZone, type AgendaItem, type Deputy, type MeetingInfo, type Project, type Subject } from './model.js';
import type { ErrorCode } from './protocol.js';
import { chunkedGet } from './chunked.js';
import { err, ok, type Result } from './result.js';
import { withSegmentSubjects } from './segment-subject.js';
import { suggestionsValid } from './suggestions/rules.js';
import { suggestionParts, type SuggestionRow } from './suggestions/model.js';
import { roundsOf, type MeetingState } from './state.js';
import { assertNever } from './never.js';

export const MeetingInput = z.strictObject({
  title: z.string().trim().min(1).max(120),
  date: z.string().trim().max(40).default(''),
  quorum: Threshold.default('half'),
});
export type MeetingInput = z.infer<typeof MeetingInput>;

export const MeetingPatch = z.strictObject({
  title: z.string().trim().min(1).max(120).optional(),
  date: z.string().trim().max(40).optional(),
  quorum: Threshold.optional(),
  /** The documents' settings (model.ts MeetingSettings); an empty text clears one. */
  place: z.string().trim().max(60).optional(),
  issuer: z.string().trim().max(80).optional(),
  noticeFrom: z.number().int().min(1).max(9999).optional(),
  timeZone: TimeZone.optional(),
});
export type MeetingPatch = z.infer<typeof MeetingPatch>;

type Decision = Result<MeetingEvent[], ErrorCode>;

export function createMeeting(
  id: string,
  input: MeetingInput,
  now: number,
  roster: readonly Deputy[] = [],
  agenda: readonly AgendaItem[] = [],
): EventOf<'meeting.created'> {
  const meeting: MeetingInfo = { id, title: input.title, date: input.date, settings: { quorum: input.quorum } };
  return { t: 'meeting.created', at: now, meeting, roster: [...roster], agenda: withSegmentSubjects(agenda) }; // [G12]
}

/** [P6] */
export function duplicateMeeting(s: MeetingState, id: string, now: number, title?: string): EventOf<'meeting.created'> {
  const input = { title: title ?? s.info.title, date: s.info.date, quorum: s.info.settings.quorum };
  const created = createMeeting(id, input, now, s.roster, s.agenda);
  // The documents' settings (place, issuer, numbering, time zone) come along with the copy.
  return { ...created, meeting: { ...created.meeting, settings: { ...s.info.settings } } };
}

export function decideMeetingUpdate(s: MeetingState, patch: MeetingPatch, now: number): Decision {
  if (s.archived) return err('ARCHIVED');
  const info: MeetingInfo = {
    ...s.info,
    title: patch.title ?? s.info.title,
    date: patch.date ?? s.info.date,
    settings: documentSettings({ ...s.info.settings, quorum: patch.quorum ?? s.info.settings.quorum }, patch),
  };
  return ok(canon(info) === canon(s.info) ? [] : [{ t: 'meeting.updated', at: now, meeting: info }]);
}

/** The patch's document settings over the meeting's; an empty text drops the setting. */
function documentSettings(settings: MeetingInfo['settings'], patch: MeetingPatch): MeetingInfo['settings'] {
  const out = { ...settings };
  for (const key of ['place', 'issuer', 'timeZone'] as const) {
    const v = patch[key];
    if (v === undefined) continue;
    if (v === '') delete out[key];
    else out[key] = v;
  }
  if (patch.noticeFrom !== undefined) out.noticeFrom = patch.noticeFrom;
  return out;
}

/** [P1] */
export function decideArchive(s: MeetingState, archived: boolean, now: number): Decision {
  if (s.archived === archived) return ok([]);
  if (archived && s.activeRoundId !== null) return err('ROUND_ACTIVE');
  return ok([{ t: 'meeting.archived', at: now, archived }]);
}

const personKey = (d: Pick<Deputy, 'name' | 'group'>) => JSON.stringify([d.name.normalize('NFKC'), d.group.normalize('NFKC')]);

/** [P3] Give imported rows the ids of the same people on the old roster, fresh ids to the rest. */
export function assignRosterIds(old: readonly Deputy[], incoming: readonly Deputy[]): Deputy[] {
  const byPerson = new Map<string, string>();
  for (const d of old) if (!byPerson.has(personKey(d))) byPerson.set(personKey(d), d.id);
  let next = Math.max(0, ...old.map((d) => Number(/^d(\d+)$/.exec(d.id)?.[1] ?? 0)));
  const width = Math.max(3, String(next + incoming.length).length);
  return incoming.map((d) => {
    const key = personKey(d);
    const id = byPerson.get(key);
    if (id !== undefined) {
      byPerson.delete(key); // one old id for one new row
      return { ...d, id };
    }
    next += 1;
    return { ...d, id: `d${String(next).padStart(width, '0')}` };
  });
}

const hasDuplicates = (ids: readonly string[]) => new Set(ids).size !== ids.length;

/** [P1][P2][P5] */
export function decideRoster(s: MeetingState, roster: readonly Deputy[], now: number): Decision {
  if (s.archived) return err('ARCHIVED');
  if (s.roundOrder.length > 0) return err('ROSTER_LOCKED');
  if (hasDuplicates(roster.map((d) => d.id))) return err('DUPLICATE_ID');
  const kept = new Set(roster.map((d) => d.id));
  if (s.roster.some((d, i) => chunkedGet(s.present, i) != null && !kept.has(d.id))) return err('ROSTER_LOCKED');
  if (canon(roster) === canon(s.roster)) return ok([]);
  return ok([{ t: 'roster.set', at: now, roster: [...roster] }]);
}

/** The parts of an item the tallies of its rounds depend on. */
function frozenPart(it: AgendaItem): string {
  switch (it.kind) {
    case 'motion':
      return canon([it.kind, it.settings]);
    case 'projects':
      return canon([it.kind, it.settings, it.projects]);
    case 'rating':
      return canon([it.kind, it.settings, it.subjects, it.suggestions]);
    case 'segment':
      return canon([it.kind]); // no rounds of its own: its rating item holds the votes
    default: {
      return assertNever(it, 'item');
    }
  }
}

function itemValid(it: AgendaItem): boolean {
  switch (it.kind) {
    case 'motion':
      return true;
    case 'projects':
      return !hasDuplicates(it.projects.map((p) => p.id));
    case 'rating':
      return !hasDuplicates(it.subjects.map((x) => x.id)) && suggestionsValid(it);
    case 'segment':
      return !hasDuplicates(it.questions.map((q) => q.id));
    default: {
      return assertNever(it, 'item');
    }
  }
}

/** [P1][P4][P5] */
export function decideAgenda(s: MeetingState, input: readonly AgendaItem[], now: number): Decision {
  if (s.archived) return err('ARCHIVED');
  const agenda = withSegmentSubjects(input); // [G12] a segment's rating rates its department
  if (hasDuplicates(agenda.map((it) => it.id)) || !agenda.every(itemValid)) return err('DUPLICATE_ID');
  for (const old of s.agenda) {
    if (roundsOf(s, old.id).length === 0) continue;
    const now_ = agenda.find((it) => it.id === old.id);
    if (!now_ || frozenPart(now_) !== frozenPart(old)) return err('ITEM_LOCKED');
  }
  if (canon(agenda) === canon(s.agenda)) return ok([]);
  return ok([{ t: 'agenda.set', at: now, agenda: [...agenda] }]);
}

/** Put imported candidate projects or rating subjects into an existing item (rules as decideAgenda). */
export function decideItemList(
  s: MeetingState,
  itemId: string,
  list: { kind: 'projects'; rows: readonly Project[] } | { kind: 'subjects'; rows: readonly Subject[] } | { kind: 'suggestions'; rows: readonly SuggestionRow[] },
  now: number,
): Decision {
  const item = s.agenda.find((it) => it.id === itemId);
  if (!item) return err('NOT_FOUND');
  let next: AgendaItem;
  if (list.kind === 'projects' && item.kind === 'projects') next = { ...item, projects: [...list.rows] };
  else if (list.kind === 'subjects' && item.kind === 'rating') next = { ...item, subjects: [...list.rows], suggestions: undefined };
  else if (list.kind === 'suggestions' && item.kind === 'rating') next = { ...item, ...suggestionParts(list.rows) };
  else return err('WRONG_KIND');
  return decideAgenda(s, s.agenda.map((it) => (it.id === itemId ? next : it)), now);
}

/** JSON with sorted keys: equal values give equal strings whatever order the keys came in. */
export function canon(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : x,
  );
}

// ---- access events -----------------------------------------------------------------------

/** A second device was refused at a deputy's link; recorded so the console shows it. */
export function deviceRefused(s: MeetingState, deputyId: string, now: number): Decision {
  return s.rosterIndex.has(deputyId) ? ok([{ t: 'device.refused', at: now, deputyId }]) : err('NOT_FOUND');
}

/** Staff reissued a deputy's link (the store has already revoked the old token). */
export function linkReissued(s: MeetingState, deputyId: string, now: number): Decision {
  return s.rosterIndex.has(deputyId) ? ok([{ t: 'link.reissued', at: now, deputyId }]) : err('NOT_FOUND');
}

/** Codes the preparation endpoints answer with, besides the socket ErrorCodes. */
export type HttpErrorCode =
  | ErrorCode
  /** The file has bad rows (listed with the answer): fix it, or import the good rows only. */
  | 'IMPORT_ERRORS'
  | 'FILE_TOO_LARGE'
  /** At least 10 characters, not the user name, not one repeated character. */
  | 'WEAK_PASSWORD'
  | 'USER_EXISTS';
