// The console's HTTP calls. Every response body is parsed with zod before use: the network
// is `unknown` until it fits a schema; a body that does not fit reads as INTERNAL.
import { z } from 'zod';
import { isErrorCode, type AnyErrorCode } from '../i18n/errors.js';

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: AnyErrorCode };

const Failure = z.object({ ok: z.literal(false), error: z.string() });

const LoginOk = z.object({ ok: z.literal(true), session: z.string(), expiresAt: z.number(), username: z.string().optional(), role: z.enum(['admin', 'operator']).optional() });
export type LoginOk = z.infer<typeof LoginOk>;

const Link = z.object({ deputyId: z.string(), name: z.string(), group: z.string(), seat: z.string(), url: z.string().nullable() });
export type DeputyLink = z.infer<typeof Link>;
const LinksOk = z.object({ ok: z.literal(true), links: z.array(Link) });

async function call<T>(schema: z.ZodType<T>, path: string, init: RequestInit): Promise<ApiResult<T>> {
  let body: unknown;
  try {
    const res = await fetch(path, init);
    body = await res.json();
  } catch {
    return { ok: false, error: 'NETWORK' };
  }
  const good = schema.safeParse(body);
  if (good.success) return { ok: true, value: good.data };
  const bad = Failure.safeParse(body);
  return { ok: false, error: bad.success && isErrorCode(bad.data.error) ? bad.data.error : 'INTERNAL' };
}

export function login(username: string, password: string): Promise<ApiResult<LoginOk>> {
  return call(LoginOk, '/api/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
}

export async function logout(session: string): Promise<void> {
  await call(z.unknown(), '/api/logout', { method: 'POST', headers: { authorization: `Bearer ${session}` } });
}

export async function deputyLinks(session: string, meetingId: string): Promise<ApiResult<DeputyLink[]>> {
  const r = await call(LinksOk, `/api/meetings/${encodeURIComponent(meetingId)}/links`, {
    headers: { authorization: `Bearer ${session}` },
  });
  return r.ok ? { ok: true, value: r.value.links } : r;
}
