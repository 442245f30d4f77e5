import { describe, expect, it } from 'vitest';
import { decideCommand } from './decide.js';
import type { MeetingEvent } from './events.js';
import type { Command } from './protocol.js';
import { reduce, replay, type MeetingState } from './state.js';
import { consoleView, screenView } from './views.js';
import { Scene, sameScene } from './scene.js';

const roster = ['a', 'b', 'c'].map((id) => ({ id, name: `代表${id}`, group: '', seat: '' }));
const motion = (id: string) => ({
  id,
  kind: 'motion' as const,
  title: `议题${id}`,
  description: '',
  settings: { secret: true, visibility: 'hidden' as const, allowChange: false, countdownSec: 0, base: 'roster' as const, threshold: 'half' as const },
});
const base = (): MeetingState =>
  replay([
    {
      t: 'meeting.created',
      at: 0,
      meeting: { id: 'm', title: '会议', date: '', settings: { quorum: 'half' } },
      roster,
      agenda: [motion('i1'), motion('i2')],
    },
    ...roster.map((d): MeetingEvent => ({ t: 'checkin', at: 1, deputyId: d.id, by: 'self' })),
  ])!;

let seq = 0;
const ids = () => `r${++seq}`;
function run(s: MeetingState, c: Command): MeetingState {
  const d = decideCommand(s, c, 1000, ids);
  if (!d.ok) throw new Error(d.error);
  return d.value.reduce<MeetingState>((acc, e) => reduce(acc, e), s);
}
const refusal = (s: MeetingState, c: Command) => {
  const d = decideCommand(s, c, 1000, ids);
  return d.ok ? 'ok' : d.error;
};

describe('scenes', () => {
  it('[B1] a new meeting shows the title scene; nothing is cued and the feed is off', () => {
    const s = base();
    expect(s.scene).toEqual({ kind: 'title' });
    expect(s.cued).toBeNull();
    expect(s.feedEnabled).toBe(false);
    expect(screenView(s, 5).scene).toEqual({ kind: 'title' });
  });

  it('[B2] setScene cuts at once; a message needs its text; an unknown item is NOT_FOUND', () => {
    const s = run(base(), { type: 'setScene', scene: { kind: 'message', text: '休会 10 分钟' } });
    expect(screenView(s, 5).scene).toEqual({ kind: 'message', text: '休会 10 分钟' });
    expect(refusal(s, { type: 'setScene', scene: { kind: 'message' } })).toBe('BAD_REQUEST');
    expect(refusal(s, { type: 'setScene', scene: { kind: 'intro', itemId: 'nope' } })).toBe('NOT_FOUND');
    expect(refusal(s, { type: 'setScene', scene: { kind: 'ranking', itemId: 'i1' } })).toBe('BAD_REQUEST');
    expect(refusal(s, { type: 'setScene', scene: { kind: 'notice', itemId: 'i1' } })).toBe('WRONG_KIND');
  });

  it('[B14] a scene carries the director\'s transition to the screens; it is not part of the scene\'s identity', () => {
    const s = run(base(), { type: 'setScene', scene: { kind: 'checkin', transition: 'wipe' } });
    expect(screenView(s, 5).scene).toEqual({ kind: 'checkin', transition: 'wipe' });
    expect(Scene.safeParse({ kind: 'title', transition: 'fade' }).success).toBe(false);
    expect(sameScene({ kind: 'checkin', transition: 'cut' }, { kind: 'checkin' })).toBe(true);
    // The cue keeps it too: take cuts the way the cue was prepared.
    const cued = run(run(s, { type: 'cueScene', scene: { kind: 'agenda', transition: 'cut' } }), { type: 'take' });
    expect(screenView(cued, 5).scene).toEqual({ kind: 'agenda', transition: 'cut' });
  });

  it('[B3] an item scene for another item makes that item current; refused while another item is voting', () => {
    let s = run(base(), { type: 'setScene', scene: { kind: 'intro', itemId: 'i2' } });
    expect(s.currentItemId).toBe('i2');
    expect(screenView(s, 5).item?.id).toBe('i2');
    s = run(s, { type: 'startRound', itemId: 'i1', countdownSec: 0 });
    expect(refusal(s, { type: 'setScene', scene: { kind: 'intro', itemId: 'i2' } })).toBe('ROUND_ACTIVE');
    expect(refusal(s, { type: 'setScene', scene: { kind: 'checkin' } })).toBe('ok');
  });

  it('[B4] cue prepares the next scene for the preview without touching the screens; take cuts to it', () => {
    let s = run(base(), { type: 'cueScene', scene: { kind: 'agenda' } });
    expect(s.scene).toEqual({ kind: 'title' });
    const c = consoleView(s, 5);
    expect(c.preview.live.scene).toEqual({ kind: 'title' });
    expect(c.preview.next?.scene).toEqual({ kind: 'agenda' });
    s = run(s, { type: 'take' });
    expect(s.scene).toEqual({ kind: 'agenda' });
    expect(s.cued).toBeNull();
    expect(consoleView(s, 5).preview.next).toBeNull();
    expect(refusal(s, { type: 'take' })).toBe('NOT_FOUND');
  });

  it('[B4] the preview of a cued item scene shows that item, the live screen still the current one', () => {
    let s = run(base(), { type: 'showItem', itemId: 'i1' });
    s = run(s, { type: 'cueScene', scene: { kind: 'intro', itemId: 'i2' } });
    const c = consoleView(s, 5);
    expect(c.preview.live.item?.id).toBe('i1');
    expect(c.preview.next?.item?.id).toBe('i2');
    expect(run(s, { type: 'take' }).currentItemId).toBe('i2');
  });

  it('[B5] showing an item cuts to its intro, starting a round to voting, revealing to the result', () => {
    let s = run(base(), { type: 'setScene', scene: { kind: 'ranking' } });
    s = run(s, { type: 'showItem', itemId: 'i1' });
    expect(s.scene.kind).toBe('intro');
    s = run(s, { type: 'setScene', scene: { kind: 'checkin' } });
    s = run(s, { type: 'startRound', itemId: 'i1', countdownSec: 0 });
    expect(s.scene.kind).toBe('voting');
    const roundId = s.activeRoundId!;
    s = run(s, { type: 'close', roundId });
    expect(s.scene.kind).toBe('voting'); // closing keeps the scene: the moderator reveals
    s = run(s, { type: 'reveal', roundId });
    expect(s.scene.kind).toBe('result');
    s = run(s, { type: 'showItem', itemId: null });
    expect(s.scene.kind).toBe('title');
  });

  it('[B6] the same cut twice records nothing; the feed switch is recorded once per change', () => {
    const s = run(base(), { type: 'setScene', scene: { kind: 'agenda' } });
    const again = decideCommand(s, { type: 'setScene', scene: { kind: 'agenda' } }, 2000, ids);
    expect(again.ok && again.value).toEqual([]);
    const on = run(s, { type: 'setFeed', enabled: true });
    expect(on.feedEnabled).toBe(true);
    expect(consoleView(on, 5).feedEnabled).toBe(true);
    const twice = decideCommand(on, { type: 'setFeed', enabled: true }, 2000, ids);
    expect(twice.ok && twice.value).toEqual([]);
  });

  it('[B7] the scene survives a replay of the log (a restarted server shows the same scene)', () => {
    const events: MeetingEvent[] = [];
    let s = base();
    for (const c of [
      { type: 'cueScene', scene: { kind: 'notice' } },
      { type: 'setScene', scene: { kind: 'message', text: '休会' } },
      { type: 'setFeed', enabled: true },
    ] satisfies Command[]) {
      const d = decideCommand(s, c, 1000, ids);
      if (!d.ok) throw new Error(d.error);
      events.push(...d.value);
      s = d.value.reduce<MeetingState>((acc, e) => reduce(acc, e), s);
    }
    const again = events.reduce<MeetingState>((acc, e) => reduce(acc, e), base());
    expect({ scene: again.scene, cued: again.cued, feed: again.feedEnabled }).toEqual({ scene: s.scene, cued: s.cued, feed: true });
  });

  it('[B8] an agenda edit that removes a scene\u2019s item drops the item from the scene and the cue', () => {
    let s = run(base(), { type: 'cueScene', scene: { kind: 'intro', itemId: 'i2' } });
    s = reduce(s, { t: 'agenda.set', at: 2, agenda: [motion('i1')] });
    expect(s.cued).toEqual({ kind: 'intro' });
  });
});
