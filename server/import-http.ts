// Uploading a roster, candidate projects or rating subjects from CSV or XLSX. One endpoint,
// two steps: without `commit` it answers a preview (accepted rows, row-by-row errors, ignored
// columns) and changes nothing; with `commit=1` it imports, but only a clean file, unless
// `goodRowsOnly=1` says to leave the bad rows out. The body is the file's raw bytes.
import express, { Router } from 'express';
import { DEFAULT_MAX_BYTES, ImportKind, parseTable, templateFile, templateFileName, type ImportResult } from './import/index.js';
import { assignRosterIds, decideItemList, decideRoster } from '../shared/prepare.js';
import type { Deputy } from '../shared/model.js';
import type { ErrorCode } from '../shared/protocol.js';
import { err, ok, type Result } from '../shared/result.js';
import { fail, flag, guard, param, query } from './access.js';
import { revokeLinks } from './links.js';
import { actorOf } from './audit/actor.js';
import type { Ctx } from './sockets/common.js';
import { assertNever } from '../shared/never.js';
import { suggestionsSpec } from './import/suggestions.js';

// Any content type: the bytes decide the format. parseTable refuses above DEFAULT_MAX_BYTES
// with its own row-0 error; this limit only stops a runaway upload.
const raw = express.raw({ type: () => true, limit: DEFAULT_MAX_BYTES + 1024 * 1024 });

export function importRoutes(ctx: Ctx): Router {
  const r = Router();
  const admin = guard(ctx, 'admin');

  // Templates hold no meeting data: plain links, no login, so <a download> works.
  r.get('/api/templates/:file', async (req, res) => {
    const m = /^(roster|projects|subjects|suggestions)\.(xlsx|csv)$/.exec(param(req, 'file'));
    const kind = ImportKind.safeParse(m?.[1]);
    const format = m?.[2] === 'csv' ? 'csv' : 'xlsx';
    if (!m || !kind.success) return fail(res, 'NOT_FOUND');
    const data = await templateFile(kind.data, format);
    res.attachment(templateFileName(kind.data, format));
    res.type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.send(data);
  });

  r.post('/api/meetings/:id/import/:kind', admin, raw, async (req, res) => {
    const kind = ImportKind.safeParse(param(req, 'kind'));
    const meetingId = param(req, 'id');
    if (!kind.success) return fail(res, 'BAD_REQUEST');
    if (!ctx.meetings.get(meetingId)) return fail(res, 'NOT_FOUND');
    const data: unknown = req.body;
    const file = { name: query(req, 'filename') ?? '', data: Buffer.isBuffer(data) ? data : Buffer.alloc(0) };
    const itemId = query(req, 'itemId');

    /** Preview, or import when asked and allowed; `store` returns the rows as stored. */
    const answer = async <T>(result: ImportResult<T>, store: (rows: T[]) => Promise<Result<readonly unknown[], ErrorCode>>) => {
      const report = { kind: kind.data, rows: result.rows, errors: result.errors, ignoredColumns: result.ignoredColumns };
      if (!flag(req, 'commit')) return void res.json({ ok: true, committed: false, ...report });
      const fileProblem = result.errors.some((e) => e.row === 0);
      if (fileProblem || result.rows.length === 0 || (result.errors.length > 0 && !flag(req, 'goodRowsOnly'))) {
        return fail(res, 'IMPORT_ERRORS', report);
      }
      const stored = await store(result.rows);
      if (!stored.ok) return fail(res, stored.error, report);
      res.json({ ok: true, committed: true, ...report, rows: stored.value });
    };
    const intoItem = (list: Parameters<typeof decideItemList>[2]) =>
      itemId === undefined
        ? Promise.resolve(err('BAD_REQUEST' as const))
        : ctx.meetings
            .commit(meetingId, (s) => {
              if (!s) return err('NOT_FOUND');
              const d = decideItemList(s, itemId, list, ctx.clock());
              return d.ok ? ok({ events: d.value }) : d;
            }, actorOf(res))
            .then((r) => (r.ok ? ok(list.rows) : r));

    const k = kind.data;
    switch (k) {
      case 'roster':
        return answer(await parseTable('roster', file), (rows) => importRoster(ctx, meetingId, rows, actorOf(res)));
      case 'projects':
        return answer(await parseTable('projects', file), (rows) => intoItem({ kind: 'projects', rows }));
      case 'subjects':
        return answer(await parseTable('subjects', file), (rows) => intoItem({ kind: 'subjects', rows }));
      case 'suggestions': {
        // R18: deputies are matched to this meeting's roster, by id or by name.
        const spec = suggestionsSpec(ctx.meetings.get(meetingId)?.roster ?? []);
        return answer(await parseTable('suggestions', file, {}, spec), (rows) => intoItem({ kind: 'suggestions', rows }));
      }
      default: {
        return assertNever(k);
      }
    }
  });
  return r;
}

/**
 * [P2][P3] Replace the roster, keeping the ids (and links) of the deputies already on it; the
 * links of deputies taken off are revoked, new deputies get links.
 */
async function importRoster(ctx: Ctx, meetingId: string, rows: readonly Deputy[], actor: string | null): Promise<Result<Deputy[], ErrorCode>> {
  const r = await ctx.meetings.commit(meetingId, (s) => {
    if (!s) return err('NOT_FOUND');
    const roster = assignRosterIds(s.roster, rows);
    const d = decideRoster(s, roster, ctx.clock());
    if (!d.ok) return d;
    const kept = new Set(roster.map((x) => x.id));
    return ok({ events: d.value, roster, removed: s.roster.filter((x) => !kept.has(x.id)).map((x) => x.id) });
  }, actor);
  if (!r.ok) return r;
  await revokeLinks(ctx, meetingId, r.value.removed);
  await ctx.auth.ensureLinks(meetingId, r.value.roster.map((x) => x.id));
  return ok(r.value.roster);
}
