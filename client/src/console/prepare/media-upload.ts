// Uploading evidence media (POST /api/media): the file's bytes as they are; the server reads
// the type from them and answers with the media id to put on the question.
import { z } from 'zod';

const Answer = z.union([
  z.object({ ok: z.literal(true), mediaId: z.string(), type: z.enum(['image', 'video']) }),
  z.object({ ok: z.literal(false), error: z.string(), detected: z.string().nullish() }),
]);
/** `detected`: with UNSUPPORTED_MEDIA, the format the server recognised (heic, mov ...), if any. */
export type UploadAnswer = { ok: true; mediaId: string; type: 'image' | 'video' } | { ok: false; error: string; detected?: string | null | undefined };

export async function uploadMedia(session: string, file: Blob): Promise<UploadAnswer> {
  try {
    const res = await fetch('/api/media', { method: 'POST', headers: { authorization: `Bearer ${session}`, 'content-type': 'application/octet-stream' }, body: file });
    const body: unknown = await res.json();
    const a = Answer.safeParse(body);
    return a.success ? a.data : { ok: false, error: 'BAD_REQUEST' };
  } catch {
    return { ok: false, error: 'NETWORK' };
  }
}
