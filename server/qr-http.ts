// The printable QR sheet (一人一码): a PDF to download and print, and the same cards as JSON
// with SVG codes for the console's HTML print view. Codes are drawn here, never fetched.
// Operators may print it: a deputy whose card was lost gets a reissued link and a new card.
import { Router, type Request } from 'express';
import type { MeetingState } from '../shared/state.js';
import { fail, guard, param } from './access.js';
import type { HttpOptions } from './http-options.js';
import { linkUrl } from './links.js';
import { qrSvg, renderQrSheetPdf, type QrCard } from './qr-sheet/index.js';
import type { Ctx } from './sockets/common.js';

/** One card per deputy on the roster, in roster order; a deputy without a live link is left out. */
function cardsOf(ctx: Ctx, s: MeetingState, base: string): (QrCard & { deputyId: string })[] {
  const links = new Map(ctx.auth.linksOf(s.info.id).map((l) => [l.deputyId, l]));
  return s.roster.flatMap((d) => {
    const l = links.get(d.id);
    return l ? [{ deputyId: d.id, name: d.name, group: d.group, seat: d.seat, url: linkUrl(base, l) }] : [];
  });
}

/** ?deputy=d001&deputy=d002 prints only those cards (a reissued link's new card). */
function only(req: Request): Set<string> | null {
  const v: unknown = req.query.deputy;
  const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
  const ids = list.filter((x): x is string => typeof x === 'string');
  return ids.length > 0 ? new Set(ids) : null;
}

export function qrRoutes(ctx: Ctx, opts: HttpOptions): Router {
  const r = Router();
  const operator = guard(ctx, 'operator');

  r.get('/api/meetings/:id/qr-sheet.pdf', operator, async (req, res) => {
    const s = ctx.meetings.get(param(req, 'id'));
    if (!s) return fail(res, 'NOT_FOUND');
    const pick = only(req);
    const cards = cardsOf(ctx, s, opts.publicUrl()).filter((c) => !pick || pick.has(c.deputyId));
    const pdf = await renderQrSheetPdf({ meetingTitle: s.info.title, cards });
    res.attachment(`${s.info.title}-二维码.pdf`);
    res.type('application/pdf');
    res.setHeader('Cache-Control', 'no-store'); // every card is a credential
    res.send(pdf);
  });

  r.get('/api/meetings/:id/qr-sheet', operator, async (req, res) => {
    const s = ctx.meetings.get(param(req, 'id'));
    if (!s) return fail(res, 'NOT_FOUND');
    const pick = only(req);
    const cards = cardsOf(ctx, s, opts.publicUrl()).filter((c) => !pick || pick.has(c.deputyId));
    const withSvg = await Promise.all(cards.map(async (c) => ({ ...c, svg: await qrSvg(c.url) })));
    res.setHeader('Cache-Control', 'no-store');
    res.json({ ok: true, meeting: { id: s.info.id, title: s.info.title, date: s.info.date }, cards: withSvg });
  });
  return r;
}
