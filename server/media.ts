// Evidence media for the questioning (暗访 videos, photos): uploaded by a moderator, kept in
// the data folder, served on the chamber LAN with byte ranges so the console's player can seek.
// The type is read from the file's first bytes, never from a name or a header the client sent.
import { Router, type Request, type Response } from 'express';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { Id } from '../shared/model.js';
import { fail, guard, param } from './access.js';
import type { Ctx } from './sockets/common.js';

/** 200 MB: a few minutes of 1080p undercover footage. */
export const MAX_MEDIA_BYTES = 200 * 1024 * 1024;

export interface MediaType {
  mime: string;
  type: 'image' | 'video';
}

const ascii = (b: Buffer, at: number, s: string) => b.subarray(at, at + s.length).toString('latin1') === s;

/** [G10] PNG, JPEG, WebP, MP4 (any ftyp brand) or WebM (EBML), by magic bytes; else null. */
export function sniff(head: Buffer): MediaType | null {
  if (head.length >= 8 && head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return { mime: 'image/png', type: 'image' };
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return { mime: 'image/jpeg', type: 'image' };
  if (head.length >= 12 && ascii(head, 0, 'RIFF') && ascii(head, 8, 'WEBP')) return { mime: 'image/webp', type: 'image' };
  if (head.length >= 12 && ascii(head, 4, 'ftyp')) return { mime: 'video/mp4', type: 'video' };
  if (head.length >= 4 && head.subarray(0, 4).equals(Buffer.from([0x1a, 0x45, 0xdf, 0xa3]))) return { mime: 'video/webm', type: 'video' };
  return null;
}

async function readHead(path: string): Promise<Buffer> {
  const f = await open(path, 'r');
  try {
    const buf = Buffer.alloc(32);
    const { bytesRead } = await f.read(buf, 0, 32, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await f.close();
  }
}

/** On disk before it is named: a power cut never leaves a named but empty or partial file. */
async function syncFile(path: string): Promise<void> {
  const f = await open(path, 'r+');
  try {
    await f.datasync();
  } finally {
    await f.close();
  }
}

class TooLarge extends Error {}

/** Counts bytes on their way to disk and stops the upload past the limit. */
function limiter(max: number): Transform {
  let n = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, cb) {
      n += chunk.length;
      cb(n > max ? new TooLarge() : null, chunk);
    },
  });
}

export function mediaRoutes(ctx: Ctx, dir: string, max = MAX_MEDIA_BYTES): Router {
  const r = Router();
  const operator = guard(ctx, 'operator');

  r.post('/api/media', operator, async (req: Request, res: Response) => {
    const declared = Number(req.header('content-length') ?? NaN);
    if (Number.isFinite(declared) && declared > max) return fail(res, 'FILE_TOO_LARGE');
    await mkdir(dir, { recursive: true });
    const id = 'md' + randomBytes(8).toString('hex');
    const tmp = join(dir, `${id}.part`);
    try {
      // The stream writes every byte or fails (a full disk ends here, and the part is removed).
      await pipeline(req, limiter(max), createWriteStream(tmp));
      await syncFile(tmp);
      const t = sniff(await readHead(tmp));
      if (!t) {
        await rm(tmp, { force: true });
        return void res.status(415).json({ ok: false, error: 'UNSUPPORTED_MEDIA' });
      }
      await rename(tmp, join(dir, id));
      ctx.log.info({ mediaId: id, mime: t.mime }, 'media uploaded');
      res.json({ ok: true, mediaId: id, type: t.type, mime: t.mime });
    } catch (e) {
      await rm(tmp, { force: true });
      if (e instanceof TooLarge) return fail(res, 'FILE_TOO_LARGE');
      ctx.log.error({ err: e instanceof Error ? e.message : String(e) }, 'media upload failed');
      if (!res.headersSent) fail(res, 'INTERNAL');
    }
  });

  // Read by the big screen without a login, like the screen's socket: evidence is shown in public.
  r.get('/api/media/:id', async (req: Request, res: Response) => {
    const id = Id.safeParse(param(req, 'id'));
    if (!id.success) return fail(res, 'NOT_FOUND');
    const path = join(dir, id.data);
    let head: Buffer;
    try {
      head = await readHead(path);
    } catch {
      return fail(res, 'NOT_FOUND');
    }
    const t = sniff(head);
    if (!t) return fail(res, 'NOT_FOUND');
    res.setHeader('Content-Type', t.mime);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    // sendFile answers Range requests with 206 and Content-Range, which video seeking needs.
    res.sendFile(path, { acceptRanges: true, maxAge: '1h', immutable: true }, (e) => {
      if (e && !res.headersSent) fail(res, 'NOT_FOUND');
    });
  });
  return r;
}
