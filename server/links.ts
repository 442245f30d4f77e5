// Deputies' personal links beyond issuing them (auth.ts): binding a link to the first device
// that opens it, recording refused second devices, reissuing a link, and revoking the links
// of deputies taken off a roster. A revoked link stops working at once: the deputy namespace
// registers a cut-off (onLinksRevoked) that disconnects the sockets still holding old tokens.
import { linkReissued, deviceRefused } from '../shared/prepare.js';
import { ok } from '../shared/result.js';
import { newToken } from './auth.js';
import type { LinkRecord } from './store/db.js';
import type { Ctx } from './sockets/common.js';

type CutOff = (meetingId: string) => Promise<void>;
// Per app context, not per process: tests run several servers side by side.
const cutOffs = new WeakMap<Ctx, CutOff[]>();
const lastRefusal = new WeakMap<Ctx, Map<string, number>>();

/** One refusal per link per this many ms reaches the journal; the rest are only refused. */
export const REFUSAL_RECORD_MS = 10_000;

export function onLinksRevoked(ctx: Ctx, f: CutOff): void {
  cutOffs.set(ctx, [...(cutOffs.get(ctx) ?? []), f]);
}

async function cutOff(ctx: Ctx, meetingId: string): Promise<void> {
  for (const f of cutOffs.get(ctx) ?? []) await f(meetingId);
}

/**
 * The first device id that opens a link binds it; the same device may come back, any other is
 * refused. A handshake without a device id is let in on an unbound link (it cannot bind it)
 * and refused on a bound one, so leaving the id out is no way around the binding.
 * Answers 'refused', or a promise that settles once a new binding is on disk.
 * `link` is the stored record, as ctx.auth.link() hands it out, looked up in the same turn.
 */
export function checkDevice(ctx: Ctx, link: LinkRecord, device: string | undefined): 'refused' | Promise<void> {
  if (link.device !== null) return device === link.device ? Promise.resolve() : 'refused';
  if (device === undefined || device === '') return Promise.resolve();
  // Bound synchronously, before any await: two phones racing for one link cannot both win.
  // In place, on the stored record: O(1) per phone, where copying the links array for each one
  // was O(N) (O(N²) for a chamber), and Auth's token index stays valid. The write below
  // serializes the data when it starts, so it carries this binding.
  link.device = device;
  return ctx.db.write().catch((e: unknown) => ctx.log.error({ err: String(e) }, 'could not store a device binding; it holds until a restart'));
}

/** Put a refused attempt in the meeting record (throttled per link) so the console shows it. */
export async function recordRefusal(ctx: Ctx, link: LinkRecord): Promise<void> {
  const seen = lastRefusal.get(ctx) ?? new Map<string, number>();
  lastRefusal.set(ctx, seen);
  const now = ctx.clock();
  const last = seen.get(link.token);
  if (last !== undefined && now - last < REFUSAL_RECORD_MS) return;
  seen.set(link.token, now);
  ctx.log.warn({ meetingId: link.meetingId, deputyId: link.deputyId }, 'a second device tried to open a bound deputy link');
  const r = await ctx.meetings.commit(link.meetingId, (s) => {
    if (!s) return ok({ events: [] });
    const d = deviceRefused(s, link.deputyId, now);
    return d.ok ? ok({ events: d.value }) : d;
  }, null);
  if (!r.ok) ctx.log.error({ error: r.error }, 'could not record a refused device');
}

/** Revoke the live links of these deputies; their phones are cut off at once. */
export async function revokeLinks(ctx: Ctx, meetingId: string, deputyIds: readonly string[]): Promise<void> {
  if (deputyIds.length === 0) return;
  const now = ctx.clock();
  const ids = new Set(deputyIds);
  ctx.db.data.links = ctx.db.data.links.map((l) =>
    l.meetingId === meetingId && ids.has(l.deputyId) && l.revokedAt === null ? { ...l, revokedAt: now } : l,
  );
  await ctx.db.write();
  await cutOff(ctx, meetingId);
}

/**
 * A new link for a deputy who lost a phone (or whose link went to the wrong device): the old
 * token is revoked and its phone cut off, the new one is bound to no device yet.
 */
export async function reissueLink(ctx: Ctx, meetingId: string, deputyId: string, actor: string | null): Promise<LinkRecord> {
  const now = ctx.clock();
  const fresh: LinkRecord = { token: newToken(), meetingId, deputyId, issuedAt: now, revokedAt: null, device: null };
  ctx.db.data.links = [
    ...ctx.db.data.links.map((l) => (l.meetingId === meetingId && l.deputyId === deputyId && l.revokedAt === null ? { ...l, revokedAt: now } : l)),
    fresh,
  ];
  await ctx.db.write();
  await cutOff(ctx, meetingId);
  const r = await ctx.meetings.commit(meetingId, (s) => {
    if (!s) return ok({ events: [] });
    const d = linkReissued(s, deputyId, now);
    return d.ok ? ok({ events: d.value }) : d;
  }, actor);
  if (!r.ok) ctx.log.error({ error: r.error }, 'could not record a link reissue');
  return fresh;
}

export const linkUrl = (base: string, l: Pick<LinkRecord, 'token'>) => `${base}/d/${l.token}`;
