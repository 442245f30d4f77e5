// Evidence media for the questioning (暗访 videos, photos): uploaded by a moderator, kept in
// the data folder, served on the chamber LAN with byte ranges so the console's player can seek.
// The type is read from the file's first bytes, never from a name or a header the client sent.
import { Router, type Request, type Response } from 'express';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { Id } from '../shared/model.js';
import { fail, guard, param } from './access.js';
import type { Ctx } from './sockets/common.js';

/** 200 MB: a few minutes of 1080p undercover footage. */
export const MAX_MEDIA_BYTES = 200 * 1024 * 1024;

/** Said with a refusal, so the console can name the formats that work. */
export const ACCEPTED = ['mp4', 'webm', 'jpg', 'png', 'webp'];

export interface MediaType {
  mime: string;
  type: 'image' | 'video';
}

/**
 * [G10] What the screens' browsers play, by content (file-type): MP4 (ISO brands; H.264 is
 * what every browser decodes), WebM, JPEG, PNG, WebP. Things that look alike and are refused:
 * QuickTime .mov and HEIC from phones, AVIF, M4A/M4V, Matroska, audio (the screen has no audio
 * player for evidence). `detected` names what it was, for the refusal message.
 */
const PLAYABLE: Record<string, MediaType> = {
  'image/png': { mime: 'image/png', type: 'image' },
  'image/jpeg': { mime: 'image/jpeg', type: 'image' },
  'image/webp': { mime: 'image/webp', type: 'image' },
  'video/mp4': { mime: 'video/mp4', type: 'video' },
  'video/webm': { mime: 'video/webm', type: 'video' },
};

/** Bytes file-type reads to tell these types apart. */
export const SNIFF_BYTES = 4100;

export async function sniffType(head: Uint8Array): Promise<{ ok: MediaType } | { detected: string | null }> {
  const t = await fileTypeFromBuffer(head);
  const known = t ? PLAYABLE[t.mime] : undefined;
  return known ? { ok: known } : { detected: t ? t.ext : null };
}

export async function sniff(head: Uint8Array): Promise<MediaType | null> {
  const r = await sniffType(head);
  return 'ok' in r ? r.ok : null;
}

async function readHead(path: string): Promise<Buffer> {
  const f = await open(path, 'r');
  try {
    const buf = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await f.read(buf, 0, SNIFF_BYTES, 0);
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

/** The type of a stored file, or null when there is no such file (or it is not one we keep). */
export async function storedMediaType(dir: string, id: string): Promise<MediaType | null> {
  if (!Id.safeParse(id).success) return null;
  try {
    return await sniff(await readHead(join(dir, id)));
  } catch {
    return null;
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
      const sniffed = await sniffType(await readHead(tmp));
      if (!('ok' in sniffed)) {
        await rm(tmp, { force: true });
        ctx.log.info({ detected: sniffed.detected }, 'media refused: not a format the screens play');
        return void res.status(415).json({ ok: false, error: 'UNSUPPORTED_MEDIA', detected: sniffed.detected, accepted: ACCEPTED });
      }
      const t = sniffed.ok;
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
    const t = await sniff(head);
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
