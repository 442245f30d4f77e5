// Integration: the scene reaches every screen, and a screen that (re)connects gets it in its
// first snapshot; the console previews what is cued. Real server, real sockets.
import { describe, expect, it } from 'vitest';
import { command, console_, screen, serverPerTest } from './test/harness.js';

const t = serverPerTest();
const { track } = t;

describe('scenes on screens', () => {
  it('[B1] several screens stay in step; a new screen starts on the current scene', async () => {
    const con = track(console_(t.h.url, t.session));
    await con.until(() => true);
    const a = track(screen(t.h.url));
    const b = track(screen(t.h.url));
    await a.until((v) => v.scene.kind === 'title');
    expect(await command(con, { type: 'setScene', scene: { kind: 'message', text: '休会 10 分钟' } })).toEqual({ ok: true });
    for (const s of [a, b]) await s.until((v) => v.scene.kind === 'message' && v.scene.text === '休会 10 分钟');
    const late = track(screen(t.h.url));
    const first = await late.until(() => true);
    expect(first.scene).toEqual({ kind: 'message', text: '休会 10 分钟' });
  });

  it('[B7] the scene survives a restart of the server', async () => {
    const con = track(console_(t.h.url, t.session));
    await con.until(() => true);
    expect(await command(con, { type: 'setScene', scene: { kind: 'intro', itemId: 'motion-appoint' } })).toEqual({ ok: true });
    con.close();
    await t.h.restart();
    const s = track(screen(t.h.url));
    const v = await s.until(() => true);
    expect(v.scene).toEqual({ kind: 'intro', itemId: 'motion-appoint' });
    expect(v.item?.id).toBe('motion-appoint');
  });

  it('[B4] the console sees the cued scene rendered as the screens would show it; take cuts to it', async () => {
    const con = track(console_(t.h.url, t.session));
    await con.until(() => true);
    const s = track(screen(t.h.url));
    expect(await command(con, { type: 'cueScene', scene: { kind: 'agenda' } })).toEqual({ ok: true });
    const v = await con.until((x) => x.preview.next !== null);
    expect(v.preview.next?.scene.kind).toBe('agenda');
    expect(v.preview.next?.agenda.map((e) => e.id)).toContain('motion-budget');
    expect(v.preview.live.scene.kind).toBe('title');
    expect(await command(con, { type: 'take' })).toEqual({ ok: true });
    await s.until((x) => x.scene.kind === 'agenda');
    const bogus: Record<string, unknown> = { type: 'setScene', scene: { kind: 'bogus' } };
    expect(await command(con, bogus)).toEqual({ ok: false, error: 'BAD_REQUEST' });
  });
});
