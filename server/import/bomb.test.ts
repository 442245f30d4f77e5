// [E2] XLSX bombs through the real upload endpoint: a small file whose sheet XML unpacks to
// far more than any roster is refused from the zip's own directory before anything is parsed,
// as is a sheet with more rows than any roster; a zip that lies about its sizes is caught while
// it is read; parsing runs in a worker with a memory and a time limit. The server keeps
// answering and its memory does not balloon.
import { describe, expect, it } from 'vitest';
import { api } from '../test/api.js';
import { serverPerTest } from '../test/harness.js';
import { sheetXml, xlsxWithSheet } from './bomb.js';
import { MAX_SHEET_ROWS, MAX_UNPACKED_BYTES } from './zip-check.js';
import { readXlsx } from './xlsx.js';

const t = serverPerTest({ demoSize: 3 });
const HEAD = ['姓名', '代表团', '座位'];

async function upload(file: Buffer): Promise<{ ms: number; status: number; body: Record<string, unknown> }> {
  const t0 = performance.now();
  const r = await api(t.h.url, 'POST', '/api/meetings/demo/import/roster?filename=r.xlsx', { session: t.session, raw: file });
  return { ms: performance.now() - t0, status: r.status, body: r.body };
}

describe('[E2] XLSX bombs', () => {
  it('[E2] 80 MB of sheet XML in a 100 KB file is refused at once; the server answers and its memory stays put', async () => {
    const sheet = sheetXml([HEAD], 4000, 'x'.repeat(20_000));
    const bomb = xlsxWithSheet(sheet);
    expect(sheet.length).toBeGreaterThan(MAX_UNPACKED_BYTES);
    expect(bomb.length).toBeLessThan(200_000);
    const rss0 = process.memoryUsage().rss;
    const r = await upload(bomb);
    expect(r.body).toMatchObject({ ok: true, committed: false, rows: [], errors: [{ row: 0, reason: 'UNPACKED_TOO_LARGE', value: '50' }] });
    expect(r.ms).toBeLessThan(2000);
    expect(process.memoryUsage().rss - rss0).toBeLessThan(100 * 2 ** 20);
    expect((await fetch(`${t.h.url}/api/health`)).ok).toBe(true);
  });

  it('[E2] a zip that declares small sizes but unpacks to more is caught while it is read', async () => {
    const sheet = sheetXml([HEAD], 4000, 'y'.repeat(20_000));
    const liar = xlsxWithSheet(sheet, { 'xl/worksheets/sheet1.xml': 1000 });
    const r = await upload(liar);
    expect(r.body).toMatchObject({ rows: [], errors: [{ row: 0, reason: 'BAD_FILE' }] });
    expect(r.ms).toBeLessThan(2000);
  });

  it('[E2] more rows than any roster (10,000) is refused before the sheet is parsed', async () => {
    const rows = Array.from({ length: MAX_SHEET_ROWS + 1 }, (_, i) => [`代表${i}`, '东区代表团', `${i}号`]);
    const r = await upload(xlsxWithSheet(sheetXml([HEAD, ...rows])));
    expect(r.body).toMatchObject({ rows: [], errors: [{ row: 0, reason: 'TOO_MANY_ROWS', value: String(MAX_SHEET_ROWS) }] });
    expect(r.ms).toBeLessThan(2000);
  });

  it('[E2] a CSV of a million short lines under the 5 MB cap is refused before it is parsed', async () => {
    const csv = Buffer.from('姓名,代表团,座位\n' + 'a,b\n'.repeat(1_200_000));
    const rss0 = process.memoryUsage().rss;
    const t0 = performance.now();
    const r = await api(t.h.url, 'POST', '/api/meetings/demo/import/roster?filename=r.csv', { session: t.session, raw: csv });
    expect(r.body).toMatchObject({ rows: [], errors: [{ row: 0, reason: 'TOO_MANY_ROWS', value: String(MAX_SHEET_ROWS) }] });
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(process.memoryUsage().rss - rss0).toBeLessThan(100 * 2 ** 20);
  });

  it('[E2] a roster of ordinary size still imports from a hand-made XLSX', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => [`代表${i + 1}`, '东区代表团', `${i + 1}号`]);
    const r = await upload(xlsxWithSheet(sheetXml([HEAD, ...rows])));
    expect(r.body).toMatchObject({ ok: true, errors: [] });
    expect(r.body.rows).toHaveLength(300);
  });

  it('[E2] parsing that outgrows its worker memory or time is stopped, and the file refused as too complex', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => [`代表${i + 1}`, '东区代表团', `${i + 1}号`, 'z'.repeat(2000)]);
    const file = xlsxWithSheet(sheetXml([HEAD, ...rows]));
    expect(await readXlsx(file, 6000, { memoryMb: 8 })).toEqual({ ok: false, error: 'FILE_TOO_COMPLEX' });
    expect(await readXlsx(file, 6000, { timeMs: 1 })).toEqual({ ok: false, error: 'FILE_TOO_COMPLEX' });
    const fine = await readXlsx(file, 6000);
    expect(fine.ok && fine.value[0]?.grid.length).toBe(3001);
  });
});
