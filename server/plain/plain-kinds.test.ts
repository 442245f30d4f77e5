// Integration: every ballot kind on the plain (no-JavaScript) page, over real HTTP, counted in
// the same tallies as the phones' ballots; a secret ballot's receipt and change key.
import { describe, expect, it } from 'vitest';
import type { ItemResult } from '../../shared/rules/index.js';
import type { ConsoleView } from '../../shared/views.js';
import { command, console_, links, prepareMeeting, serverPerTest, type Client } from '../test/harness.js';
import { PLAIN_MEETING, PlainBrowser, formOf, plainMeetingEvent, textOf, tokenOf } from '../test/plain-client.js';

const t = serverPerTest();
const { track } = t;

async function setup() {
  await prepareMeeting(t.h, plainMeetingEvent());
  const ls = await links(t.h.url, t.session, PLAIN_MEETING);
  const con = track(console_(t.h.url, t.session, PLAIN_MEETING));
  await con.until(() => true);
  const browsers: PlainBrowser[] = [];
  for (const l of ls.slice(0, 3)) {
    const b = new PlainBrowser(t.h.url, `/d/${tokenOf(l.url)}/plain`);
    const { page } = await b.post(formOf((await b.get()).html), []);
    expect(textOf(page.html)).toContain('您已签到');
    browsers.push(b);
  }
  return { con, browsers };
}

async function start(con: Client<ConsoleView>, itemId: string): Promise<string> {
  expect(await command(con, { type: 'startRound', itemId, countdownSec: 0 })).toEqual({ ok: true });
  return (await con.until((x) => x.activeRoundId !== null)).activeRoundId as string;
}

async function close(con: Client<ConsoleView>, roundId: string) {
  expect(await command(con, { type: 'close', roundId })).toEqual({ ok: true });
  const v = await con.until((x) => x.rounds.some((r) => r.id === roundId && r.status === 'closed'));
  return v.rounds.find((r) => r.id === roundId);
}

const projectsOf = (x: ItemResult | null | undefined) => (x?.kind === 'projects' ? x.projects : []);
const subjectsOf = (x: ItemResult | null | undefined) => (x?.kind === 'rating' ? x.subjects : []);

const vote = async (b: PlainBrowser, fields: [string, string][]) => b.post(formOf((await b.get()).html), fields);

describe('the plain page votes on every kind', () => {
  it('[L1] projects, select N of M: ticks counted, too many refused with the rule message', async () => {
    const { con, browsers } = await setup();
    const [a, b, c] = browsers as [PlainBrowser, PlainBrowser, PlainBrowser];
    const roundId = await start(con, 'p-select'); // adopt 2 of 4, named
    const form = await a.get();
    expect(textOf(form.html)).toContain('最多 2 项');
    const done = await vote(a, [['pick', 'prj1'], ['pick', 'prj3']]);
    expect(textOf(done.page.html)).toContain('已记录您勾选的 2 个项目');
    expect(textOf(done.page.html)).toContain('项目3');
    await vote(b, [['pick', 'prj1']]);
    const tooMany = await vote(c, [['pick', 'prj1'], ['pick', 'prj2'], ['pick', 'prj4']]);
    expect(tooMany.res.headers.get('location')).toBe(`${c.path}?m=TOO_MANY_PICKS`);
    expect(textOf(tooMany.page.html)).toContain('所选项目超过规定数量');
    const blank = await vote(c, []); // none ticked: a valid blank ballot (P5)
    expect(textOf(blank.page.html)).toContain('空白票');
    const r = await close(con, roundId);
    expect(r?.result).toMatchObject({ kind: 'projects', form: 'select', cast: 3, valid: 3 });
    const votes = Object.fromEntries(projectsOf(r?.result).map((p) => [p.projectId, p.votes]));
    expect(votes).toEqual({ prj1: 2, prj2: 0, prj3: 1, prj4: 0 });
  });

  it('[L1] projects, each (secret): every project marked; one left out is refused as incomplete; the receipt shown', async () => {
    const { con, browsers } = await setup();
    const [a, b] = browsers as [PlainBrowser, PlainBrowser];
    const roundId = await start(con, 'p-each');
    const part = await vote(a, [['c.prj1', 'for'], ['c.prj2', 'against']]);
    expect(part.res.headers.get('location')).toBe(`${a.path}?m=INCOMPLETE`);
    const full = await vote(a, [['c.prj1', 'for'], ['c.prj2', 'against'], ['c.prj3', 'abstain']]);
    expect(textOf(full.page.html)).toMatch(/回执码：\s*[A-Z2-9]{4} [A-Z2-9]{4}/);
    expect(textOf(full.page.html)).not.toContain('反对'); // a secret ballot's choice is not put on a page
    await vote(b, [['c.prj1', 'for'], ['c.prj2', 'for'], ['c.prj3', 'for']]);
    const r = await close(con, roundId);
    const rows = projectsOf(r?.result);
    expect(rows.find((p) => p.projectId === 'prj2')).toMatchObject({ votes: 1, against: 1 });
    expect(rows.find((p) => p.projectId === 'prj1')).toMatchObject({ votes: 2, against: 0 });
  });

  it('[L1][H5] rating, three subjects on one page (secret): some left unrated; the receipt is in the published list', async () => {
    const { con, browsers } = await setup();
    const [a, b] = browsers as [PlainBrowser, PlainBrowser];
    const roundId = await start(con, 'r-three');
    const none = await vote(a, []); // every subject left 不测评: the rules want one (R3)
    expect(none.res.headers.get('location')).toBe(`${a.path}?m=INCOMPLETE`);
    const done = await vote(a, [['r.sub1', 'satisfied'], ['r.sub2', 'unsatisfied'], ['r.sub3', '']]);
    const code = /回执码：\s*([A-Z2-9]{4}) ([A-Z2-9]{4})/.exec(textOf(done.page.html));
    expect(code).not.toBeNull();
    const receipt = `${code?.[1]}${code?.[2]}`;
    await vote(b, [['r.sub1', 'basic'], ['r.sub2', 'unsatisfied'], ['r.sub3', 'satisfied']]);
    const r = await close(con, roundId);
    const subjects = subjectsOf(r?.result);
    expect(subjects.map((s) => [s.subjectId, s.valid, s.skipped, s.unsatisfiedVotes])).toEqual([
      ['sub1', 2, 0, 0],
      ['sub2', 2, 0, 2],
      ['sub3', 1, 1, 0],
    ]);
    const pub = (await (await fetch(`${t.h.url}/api/meetings/${PLAIN_MEETING}/rounds/${roundId}/receipts`)).json()) as { receipts: { receipt: string; leaf: string }[]; scheme: string };
    expect(pub.scheme).toBe('merkle-v2'); // the server drew a salt for the plain ballot: every leaf is salted
    expect(pub.receipts.map((x) => x.receipt)).toContain(receipt);
    const after = textOf((await a.get()).html);
    expect(after).toContain('您的回执码已在公布的回执名单中');
    expect((await a.get()).html).toContain(`/receipts/${PLAIN_MEETING}/${roundId}?code=${receipt}`);
  });

  it('[L1] rating, a single subject (named, competence scale) and the score scale', async () => {
    const { con, browsers } = await setup();
    const [a, b] = browsers as [PlainBrowser, PlainBrowser];
    let roundId = await start(con, 'r-one');
    expect(textOf((await a.get()).html)).toContain('基本称职');
    const one = await vote(a, [['r.sub1', 'competent']]);
    expect(textOf(one.page.html)).toContain('部门1： 称职');
    const wrongScale = await vote(b, [['r.sub1', 'satisfied']]); // a level of another scale
    expect(wrongScale.res.headers.get('location')).toBe(`${b.path}?m=BAD_VALUE`);
    await close(con, roundId);

    roundId = await start(con, 'r-score');
    const out = await vote(a, [['r.sub1', '101'], ['r.sub2', '']]);
    expect(out.res.headers.get('location')).toBe(`${a.path}?m=BAD_VALUE`);
    const scored = await vote(a, [['r.sub1', '85'], ['r.sub2', '']]);
    expect(textOf(scored.page.html)).toContain('部门1： 85');
    expect(textOf(scored.page.html)).toContain('部门2： 未测评');
    await vote(b, [['r.sub1', '55'], ['r.sub2', '70']]);
    const r = await close(con, roundId);
    const subjects = subjectsOf(r?.result);
    expect(subjects.map((s) => [s.subjectId, s.valid])).toEqual([
      ['sub1', 2],
      ['sub2', 1],
    ]);
  });

  it('[L5][V6] a secret ballot is changed from the browser that cast it, with the key it keeps; the key is in no log', async () => {
    const { con, browsers } = await setup();
    const [a] = browsers as [PlainBrowser];
    const roundId = await start(con, 'm-secret'); // allowChange
    const first = await vote(a, [['choice', 'for']]);
    const receipt = /回执码：\s*([A-Z2-9 ]{9})/.exec(textOf(first.page.html))?.[1];
    expect(first.page.html).toContain('修改选票');
    const kept = a.cookies.get('wz_plain') ?? '';
    const key = (JSON.parse(Buffer.from(kept, 'base64url').toString('utf8')) as string[][])[0]?.[3] ?? '';
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    const changeForm = formOf((await a.get(`${a.path}?change=1`)).html);
    const changed = await a.post(changeForm, [['choice', 'against']]);
    expect(changed.res.headers.get('location')).toBe(a.path);
    expect(textOf(changed.page.html)).toContain(`回执码： ${receipt}`); // a change keeps its receipt (V6)
    // Without the key (a browser that lost its cookie) the change is refused.
    a.cookies.delete('wz_plain');
    expect((await a.get(`${a.path}?change=1`)).html).not.toContain('<form');
    const r = await close(con, roundId);
    expect(r?.voterCount).toBe(1);
    expect(r?.result).toMatchObject({ for: 0, against: 1, cast: 1 });
    expect(JSON.stringify(t.h.log.lines)).not.toContain(key);
  });
});
