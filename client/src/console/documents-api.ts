// The documents' addresses and a download that carries the session (a plain link cannot send
// the Authorization header, so the file is fetched and saved as a blob).
export const noticeUrl = (meetingId: string, itemId: string, ext: 'json' | 'pdf') => `/api/meetings/${encodeURIComponent(meetingId)}/notices/${encodeURIComponent(itemId)}.${ext}`;

export const noticePagePath = (meetingId: string, itemId: string) => `/console?meeting=${encodeURIComponent(meetingId)}&print=notice&item=${encodeURIComponent(itemId)}`;

/** Fetches with the session and saves; resolves to an error code, or null when saved. */
export async function downloadBlob(session: string, url: string, fileName: string): Promise<string | null> {
  let res: Response;
  try {
    res = await fetch(url, { headers: { authorization: `Bearer ${session}` } });
  } catch {
    return 'NETWORK';
  }
  const codes: Record<number, string> = { 401: 'UNAUTHORIZED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 409: 'NOT_CLOSED' };
  if (!res.ok) return codes[res.status] ?? 'INTERNAL';
  const href = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = href;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
  return null;
}
