// HTTP for preparing meetings: create, edit, duplicate, archive, activate; the agenda; link
// reissue. Imports, the QR sheet and users have their own routers, mounted here. A handler
// reads: guard the role -> parse -> shared/prepare.ts decides -> commit -> answer.
// Mounted before the app-wide 64 kB JSON parser: each route brings its own body parser.
import { Router, type Response } from 'express';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { MeetingEvent } from '../shared/events.js';
import { AgendaItem } from '../shared/model.js';
import {
  createMeeting,
  decideAgenda,
  decideArchive,
  decideMeetingUpdate,
  duplicateMeeting,
  MeetingInput,
  MeetingPatch,
} from '../shared/prepare.js';
import type { ErrorCode } from '../shared/protocol.js';
import { err, ok, type Result } from '../shared/result.js';
import type { MeetingState } from '../shared/state.js';
import { fail, guard, json, param } from './access.js';
import type { HttpOptions } from './http-options.js';
import { importRoutes } from './import-http.js';
import { linkUrl, reissueLink } from './links.js';
import { actorOf } from './audit/actor.js';
import { qrRoutes } from './qr-http.js';
import type { Ctx } from './sockets/common.js';
import { userRoutes } from './users-http.js';

const Duplicate = z.strictObject({ title: z.string().trim().min(1).max(120).optional() });
const Archive = z.strictObject({ archived: z.boolean() });
const Agenda = z.strictObject({ agenda: z.array(AgendaItem).max(100) });

export const newMeetingId = () => 'm' + randomBytes(5).toString('hex');

/** Decide on the meeting's head state and commit; answers the refusal itself and returns false. */
export async function apply(
  ctx: Ctx,
  res: Response,
  meetingId: string,
  decide: (s: MeetingState) => Result<MeetingEvent[], ErrorCode>,
): Promise<boolean> {
  const r = await ctx.meetings.commit(meetingId, (s) => {
    if (!s) return err('NOT_FOUND');
    const d = decide(s);
    return d.ok ? ok({ events: d.value }) : d;
  }, actorOf(res));
  if (!r.ok) fail(res, r.error);
  return r.ok;
}

export function prepareRoutes(ctx: Ctx, opts: HttpOptions): Router {
  const r = Router();
  const admin = guard(ctx, 'admin');
  const operator = guard(ctx, 'operator');

  r.post('/api/meetings', admin, json, async (req, res) => {
    const body = MeetingInput.safeParse(req.body);
    if (!body.success) return fail(res, 'BAD_REQUEST');
    const id = newMeetingId();
    const c = await ctx.meetings.commit(id, (head) => (head ? err('DUPLICATE_ID') : ok({ events: [createMeeting(id, body.data, ctx.clock())] })), actorOf(res));
    if (!c.ok) return fail(res, c.error);
    if (ctx.db.data.activeMeetingId === null) {
      ctx.db.data.activeMeetingId = id;
      await ctx.db.write();
    }
    res.status(201).json({ ok: true, id });
  });

  r.patch('/api/meetings/:id', admin, json, async (req, res) => {
    const body = MeetingPatch.safeParse(req.body);
    if (!body.success) return fail(res, 'BAD_REQUEST');
    if (await apply(ctx, res, param(req, 'id'), (s) => decideMeetingUpdate(s, body.data, ctx.clock()))) res.json({ ok: true });
  });

  r.post('/api/meetings/:id/duplicate', admin, json, async (req, res) => {
    const body = Duplicate.safeParse(req.body ?? {});
    if (!body.success) return fail(res, 'BAD_REQUEST');
    const src = ctx.meetings.get(param(req, 'id'));
    if (!src) return fail(res, 'NOT_FOUND');
    const id = newMeetingId();
    const created = duplicateMeeting(src, id, ctx.clock(), body.data.title);
    const c = await ctx.meetings.commit(id, (head) => (head ? err('DUPLICATE_ID') : ok({ events: [created] })), actorOf(res));
    if (!c.ok) return fail(res, c.error);
    await ctx.auth.ensureLinks(id, created.roster.map((d) => d.id)); // [P6] new links, never the old ones
    res.status(201).json({ ok: true, id });
  });

  r.post('/api/meetings/:id/archive', admin, json, async (req, res) => {
    const body = Archive.safeParse(req.body);
    if (!body.success) return fail(res, 'BAD_REQUEST');
    const id = param(req, 'id');
    if (!(await apply(ctx, res, id, (s) => decideArchive(s, body.data.archived, ctx.clock())))) return;
    if (body.data.archived && ctx.db.data.activeMeetingId === id) {
      ctx.db.data.activeMeetingId = null; // screens and phones that name no meeting stop following it
      await ctx.db.write();
    }
    res.json({ ok: true });
  });

  r.post('/api/meetings/:id/activate', admin, async (req, res) => {
    const s = ctx.meetings.get(param(req, 'id'));
    if (!s) return fail(res, 'NOT_FOUND');
    if (s.archived) return fail(res, 'ARCHIVED');
    ctx.db.data.activeMeetingId = s.info.id;
    await ctx.db.write();
    res.json({ ok: true });
  });

  r.get('/api/meetings/:id', operator, (req, res) => {
    const s = ctx.meetings.get(param(req, 'id'));
    if (!s) return fail(res, 'NOT_FOUND');
    res.json({
      ok: true,
      meeting: s.info,
      archived: s.archived,
      active: ctx.db.data.activeMeetingId === s.info.id,
      roster: s.roster,
      agenda: s.agenda,
      /** Items with rounds: the agenda editor keeps them (P4). */
      lockedItems: s.agenda.filter((it) => s.roundOrder.some((id) => s.rounds.get(id)?.itemId === it.id)).map((it) => it.id),
      rosterLocked: s.roundOrder.length > 0,
    });
  });

  r.put('/api/meetings/:id/agenda', admin, json, async (req, res) => {
    const body = Agenda.safeParse(req.body);
    if (!body.success) return fail(res, 'BAD_REQUEST');
    if (await apply(ctx, res, param(req, 'id'), (s) => decideAgenda(s, body.data.agenda, ctx.clock()))) res.json({ ok: true });
  });

  // Operators reissue links: a lost phone is a problem of the day, not of preparation.
  r.post('/api/meetings/:id/links/:deputyId/reissue', operator, async (req, res) => {
    const s = ctx.meetings.get(param(req, 'id'));
    const deputyId = param(req, 'deputyId');
    if (!s || !s.rosterIndex.has(deputyId)) return fail(res, 'NOT_FOUND');
    const link = await reissueLink(ctx, s.info.id, deputyId, actorOf(res));
    res.json({ ok: true, deputyId, url: linkUrl(opts.publicUrl(), link) });
  });

  r.use(importRoutes(ctx));
  r.use(qrRoutes(ctx, opts));
  r.use(userRoutes(ctx));
  return r;
}
