// Integration: the live data feed (docs/FEED.md) on the real server, with real sockets.
import { describe, expect, it } from 'vitest';
import { feedOf, FEED_COLUMNS, type FeedDoc } from '../shared/feed.js';
import { feedCsv } from './feed.js';
import type { ConsoleView, DeputyView, ScreenView } from '../shared/views.js';
import { command, console_, deputy, emit, links, receipt, vote, type Client, serverPerTest } from './test/harness.js';

const t = serverPerTest();
const { track } = t;

const get = (path: string, auth?: string) => fetch(t.h.url + path, auth ? { headers: { authorization: `Bearer ${auth}` } } : {});

async function consoleReady(): Promise<Client<ConsoleView>> {
  const con = track(console_(t.h.url, t.session));
  await con.until(() => true);
  return con;
}

/** Three deputies check in and vote for, for, against on the first (live) motion. */
async function motionVote(con: Client<ConsoleView>): Promise<string> {
  const deps: Client<DeputyView>[] = [];
  for (const l of (await links(t.h.url, t.session)).slice(0, 3)) {
    const d = track(deputy(t.h.url, l.url));
    await d.until(() => true);
    expect(await emit(d.socket, 'checkIn', {})).toEqual({ ok: true });
    deps.push(d);
  }
  // Named: a secret item's live figures move in steps of 10 ballots (W7, server/linking.test.ts);
  // the layout is the same.
  const agenda = ((await (await get('/api/meetings/demo', t.session)).json()) as { agenda: { id: string; settings?: object }[] }).agenda;
  const named = agenda.map((it) => (it.id === 'motion-budget' ? { ...it, settings: { ...it.settings, secret: false } } : it));
  const put = await fetch(`${t.h.url}/api/meetings/demo/agenda`, { method: 'PUT', headers: { authorization: `Bearer ${t.session}`, 'content-type': 'application/json' }, body: JSON.stringify({ agenda: named }) });
  expect(put.status).toBe(200);
  expect(await command(con, { type: 'startRound', itemId: 'motion-budget', countdownSec: 120 })).toEqual({ ok: true });
  const roundId = (await con.until((v) => v.activeRoundId !== null)).activeRoundId as string;
  const choices = ['for', 'for', 'against'] as const;
  for (const [i, d] of deps.entries()) {
    const r = await vote(d, { roundId, submissionId: `s${i}`, receipt: receipt(), content: { kind: 'motion', choice: choices[i] } });
    expect(r.ok).toBe(true);
  }
  return roundId;
}

function parseCsv(bytes: Buffer): string[][] {
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // BOM: spreadsheets read UTF-8
  const text = bytes.subarray(3).toString('utf8');
  expect(text.endsWith('\r\n')).toBe(true);
  // The figures never hold line breaks; quoted fields are only split on commas outside quotes.
  return text
    .trimEnd()
    .split('\r\n')
    .map((line) => (line.match(/("([^"]|"")*"|[^,]*)(,|$)/g) ?? []).map((f) => f.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"')).slice(0, 7));
}

describe('live data feed', () => {
  it('[B9] is refused without a login until the moderator enables it, and again once disabled', async () => {
    const con = await consoleReady();
    expect((await get('/api/feed/demo.json')).status).toBe(403);
    expect((await get('/api/feed/demo.csv')).status).toBe(403);
    expect((await get('/api/feed/demo.json', t.session)).status).toBe(200);
    expect((await get('/api/feed/nope.json')).status).toBe(404);
    expect((await get('/api/feed/demo.xml', t.session)).status).toBe(404);

    expect(await command(con, { type: 'setFeed', enabled: true })).toEqual({ ok: true });
    const open = await get('/api/feed/demo.json');
    expect(open.status).toBe(200);
    expect(open.headers.get('cache-control')).toBe('no-store');
    expect(open.headers.get('access-control-allow-origin')).toBe('*');
    expect(await command(con, { type: 'setFeed', enabled: false })).toEqual({ ok: true });
    expect((await get('/api/feed/demo.json')).status).toBe(403);
  });

  it('[B10] JSON: the current item, its round and live figures, in the documented layout', async () => {
    const con = await consoleReady();
    await command(con, { type: 'setFeed', enabled: true });
    const roundId = await motionVote(con);
    const doc = (await (await get('/api/feed/demo.json')).json()) as FeedDoc;
    expect(doc.feed).toBe(1);
    expect(doc.meeting.id).toBe('demo');
    expect(doc.scene).toEqual({ kind: 'voting', text: null });
    expect(doc.item).toMatchObject({ id: 'motion-budget', kind: 'motion' });
    expect(doc.round).toMatchObject({ id: roundId, status: 'open', revealed: false, voterCount: 3 });
    expect(doc.round?.remainingSec).toBeGreaterThan(100);
    expect(doc.turnout).toMatchObject({ roster: 5, present: 3, absent: 2 });
    expect(doc.visible).toBe(true); // this item's visibility is 'live'
    const byId = new Map(doc.rows.map((r) => [`${r.type}:${r.id}`, r]));
    expect(byId.get('choice:for')).toMatchObject({ value: 2, share: 0.6667 });
    expect(byId.get('choice:against')).toMatchObject({ value: 1, share: 0.3333 });
    expect(byId.get('choice:abstain')).toMatchObject({ value: 0, share: 0 });
    expect(byId.get('count:cast')?.value).toBe(3);
    // 2 for is not more than half of a roster of 5.
    expect(byId.get('outcome:passed')).toMatchObject({ value: 0, status: 'notPassed' });
  });

  it('[B10] a hidden item shows turnout only: no figures until the moderator reveals', async () => {
    const con = await consoleReady();
    const ls = await links(t.h.url, t.session);
    const d = track(deputy(t.h.url, ls[0]?.url ?? ''));
    await d.until(() => true);
    await emit(d.socket, 'checkIn', {});
    await command(con, { type: 'startRound', itemId: 'motion-appoint', countdownSec: 0, confirmNoQuorum: true });
    const roundId = (await con.until((v) => v.activeRoundId !== null)).activeRoundId as string;
    await vote(d, { roundId, submissionId: 's1', receipt: receipt(), content: { kind: 'motion', choice: 'for' } });
    let doc = (await (await get('/api/feed/demo.json', t.session)).json()) as FeedDoc;
    expect(doc.visible).toBe(false);
    expect(doc.rows).toEqual([]);
    expect(doc.round?.voterCount).toBe(1);
    await command(con, { type: 'close', roundId });
    await command(con, { type: 'reveal', roundId });
    doc = (await (await get('/api/feed/demo.json', t.session)).json()) as FeedDoc;
    expect(doc.scene.kind).toBe('result');
    expect(doc.rows.find((r) => r.type === 'choice' && r.id === 'for')?.value).toBe(1);
  });

  it('[B11] CSV: fixed columns, context rows first, then the figures, UTF-8 with a BOM', async () => {
    const con = await consoleReady();
    await command(con, { type: 'setFeed', enabled: true });
    await motionVote(con);
    const res = await get('/api/feed/demo.csv');
    expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    const rows = parseCsv(Buffer.from(await res.arrayBuffer()));
    expect(rows[0]).toEqual(['type', 'id', 'name', 'value', 'share', 'rank', 'status']);
    expect(rows[1]?.slice(0, 2)).toEqual(['meeting', 'demo']);
    expect(rows[2]).toEqual(['scene', 'voting', '', '', '', '', '']);
    const find = (type: string, id: string) => rows.find((r) => r[0] === type && r[1] === id);
    expect(find('item', 'motion-budget')?.[2]).toContain('预算调整');
    expect(find('item', 'motion-budget')?.[6]).toBe('motion');
    expect(rows.find((r) => r[0] === 'round')?.[6]).toBe('open');
    expect(find('turnout', 'present')?.slice(3, 5)).toEqual(['3', '0.6']);
    expect(find('count', 'voted')?.[3]).toBe('3');
    expect(find('choice', 'for')?.slice(3, 5)).toEqual(['2', '0.6667']);
    expect(find('outcome', 'passed')?.[6]).toBe('notPassed');
    for (const r of rows) expect(r).toHaveLength(7);
  });
});

// The layout's CSV text, by the one CSV writer (server/csv.ts); the rows are shared/feed.ts's.
describe('feed CSV', () => {
  const base: ScreenView = {
    serverNow: 10_000,
    meeting: { id: 'm1', title: '会议, "第一次"', date: '2026年11月24日' },
    turnout: { roster: 10, present: 8, absent: 2, quorumNeeded: 6, quorum: true },
    item: null,
    round: null,
    result: null,
    outcome: null,
    ranking: [],
    scene: { kind: 'message', text: '休会\n10 分钟' },
    agenda: [],
  };

  it('[B11] quotes fields with commas, quotes and line breaks (RFC 4180); empty for null', () => {
    const bom = feedCsv(feedOf(base));
    expect(bom.startsWith('\uFEFF')).toBe(true); // the one CSV writer (csv.ts) puts the BOM first
    const csv = bom.slice(1);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(FEED_COLUMNS.join(','));
    expect(lines[1]).toBe('meeting,m1,"会议, ""第一次""",,,,2026年11月24日');
    expect(csv).toContain('scene,message,"休会\n10 分钟",,,,');
    expect(csv).toContain('turnout,present,,8,0.8,,');
    expect(csv).toContain('turnout,quorum,,1,,,met');
  });

});
