// What the plain page's forms carry and what the browser keeps between pages.
//
// A form is sealed when it is rendered: its hidden fields (what it is for, the round, the
// submission id and receipt drawn for it, when it was made) carry an HMAC under a key that
// lives only in this process. A POST is taken only with the link token in its path and an
// intact seal, so another site cannot make a deputy's browser post (it cannot read the page
// to learn a seal), and a resent form repeats its submission id, which the rules count once.
//
// The browser keeps, per link: the device id (the link's device binding, readable by the
// boot-check script so the JS page and this one are the same device), and for each round
// voted here the submission id, receipt and change key (HttpOnly: the change key proves a
// secret ballot is this deputy's, and no script or log needs it).
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { Id } from '../../shared/model.js';

/** A form older than this is refused as expired (a phone left open all day re-renders on refresh anyway). */
export const SEAL_MAX_AGE_MS = 12 * 60 * 60 * 1000;

export interface Seal {
  purpose: 'checkin' | 'vote';
  roundId: string;
  submissionId: string;
  receipt: string;
  at: number;
}

export const SealFields = z.object({
  purpose: z.enum(['checkin', 'vote']),
  round: z.union([Id, z.literal('')]),
  sid: z.union([Id, z.literal('')]),
  rcpt: z.union([z.string().regex(/^[A-Z2-9]{8}$/), z.literal('')]),
  at: z.string().regex(/^\d{1,15}$/),
  mac: z.string().regex(/^[0-9a-f]{64}$/),
});

export class Sealer {
  private readonly key = randomBytes(32);

  constructor(private readonly clock: () => number) {}

  private mac(token: string, s: Seal): Buffer {
    return createHmac('sha256', this.key).update([token, s.purpose, s.roundId, s.submissionId, s.receipt, String(s.at)].join('|')).digest();
  }

  /** The hidden fields of a form for this link. */
  fields(token: string, s: Omit<Seal, 'at'>): Record<string, string> {
    const seal: Seal = { ...s, at: this.clock() };
    return { purpose: seal.purpose, round: seal.roundId, sid: seal.submissionId, rcpt: seal.receipt, at: String(seal.at), mac: this.mac(token, seal).toString('hex') };
  }

  /** The seal a posted form carries, if it is intact, for this link, and not expired. */
  open(token: string, body: unknown): Seal | 'expired' | null {
    const f = SealFields.safeParse(body);
    if (!f.success) return null;
    const seal: Seal = { purpose: f.data.purpose, roundId: f.data.round, submissionId: f.data.sid, receipt: f.data.rcpt, at: Number(f.data.at) };
    const given = Buffer.from(f.data.mac, 'hex');
    const want = this.mac(token, seal);
    // A seal from before a restart (another key) reads as expired: the page is simply shown again.
    if (given.length !== want.length || !timingSafeEqual(given, want)) return 'expired';
    const age = this.clock() - seal.at;
    return age < 0 || age > SEAL_MAX_AGE_MS ? 'expired' : seal;
  }
}

// ---- cookies -------------------------------------------------------------------------------

export const DEVICE_COOKIE = 'wz_device';
export const BALLOTS_COOKIE = 'wz_plain';
/** Rounds remembered per link; older ones fall off (a sitting has a few dozen votes at most). */
const KEEP_ROUNDS = 12;

export function readCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out.set(part.slice(0, i).trim(), part.slice(i + 1).trim());
  }
  return out;
}

/** What this browser cast in a round: enough to show its receipt and to change the ballot. */
export interface Kept {
  sid: string;
  receipt: string;
  /** The change key (32 hex), when the item allows a change. */
  key?: string;
}

const KeptList = z.array(z.tuple([Id, Id, z.string().regex(/^[A-Z2-9]{8}$/), z.union([z.string().regex(/^[0-9a-f]{32}$/), z.literal('')])])).max(KEEP_ROUNDS);

export function readKept(value: string | undefined): Map<string, Kept> {
  const out = new Map<string, Kept>();
  if (!value) return out;
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    return out; // a damaged cookie is as good as none
  }
  const list = KeptList.safeParse(raw);
  if (!list.success) return out;
  for (const [roundId, sid, receipt, key] of list.data) out.set(roundId, { sid, receipt, ...(key ? { key } : {}) });
  return out;
}

export function writeKept(kept: Map<string, Kept>, roundId: string, k: Kept): string {
  const next = new Map(kept);
  next.delete(roundId);
  next.set(roundId, k);
  const list = [...next].slice(-KEEP_ROUNDS).map(([id, v]) => [id, v.sid, v.receipt, v.key ?? '']);
  return Buffer.from(JSON.stringify(list)).toString('base64url');
}

const YEAR_S = 365 * 24 * 3600;

/** Set-Cookie values for one link's path: scoped to it, never sent to another site. */
export function cookie(name: string, value: string, path: string, httpOnly: boolean): string {
  return `${name}=${value}; Path=${path}; Max-Age=${YEAR_S}; SameSite=Strict${httpOnly ? '; HttpOnly' : ''}`;
}
