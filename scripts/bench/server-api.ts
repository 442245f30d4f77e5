// How the bench drives the real server: as the moderator would, over HTTP and the console
// namespace. Nothing here reaches into the server's process.
import { io, type Socket } from 'socket.io-client';
import { NS, PROTOCOL_VERSION, type Command } from '../../shared/protocol.js';
import type { ConsoleView } from '../../shared/views.js';
import type { MetricsBody } from '../../server/metrics.js';

async function json<T>(res: Response): Promise<T> {
  if (!res.ok) throw new Error(`${res.url}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T; // the server's own API, typed by its handlers
}

export async function login(url: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password }),
  });
  return (await json<{ session: string }>(res)).session;
}

/** The personal link tokens of the meeting's deputies, in roster order. */
export async function linkTokens(url: string, session: string, meetingId = 'demo'): Promise<string[]> {
  const res = await fetch(`${url}/api/meetings/${meetingId}/links`, { headers: { authorization: `Bearer ${session}` } });
  const body = await json<{ links: { url: string | null }[] }>(res);
  return body.links.map((l) => {
    const token = l.url?.split('/d/')[1];
    if (!token) throw new Error('a deputy of the demo meeting has no link');
    return token;
  });
}

export async function metrics(url: string, session: string): Promise<MetricsBody> {
  return json<MetricsBody>(await fetch(`${url}/api/metrics`, { headers: { authorization: `Bearer ${session}` } }));
}

export async function resetMetrics(url: string, session: string): Promise<void> {
  await json(await fetch(`${url}/api/metrics/reset`, { method: 'POST', headers: { authorization: `Bearer ${session}` } }));
}

/** The moderator's console: commands with acks, and the latest view. */
export class Console {
  private view: ConsoleView | null = null;
  private waiters: { pred: (v: ConsoleView) => boolean; resolve: (v: ConsoleView) => void }[] = [];

  private constructor(private readonly socket: Socket) {
    socket.on('view', (v: ConsoleView) => {
      this.view = v;
      this.waiters = this.waiters.filter((w) => (w.pred(v) ? (w.resolve(v), false) : true));
    });
  }

  static async open(url: string, session: string): Promise<Console> {
    const socket = io(url + NS.console, { auth: { v: PROTOCOL_VERSION, session }, transports: ['websocket'], forceNew: true });
    const c = new Console(socket);
    await c.until(() => true);
    return c;
  }

  until(pred: (v: ConsoleView) => boolean, ms = 15_000): Promise<ConsoleView> {
    const v = this.view;
    if (v && pred(v)) return Promise.resolve(v);
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error('console: timed out waiting for a view')), ms);
      this.waiters.push({ pred, resolve: (x) => (clearTimeout(t), resolve(x)) });
    });
  }

  async command(c: Command): Promise<void> {
    const a = (await this.socket.timeout(15_000).emitWithAck('command', c)) as { ok: boolean; error?: string };
    if (!a.ok) throw new Error(`console command ${c.type} refused: ${a.error ?? '?'}`);
  }

  /** Start a round on the item, without quorum or countdown; resolves with its id. */
  async startRound(itemId: string): Promise<string> {
    await this.command({ type: 'startRound', itemId, countdownSec: 0, confirmNoQuorum: true });
    const v = await this.until((x) => x.activeRoundId !== null);
    if (v.activeRoundId === null) throw new Error('round did not start');
    return v.activeRoundId;
  }

  async closeRound(roundId: string): Promise<void> {
    await this.command({ type: 'close', roundId });
    await this.until((x) => x.activeRoundId === null);
  }

  close(): void {
    this.socket.close();
  }
}
