// Demo data of realistic size for the screen tests, made the way staff would: a meeting with a
// 300-deputy roster imported from CSV, an agenda with a 25→20 project vote and a 17-department
// rating, then 288 phones (real socket.io clients) checking in and voting through the protocol.
import { io, type Socket } from 'socket.io-client';
import { NS, PROTOCOL_VERSION } from '../shared/protocol.js';
import { ADMIN_PASSWORD } from './server.js';
import { DEPARTMENTS, PROJECTS, agenda, deputyName, ratingOf, VOTES } from './large-data.js';

export const ROSTER = 300;
export const PRESENT = 288;

export interface LargeMeeting {
  id: string;
  session: string;
  console: Socket;
  command(c: Record<string, unknown>): Promise<{ ok: boolean; error?: string }>;
  /** The current state's active round id, after a startRound. */
  activeRound(): Promise<string>;
  vote(itemKind: 'motion', n: number, pick: (i: number) => 'for' | 'against' | 'abstain'): Promise<void>;
  close(): void;
}

async function api(url: string, method: string, path: string, session: string | null, body?: string, type = 'application/json') {
  const res = await fetch(url + path, {
    method,
    headers: { ...(session ? { authorization: `Bearer ${session}` } : {}), ...(body !== undefined ? { 'content-type': type } : {}) },
    ...(body !== undefined ? { body } : {}),
  });
  const json = (await res.json()) as Record<string, unknown>;
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json).slice(0, 300)}`);
  return json;
}

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
function receipt(round: number, i: number): string {
  let x = round * 100_003 + i * 7919 + 12345;
  let out = '';
  for (let k = 0; k < 8; k++) {
    out += ALPHABET[x % 32];
    x = Math.floor(x / 32) + k * 131 + i;
  }
  return out;
}

function ack(s: Socket, event: string, payload: unknown): Promise<{ ok: boolean; error?: string }> {
  return s.timeout(15_000).emitWithAck(event, payload) as Promise<{ ok: boolean; error?: string }>;
}

function connect(url: string, ns: string, auth: Record<string, unknown>): Promise<Socket> {
  const s = io(url + ns, { auth: { v: PROTOCOL_VERSION, ...auth }, transports: ['websocket'], forceNew: true });
  return new Promise((resolve, reject) => {
    s.once('connect', () => resolve(s));
    s.once('connect_error', (e) => reject(e));
  });
}

export async function largeMeeting(url: string): Promise<LargeMeeting & { phones: Socket[]; runVotes(kind: 'projects' | 'rating'): Promise<void> }> {
  const login = await api(url, 'POST', '/api/login', null, JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }));
  const session = String(login.session);
  const created = await api(url, 'POST', '/api/meetings', session, JSON.stringify({ title: '某市第十七届人民代表大会常务委员会第二十三次会议', date: '2026年11月24日' }));
  const id = String(created.id);
  const csv = ['姓名,代表团,座位', ...Array.from({ length: ROSTER }, (_, i) => `${deputyName(i)},${['城关代表团', '东区代表团', '西区代表团', '南区代表团', '北区代表团', '开发区代表团'][i % 6]},${Math.floor(i / 20) + 1}排${(i % 20) + 1}号`)].join('\r\n');
  await api(url, 'POST', `/api/meetings/${id}/import/roster?filename=roster.csv&commit=1`, session, csv + '\r\n', 'application/octet-stream');
  await api(url, 'PUT', `/api/meetings/${id}/agenda`, session, JSON.stringify({ agenda: agenda() }));
  await api(url, 'POST', `/api/meetings/${id}/activate`, session);
  const links = ((await api(url, 'GET', `/api/meetings/${id}/links`, session)).links as { url: string }[]).map((l) => l.url);

  const con = await connect(url, NS.console, { session, meetingId: id });
  let latest: { activeRoundId: string | null } | null = null;
  con.on('view', (v: { activeRoundId: string | null }) => (latest = v));
  const phones = await Promise.all(links.slice(0, PRESENT).map((l, i) => connect(url, NS.deputy, { token: l.split('/d/')[1], device: `dev-${i}` })));
  for (const r of await Promise.all(phones.map((p) => ack(p, 'checkIn', {})))) if (!r.ok) throw new Error(`check-in: ${r.error}`);

  let rounds = 0;
  const command = (c: Record<string, unknown>) => ack(con, 'command', c);
  // Console views are coalesced (100 ms): right after close + startRound the latest view may
  // still name the previous round, so a vote waits for a round it has not voted in yet.
  const used = new Set<string>();
  const waitRound = async (fresh: boolean) => {
    for (let i = 0; i < 200; i++) {
      const r = (latest as { activeRoundId: string | null } | null)?.activeRoundId;
      if (r && !(fresh && used.has(r))) return r;
      await new Promise((res) => setTimeout(res, 50));
    }
    throw new Error('no active round');
  };
  const activeRound = () => waitRound(false);
  const cast = async (n: number, content: (i: number) => unknown) => {
    const roundId = await waitRound(true);
    used.add(roundId);
    rounds += 1;
    const res = await Promise.all(
      phones.slice(0, n).map((p, i) => ack(p, 'vote', { roundId, submissionId: `s${rounds}-${i}`, receipt: receipt(rounds, i), content: content(i) })),
    );
    const bad = res.find((r) => !r.ok);
    if (bad) throw new Error(`vote refused: ${bad.error}`);
  };
  return {
    id,
    session,
    console: con,
    phones,
    command,
    activeRound,
    vote: (_kind, n, pick) => cast(n, (i) => ({ kind: 'motion', choice: pick(i) })),
    runVotes: async (kind) => {
      if (kind === 'projects') {
        const ticks = VOTES.projects();
        await cast(ticks.length, (i) => ({ kind: 'select', picks: ticks[i] }));
      } else {
        await cast(VOTES.raters, (i) => ({ kind: 'rating', ratings: Object.fromEntries(DEPARTMENTS.map((d, k) => [d.id, ratingOf(i, k)])) }));
      }
    },
    close: () => {
      con.close();
      for (const p of phones) p.close();
    },
  };
}

export { PROJECTS };
