// [#14] The built client as a phone on a weak Wi-Fi gets it: compressed by negotiation from
// files made at build time, hashed assets cached for a year, the page never cached, HEAD
// answered, security headers kept. Real HTTP against a client folder made by the build's own
// compression step (scripts/vite/phone-build.ts).
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressDir } from '../scripts/vite/phone-build.js';
import { links, login, startServer, type Harness } from './test/harness.js';

let h: Harness;
let clientDir = '';
let deputyPath = '';
const JS = `export function greet(n){return "你好，"+n}\n`.repeat(200);
const CSS = `.a{color:red;font-family:'Noto Sans SC'}\n`.repeat(100);
const INDEX = '<!doctype html><html lang="zh-CN"><head><title>问政表决台</title><script type="module" src="/assets/index-Ab12Cd34.js"></script></head><body><div id="root"></div></body></html>';

beforeAll(async () => {
  clientDir = await mkdtemp(join(tmpdir(), 'wz-client-'));
  await mkdir(join(clientDir, 'assets'));
  await writeFile(join(clientDir, 'index.html'), INDEX);
  await writeFile(join(clientDir, 'assets', 'index-Ab12Cd34.js'), JS);
  await writeFile(join(clientDir, 'assets', 'index-Zz98Yy76.css'), CSS);
  await writeFile(join(clientDir, 'phone-text.txt'), '签到赞成反对弃权');
  await precompressDir(clientDir);
  h = await startServer({ demoSize: 3, clientDir });
  const ls = await links(h.url, await login(h.url));
  deputyPath = new URL(ls[0]?.url ?? '').pathname;
});
afterAll(async () => {
  await h.close();
  await rm(clientDir, { recursive: true, force: true });
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A raw request: fetch would add its own Accept-Encoding and decode the body. */
function get(path: string, encoding?: string, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(h.url + path, { method, headers: encoding === undefined ? {} : { 'accept-encoding': encoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

function decoded(a: Answer): string {
  const enc = a.headers['content-encoding'];
  if (enc === 'br') return brotliDecompressSync(a.body).toString();
  if (enc === 'gzip') return gunzipSync(a.body).toString();
  return a.body.toString();
}

const pages = () => ['/', '/index.html', '/console', '/screen', deputyPath, '/d/not-a-real-token'];

describe('[#14] serving the built client', () => {
  it('hashed assets: cached a year, immutable, with the security headers', async () => {
    for (const p of ['/assets/index-Ab12Cd34.js', '/assets/index-Zz98Yy76.css']) {
      const a = await get(p, 'br');
      expect(a.status).toBe(200);
      expect(a.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(a.headers['content-security-policy']).toContain("default-src 'self'");
      expect(a.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('br when accepted, else gzip, else the plain file; Vary: Accept-Encoding; the right type', async () => {
    const cases: [string | undefined, string | undefined][] = [
      ['gzip, deflate, br', 'br'],
      ['br;q=1.0, gzip;q=0.8', 'br'],
      ['gzip, deflate', 'gzip'],
      ['br;q=0, gzip', 'gzip'],
      ['identity', undefined],
      [undefined, undefined],
    ];
    for (const [accept, expected] of cases) {
      const a = await get('/assets/index-Ab12Cd34.js', accept);
      expect(a.status, String(accept)).toBe(200);
      expect(a.headers['content-encoding'], String(accept)).toBe(expected);
      expect(a.headers.vary).toMatch(/Accept-Encoding/i);
      expect(a.headers['content-type']).toMatch(/^(text|application)\/javascript/);
      expect(decoded(a)).toBe(JS);
      if (expected) expect(a.body.length).toBeLessThan(JS.length / 5);
    }
  });

  it('the page (every client route, index.html) is never cached, and is compressed too', async () => {
    for (const p of pages()) {
      const a = await get(p, 'gzip, deflate, br');
      expect(a.status, p).toBe(200);
      expect(a.headers['cache-control'], p).toMatch(/no-cache|no-store/);
      expect(a.headers['cache-control'], p).not.toMatch(/immutable|max-age=[1-9]/);
      expect(a.headers['content-type'], p).toMatch(/^text\/html/);
      expect(a.headers['content-encoding'], p).toBe('br');
      expect(decoded(a), p).toContain('<div id="root"></div>');
      expect(a.headers['content-security-policy'], p).toContain("script-src 'self'");
    }
  });

  it('HEAD is answered for assets and pages: the same headers, no body', async () => {
    for (const p of ['/assets/index-Ab12Cd34.js', ...pages()]) {
      const g = await get(p, 'br');
      const hd = await get(p, 'br', 'HEAD');
      expect(hd.status, p).toBe(200);
      expect(hd.body.length, p).toBe(0);
      for (const k of ['cache-control', 'content-type', 'content-encoding', 'vary', 'content-security-policy']) expect(hd.headers[k], `${p} ${k}`).toEqual(g.headers[k]);
    }
  });

  it('a missing asset is a 404, not the page (a stale page must not run HTML as a script)', async () => {
    for (const p of ['/assets/index-Old00000.js', '/favicon.ico', '/robots.txt']) {
      const a = await get(p, 'br');
      expect(a.status, p).toBe(404);
      expect(decoded(a), p).not.toContain('<div id="root">');
    }
  });
});
