// Signed device ids for audience rating (SPEC Y3, docs/SECURITY.md "Audience rating"): the
// server hands a phone a random id with an HMAC over it at its first visit; a rating must carry
// one the server signed. A made-up or altered id is refused, so a script cannot mint ids
// offline: every id costs a visit, and visits are limited per source address.
// The secret is shared by every process that serves /live (the core and its edges).
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import { open, readFile, rename } from 'node:fs/promises';

const ID_BYTES = 12;
const SIG_BYTES = 16;

function sign(secret: Buffer, purpose: string, data: string): Buffer {
  return createHmac('sha256', secret).update(`${purpose}\0${data}`).digest().subarray(0, SIG_BYTES);
}

/** A new device token `<id>.<signature>` (base64url, 16 + 22 characters). */
export function issueDevice(secret: Buffer): string {
  const id = randomBytes(ID_BYTES).toString('base64url');
  return `${id}.${sign(secret, 'device', id).toString('base64url')}`;
}

/** The device id inside a token the server signed, or null for anything else. */
export function verifyDevice(secret: Buffer, token: unknown): string | null {
  if (typeof token !== 'string' || token.length > 100) return null;
  const dot = token.indexOf('.');
  if (dot <= 0) return null;
  const id = token.slice(0, dot);
  if (!/^[A-Za-z0-9_-]{16}$/.test(id)) return null;
  const given = Buffer.from(token.slice(dot + 1), 'base64url');
  const want = sign(secret, 'device', id);
  return given.length === want.length && timingSafeEqual(given, want) ? id : null;
}

const CODE_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** The meeting's short public code for /live/<code>: derived, so every process agrees without storing it. */
export function liveCode(secret: Buffer, meetingId: string): string {
  const mac = createHmac('sha256', secret).update(`live\0${meetingId}`).digest();
  let out = '';
  for (let i = 0; i < 6; i++) out += CODE_ALPHABET[(mac[i] ?? 0) % CODE_ALPHABET.length];
  return out;
}

/** Read the secret from `path`, or create it (32 random bytes, owner-only) at first start. */
export async function loadSecret(path: string): Promise<Buffer> {
  if (existsSync(path)) {
    const hex = (await readFile(path, 'utf8')).trim();
    if (/^[0-9a-f]{64}$/.test(hex)) return Buffer.from(hex, 'hex');
    throw new Error(`${path} does not hold a 64-digit hex secret`);
  }
  const secret = randomBytes(32);
  const tmp = `${path}.tmp`;
  const fh = await open(tmp, 'w', 0o600);
  try {
    await fh.chmod(0o600);
    await fh.writeFile(`${secret.toString('hex')}\n`);
    await fh.sync();
  } finally {
    await fh.close();
  }
  await rename(tmp, path);
  return secret;
}

/** A secret given in a setting (WZ_AUDIENCE_SECRET: 64 hex digits), shared by the core and its public edges. */
export function secretFromHex(hex: string, name = 'WZ_AUDIENCE_SECRET'): Buffer {
  const v = hex.trim();
  if (!/^[0-9a-fA-F]{64}$/.test(v)) throw new Error(`${name} must be 64 hex digits (32 random bytes, e.g. openssl rand -hex 32)`);
  return Buffer.from(v, 'hex');
}
