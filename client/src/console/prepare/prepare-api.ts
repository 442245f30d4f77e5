// HTTP calls of the preparation and check-in screens (docs/PROTOCOL.md, HTTP). Every answer is
// `unknown` until a zod schema accepts it; refusals come back as codes for the locale files.
import type { TFunction } from 'i18next';
import { z } from 'zod';
import { AgendaItem, Deputy, MeetingInfo, type Threshold } from '../../../../shared/model.js';
import { errorText } from '../../i18n/errors.js';
import { downloadBlob } from '../documents-api.js';

export type Answer<T> = { ok: true; value: T } | { ok: false; error: string; body?: unknown };

const PREPARE_CODES = ['IMPORT_ERRORS', 'FILE_TOO_LARGE', 'WEAK_PASSWORD', 'USER_EXISTS'];

/** The words for a refusal: preparation codes from prepare.json, the rest from common.json. */
export function prepareError(t: TFunction, code: string): string {
  return PREPARE_CODES.includes(code) ? t(`prepare:errors.${code}`) : errorText(t, code);
}

const Failure = z.object({ ok: z.literal(false), error: z.string() });

async function call<T>(schema: z.ZodType<T>, session: string, path: string, init: RequestInit = {}): Promise<Answer<T>> {
  let body: unknown;
  try {
    const headers = { authorization: `Bearer ${session}`, ...(init.headers as Record<string, string> | undefined) };
    const res = await fetch(path, { ...init, headers });
    body = await res.json();
  } catch {
    return { ok: false, error: 'NETWORK' };
  }
  const good = schema.safeParse(body);
  if (good.success) return { ok: true, value: good.data };
  const bad = Failure.safeParse(body);
  return { ok: false, error: bad.success ? bad.data.error : 'INTERNAL', body };
}

const jsonInit = (method: string, data: unknown): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(data),
});
const Done = z.object({ ok: z.literal(true) });
const Created = z.object({ ok: z.literal(true), id: z.string() });
const m = (id: string) => `/api/meetings/${encodeURIComponent(id)}`;

export const MeetingRow = z.object({
  id: z.string(),
  title: z.string(),
  date: z.string(),
  active: z.boolean(),
  archived: z.boolean(),
  roster: z.number(),
  agenda: z.number(),
});
export type MeetingRow = z.infer<typeof MeetingRow>;

export const listMeetings = (session: string, all: boolean) =>
  call(z.object({ ok: z.literal(true), meetings: z.array(MeetingRow) }), session, `/api/meetings${all ? '?all=1' : ''}`);

export const MeetingDetail = z.object({
  ok: z.literal(true),
  meeting: MeetingInfo,
  archived: z.boolean(),
  active: z.boolean(),
  roster: z.array(Deputy),
  agenda: z.array(AgendaItem),
  lockedItems: z.array(z.string()),
  rosterLocked: z.boolean(),
});
export type MeetingDetail = z.infer<typeof MeetingDetail>;

export const getMeeting = (session: string, id: string) => call(MeetingDetail, session, m(id));

export interface MeetingFields {
  title: string;
  date: string;
  quorum: Threshold;
  /** The documents' settings: only when editing a meeting (a new one takes the defaults). */
  place?: string;
  issuer?: string;
  noticeFrom?: number;
}
export const createMeeting = (session: string, f: MeetingFields) => call(Created, session, '/api/meetings', jsonInit('POST', f));
export const updateMeeting = (session: string, id: string, f: Partial<MeetingFields>) => call(Done, session, m(id), jsonInit('PATCH', f));
export const duplicateMeeting = (session: string, id: string, title: string) => call(Created, session, `${m(id)}/duplicate`, jsonInit('POST', { title }));
export const archiveMeeting = (session: string, id: string, archived: boolean) => call(Done, session, `${m(id)}/archive`, jsonInit('POST', { archived }));
export const activateMeeting = (session: string, id: string) => call(Done, session, `${m(id)}/activate`, { method: 'POST' });
export const saveAgenda = (session: string, id: string, agenda: AgendaItem[]) => call(Done, session, `${m(id)}/agenda`, jsonInit('PUT', { agenda }));

export type ImportKind = 'roster' | 'projects' | 'subjects' | 'suggestions';

export const Issue = z.object({
  row: z.number(),
  column: z.string().optional(),
  field: z.string().optional(),
  reason: z.string(),
  value: z.string().optional(),
  duplicateOf: z.number().optional(),
});
export type Issue = z.infer<typeof Issue>;

export const ImportReport = z.object({
  committed: z.boolean().optional(),
  rows: z.array(z.record(z.string(), z.unknown())),
  errors: z.array(Issue),
  ignoredColumns: z.array(z.string()),
});
export type ImportReport = z.infer<typeof ImportReport>;

/** Upload a file: a preview, or (commit) the import. A refusal carries the report in `body`. */
export function uploadTable(
  session: string,
  meetingId: string,
  kind: ImportKind,
  file: File,
  opts: { commit?: boolean; goodRowsOnly?: boolean; itemId?: string } = {},
): Promise<Answer<ImportReport>> {
  const q = new URLSearchParams({ filename: file.name });
  if (opts.commit) q.set('commit', '1');
  if (opts.goodRowsOnly) q.set('goodRowsOnly', '1');
  if (opts.itemId) q.set('itemId', opts.itemId);
  return call(ImportReport.extend({ ok: z.literal(true) }), session, `${m(meetingId)}/import/${kind}?${q.toString()}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream' },
    body: file,
  });
}

/** The report inside a refused import (422 IMPORT_ERRORS), if any. */
export function reportOf(a: Answer<ImportReport>): ImportReport | null {
  if (a.ok) return a.value;
  const r = ImportReport.safeParse(a.body);
  return r.success ? r.data : null;
}

export const templateUrl = (kind: ImportKind, format: 'xlsx' | 'csv') => `/api/templates/${kind}.${format}`;

export const reissueLink = (session: string, meetingId: string, deputyId: string) =>
  call(z.object({ ok: z.literal(true), url: z.string() }), session, `${m(meetingId)}/links/${encodeURIComponent(deputyId)}/reissue`, { method: 'POST' });

export const QrCardData = z.object({ deputyId: z.string(), name: z.string(), group: z.string(), seat: z.string(), url: z.string(), svg: z.string() });
export type QrCardData = z.infer<typeof QrCardData>;
export const qrSheet = (session: string, meetingId: string, deputies: string[] = []) => {
  const q = new URLSearchParams(deputies.map((d) => ['deputy', d]));
  return call(
    z.object({ ok: z.literal(true), meeting: z.object({ id: z.string(), title: z.string(), date: z.string() }), cards: z.array(QrCardData) }),
    session,
    `${m(meetingId)}/qr-sheet${deputies.length ? `?${q.toString()}` : ''}`,
  );
};

/** Fetch the QR sheet PDF with the session and hand it to the browser as a download. */
export async function downloadQrPdf(session: string, meetingId: string, fileName: string): Promise<Answer<null>> {
  const error = await downloadBlob(session, `${m(meetingId)}/qr-sheet.pdf`, fileName);
  return error === null ? { ok: true, value: null } : { ok: false, error };
}

export const UserRow = z.object({ username: z.string(), role: z.enum(['admin', 'operator']) });
export type UserRow = z.infer<typeof UserRow>;
export const listUsers = (session: string) => call(z.object({ ok: z.literal(true), users: z.array(UserRow) }), session, '/api/users');
export const createUser = (session: string, u: { username: string; password: string; role: UserRow['role'] }) =>
  call(z.object({ ok: z.literal(true) }), session, '/api/users', jsonInit('POST', u));
