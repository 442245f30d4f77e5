// HTTP helpers for the integration tests of the preparation and access endpoints.
import ExcelJS from 'exceljs';
import { NS } from '../../shared/protocol.js';
import type { DeputyView, ScreenView } from '../../shared/views.js';
import { connect, console_ } from './harness.js';

export interface Answer {
  status: number;
  body: Record<string, unknown> & { ok?: boolean; error?: string };
}

export async function api(
  url: string,
  method: string,
  path: string,
  opts: { session?: string; json?: unknown; raw?: Buffer | string } = {},
): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (opts.session) headers.authorization = `Bearer ${opts.session}`;
  let body: string | Uint8Array<ArrayBuffer> | undefined;
  if (opts.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.json);
  } else if (opts.raw !== undefined) {
    headers['content-type'] = 'application/octet-stream';
    body = Uint8Array.from(typeof opts.raw === 'string' ? Buffer.from(opts.raw, 'utf8') : opts.raw);
  }
  const res = await fetch(url + path, { method, headers, ...(body !== undefined ? { body } : {}) });
  const type = res.headers.get('content-type') ?? '';
  const parsed = type.includes('json') ? ((await res.json()) as Answer['body']) : { bytes: (await res.arrayBuffer()).byteLength, type };
  return { status: res.status, body: parsed };
}

/** An XLSX workbook with one sheet of these rows (the first is the header). */
export async function xlsx(rows: readonly (readonly string[])[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('代表名单');
  for (const r of rows) ws.addRow([...r]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A roster of n deputies as spreadsheet rows, header first. */
export function rosterRows(n: number, extraColumn = false): string[][] {
  const head = ['姓名', '代表团', '座位', ...(extraColumn ? ['备注'] : [])];
  const groups = ['城关代表团', '东区代表团', '西区代表团'];
  return [
    head,
    ...Array.from({ length: n }, (_, i) => [`代表${i + 1}`, groups[i % groups.length] ?? '', `${Math.floor(i / 10) + 1}排${(i % 10) + 1}号`, ...(extraColumn ? ['x'] : [])]),
  ];
}

export const csv = (rows: readonly (readonly string[])[]) => rows.map((r) => r.join(',')).join('\r\n') + '\r\n';

/** Create a meeting as admin and import an n-deputy roster from CSV; answers its id. */
export async function meetingWithRoster(url: string, session: string, n: number, quorum: 'half' | 'twoThirds' = 'half'): Promise<string> {
  const created = await api(url, 'POST', '/api/meetings', { session, json: { title: '测试会议', date: '2026年11月24日', quorum } });
  const id = created.body.id as string;
  const imported = await api(url, 'POST', `/api/meetings/${id}/import/roster?filename=r.csv&commit=1`, { session, raw: csv(rosterRows(n)) });
  if (imported.status !== 200) throw new Error(`import failed: ${JSON.stringify(imported.body)}`);
  return id;
}

/** A console or screen socket following a named meeting. */
export const consoleOf = (url: string, session: string, meetingId: string) => console_(url, session, meetingId);
export const screenOf = (url: string, meetingId: string) => connect<ScreenView>(url, NS.screen, { meetingId });
/** A deputy phone with a device id. */
export const phone = (url: string, linkUrl: string, device?: string) =>
  connect<DeputyView>(url, NS.deputy, { token: linkUrl.split('/d/')[1], ...(device ? { device } : {}) });
