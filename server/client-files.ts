// The built client over HTTP, made for a phone on a weak chamber Wi-Fi (issue #14):
// - every text asset has a .br and a .gz made at build time (scripts/vite/phone-build.ts);
//   the answer is chosen by Accept-Encoding (Vary: Accept-Encoding), nothing is compressed
//   per request;
// - hashed assets (/assets/name-<hash>.ext) are cached for a year, immutable: a new build
//   has new names. A missing one is a 404, never the page (a stale page asking for an old
//   script must not get HTML back as JavaScript);
// - the page itself (every client route, index.html) is never cached: a phone holding an
//   old page would speak an old protocol. The deputy's page links its meeting's font subset
//   (fonts/font-routes.ts), so its HTML is made per request; it is small and compressed here.
// HEAD is answered wherever GET is.
import { existsSync, readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { Router, type Request, type Response } from 'express';
import expressStaticGzip from 'express-static-gzip';
import type { Ctx } from './sockets/common.js';
import { PhoneFontService } from './fonts/font-routes.js';

export const IMMUTABLE = 'public, max-age=31536000, immutable';

function cacheHeaders(res: ServerResponse, path: string): void {
  res.setHeader('Cache-Control', /[\\/]assets[\\/][^\\/]+$/.test(path) ? IMMUTABLE : 'no-cache');
}

/** br, else gzip, else none, by the client's Accept-Encoding (q=0 refuses). */
export function pickEncoding(accept: string | undefined): 'br' | 'gzip' | null {
  const ok = new Set(
    (accept ?? '')
      .split(',')
      .map((p) => p.trim().split(';'))
      .filter(([, q]) => !q || !/^\s*q=0(\.0*)?\s*$/.test(q))
      .map(([name]) => (name ?? '').trim().toLowerCase()),
  );
  if (ok.has('br')) return 'br';
  if (ok.has('gzip') || ok.has('*')) return 'gzip';
  return null;
}

const compressed = new Map<string, { br: Buffer; gzip: Buffer }>();

function sendHtml(req: Request, res: Response, html: string): void {
  res.setHeader('Cache-Control', 'no-cache');
  res.setHeader('Vary', 'Accept-Encoding');
  res.type('html');
  const enc = pickEncoding(req.header('accept-encoding'));
  if (!enc) return void res.send(html);
  let c = compressed.get(html);
  if (!c) {
    const body = Buffer.from(html);
    c = { br: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }), gzip: gzipSync(body, { level: 9 }) };
    if (compressed.size > 256) compressed.clear(); // one entry per meeting font; bounded all the same
    compressed.set(html, c);
  }
  res.setHeader('Content-Encoding', enc);
  res.send(c[enc]);
}

export function clientFiles(ctx: Ctx, dir: string): Router {
  const r = Router();
  const index = readFileSync(join(dir, 'index.html'), 'utf8');
  const textFile = join(dir, 'phone-text.txt');
  const fonts = new PhoneFontService(existsSync(textFile) ? readFileSync(textFile, 'utf8') : '');
  r.use(fonts.router);
  r.get('/index.html', (req, res) => sendHtml(req, res, index)); // the page's one set of headers
  r.use(expressStaticGzip(dir, { enableBrotli: true, orderPreference: ['br', 'gzip'], index: false, serveStatic: { index: false, setHeaders: cacheHeaders } }));
  // A file that is not there is a 404, not the page: a stale page must not get HTML for a script.
  r.use((req, res, next) => (req.path.startsWith('/assets/') || /\/[^/]*\.[A-Za-z0-9]+$/.test(req.path) ? void res.status(404).json({ ok: false, error: 'NOT_FOUND' }) : next()));
  // One page app: every other GET is a client route (/console, /screen, /d/<token> ...).
  r.use((req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.path.startsWith('/socket.io')) return next();
    const deputy = /^\/d\/([A-Za-z0-9_-]{1,100})\/?$/.exec(req.path);
    if (!deputy?.[1]) return sendHtml(req, res, index);
    // The phone's font: its meeting's characters (an unknown or revoked link: the UI's only;
    // the page then says so in those characters).
    const link = ctx.auth.link(deputy[1]);
    const meeting = link && link.revokedAt === null ? ctx.meetings.get(link.meetingId) : undefined;
    sendHtml(req, res, index.replace('</head>', `${fonts.headLinks(fonts.hashFor(meeting))}</head>`));
  });
  return r;
}

/**
 * The audience page only, for a public edge (SPEC Y9): /live and /live/<code>, the built assets
 * and fonts it loads; every other path is a 404, so an edge serves no console, screen or deputy page.
 */
export function liveFiles(dir: string): Router {
  const r = Router();
  const index = readFileSync(join(dir, 'index.html'), 'utf8');
  const textFile = join(dir, 'phone-text.txt');
  const fonts = new PhoneFontService(existsSync(textFile) ? readFileSync(textFile, 'utf8') : '');
  r.use(fonts.router);
  r.get(/^\/live(\/[A-Za-z0-9_-]{1,64})?\/?$/, (req, res) => sendHtml(req, res, index));
  r.use(expressStaticGzip(dir, { enableBrotli: true, orderPreference: ['br', 'gzip'], index: false, serveStatic: { index: false, setHeaders: cacheHeaders } }));
  r.use((_req, res) => void res.status(404).json({ ok: false, error: 'NOT_FOUND' }));
  return r;
}
