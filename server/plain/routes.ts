// The plain deputy page (no JavaScript), on the deputy's own link: GET /d/<token>/plain shows
// where things stand; POST …/check-in and POST …/vote act, then redirect back (Post/Redirect/Get,
// so a reload never posts again). Both POSTs take the socket's own path (selfCheckIn, castVote):
// the same zod payload, decideVote, journal and ballot box. What the phone draws on the device
// (submission id, receipt, salt, change key) is drawn here on the server (docs/SECURITY.md).
import express, { Router, type Request, type Response } from 'express';
import { createHash, randomBytes } from 'node:crypto';
import type { ConnectErrorCode, ErrorCode } from '../../shared/protocol.js';
import { newReceipt, newSubmissionId } from '../../shared/receipt-code.js';
import { itemById } from '../../shared/state.js';
import { castVote, selfCheckIn } from '../deputy-requests.js';
import type { Ctx } from '../sockets/common.js';
import { DEFAULT_RATE_LIMIT, tokenBucket } from '../sockets/guard.js';
import { checkDevice, recordRefusal } from '../links.js';
import { ballotFromForm } from './ballot-form.js';
import { FONT_PATH, facesFor, fontFacesOf, type PlainFonts } from './fonts.js';
import { notice, page } from './html.js';
import { plainBody } from './page.js';
import { BALLOTS_COOKIE, DEVICE_COOKIE, Sealer, cookie, readCookies, readKept, writeKept } from './seal.js';
import { pickLang, translator, type Lang } from './text.js';

const random = (n: number) => new Uint8Array(randomBytes(n));
const DEVICE = /^[A-Za-z0-9_-]{8,100}$/;

export function plainPath(token: string): string {
  return `/d/${token}/plain`;
}

export function plainRoutes(ctx: Ctx, clientDir: string | null = null): Router {
  const r = Router();
  let faces: Promise<PlainFonts> | null = null;
  const sealer = new Sealer(ctx.clock);
  // One allowance per link, as the socket's (guard.ts): a person posts a few forms a minute.
  const buckets = new Map<string, { take(): boolean }>();
  const form = express.urlencoded({ extended: false, limit: '32kb', parameterLimit: 600 });

  const langOf = (req: Request) => pickLang(req.query.lang, req.header('accept-language'));
  const langQuery = (l: { lang: Lang; explicit: boolean }) => (l.explicit ? `?lang=${l.lang}` : '');

  /** The link, its meeting and this browser's device, or a page saying why not (already sent). */
  async function open(req: Request, res: Response): Promise<{ token: string; meetingId: string; deputyId: string } | null> {
    const token = String(req.params.token ?? '');
    const link = ctx.auth.link(token);
    const fail = (code: ErrorCode | ConnectErrorCode, status: number) => {
      const l = langOf(req);
      const t = translator(l.lang);
      res.status(status).setHeader('Cache-Control', 'no-store');
      res.type('html').send(page({ lang: l.lang, t, title: t('title'), body: notice('bad', t(`common:errors.${code}`)), otherLangHref: `?lang=${l.lang === 'en' ? 'zh-CN' : 'en'}` }));
      return null;
    };
    if (!link) return fail('BAD_LINK', 404);
    if (link.revokedAt !== null) return fail('LINK_REVOKED', 403);
    if (!ctx.meetings.get(link.meetingId)) return fail('NO_MEETING', 404);
    // The device binding holds here as on the socket: the cookie is this browser's device id
    // (boot-check.js copies the JS page's into it, so falling back keeps the same device).
    let device = readCookies(req.header('cookie')).get(DEVICE_COOKIE);
    if (device === undefined || !DEVICE.test(device)) {
      device = randomBytes(12).toString('hex');
      res.append('Set-Cookie', cookie(DEVICE_COOKIE, device, `/d/${token}`, false));
    }
    const bound = checkDevice(ctx, link, device);
    if (bound === 'refused') {
      void recordRefusal(ctx, link);
      return fail('DEVICE_MISMATCH', 403);
    }
    await bound;
    return { token, meetingId: link.meetingId, deputyId: link.deputyId };
  }

  const back = (req: Request, res: Response, token: string, flash?: string) => {
    const l = langOf(req);
    const q = new URLSearchParams();
    if (l.explicit) q.set('lang', l.lang);
    if (flash) q.set('m', flash);
    const qs = q.toString();
    res.redirect(303, `${plainPath(token)}${qs ? `?${qs}` : ''}`);
  };

  const allowed = (token: string): boolean => {
    let b = buckets.get(token);
    if (!b) buckets.set(token, (b = tokenBucket(DEFAULT_RATE_LIMIT, ctx.clock)));
    return b.take();
  };

  r.get('/plain-fonts.css', async (req, res) => {
    const fonts = await (faces ??= fontFacesOf(clientDir));
    const f = typeof req.query.f === 'string' && /^\d{1,4}(\.\d{1,4}){0,400}$/.test(req.query.f) ? req.query.f.split('.').map(Number) : null;
    res.setHeader('Cache-Control', 'public, max-age=3600'); // as the app's other unhashed files
    res.type('text/css').send(f === null ? fonts.css : f.map((i) => fonts.faces[i]?.rule ?? '').join('\n'));
  });
  r.get(`${FONT_PATH}:name`, async (req, res, next) => {
    faces ??= fontFacesOf(clientDir);
    const bytes = (await faces).files.get(String(req.params.name));
    if (!bytes) return next();
    // Named by their hash: the same name is always the same bytes.
    res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    res.type(String(req.params.name).endsWith('.woff2') ? 'font/woff2' : 'font/woff').send(bytes);
  });

  // The JS page's <noscript> link (client/index.html): relative, since a page without script
  // cannot build a path with the token in it.
  r.get('/d/:token', (req, res, next) => {
    if (req.query.plain !== '1') return next();
    res.redirect(303, `${plainPath(String(req.params.token))}${langQuery(langOf(req))}`);
  });

  r.get('/d/:token/plain', async (req, res) => {
    const who = await open(req, res);
    if (!who) return;
    const s = ctx.meetings.get(who.meetingId);
    const l = langOf(req);
    const t = translator(l.lang);
    const m = typeof req.query.m === 'string' && /^[A-Z_]{2,30}$/.test(req.query.m) ? req.query.m : null;
    const flash = m === null || m === 'EXPIRED' || t(`common:errors.${m}`) !== `common:errors.${m}` ? m : null;
    const base = plainPath(who.token);
    const lq = langQuery(l);
    const body =
      s &&
      plainBody({
        t,
        s,
        deputyId: who.deputyId,
        now: ctx.clock(),
        kept: readKept(readCookies(req.header('cookie')).get(BALLOTS_COOKIE)),
        flash,
        changing: req.query.change === '1',
        changeHref: `${base}?${l.explicit ? `lang=${l.lang}&` : ''}change=1`,
        selfHref: `${base}${lq}`,
        action: (what) => `${base}/${what}${lq}`,
        seal: (purpose, roundId, receipt) =>
          sealer.fields(who.token, { purpose, roundId, submissionId: purpose === 'vote' ? newSubmissionId(random) : '', receipt: purpose === 'vote' ? (receipt ?? newReceipt(random)) : '' }),
      });
    if (!body) return void res.status(404).type('html').send(page({ lang: l.lang, t, title: t('title'), body: notice('bad', t('unknownLink')), otherLangHref: `${base}?lang=${l.lang === 'en' ? 'zh-CN' : 'en'}` }));
    res.setHeader('Cache-Control', 'no-store'); // a page of one deputy's ballot state: never cached, never shared
    const fonts = await (faces ??= fontFacesOf(clientDir));
    const withFonts = (html: string) => html.replace('href="/plain-fonts.css"', `href="/plain-fonts.css?f=${facesFor(fonts, html).join('.')}"`);
    res.type('html').send(
      withFonts(page({
        lang: l.lang,
        t,
        title: `${t('title')} · ${s.info.title}`,
        body: body.body,
        ...(body.refreshSec ? { refreshSec: body.refreshSec } : {}),
        otherLangHref: `${base}?lang=${l.lang === 'en' ? 'zh-CN' : 'en'}`,
        fullPageHref: `/d/${who.token}${lq}`,
      })),
    );
  });

  r.post('/d/:token/plain/check-in', form, async (req, res) => {
    const who = await open(req, res);
    if (!who) return;
    if (!allowed(who.token)) return back(req, res, who.token, 'RATE_LIMITED');
    const seal = sealer.open(who.token, req.body);
    if (seal === null || (seal !== 'expired' && seal.purpose !== 'checkin')) return back(req, res, who.token, 'BAD_REQUEST');
    if (seal === 'expired') return back(req, res, who.token, 'EXPIRED');
    const a = await selfCheckIn(ctx, who.meetingId, who.deputyId);
    back(req, res, who.token, a.ok ? undefined : a.error);
  });

  r.post('/d/:token/plain/vote', form, async (req, res) => {
    const who = await open(req, res);
    if (!who) return;
    if (!allowed(who.token)) return back(req, res, who.token, 'RATE_LIMITED');
    const seal = sealer.open(who.token, req.body);
    if (seal === null || (seal !== 'expired' && seal.purpose !== 'vote')) return back(req, res, who.token, 'BAD_REQUEST');
    if (seal === 'expired') return back(req, res, who.token, 'EXPIRED');
    const s = ctx.meetings.get(who.meetingId);
    const round = s?.rounds.get(seal.roundId);
    const item = s && round ? itemById(s, round.itemId) : undefined;
    if (!item || item.kind === 'segment') return back(req, res, who.token, 'WRONG_ROUND');
    const cookies = readCookies(req.header('cookie'));
    const kept = readKept(cookies.get(BALLOTS_COOKIE));
    const had = kept.get(seal.roundId);
    // A change quotes the receipt of the ballot it replaces and proves it with the key kept at
    // the first submission; a first ballot gets a fresh key, of which the server keeps only the
    // hash (in the ballot). Never logged: neither is in any log line.
    const changing = had !== undefined && had.receipt === seal.receipt && had.sid !== seal.submissionId;
    const key = changing ? had.key : item.settings.allowChange ? randomBytes(16).toString('hex') : undefined;
    const payload = {
      roundId: seal.roundId,
      submissionId: seal.submissionId,
      receipt: seal.receipt,
      content: ballotFromForm(item, req.body as Record<string, unknown>),
      ...(changing ? (key !== undefined ? { changeKey: key } : {}) : key !== undefined ? { keyHash: createHash('sha256').update(key).digest('hex') } : {}),
    };
    let a = await castVote(ctx, who.meetingId, who.deputyId, payload);
    // A receipt drawn here that another ballot already holds (1 in 10^12): draw again, once.
    if (!a.ok && a.error === 'RECEIPT_TAKEN' && !changing) a = await castVote(ctx, who.meetingId, who.deputyId, { ...payload, receipt: newReceipt(random) });
    if (a.ok && !a.duplicate) {
      const k = { sid: seal.submissionId, receipt: a.recorded.receipt, ...(key !== undefined ? { key } : {}) };
      res.append('Set-Cookie', cookie(BALLOTS_COOKIE, writeKept(kept, seal.roundId, k), plainPath(who.token), true));
    }
    // Every field but the ballot was made here and sealed: a payload zod refuses can only be a
    // ballot value that is no value of its kind (a score of 101, a choice 'maybe'), so say that.
    back(req, res, who.token, a.ok ? undefined : a.error === 'BAD_REQUEST' ? 'BAD_VALUE' : a.error);
  });

  return r;
}

