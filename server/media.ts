// Evidence media for the questioning (暗访 videos, photos): uploaded by a moderator, kept in
// the data folder, served on the chamber LAN with byte ranges so the console's player can seek.
// The type is read from the file's first bytes, never from a name or a header the client sent.
import { Router, type Request, type Response } from 'express';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { Id } from '../shared/model.js';
import { bearer, fail, flag, guard, param } from './access.js';
import type { Ctx } from './sockets/common.js';
import { DOC_MIME, documentType, MAX_DOCUMENT_BYTES } from './media-documents.js';

/** 200 MB: a few minutes of 1080p undercover footage. */
export const MAX_MEDIA_BYTES = 200 * 1024 * 1024;

/** Said with a refusal, so the console can name the formats that work. */
export const ACCEPTED = ['mp4', 'webm', 'jpg', 'png', 'webp'];
/** With ?documents=1 (a plan's or report's attachments, U44), documents are taken as well. */
export const ACCEPTED_WITH_DOCUMENTS = [...ACCEPTED, 'pdf', 'docx'];

export interface MediaType {
  mime: string;
  type: 'image' | 'video';
}

/** What the store keeps: what the screens play (G10), and documents for the supervision record (U44). */
export type StoredType = MediaType | { mime: string; type: 'document'; ext: 'pdf' | 'docx' };

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

/** What a file on disk is: playable media by its first bytes, else a document by its content. */
async function fileType(path: string, head: Uint8Array): Promise<StoredType | null> {
  const media = await sniff(head);
  if (media) return media;
  const doc = await documentType(path, head);
  return doc ? { mime: DOC_MIME[doc], type: 'document', ext: doc } : null;
}

/** The type of a stored file, or null when there is no such file (or it is not one we keep). */
export async function storedMediaType(dir: string, id: string): Promise<StoredType | null> {
  if (!Id.safeParse(id).success) return null;
  const path = join(dir, id);
  try {
    return await fileType(path, await readHead(path));
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
      const head = await readHead(tmp);
      // A segment's evidence must play on the screens (G10): documents only where asked for.
      const documents = flag(req, 'documents');
      const t = documents ? await fileType(tmp, head) : await sniff(head);
      if (!t) {
        const sniffed = await sniffType(head);
        const detected = 'ok' in sniffed ? null : sniffed.detected;
        await rm(tmp, { force: true });
        ctx.log.info({ detected }, 'media refused: not a format the screens play nor a PDF or Word document');
        return void res.status(415).json({ ok: false, error: 'UNSUPPORTED_MEDIA', detected, accepted: documents ? ACCEPTED_WITH_DOCUMENTS : ACCEPTED });
      }
      // [U44] Documents have their own, smaller limit; the stream's limit is the videos'.
      if (t.type === 'document' && (await stat(tmp)).size > MAX_DOCUMENT_BYTES) {
        await rm(tmp, { force: true });
        return fail(res, 'FILE_TOO_LARGE');
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

  // Photos and videos are read by the big screen without a login, like the screen's socket:
  // evidence is shown in public. Documents are the supervision record's working papers: staff
  // only, and always a download, never shown in the browser (U44).
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
    const t = await fileType(path, head);
    if (!t) return fail(res, 'NOT_FOUND');
    if (t.type === 'document') {
      if (!ctx.auth.sessionUser(bearer(req))) return fail(res, 'UNAUTHORIZED');
      res.setHeader('Content-Disposition', `attachment; filename="${id.data}.${t.ext}"`);
      res.setHeader('Cache-Control', 'private, no-store');
    }
    res.setHeader('Content-Type', t.mime);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    // sendFile answers Range requests with 206 and Content-Range, which video seeking needs.
    res.sendFile(path, { acceptRanges: true, maxAge: '1h', immutable: true }, (e) => {
      if (e && !res.headersSent) fail(res, 'NOT_FOUND');
    });
  });
  return r;
}
