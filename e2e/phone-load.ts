// Loading the deputy's page in Chromium as a phone on the chamber Wi-Fi would: a fresh
// context (cold cache), optional network emulation through CDP, every response's transferred
// size (CDP encodedDataLength: headers and body as sent, compressed) summed by type, and the
// time until the check-in button is visible. Used by `npm run phone-budget` (figures for
// docs/PERFORMANCE.md) and e2e/phone-budget.spec.ts (the byte budget; no times asserted).
import type { Browser, CDPSession, Page } from '@playwright/test';
import { ADMIN_PASSWORD } from './server.js';

export interface Network {
  readonly name: string;
  /** Bits per second. */
  readonly down: number;
  readonly up: number;
  /** Round trip, ms (CDP's `latency`, added to every request). */
  readonly rttMs: number;
}

/** The figures the issue (#14) was measured with; README of docs/PERFORMANCE.md states them. */
export const FAST_3G: Network = { name: 'fast 3G', down: 1_600_000, up: 750_000, rttMs: 150 };
export const SLOW_3G: Network = { name: 'slow 3G', down: 400_000, up: 400_000, rttMs: 400 };

export type Kind = 'html' | 'js' | 'css' | 'font' | 'other';
export interface Load {
  readonly bytes: Record<Kind, number>;
  readonly total: number;
  /** ms from navigation start to the check-in button being visible. */
  readonly checkInMs: number;
  readonly requests: { url: string; kind: Kind; bytes: number; fromCache: boolean }[];
}

function kindOf(type: string | undefined, mime: string): Kind {
  if (type === 'Document' || mime.includes('html')) return 'html';
  if (type === 'Script' || mime.includes('javascript')) return 'js';
  if (type === 'Stylesheet' || mime.includes('css')) return 'css';
  if (type === 'Font' || mime.startsWith('font/')) return 'font';
  return 'other';
}

/** A demo deputy's personal link, through the HTTP API as the console gets it. */
export async function deputyLink(baseUrl: string, index = 0): Promise<string> {
  const login = await fetch(`${baseUrl}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }) });
  const { session } = (await login.json()) as { session: string };
  const res = await fetch(`${baseUrl}/api/meetings/demo/links`, { headers: { authorization: `Bearer ${session}` } });
  const { links } = (await res.json()) as { links: { url: string }[] };
  const url = links[index]?.url;
  if (!url) throw new Error('no deputy link in the demo meeting');
  return url;
}

/** The parts of the CDP events read here. */
interface ResponseEvent {
  requestId: string;
  type?: string;
  response: { url: string; mimeType?: string; fromDiskCache?: boolean; fromPrefetchCache?: boolean; fromServiceWorker?: boolean };
}
interface FinishedEvent {
  requestId: string;
  encodedDataLength: number;
}
interface FrameEvent {
  requestId: string;
  timestamp: number;
  response: { payloadData: string };
}

/** Counts responses from now on; the answer's `stop` detaches and sums them. */
function track(cdp: CDPSession): () => Omit<Load, 'checkInMs'> {
  const meta = new Map<string, { url: string; kind: Kind; fromCache: boolean }>();
  const done = new Map<string, number>();
  const onResponse = (e: ResponseEvent) => {
    const r = e.response;
    meta.set(e.requestId, { url: r.url, kind: kindOf(e.type, r.mimeType ?? ''), fromCache: Boolean(r.fromDiskCache || r.fromPrefetchCache || r.fromServiceWorker) });
  };
  const onFinished = (e: FinishedEvent) => done.set(e.requestId, e.encodedDataLength);
  // The socket's WebSocket frames are counted as well: they are part of the first screen.
  const onFrame = (e: FrameEvent) => done.set(`${e.requestId}:${e.timestamp}`, e.response.payloadData.length);
  cdp.on('Network.responseReceived', onResponse);
  cdp.on('Network.loadingFinished', onFinished);
  cdp.on('Network.webSocketFrameReceived', onFrame);
  return () => {
    cdp.off('Network.responseReceived', onResponse);
    cdp.off('Network.loadingFinished', onFinished);
    cdp.off('Network.webSocketFrameReceived', onFrame);
    const requests = [...done].map(([id, bytes]) => {
      const m = meta.get(id) ?? { url: 'websocket frame', kind: 'other' as Kind, fromCache: false };
      return { url: m.url, kind: m.kind, bytes, fromCache: m.fromCache };
    });
    const bytes: Record<Kind, number> = { html: 0, js: 0, css: 0, font: 0, other: 0 };
    for (const r of requests) bytes[r.kind] += r.bytes;
    return { requests, bytes, total: Object.values(bytes).reduce((a, b) => a + b, 0) };
  };
}

async function emulate(cdp: CDPSession, net: Network | null, gzipOnly: boolean): Promise<void> {
  await cdp.send('Network.enable');
  // Chromium offers br only to secure origins (https, and localhost where this runs); a phone
  // on plain http://<LAN address> offers gzip and deflate only.
  if (gzipOnly) await cdp.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': 'gzip, deflate' } });
  if (!net) return;
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: net.rttMs, downloadThroughput: net.down / 8, uploadThroughput: net.up / 8 });
}

/** Waits until the check-in button is visible and the page's fonts are in, then for quiet. */
async function measure(page: Page, go: () => Promise<unknown>): Promise<number> {
  const t0 = Date.now();
  await go();
  await page.getByTestId('check-in').waitFor({ state: 'visible', timeout: 120_000 });
  const ms = Date.now() - t0;
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.waitForLoadState('networkidle');
  return ms;
}

/** A cold load (new context: empty cache), then a reload in the same context (warm cache). */
export async function loadDeputyPage(browser: Browser, url: string, net: Network | null, gzipOnly = false): Promise<{ cold: Load; warm: Load; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await emulate(cdp, net, gzipOnly);
  const coldBytes = track(cdp);
  const coldMs = await measure(page, () => page.goto(url));
  const cold = { ...coldBytes(), checkInMs: coldMs };
  const warmBytes = track(cdp);
  const warmMs = await measure(page, () => page.reload());
  const warm = { ...warmBytes(), checkInMs: warmMs };
  return { cold, warm, page };
}
