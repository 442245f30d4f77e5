// Security headers on every page and endpoint: a CSP without inline script, no framing but
// for the overlay, nosniff, no Referer (the deputy's token is in the URL path).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { links, login, startServer, type Harness } from './test/harness.js';

let h: Harness;
let clientDir = '';
let deputyPath = '';
beforeAll(async () => {
  clientDir = await mkdtemp(join(tmpdir(), 'wz-client-'));
  await writeFile(join(clientDir, 'index.html'), '<!doctype html><title>问政表决台</title><div id="root"></div>');
  h = await startServer({ demoSize: 3, clientDir });
  const ls = await links(h.url, await login(h.url));
  deputyPath = new URL(ls[0]?.url ?? '').pathname;
});
afterAll(async () => {
  await h.close();
  await rm(clientDir, { recursive: true, force: true });
});

const directives = (csp: string | null) => new Map((csp ?? '').split(';').map((d) => d.trim().split(/\s+/)).map(([k = '', ...v]) => [k, v]));

async function headersOf(path: string): Promise<Headers> {
  const res = await fetch(h.url + path);
  await res.arrayBuffer();
  return res.headers;
}

describe('security headers', () => {
  const pages = () => ['/', '/console', '/console?meeting=demo&print=qr', '/screen', deputyPath, '/receipts/demo/r1?code=ABCD2345', '/overlay?meeting=demo'];
  const endpoints = ['/api/health', '/api/meetings', '/api/feed/demo.json', '/api/nothing-here'];

  it('every page and endpoint: CSP without inline script, nosniff, no-referrer, no HSTS on plain HTTP', async () => {
    for (const path of [...pages(), ...endpoints]) {
      const hd = await headersOf(path);
      const csp = directives(hd.get('content-security-policy'));
      expect({ path, script: csp.get('script-src') }).toEqual({ path, script: ["'self'"] });
      expect({ path, style: csp.get('style-src') }).toEqual({ path, style: ["'self'"] });
      expect({ path, object: csp.get('object-src'), base: csp.get('base-uri'), def: csp.get('default-src') }).toEqual({ path, object: ["'none'"], base: ["'none'"], def: ["'self'"] });
      expect(csp.has('upgrade-insecure-requests')).toBe(false); // the LAN speaks plain HTTP
      expect(csp.get('connect-src')).toEqual(["'self'", `ws://${new URL(h.url).host}`, `wss://${new URL(h.url).host}`]);
      expect({ path, nosniff: hd.get('x-content-type-options'), referrer: hd.get('referrer-policy') }).toEqual({ path, nosniff: 'nosniff', referrer: 'no-referrer' });
      expect(hd.get('strict-transport-security')).toBeNull();
      expect(hd.get('x-powered-by')).toBeNull();
    }
  });

  it('console, phones, screen and receipts may not be framed; the overlay may (video mixers frame it)', async () => {
    for (const path of pages().filter((p) => !p.startsWith('/overlay'))) {
      const hd = await headersOf(path);
      expect({ path, fa: directives(hd.get('content-security-policy')).get('frame-ancestors'), xfo: hd.get('x-frame-options') }).toEqual({ path, fa: ["'none'"], xfo: 'DENY' });
    }
    for (const path of ['/overlay', '/overlay/', '/overlay?meeting=demo&scene=result']) {
      const hd = await headersOf(path);
      expect(directives(hd.get('content-security-policy')).has('frame-ancestors')).toBe(false);
      expect(hd.get('x-frame-options')).toBeNull();
      expect(hd.get('content-security-policy')).toContain("script-src 'self'");
    }
  });

  it('the feed stays readable from other origins', async () => {
    const hd = await headersOf('/api/feed/demo.json');
    expect(hd.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect((await headersOf('/console')).get('cross-origin-resource-policy')).toBe('same-origin');
  });

  it('a Host header that is not a host is not copied into the policy', async () => {
    const csp = await new Promise<string>((resolve, reject) => {
      const req = request(`${h.url}/console`, { headers: { host: "evil; script-src 'unsafe-inline'" } }, (res) => {
        res.resume();
        resolve(String(res.headers['content-security-policy']));
      });
      req.on('error', reject);
      req.end();
    });
    expect(csp).not.toContain('evil');
    expect(directives(csp).get('script-src')).toEqual(["'self'"]);
  });
});
