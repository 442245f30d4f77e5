// GET /api/meetings/:id/notices/:itemId.json | .pdf: the 公告 of a projects item or the
// 测评结果通报 of a rating item, once its outcome is closed (N4). Operators only, like the
// exports: the console prints a notice before the moderator has read it out.
import { Router } from 'express';
import { noticeOf } from '../../shared/notice.js';
import { resultOf } from '../../shared/views.js';
import { fail, guard, param } from '../access.js';
import type { Ctx } from '../sockets/common.js';
import { renderNoticePdf } from './notice-pdf.js';
import { noticeText, type NoticeText } from './words.js';

export function documentRoutes(ctx: Ctx): Router {
  const r = Router();
  const operator = guard(ctx, 'operator');

  const textOf = (meetingId: string, itemId: string): { ok: true; text: NoticeText; title: string } | { ok: false; error: 'NOT_FOUND' | 'WRONG_KIND' | 'NOT_CLOSED' } => {
    const s = ctx.meetings.get(meetingId);
    if (!s) return { ok: false, error: 'NOT_FOUND' };
    const n = noticeOf(s, itemId, resultOf);
    return n.ok ? { ok: true, text: noticeText(n.value), title: s.info.title } : n;
  };

  // One route, the extension picks the form (express 5 paths take no literal after a parameter).
  r.get('/api/meetings/:id/notices/:file', operator, async (req, res) => {
    const m = /^([A-Za-z0-9_-]{1,64})\.(json|pdf)$/.exec(param(req, 'file'));
    if (!m?.[1]) return fail(res, 'NOT_FOUND');
    const t = textOf(param(req, 'id'), m[1]);
    if (!t.ok) return fail(res, t.error);
    res.setHeader('Cache-Control', 'no-store');
    if (m[2] === 'json') return void res.json({ ok: true, meeting: t.title, notice: t.text });
    const pdf = await renderNoticePdf(t.text, t.title);
    res.setHeader('Content-Disposition', `attachment; filename="notice.pdf"; filename*=UTF-8''${encodeURIComponent(`${t.title}-${t.text.title}${t.text.number}.pdf`)}`);
    res.type('application/pdf').send(pdf);
  });
  return r;
}
