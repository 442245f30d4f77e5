// Integration: the plain (no-JavaScript) deputy page over real HTTP against the real server,
// beside real socket phones and a real console.
import { describe, expect, it } from 'vitest';
import type { ConsoleView } from '../../shared/views.js';
import { command, console_, deputy, emit, links, prepareMeeting, receipt, vote, serverPerTest, type Client } from '../test/harness.js';
import { PLAIN_MEETING, PlainBrowser, formOf, plainMeetingEvent, textOf, tokenOf } from '../test/plain-client.js';

const t = serverPerTest();
const { track } = t;

async function setup() {
  await prepareMeeting(t.h, plainMeetingEvent());
  const ls = await links(t.h.url, t.session, PLAIN_MEETING);
  const con = track(console_(t.h.url, t.session, PLAIN_MEETING));
  await con.until(() => true);
  const plain = (i: number, lang = 'zh-CN') => new PlainBrowser(t.h.url, `/d/${tokenOf(ls[i]?.url ?? '')}/plain`, lang);
  return { ls, con, plain };
}

async function startVote(con: Client<ConsoleView>, itemId = 'm-named') {
  expect(await command(con, { type: 'startRound', itemId, countdownSec: 0, confirmNoQuorum: true })).toEqual({ ok: true });
  return (await con.until((x) => x.activeRoundId !== null)).activeRoundId as string;
}

async function checkIn(b: PlainBrowser) {
  const page = await b.get();
  expect(page.status).toBe(200);
  const { page: after } = await b.post(formOf(page.html), []);
  expect(textOf(after.html)).toContain('您已签到');
  return after;
}

describe('the plain deputy page: check-in and a motion', () => {
  it('[L1] checks in from the personal link, as the deputy themself, and the console sees it', async () => {
    const { con, plain } = await setup();
    const b = plain(0);
    const first = await b.get();
    expect(first.html).not.toMatch(/<script|style=/); // nothing the CSP or a JS-less phone would refuse
    expect(textOf(first.html)).toContain('请点击下方按钮签到');
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect(first.headers.get('content-security-policy')).toContain("form-action 'self'");
    await checkIn(b);
    const v = await con.until((x) => x.roster.some((r) => r.present));
    expect(v.roster.find((r) => r.present)).toMatchObject({ id: 'p1', by: 'self' });
  });

  it('[L1][L4] votes on a motion: Post/Redirect/Get, the page shows the named choice, the tally counts it', async () => {
    const { con, plain } = await setup();
    const b = plain(0);
    await checkIn(b);
    const waiting = await b.get();
    expect(waiting.html).toContain('<meta http-equiv="refresh" content="10">'); // nothing to fill in: it reloads itself
    const roundId = await startVote(con); // named
    const open = await b.get();
    expect(open.html).not.toContain('http-equiv="refresh"'); // never while a form is being filled in
    const { res, page } = await b.post(formOf(open.html), [['choice', 'against']]);
    expect(res.headers.get('location')).toBe(b.path);
    expect(textOf(page.html)).toContain('您的选票已记录');
    expect(textOf(page.html)).toContain('反对');
    expect(await command(con, { type: 'close', roundId })).toEqual({ ok: true });
    const v = await con.until((x) => x.rounds[0]?.status === 'closed');
    expect(v.rounds[0]?.result).toMatchObject({ kind: 'motion', for: 0, against: 1, abstain: 0, cast: 1 });
    expect(textOf((await b.get()).html)).toContain('投票已结束');
  });

  it('[L2] the same form posted twice (a double tap, a browser resend) is counted once', async () => {
    const { con, plain } = await setup();
    const b = plain(0);
    await checkIn(b);
    const roundId = await startVote(con, 'm-named');
    const form = formOf((await b.get()).html);
    const [a, c] = await Promise.all([b.postRaw(form.action, [...Object.entries(form.hidden), ['choice', 'for']]), b.postRaw(form.action, [...Object.entries(form.hidden), ['choice', 'for']])]);
    const again = await b.postRaw(form.action, [...Object.entries(form.hidden), ['choice', 'for']]);
    for (const r of [a, c, again]) {
      expect(r.status).toBe(303);
      expect(r.headers.get('location')).toBe(b.path); // no refusal carried: a resend is no fault
    }
    expect((await b.get(`${b.path}?change=1`)).html).not.toContain('<form'); // the item allows no change: no second form
    expect(await command(con, { type: 'close', roundId })).toEqual({ ok: true });
    const v = await con.until((x) => x.rounds[0]?.status === 'closed');
    expect(v.rounds[0]?.voterCount).toBe(1);
    expect(v.rounds[0]?.result).toMatchObject({ for: 1, cast: 1 });
  });

  it('[L4] a vote refused says why: round closed, not checked in, a choice that is not on the ballot', async () => {
    const { con, plain, ls } = await setup();
    const b = plain(0);
    await checkIn(b);
    const roundId = await startVote(con);
    const form = formOf((await b.get()).html);

    const wrong = await b.post(form, [['choice', 'maybe']]);
    expect(wrong.res.headers.get('location')).toBe(`${b.path}?m=BAD_VALUE`);
    expect(textOf(wrong.page.html)).toContain('未能提交：选票内容有误');

    expect(await command(con, { type: 'undoCheckIn', deputyId: ls[0]?.deputyId ?? '' })).toEqual({ ok: true });
    const notIn = await b.post(form, [['choice', 'for']]);
    expect(textOf(notIn.page.html)).toContain('未能提交');
    expect(notIn.page.html).toContain('/check-in'); // and the way back: the check-in form
    expect(notIn.res.headers.get('location')).toBe(`${b.path}?m=NOT_CHECKED_IN`);
    await checkIn(b);

    expect(await command(con, { type: 'close', roundId })).toEqual({ ok: true });
    const closed = await b.post(form, [['choice', 'for']]);
    expect(closed.res.headers.get('location')).toBe(`${b.path}?m=ROUND_CLOSED`);
    expect(textOf(closed.page.html)).toContain('投票已结束，您的选择未被记录');
    expect(textOf(closed.page.html)).toContain('您未参加本轮表决');
    const v = await con.until((x) => x.rounds[0]?.status === 'closed');
    expect(v.rounds[0]?.voterCount).toBe(0);
  });

  it('[L3] a POST without an intact seal for this link records nothing (another site cannot vote for a deputy)', async () => {
    const { con, plain } = await setup();
    const b = plain(0);
    const other = plain(1);
    await checkIn(b);
    await checkIn(other);
    const roundId = await startVote(con);
    const form = formOf((await b.get()).html);
    const theirs = formOf((await other.get()).html);
    const forged = [
      [['choice', 'for']], // no seal at all
      [...Object.entries({ ...form.hidden, mac: '0'.repeat(64) }), ['choice', 'for']], // a seal made up
      [...Object.entries({ ...form.hidden, sid: 'other-submission' }), ['choice', 'for']], // a field changed
      [...Object.entries(theirs.hidden), ['choice', 'for']], // another link's form
    ] as [string, string][][];
    for (const fields of forged) {
      const r = await b.postRaw(form.action, fields);
      expect(r.status).toBe(303);
      expect(r.headers.get('location')).toMatch(/\?m=(BAD_REQUEST|EXPIRED)$/);
    }
    expect(await command(con, { type: 'close', roundId })).toEqual({ ok: true });
    const v = await con.until((x) => x.rounds[0]?.status === 'closed');
    expect(v.rounds[0]?.voterCount).toBe(0);
  });

  it('[L1] plain and socket deputies in one round give the same tally as all on sockets', async () => {
    const { con, plain, ls } = await setup();
    const socketDeps = ls.slice(2, 5).map((l) => track(deputy(t.h.url, l.url)));
    for (const d of socketDeps) {
      await d.until(() => true);
      expect(await emit(d.socket, 'checkIn', {})).toEqual({ ok: true });
    }
    const plains = [plain(0), plain(1)];
    for (const b of plains) await checkIn(b);
    const roundId = await startVote(con);
    const choices = ['for', 'against'] as const;
    for (const [i, b] of plains.entries()) await b.post(formOf((await b.get()).html), [['choice', choices[i] ?? 'for']]);
    for (const [i, d] of socketDeps.entries()) {
      const r = await vote(d, { roundId, submissionId: `s-${receipt()}`, receipt: receipt(), content: { kind: 'motion', choice: (['for', 'for', 'abstain'] as const)[i] } });
      expect(r.ok).toBe(true);
    }
    expect(await command(con, { type: 'close', roundId })).toEqual({ ok: true });
    const v = await con.until((x) => x.rounds[0]?.status === 'closed');
    expect(v.rounds[0]?.result).toMatchObject({ kind: 'motion', for: 3, against: 1, abstain: 1, cast: 5, notVoted: 0 });
    expect(v.rounds[0]?.named?.map((n) => n.deputyId).sort()).toEqual(ls.map((l) => l.deputyId).sort());
  });

  it('[L6] the link stays bound to one device: a plain page on another browser is refused, the same browser is let in', async () => {
    const { ls, plain } = await setup();
    const phone = track(deputy(t.h.url, ls[0]?.url ?? ''));
    phone.socket.auth = { ...(phone.socket.auth as object), device: 'phone-device-0001' };
    phone.socket.disconnect().connect();
    await phone.until(() => true);
    const stranger = await plain(0).get();
    expect(stranger.status).toBe(403);
    expect(textOf(stranger.html)).toContain('联系工作人员');
    const same = plain(0);
    same.cookies.set('wz_device', 'phone-device-0001'); // what boot-check.js copies from the JS page
    expect((await same.get()).status).toBe(200);
  });

  it('[L4] English by ?lang=en or Accept-Language, kept across the redirect', async () => {
    const { plain } = await setup();
    const en = plain(0, 'en-GB,en;q=0.9');
    expect(textOf((await en.get()).html)).toContain('Tap the button below to check in');
    const b = plain(0, 'zh-CN');
    b.cookies.set('wz_device', en.cookies.get('wz_device') ?? ''); // the same phone, another language setting
    expect(textOf((await b.get()).html)).toContain('请点击下方按钮签到');
    const form = formOf((await b.get(`${b.path}?lang=en`)).html);
    expect(form.action).toBe(`${b.path}/check-in?lang=en`);
    const r = await b.post(form, []);
    expect(r.res.headers.get('location')).toBe(`${b.path}?lang=en`);
    expect(textOf(r.page.html)).toContain('You are checked in');
  });

  it('[L3] an unknown or revoked link gets a page that says so, and no form', async () => {
    const { plain } = await setup();
    const unknown = await new PlainBrowser(t.h.url, '/d/not-a-real-token/plain').get();
    expect(unknown.status).toBe(404);
    expect(unknown.html).not.toContain('<form');
    const res = await fetch(`${t.h.url}/api/meetings/${PLAIN_MEETING}/links/p1/reissue`, { method: 'POST', headers: { authorization: `Bearer ${t.session}` } });
    expect(res.ok).toBe(true);
    const old = await plain(0).get();
    expect(old.status).toBe(403);
    expect(old.html).not.toContain('<form');
  });
});

describe('the plain page: the way there and its waiting states', () => {
  it('[L7] the JS page\'s <noscript> link (?plain=1 on the deputy link) leads to the plain page, in its language', async () => {
    const { ls } = await setup();
    const token = tokenOf(ls[0]?.url ?? '');
    const r = await fetch(`${t.h.url}/d/${token}?plain=1&lang=en`, { redirect: 'manual' });
    expect(r.status).toBe(303);
    expect(r.headers.get('location')).toBe(`/d/${token}/plain?lang=en`);
  });

  it('[L4] checked in with no vote open: the page says to wait and refreshes itself every 10 s', async () => {
    const { plain } = await setup();
    const b = plain(0);
    await checkIn(b);
    const page = await b.get();
    expect(page.html).toContain('http-equiv="refresh" content="10"');
    expect(textOf(page.html)).toContain('请等待主持人开始表决');
  });

  it('[L4] during a questioning segment the page says what is happening (问政进行中), not a fault', async () => {
    const { con, plain } = await setup();
    const b = plain(0);
    await checkIn(b);
    expect(await command(con, { type: 'showItem', itemId: 'seg' })).toEqual({ ok: true });
    await con.until((x) => x.currentItemId === 'seg');
    const page = await b.get();
    expect(textOf(page.html)).toContain('问政进行中，请关注大屏');
    expect(page.html).not.toContain('<form');
    expect(page.html).toContain('http-equiv="refresh" content="10"');
  });
});
