// Formula injection: names typed by whoever prepared the meeting (a meeting title, a deputy, a
// project) reach every CSV the server writes. A cell starting with = + - @ (or a tab or CR) is
// run as a formula by Excel and WPS, so each such text cell is defused with a leading ', while
// real numbers stay numbers; every CSV starts with the UTF-8 BOM Excel needs for Chinese.
import { describe, expect, it } from 'vitest';
import { parseCsv } from './import/csv.js';
import { api, consoleOf } from './test/api.js';
import { command, serverPerTest } from './test/harness.js';

const t = serverPerTest();

// Short enough for a deputy's name (at most 40 characters).
const HOSTILE = ['=HYPERLINK("e.cn","点")', '+1+1', '@SUM(1)', '-2+3', '-3'];

async function download(path: string, session?: string): Promise<string> {
  const res = await fetch(t.h.url + path, session ? { headers: { authorization: `Bearer ${session}` } } : {});
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/csv');
  const bytes = Buffer.from(await res.arrayBuffer());
  expect([...bytes.subarray(0, 3)], `${path}: UTF-8 BOM`).toEqual([0xef, 0xbb, 0xbf]);
  return bytes.subarray(3).toString('utf8');
}

/** Every text cell a spreadsheet would run as a formula. */
function live(text: string): string[] {
  return parseCsv(text).flat().filter((c) => /^[=+\-@\t\r]/.test(c));
}

describe('one CSV writer', () => {
  it('[E1] a title, deputy and project names that look like formulas come out defused in every CSV, with a BOM', async () => {
    const { session } = t;
    const title = HOSTILE[0] ?? '';
    const id = (await api(t.h.url, 'POST', '/api/meetings', { session, json: { title, date: '2026年11月24日' } })).body.id as string;
    const roster = ['姓名,代表团,座位', ...HOSTILE.map((n, i) => `"${n.replace(/"/g, '""')}",城关代表团,1排${i + 1}号`)].join('\r\n');
    const imported = await api(t.h.url, 'POST', `/api/meetings/${id}/import/roster?filename=r.csv&commit=1`, { session, raw: roster + '\r\n' });
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    const projects = HOSTILE.map((name, i) => ({ id: `x${i}`, name, department: '-市住建局' }));
    const item = { id: 'p1', kind: 'projects', title: '+民生实事', settings: { adopt: 1, secret: false }, projects };
    expect((await api(t.h.url, 'PUT', `/api/meetings/${id}/agenda`, { session, json: { agenda: [item] } })).status).toBe(200);
    const con = t.track(consoleOf(t.h.url, session, id));
    await con.until((v) => v.meeting.id === id);
    expect(await command(con, { type: 'startRound', itemId: 'p1', confirmNoQuorum: true, countdownSec: 0 })).toEqual({ ok: true });
    const roundId = (await con.until((v) => v.activeRoundId !== null)).activeRoundId ?? '';
    expect(await command(con, { type: 'close', roundId })).toEqual({ ok: true });
    expect(await command(con, { type: 'reveal', roundId })).toEqual({ ok: true }); // the feed lists projects once revealed

    const feed = await download(`/api/feed/${id}.csv`, session);
    const results = await download(`/api/meetings/${id}/results.csv`, session);
    const segments = await download(`/api/meetings/${id}/segments?format=csv`, session);
    for (const [name, text] of [['feed', feed], ['results', results], ['segments', segments]] as const) {
      expect(live(text), name).toEqual([]);
    }
    // The names are all there, each behind one apostrophe; numbers are not touched.
    expect(parseCsv(feed).flat()).toEqual(expect.arrayContaining(HOSTILE.slice(1).map((n) => `'${n}`)));
    expect(parseCsv(feed).flat()).toContain(`'${title}`);
    expect(parseCsv(results).flat()).toEqual(expect.arrayContaining(HOSTILE.map((n) => `'${n}`)));
    expect(feed).toContain('turnout,roster,,5,,,'); // a number stays a number
    for (const kind of ['roster', 'projects', 'subjects']) {
      const template = await download(`/api/templates/${kind}.csv`);
      expect(live(template), kind).toEqual([]);
    }
  });
});
