// Broadcast rules: what reaches phones and when (see server/broadcast.ts).
import { afterEach, beforeEach, expect, it } from 'vitest';
import { api } from './test/api.js';
import { deputy, links, login, startServer, command, console_, type Harness } from './test/harness.js';

let h: Harness;
let closers: { close(): void }[] = [];
beforeEach(async () => {
  h = await startServer({ demoSize: 5 });
});
afterEach(async () => {
  for (const c of closers) c.close();
  closers = [];
  await h.close();
});

it('[BR1] an agenda edit by staff reaches connected phones at once, without a vote or a status change', async () => {
  const session = await login(h.url);
  const con = console_(h.url, session);
  closers.push(con);
  await con.until(() => true);
  expect(await command(con, { type: 'showItem', itemId: 'motion-budget' })).toEqual({ ok: true });
  const [first] = await links(h.url, session);
  const phone = deputy(h.url, first!.url);
  closers.push(phone);
  await phone.until((v) => v.item?.id === 'motion-budget');

  const { body } = await api(h.url, 'GET', '/api/meetings/demo', { session });
  const agenda = (body.agenda as { id: string; title: string }[]).map((it) =>
    it.id === 'motion-budget' ? { ...it, title: '表决《修改后的标题》' } : it,
  );
  const put = await api(h.url, 'PUT', '/api/meetings/demo/agenda', { session, json: { agenda } });
  expect(put.status).toBe(200);
  const v = await phone.until((x) => x.item?.title === '表决《修改后的标题》');
  expect(v.item?.id).toBe('motion-budget');
});
