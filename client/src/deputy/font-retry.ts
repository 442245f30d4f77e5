// The phone's font is one file (the meeting's subset, linked by the server into the page).
// If the Wi-Fi drops just as it is fetched, the browser marks the face 'error' and never asks
// again: every character would stay in the fallback (boxes, on a phone without a CJK font).
// So, while a face of that file is in error, it is fetched again when the browser says it is
// online and every few seconds, as a new FontFace of the same family from the same URL.
const RETRY_MS = 5000;

function phoneFontUrl(doc: Document): string | null {
  const link = doc.querySelector<HTMLLinkElement>('link[rel="stylesheet"][href^="/fonts/phone/"]');
  return link ? link.href.replace(/\.css$/, '.woff2') : null;
}

/** Starts watching; returns a stop function (for tests). */
export function keepPhoneFont(win: Window = window): () => void {
  const doc = win.document;
  let loading = false;
  const retry = () => {
    const url = phoneFontUrl(doc);
    if (!url || loading || typeof FontFace === 'undefined' || !doc.fonts) return;
    const faces = [...(doc.fonts as unknown as Iterable<FontFace>)];
    const broken = faces.find((f) => f.status === 'error');
    // Chromium gives a face made here its family in quotes, one from CSS without.
    const family = (f: FontFace) => f.family.replace(/^["']|["']$/g, '');
    if (!broken || faces.some((f) => family(f) === family(broken) && f.status === 'loaded')) return;
    loading = true;
    const face = new FontFace(family(broken), `url(${url}) format('woff2')`, { weight: '400', style: 'normal', display: 'swap' });
    doc.fonts.add(face);
    face.load().then(
      () => void (loading = false),
      () => {
        doc.fonts.delete(face); // failed again: the next tick or 'online' tries once more
        loading = false;
      },
    );
  };
  win.addEventListener('online', retry);
  const timer = win.setInterval(retry, RETRY_MS);
  return () => {
    win.removeEventListener('online', retry);
    win.clearInterval(timer);
  };
}
