// GET /api/supervision/cases/:caseId.json | .pdf: the 督办通知书 of a case whose notice has been
// issued (U13), laid out as an A4 PDF by the 公告's renderer (fonts embedded as subsets).
import { Router } from 'express';
import { caseById } from '../../shared/supervision/state.js';
import { fail, guard, param } from '../access.js';
import { renderNoticePdf } from '../documents/notice-pdf.js';
import type { Ctx } from '../sockets/common.js';
import type { Supervision } from './service.js';
import { supervisionNoticeText } from './words.js';

export function supervisionNoticeRoutes(ctx: Ctx, sup: Supervision): Router {
  const r = Router();
  r.get('/api/supervision/notices/:file', guard(ctx, 'operator'), async (req, res) => {
    const m = /^([A-Za-z0-9_-]{1,64})\.(json|pdf)$/.exec(param(req, 'file'));
    const c = m?.[1] ? caseById(sup.state, m[1]) : undefined;
    if (!m || !c) return fail(res, 'NOT_FOUND');
    if (c.notice === null) return void res.status(409).json({ ok: false, error: 'NOTICE_FIRST' });
    const text = supervisionNoticeText({ ...c, notice: c.notice }, sup.state.config);
    res.setHeader('Cache-Control', 'no-store');
    if (m[2] === 'json') return void res.json({ ok: true, notice: text });
    const pdf = await renderNoticePdf(text, text.issuer);
    res.setHeader('Content-Disposition', `attachment; filename="notice.pdf"; filename*=UTF-8''${encodeURIComponent(`督办通知书-${c.details.department}.pdf`)}`);
    res.type('application/pdf').send(pdf);
  });
  return r;
}
