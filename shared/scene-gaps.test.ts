// [C4] A scene with nothing to show is named before it airs: the console warns on cue and
// on a direct cut. Read off real screen views of a real state (replay + decideCommand).
import { describe, expect, it } from 'vitest';
import { decideCommand } from './decide.js';
import type { MeetingEvent } from './events.js';
import type { Command } from './protocol.js';
import type { Scene } from './scene.js';
import { sceneGap } from './scene-gaps.js';
import { stateWithScene } from './scene-view.js';
import { reduce, replay, type MeetingState } from './state.js';
import { screenView } from './views.js';

const roster = ['a', 'b', 'c'].map((id) => ({ id, name: `代表${id}`, group: '', seat: '' }));
const motion = {
  id: 'i1',
  kind: 'motion' as const,
  title: '议题',
  description: '',
  settings: { secret: true, visibility: 'hidden' as const, allowChange: false, countdownSec: 0, base: 'roster' as const, threshold: 'half' as const },
};
const base = (): MeetingState =>
  replay([
    { t: 'meeting.created', at: 0, meeting: { id: 'm', title: '会议', date: '', settings: { quorum: 'half' } }, roster, agenda: [motion] },
    ...roster.map((d): MeetingEvent => ({ t: 'checkin', at: 1, deputyId: d.id, by: 'self' })),
  ])!;
let seq = 0;
function run(s: MeetingState, c: Command): MeetingState {
  const d = decideCommand(s, c, 1000, () => `r${++seq}`);
  if (!d.ok) throw new Error(d.error);
  return d.value.reduce<MeetingState>((acc, e) => reduce(acc, e), s);
}
const gap = (s: MeetingState, scene: Scene) => sceneGap(screenView(stateWithScene(s, scene), 2000));

describe('[C4] scenes with nothing to show', () => {
  it('no current item: every item scene is a gap; title, check-in and agenda are not', () => {
    const s = base();
    for (const kind of ['intro', 'voting', 'result', 'notice', 'named'] as const) expect(gap(s, { kind })).toBe('noItem');
    for (const kind of ['title', 'checkin', 'agenda'] as const) expect(gap(s, { kind })).toBeNull();
    expect(gap(s, { kind: 'ranking' })).toBe('noRanking');
    expect(gap(s, { kind: 'segment' })).toBe('noSegment');
  });

  it('a result is a gap until it is revealed; a 公告 without adopted projects always is', () => {
    let s = run(base(), { type: 'showItem', itemId: 'i1' });
    expect(gap(s, { kind: 'intro' })).toBeNull();
    expect(gap(s, { kind: 'voting' })).toBe('noRound');
    expect(gap(s, { kind: 'result' })).toBe('noRound');
    s = run(s, { type: 'startRound', itemId: 'i1' });
    expect(gap(s, { kind: 'voting' })).toBeNull();
    const roundId = s.activeRoundId ?? '';
    s = run(s, { type: 'close', roundId });
    expect(gap(s, { kind: 'result' })).toBe('notRevealed');
    s = run(s, { type: 'reveal', roundId });
    expect(gap(s, { kind: 'result' })).toBeNull();
    expect(gap(s, { kind: 'notice' })).toBe('noticeEmpty'); // a motion has no 公告
  });
});
