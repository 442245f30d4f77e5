// Helpers for the projects and rating specs: the moderator's commands and extra deputies go
// over socket.io from the test process (the console UI has its own spec), while three phones
// and the big screen are real browser pages. Screenshots land in test-results/screens/.
import { expect, type Browser, type Page } from '@playwright/test';
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { NS, PROTOCOL_VERSION } from '../shared/protocol.js';
import { ADMIN_PASSWORD } from './server.js';

export const SHOTS = join('test-results', 'screens');

export async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const path = join(SHOTS, `${name}.png`);
  await page.screenshot({ path });
  // Other specs' runs empty test-results/ when they start: keep a copy that survives them.
  await mkdir(KEEP, { recursive: true });
  await copyFile(path, join(KEEP, `${name}.png`));
}

const KEEP = join('/tmp', 'wz-screens');

export async function loginApi(url: string): Promise<string> {
  const res = await fetch(`${url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }) });
  const body: unknown = await res.json();
  const session = typeof body === 'object' && body !== null && 'session' in body ? body.session : null;
  if (typeof session !== 'string') throw new Error('login failed');
  return session;
}

/** Staff append an item to the demo meeting's agenda (PUT /api/meetings/demo/agenda), as the agenda editor does. */
export async function addAgendaItem(url: string, session: string, item: Record<string, unknown>): Promise<void> {
  const auth = { authorization: `Bearer ${session}`, 'content-type': 'application/json' };
  const meeting = (await (await fetch(`${url}/api/meetings/demo`, { headers: auth })).json()) as { agenda: unknown[] };
  const put = await fetch(`${url}/api/meetings/demo/agenda`, { method: 'PUT', headers: auth, body: JSON.stringify({ agenda: [...meeting.agenda, item] }) });
  expect(put.status).toBe(200);
}

export async function linkUrls(url: string, session: string): Promise<string[]> {
  const res = await fetch(`${url}/api/meetings/demo/links`, { headers: { authorization: `Bearer ${session}` } });
  const body = (await res.json()) as { links: { url: string | null }[] };
  return body.links.map((l) => l.url ?? '');
}

function open(url: string, ns: string, auth: Record<string, string>): Promise<Socket> {
  const s = io(url + ns, { auth: { v: PROTOCOL_VERSION, ...auth }, transports: ['websocket'], forceNew: true });
  return new Promise((resolve, reject) => {
    s.once('connect', () => resolve(s));
    s.once('connect_error', reject);
  });
}

export interface Moderator {
  socket: Socket;
  /** Send a console command; fails the test on a refusal. Returns the new active round id if any. */
  run(cmd: Record<string, unknown>): Promise<void>;
  activeRound(): Promise<string>;
}

export async function moderator(url: string, session: string): Promise<Moderator> {
  const socket = await open(url, NS.console, { session });
  let latest: { activeRoundId: string | null } | null = null;
  socket.on('view', (v: { activeRoundId: string | null }) => (latest = v));
  // Console views are coalesced (100 ms): just after a close, the latest view may still name the
  // closed round. Rounds this moderator ended are never "the active round" again.
  const ended = new Set<string>();
  const current = () => {
    const r = (latest as { activeRoundId: string | null } | null)?.activeRoundId ?? null;
    return r !== null && !ended.has(r) ? r : null;
  };
  return {
    socket,
    run: async (cmd) => {
      const r: unknown = await socket.timeout(5000).emitWithAck('command', cmd);
      expect(r, JSON.stringify(cmd)).toEqual({ ok: true });
      if ((cmd.type === 'close' || cmd.type === 'void') && typeof cmd.roundId === 'string') ended.add(cmd.roundId);
    },
    activeRound: async () => {
      await expect.poll(current).not.toBeNull();
      return current() ?? '';
    },
  };
}

let n = 0;
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
function receipt(): string {
  n += 1;
  let x = n * 104729 + 7;
  return Array.from({ length: 8 }, () => {
    const c = ALPHABET[x % ALPHABET.length] ?? 'A';
    x = Math.floor(x / ALPHABET.length) + 13;
    return c;
  }).join('');
}

/** A deputy voting from a socket, for turnout beyond the three browser phones. */
export async function socketDeputy(url: string, link: string): Promise<{ vote(roundId: string, content: unknown): Promise<void>; close(): void }> {
  const socket = await open(url, NS.deputy, { token: link.split('/d/')[1] ?? '' });
  const r: unknown = await socket.timeout(5000).emitWithAck('checkIn', {});
  expect(r).toEqual({ ok: true });
  return {
    vote: async (roundId, content) => {
      const ack: unknown = await socket.timeout(5000).emitWithAck('vote', { roundId, submissionId: `e2e-${receipt()}`, receipt: receipt(), content });
      expect(ack).toMatchObject({ ok: true });
    },
    close: () => socket.close(),
  };
}

export async function openPhone(browser: Browser, url: string): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
  const page = await ctx.newPage();
  await page.goto(url);
  await page.getByTestId('check-in').click();
  await expect(page.getByTestId('checked-in')).toBeVisible();
  return page;
}

export async function openScreen(browser: Browser, url: string): Promise<Page> {
  const ctx = await browser.newContext({ baseURL: url, viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
  const page = await ctx.newPage();
  await page.goto('/screen');
  return page;
}

/** The moderator's console in a laptop-sized window, signed in; window.print is a no-op here. */
export async function openConsole(browser: Browser, url: string): Promise<Page> {
  const ctx = await browser.newContext({ baseURL: url, viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  const page = await ctx.newPage();
  await page.addInitScript(() => {
    window.print = () => undefined;
  });
  await page.goto('/console');
  await page.getByTestId('login-username').fill('admin');
  await page.getByTestId('login-password').fill(ADMIN_PASSWORD);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('agenda-panel')).toBeVisible();
  return page;
}
