// Evidence media for the questioning spec, made on the spot in Chromium (nothing downloaded):
// a "photo" is a screenshot of a drawn street scene, the "undercover video" a few seconds of
// an animated canvas recorded with MediaRecorder as WebM. Both are uploaded like a moderator's.
import type { Browser } from '@playwright/test';

const PHOTO_HTML = `<!doctype html><html><body style="margin:0;width:1280px;height:720px;overflow:hidden;
background:linear-gradient(#8fa9c2 0 38%,#6d6a63 38% 100%);font-family:'Noto Sans SC',sans-serif">
<div style="position:absolute;left:60px;top:120px;width:420px;height:300px;background:#b9a27e;border:8px solid #7b6546"></div>
<div style="position:absolute;left:560px;top:80px;width:620px;height:340px;background:#c9c2b4;border:8px solid #8d867a"></div>
<div style="position:absolute;left:0;top:430px;width:1280px;height:120px;background:repeating-linear-gradient(90deg,#e0b020 0 60px,#30302c 60px 120px)"></div>
<div style="position:absolute;left:40px;bottom:40px;color:#fff;font-size:44px;font-weight:700;text-shadow:0 2px 6px #000">
暗访画面：城东片区改造工地围挡占道，雨污管道沟槽敞开</div>
<div style="position:absolute;right:40px;top:30px;color:#fff;font:700 34px monospace;text-shadow:0 2px 6px #000">2026-10-12 07:42</div>
</body></html>`;

export async function makePhoto(browser: Browser): Promise<Buffer> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await ctx.newPage();
  await page.setContent(PHOTO_HTML);
  const png = await page.screenshot({ type: 'png' });
  await ctx.close();
  return png;
}

/** About three seconds of WebM (VP8/VP9, whatever this Chromium records). */
export async function makeVideo(browser: Browser): Promise<Buffer> {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  const bytes = await page.evaluate(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 640;
    canvas.height = 360;
    const g = canvas.getContext('2d');
    if (!g) throw new Error('no 2d context');
    const rec = new MediaRecorder(canvas.captureStream(25), { mimeType: 'video/webm' });
    const parts: Blob[] = [];
    rec.ondataavailable = (e) => parts.push(e.data);
    const done = new Promise<void>((resolve) => (rec.onstop = () => resolve()));
    rec.start(200);
    const t0 = performance.now();
    await new Promise<void>((resolve) => {
      const frame = () => {
        const t = (performance.now() - t0) / 1000;
        g.fillStyle = '#2b3a4a';
        g.fillRect(0, 0, 640, 360);
        g.fillStyle = '#e0b020';
        g.fillRect(((t * 200) % 740) - 100, 200, 100, 60);
        g.fillStyle = '#fff';
        g.font = 'bold 34px sans-serif';
        g.fillText(`Undercover ${t.toFixed(1)} s`, 30, 60);
        if (t < 3) requestAnimationFrame(frame);
        else resolve();
      };
      frame();
    });
    rec.stop();
    await done;
    return Array.from(new Uint8Array(await new Blob(parts, { type: 'video/webm' }).arrayBuffer()));
  });
  await ctx.close();
  return Buffer.from(bytes);
}

export async function upload(url: string, session: string, body: Buffer): Promise<{ mediaId: string; type: 'image' | 'video' }> {
  const res = await fetch(`${url}/api/media`, {
    method: 'POST',
    headers: { authorization: `Bearer ${session}`, 'content-type': 'application/octet-stream' },
    body: Uint8Array.from(body),
  });
  const r = (await res.json()) as { ok: boolean; mediaId?: string; type?: 'image' | 'video'; error?: string };
  if (!r.ok || !r.mediaId || !r.type) throw new Error(`upload refused: ${JSON.stringify(r)}`);
  return { mediaId: r.mediaId, type: r.type };
}

/** Attach evidence to questions of the demo agenda (the moderator's preparation, over the API). */
export async function attachEvidence(url: string, session: string, evidence: Record<string, { mediaId: string; type: 'image' | 'video' }>): Promise<void> {
  const headers = { authorization: `Bearer ${session}`, 'content-type': 'application/json' };
  const got = (await (await fetch(`${url}/api/meetings/demo`, { headers })).json()) as { agenda: { id: string; kind: string; questions?: { id: string }[] }[] };
  const agenda = got.agenda.map((it) =>
    it.kind !== 'segment' || !it.questions ? it : { ...it, questions: it.questions.map((q) => (evidence[`${it.id}/${q.id}`] ? { ...q, evidence: evidence[`${it.id}/${q.id}`] } : q)) },
  );
  const res = await fetch(`${url}/api/meetings/demo/agenda`, { method: 'PUT', headers, body: JSON.stringify({ agenda }) });
  if (!res.ok) throw new Error(`agenda refused: ${await res.text()}`);
}
