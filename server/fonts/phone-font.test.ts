// [#14] The phone's font: one woff2 per meeting holding exactly the phone UI's characters and
// that meeting's names and items, at an immutable URL that changes when the texts change.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import subsetFont from 'subset-font';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAgenda } from '../demo.js';
import { api, csv } from '../test/api.js';
import { links, login, startServer, type Harness } from '../test/harness.js';
import { buildFont, charSetOf } from './phone-font.js';
import { cmapOf, parseSfnt } from './sfnt-merge.js';

/** The characters a woff2 has glyphs for, of those asked about (harfbuzz keeps only these). */
async function covered(woff2: Buffer, chars: string): Promise<Set<string>> {
  const ttf = await subsetFont(woff2, chars, { targetFormat: 'truetype' });
  const cmap = cmapOf(parseSfnt(ttf));
  return new Set([...chars].filter((c) => (cmap.get(c.codePointAt(0)!) ?? 0) > 0));
}

describe('[#14] building a subset', () => {
  it('holds every asked character, across the font pieces, and no other CJK character', async () => {
    const chars = charSetOf(['乍戊签到赞成反对弃权，Ab9', '龘']); // 龘: in a far piece of the font
    const font = await buildFont(chars);
    expect(font.subarray(0, 4).toString('latin1')).toBe('wOF2');
    expect(await covered(font, chars)).toEqual(new Set(chars));
    expect(await covered(font, '的是国')).toEqual(new Set());
    expect(font.length).toBeLessThan(20_000);
  });
});

describe('[#14] a meeting\'s font over HTTP', () => {
  let h: Harness;
  let clientDir = '';
  let session = '';
  let meetingId = '';
  beforeAll(async () => {
    clientDir = await mkdtemp(join(tmpdir(), 'wz-client-'));
    await writeFile(join(clientDir, 'index.html'), '<!doctype html><html><head><title>问政表决台</title></head><body><div id="root"></div></body></html>');
    await writeFile(join(clientDir, 'phone-text.txt'), '签到您已签到');
    h = await startServer({ demoSize: 3, clientDir });
    session = await login(h.url);
    const created = await api(h.url, 'POST', '/api/meetings', { session, json: { title: '县人大常委会会议', date: '2026年11月30日', quorum: 'half' } });
    meetingId = created.body.id as string;
    const roster = csv([['姓名', '代表团', '座位'], ['乍明', '城关代表团', '1排1号'], ['戊辰', '东区代表团', '1排2号'], ['王一', '西区代表团', '1排3号']]);
    expect((await api(h.url, 'POST', `/api/meetings/${meetingId}/import/roster?filename=r.csv&commit=1`, { session, raw: roster })).status).toBe(200);
    const agenda = demoAgenda().map((it, i) => (i === 0 ? { ...it, title: '审议《丌官乡整治报告》' } : it));
    expect((await api(h.url, 'PUT', `/api/meetings/${meetingId}/agenda`, { session, json: { agenda } })).status).toBe(200);
  });
  afterAll(async () => {
    await h.close();
    await rm(clientDir, { recursive: true, force: true });
  });

  async function fontOf(deputyUrl: string): Promise<{ hash: string; chars: string; font: Buffer; cache: string | null; type: string | null }> {
    const html = await (await fetch(deputyUrl)).text();
    const hash = /<link rel="stylesheet" href="\/fonts\/phone\/([A-Za-z0-9_-]{16})\.css">/.exec(html)?.[1];
    expect(hash).toBeDefined();
    const chars = await (await fetch(`${h.url}/fonts/phone/${hash}.txt`)).text();
    const res = await fetch(`${h.url}/fonts/phone/${hash}.woff2`);
    return { hash: hash ?? '', chars, font: Buffer.from(await res.arrayBuffer()), cache: res.headers.get('cache-control'), type: res.headers.get('content-type') };
  }

  it('the deputy page links its meeting\'s font: the names, item titles and the phone UI, immutable', async () => {
    const [link] = await links(h.url, session, meetingId);
    const f = await fontOf(link?.url ?? '');
    expect(f.cache).toBe('public, max-age=31536000, immutable');
    expect(f.type).toBe('font/woff2');
    const must = '乍明戊辰王一城关东区西区代表团县人大常委会议审《丌官乡整治报告》签到您已';
    for (const ch of must) expect(f.chars, ch).toContain(ch);
    expect(await covered(f.font, must)).toEqual(new Set(must));
    const css = await fetch(`${h.url}/fonts/phone/${f.hash}.css`);
    expect(css.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await css.text()).toContain(`url(/fonts/phone/${f.hash}.woff2)`);
  });

  it('a changed item title gives a new font at a new URL; the old one still answers', async () => {
    const [link] = await links(h.url, session, meetingId);
    const before = await fontOf(link?.url ?? '');
    const agenda = demoAgenda().map((it, i) => (i === 0 ? { ...it, title: '审议《亍村道路报告》' } : it));
    expect((await api(h.url, 'PUT', `/api/meetings/${meetingId}/agenda`, { session, json: { agenda } })).status).toBe(200);
    const after = await fontOf(link?.url ?? '');
    expect(after.hash).not.toBe(before.hash);
    expect(await covered(after.font, '亍')).toEqual(new Set('亍'));
    expect((await fetch(`${h.url}/fonts/phone/${before.hash}.woff2`)).status).toBe(200);
  });

  it('an unknown link gets the phone UI\'s characters only; an unknown font is a 404', async () => {
    const f = await fontOf(`${h.url}/d/no-such-token`);
    expect(f.chars).toContain('签');
    expect(f.chars).not.toContain('乍');
    expect((await fetch(`${h.url}/fonts/phone/AAAAAAAAAAAAAAAA.woff2`)).status).toBe(404);
  });
});
