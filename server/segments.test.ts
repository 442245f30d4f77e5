// Integration: a questioning segment through the real server — rundown commands, speaking
// timers on the (fake) server clock, the segment log, evidence media upload and serving.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConsoleView } from '../shared/views.js';
import { api } from './test/api.js';
import { command, console_, deputy, emit, links, login, receipt, screen, startServer, vote, type Harness } from './test/harness.js';

let h: Harness;
let session: string;
let now = 1_800_000_000_000;
let clients: { close(): void }[] = [];
const track = <T extends { close(): void }>(c: T): T => (clients.push(c), c);

beforeEach(async () => {
  now = 1_800_000_000_000;
  h = await startServer({ demoSize: 5, clock: () => now });
  session = await login(h.url);
});
afterEach(async () => {
  for (const c of clients) c.close();
  clients = [];
  await h.close();
});

const go = (questionIndex: number, phase: string) => ({ type: 'segmentGo', itemId: 'seg-housing', questionIndex, phase });
const timerId = (v: ConsoleView) => v.rundown?.segment?.timer?.id ?? '';

// A 1x1 PNG, and the first bytes of an MP4 (ftyp box) padded to 4 KiB.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const MP4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom', 'latin1'), Buffer.alloc(4096 - 12, 7)]);

async function upload(body: Buffer, auth = true) {
  const res = await fetch(`${h.url}/api/media`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', ...(auth ? { authorization: `Bearer ${session}` } : {}) },
    body: Uint8Array.from(body),
  });
  return { status: res.status, body: (await res.json()) as { ok: boolean; mediaId?: string; type?: string; error?: string } };
}

describe('questioning segments through the real server', () => {
  it('[G4] the question timer is an instant on the server clock, on screens and the console', async () => {
    const con = track(console_(h.url, session));
    const scr = track(screen(h.url));
    await con.until(() => true);
    expect(await command(con, go(0, 'intro'))).toEqual({ ok: true });
    expect(await command(con, go(0, 'question'))).toEqual({ ok: true });
    const v = await scr.until((x) => x.segment?.timer != null);
    expect(v.item?.id).toBe('seg-housing');
    expect(v.segment).toMatchObject({ phase: 'question', questionIndex: 0, timer: { kind: 'question', status: 'running', endsAt: now + 90_000 } });
    expect(v.serverNow).toBe(now);
  });

  it('[G7] pause, add time, reset and stop act on the server clock; the time used is logged', async () => {
    const con = track(console_(h.url, session));
    await con.until(() => true);
    await command(con, go(0, 'question'));
    const id = timerId(await con.until((v) => v.rundown?.segment?.timer != null));
    now += 30_000;
    expect(await command(con, { type: 'timerPause', timerId: id })).toEqual({ ok: true });
    let v = await con.until((x) => x.rundown?.segment?.timer?.status === 'paused');
    expect(v.rundown?.segment?.timer).toMatchObject({ remainingMs: 60_000, usedMs: 30_000 });
    now += 10_000;
    expect(await command(con, { type: 'timerAdd', timerId: id, seconds: 30 })).toEqual({ ok: true });
    expect(await command(con, { type: 'timerResume', timerId: id })).toEqual({ ok: true });
    v = await con.until((x) => x.rundown?.segment?.timer?.status === 'running');
    expect(v.rundown?.segment?.timer).toMatchObject({ endsAt: now + 90_000, allowedMs: 120_000 });
    expect(await command(con, { type: 'timerReset', timerId: id })).toEqual({ ok: true });
    v = await con.until((x) => x.rundown?.segment?.timer?.usedMs === 0);
    expect(v.rundown?.segment?.timer).toMatchObject({ status: 'paused', remainingMs: 90_000, allowedMs: 90_000 });
    await command(con, { type: 'timerResume', timerId: id });
    now += 75_000;
    expect(await command(con, go(0, 'answer'))).toEqual({ ok: true });
    v = await con.until((x) => x.rundown?.segment?.timer?.kind === 'answer');
    expect(v.rundown?.log[0]?.questions[0]).toMatchObject({ asker: '王建国', topic: '老旧小区改造进度滞后', question: { usedMs: 75_000, allowedMs: 90_000 }, answer: null });
    expect(await command(con, { type: 'timerPause', timerId: id })).toEqual({ ok: false, error: 'NOT_FOUND' });
    expect(await command(con, { type: 'timerAdd', timerId: timerId(v), seconds: 0 })).toEqual({ ok: false, error: 'BAD_REQUEST' });
  });

  it('[G5] the rating opens in one step with the department, and its result joins the log and the ranking', async () => {
    const ls = await links(h.url, session);
    const con = track(console_(h.url, session));
    await con.until(() => true);
    const deps = ls.slice(0, 3).map((l) => track(deputy(h.url, l.url)));
    for (const d of deps) {
      await d.until(() => true);
      expect(await emit(d.socket, 'checkIn', {})).toEqual({ ok: true });
    }
    expect(await command(con, go(2, 'rating'))).toEqual({ ok: true });
    const v = await con.until((x) => x.activeRoundId !== null);
    expect(v.currentItemId).toBe('rating-seg-housing');
    const roundId = v.activeRoundId ?? '';
    const levels = ['satisfied', 'satisfied', 'basic'];
    for (const [i, d] of deps.entries()) {
      const dv = await d.until((x) => x.round?.id === roundId);
      expect(dv.item).toMatchObject({ kind: 'rating', subjects: [{ name: '市住建局', person: '王建军' }] });
      const r = await vote(d, { roundId, submissionId: `s${i}`, receipt: receipt(), content: { kind: 'rating', ratings: { 'seg-housing-dept': levels[i] } } });
      expect(r.ok).toBe(true);
    }
    expect(await command(con, { type: 'close', roundId })).toEqual({ ok: true });
    const closed = await con.until((x) => x.rundown?.log[0]?.rating != null);
    expect(closed.rundown?.log[0]?.rating).toEqual({ itemId: 'rating-seg-housing', score: 86.67, satisfactionRate: 1, valid: 3 });
    expect(closed.ranking?.some((row) => row.itemId === 'rating-seg-housing' && row.name === '市住建局')).toBe(true);
    const report = await api(h.url, 'GET', '/api/meetings/demo/segments', { session });
    expect(report.status).toBe(200);
    expect(report.body.segments).toEqual(expect.arrayContaining([expect.objectContaining({ itemId: 'seg-housing', department: '市住建局' })]));
    // [G8] The meeting's results report carries the segment log too (JSON, and a sheet in CSV/XLSX).
    const results = await api(h.url, 'GET', '/api/meetings/demo/results.json', { session });
    const segs = (results.body.report as { segments: { itemId: string; rating: unknown }[] }).segments;
    expect(segs.find((x) => x.itemId === 'seg-housing')?.rating).toMatchObject({ score: 86.67 });
  });

  it('[G8] the results CSV has the questioning sheet once a question was timed', async () => {
    const con = track(console_(h.url, session));
    await con.until(() => true);
    await command(con, go(0, 'question'));
    now += 42_000;
    await command(con, go(0, 'answer'));
    await con.until((v) => v.rundown?.log[0]?.questions[0]?.question != null);
    const csv = await (await fetch(`${h.url}/api/meetings/demo/results.csv`, { headers: { authorization: `Bearer ${session}` } })).text();
    expect(csv).toContain('问政记录');
    expect(csv).toMatch(/王建国,老旧小区改造进度滞后,42,90/);
  });

  it('[A1] the rundown is the console’s: no command over HTTP or a screen, the log needs a session', async () => {
    expect((await api(h.url, 'GET', '/api/meetings/demo/segments')).status).toBe(401);
    const csv = await fetch(`${h.url}/api/meetings/demo/segments?format=csv`, { headers: { authorization: `Bearer ${session}` } });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(await csv.text()).toContain('老旧小区改造进度滞后');
    const scr = track(screen(h.url));
    await scr.until(() => true);
    const refused = await emit(scr.socket, 'command', go(0, 'intro'), 500).catch(() => 'no answer');
    expect(refused).not.toEqual({ ok: true }); // refused, or no handler at all
    const con = track(console_(h.url, session));
    expect((await con.until(() => true)).rundown?.segment).toBeNull();
  });

  it('[G10] evidence media: type by magic bytes, served with its type and byte ranges, upload needs a session', async () => {
    expect((await upload(PNG, false)).status).toBe(401);
    expect(await upload(Buffer.from('<html>not a picture</html>'))).toMatchObject({ status: 415, body: { ok: false, error: 'UNSUPPORTED_MEDIA', detected: null } });
    // a phone's HEIC photo starts like an MP4 (an ftyp box): refused, and named
    const heic = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic\0\0\0\0mif1heic', 'latin1'), Buffer.alloc(100)]);
    expect(await upload(heic)).toMatchObject({ status: 415, body: { ok: false, error: 'UNSUPPORTED_MEDIA', detected: 'heic', accepted: ['mp4', 'webm', 'jpg', 'png', 'webp'] } });
    const img = await upload(PNG);
    expect(img.body).toMatchObject({ ok: true, type: 'image' });
    const got = await fetch(`${h.url}/api/media/${img.body.mediaId}`);
    expect(got.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await got.arrayBuffer()).equals(PNG)).toBe(true);

    const vid = await upload(MP4);
    expect(vid.body).toMatchObject({ ok: true, type: 'video' });
    const part = await fetch(`${h.url}/api/media/${vid.body.mediaId}`, { headers: { range: 'bytes=100-199' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-type')).toBe('video/mp4');
    expect(part.headers.get('content-range')).toBe(`bytes 100-199/${MP4.length}`);
    expect((await part.arrayBuffer()).byteLength).toBe(100);
    expect((await fetch(`${h.url}/api/media/nope`)).status).toBe(404);
    expect((await fetch(`${h.url}/api/media/..%2Fdb.json`)).status).toBe(404);
  });
});
