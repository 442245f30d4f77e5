// A sitting with a rated item whose audience polls have closed (SPEC Y20 tests): ten deputies
// rate two departments, 网络评议 (4 devices) and 现场观众 (2 devices) each close with a count,
// the item combines deputies 70 % + online 30 % + onsite 0 %. The figures the tests expect:
//   deputies  县住建局 8 满意 2 基本满意: 满意率 100 %, score 92; 县水利局 5/3/2: 80 %, 68
//   online    县住建局 2/1/1: 75 %, 65;   县水利局 1/0/3: 25 %, 25
//   onsite    县住建局 2/0/0: 100 %, 100; 县水利局 0/1/1: 50 %, 30
//   combined  县住建局 0.7·92+0.3·65 = 83.9, 92.5 %; 县水利局 0.7·68+0.3·25 = 55.1, 63.5 %
import { addToTally, EMPTY_TALLY, type AudienceTally } from '../audience-tally.js';
import { decideCommand, decideVote } from '../decide.js';
import type { MeetingEvent } from '../events.js';
import { RatingItem } from '../model.js';
import type { Command } from '../protocol.js';
import { reduce, replay, type MeetingState } from '../state.js';

const roster = Array.from({ length: 10 }, (_, i) => ({ id: `dep-${i}`, name: `代表${i}`, group: '', seat: '' }));

export const AUDIENCE_ITEM = RatingItem.parse({
  id: 'rate1',
  kind: 'rating',
  title: '部门满意度测评',
  subjects: [
    { id: 's1', name: '县住建局' },
    { id: 's2', name: '县水利局' },
  ],
  settings: { countdownSec: 0, combine: { deputies: 70, online: 30, onsite: 0 } },
});

const fold = (s: MeetingState, events: MeetingEvent[]) => events.reduce<MeetingState>((a, e) => reduce(a, e), s);
let seq = 0;
function run(s: MeetingState, c: Command, tally?: AudienceTally): MeetingState {
  const d = decideCommand(s, c, 2000, () => `p${++seq}`, () => tally);
  if (!d.ok) throw new Error(d.error);
  return fold(s, d.value);
}

/** A tally from one mark list per device: [s1 level, s2 level]. */
function tallyOf(devices: [string, string][]): AudienceTally {
  return devices.reduce(
    (t, [a, b]) =>
      addToTally(t, [
        { subjectId: 's1', level: a, value: 0 },
        { subjectId: 's2', level: b, value: 0 },
      ]),
    EMPTY_TALLY,
  );
}

/** `reveal`: the deputies' result revealed too (the screens show audience figures only then, Y4). */
export function audienceMeeting(opts: { reveal?: boolean } = {}): MeetingState {
  let s = replay([
    { t: 'meeting.created', at: 0, meeting: { id: 'aud', title: '县人大常委会电视问政', date: '2026-03-05', settings: { quorum: 'half' } }, roster, agenda: [AUDIENCE_ITEM] },
    ...roster.map((d): MeetingEvent => ({ t: 'checkin', at: 1, deputyId: d.id, by: 'self' })),
  ])!;
  s = run(s, { type: 'startRound', itemId: 'rate1' });
  s = run(s, { type: 'audienceOpen', itemId: 'rate1', group: 'online' });
  s = run(s, { type: 'audienceOpen', itemId: 'rate1', group: 'onsite' });
  const s1 = ['satisfied', 'satisfied', 'satisfied', 'satisfied', 'satisfied', 'satisfied', 'satisfied', 'satisfied', 'basic', 'basic'];
  const s2 = ['satisfied', 'satisfied', 'satisfied', 'satisfied', 'satisfied', 'basic', 'basic', 'basic', 'unsatisfied', 'unsatisfied'];
  roster.forEach((d, i) => {
    const roundId = s.activeRoundId ?? '';
    const v = decideVote(s, d.id, { roundId, submissionId: `sub${i}`, receipt: `RCPTAAA${'ABCDEFGHJK'[i]}`, content: { kind: 'rating', ratings: { s1: s1[i] ?? '', s2: s2[i] ?? '' } } }, 2000, '0'.repeat(32));
    if (!v.ok) throw new Error(v.error);
    s = fold(s, v.value.events);
  });
  const roundId = s.activeRoundId ?? '';
  s = run(s, { type: 'close', roundId });
  const [online, onsite] = s.audience;
  s = run(s, { type: 'audienceClose', pollId: online?.id ?? '' }, tallyOf([['satisfied', 'satisfied'], ['satisfied', 'unsatisfied'], ['basic', 'unsatisfied'], ['unsatisfied', 'unsatisfied']]));
  s = run(s, { type: 'audienceClose', pollId: onsite?.id ?? '' }, tallyOf([['satisfied', 'basic'], ['satisfied', 'unsatisfied']]));
  if (opts.reveal) s = run(s, { type: 'reveal', roundId });
  return s;
}
