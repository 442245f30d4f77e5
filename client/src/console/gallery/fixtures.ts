// Sample screen views for the gallery: a small made-up sitting folded by the real reducer and
// driven by real commands (hand counts, reveal, the rundown), so every scene is drawn from
// data of the exact shape a live screen gets. Nothing here reaches a server.
import { decideCommand } from '../../../../shared/decide.js';
import type { MeetingEvent } from '../../../../shared/events.js';
import { AgendaItem, Deputy } from '../../../../shared/model.js';
import type { Command } from '../../../../shared/protocol.js';
import type { Scene, SceneKind } from '../../../../shared/scene.js';
import { stateWithScene } from '../../../../shared/scene-view.js';
import { reduce, replay, type MeetingState } from '../../../../shared/state.js';
import { screenView, type ScreenView } from '../../../../shared/views.js';

const NOW = Date.UTC(2026, 10, 30, 2, 0, 0);
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹';
const GIVEN = ['建华', '秀兰', '志刚', '丽娟', '海峰', '国平', '红霞', '卫国', '晓东', '桂芳'];
const roster = Array.from({ length: 30 }, (_, i) =>
  Deputy.parse({ id: `d${String(i + 1).padStart(3, '0')}`, name: `${SURNAMES[i] ?? '王'}${GIVEN[i % GIVEN.length] ?? ''}`, group: `第${(i % 5) + 1}代表组`, seat: `${Math.floor(i / 10) + 1}排${(i % 10) + 1}号` }),
);
const agenda = [
  AgendaItem.parse({ id: 'budget', kind: 'motion', title: '表决《关于2026年市级预算调整方案的决议（草案）》', settings: {} }),
  AgendaItem.parse({ id: 'appoint', kind: 'motion', title: '表决《人事任免事项》', settings: { countdownSec: 90 } }),
  AgendaItem.parse({
    id: 'projects',
    kind: 'projects',
    title: '2027年市级民生实事项目票决',
    settings: { adopt: 3 },
    projects: ['老旧小区改造', '城区停车场建设', '中小学食堂提升', '社区养老服务中心', '农村饮水安全巩固'].map((name, i) => ({ id: `p${i + 1}`, name, department: '市发改委', budget: `${(i + 2) * 800} 万元` })),
  }),
  AgendaItem.parse({
    id: 'rating',
    kind: 'rating',
    title: '部门工作满意度测评',
    settings: {},
    subjects: [
      { id: 's1', name: '市住建局', person: '王建军', title: '局长' },
      { id: 's2', name: '市交通运输局', person: '李海涛', title: '局长' },
      { id: 's3', name: '市教育局', person: '张某', title: '局长' },
    ],
  }),
  AgendaItem.parse({
    id: 'seg',
    kind: 'segment',
    title: '电视问政：市住建局',
    department: '市住建局',
    person: { name: '王建军', title: '市住房和城乡建设局局长' },
    questions: [
      { id: 'q1', asker: '王建国', topic: '老旧小区改造进度滞后', text: '去年承诺的改造项目为何只完成一半？', questionSec: 120, answerSec: 180 },
      { id: 'q2', asker: '赵丽华', topic: '加装电梯审批难', questionSec: 120, answerSec: 180 },
    ],
    ratingItemId: 'seg-rating',
  }),
  AgendaItem.parse({ id: 'seg-rating', kind: 'rating', title: '对市住建局答复的满意度测评', settings: {}, subjects: [{ id: 'seg-dept', name: '市住建局' }] }),
];

let seq = 0;
function run(s: MeetingState, c: Command): MeetingState {
  const d = decideCommand(s, c, NOW, () => `g${++seq}`);
  if (!d.ok) throw new Error(`gallery fixture: ${c.type} ${d.error}`);
  return d.value.reduce<MeetingState>((acc, e) => reduce(acc, e), s);
}

function sitting(): MeetingState {
  const created: MeetingEvent = { t: 'meeting.created', at: NOW - 3_600_000, meeting: { id: 'gallery', title: '市十七届人大常委会第五次会议', date: '2026年11月30日', settings: { quorum: 'half' } }, roster, agenda };
  const first = replay([created, ...roster.slice(0, 24).map((d): MeetingEvent => ({ t: 'checkin', at: NOW - 600_000, deputyId: d.id, by: 'self' }))]);
  if (!first) throw new Error('gallery fixture: no state');
  let s: MeetingState = first;
  const hand = (itemId: string, counts: Extract<Command, { type: 'manualResult' }>['counts']) => {
    s = run(s, { type: 'manualResult', itemId, counts });
    const round = [...s.rounds.values()].find((r) => r.itemId === itemId);
    if (round) s = run(s, { type: 'reveal', roundId: round.id });
  };
  hand('budget', { kind: 'motion', for: 21, against: 2, abstain: 1 });
  hand('projects', { kind: 'projects', votes: { p1: 22, p2: 15, p3: 19, p4: 18, p5: 6 } });
  hand('rating', { kind: 'rating', counts: { s1: { satisfied: 12, basic: 9, unsatisfied: 3 }, s2: { satisfied: 18, basic: 5, unsatisfied: 1 }, s3: { satisfied: 8, basic: 10, unsatisfied: 6 } } });
  hand('seg-rating', { kind: 'rating', counts: { 'seg-dept': { satisfied: 14, basic: 7, unsatisfied: 3 } } });
  return s;
}

/** The scene, the item it shows, and the view a screen would get for it. */
export interface SceneSample {
  label: string;
  view: ScreenView;
}

export function sceneSamples(): SceneSample[] {
  seq = 0;
  const base = sitting();
  const at = (s: MeetingState, scene: Scene, label: string): SceneSample => ({ label, view: screenView(stateWithScene(s, scene), NOW) });
  const voting = run(run(base, { type: 'showItem', itemId: 'appoint' }), { type: 'startRound', itemId: 'appoint', countdownSec: 90 });
  const onSegment = run(run(base, { type: 'segmentGo', itemId: 'seg', questionIndex: 0, phase: 'intro' }), { type: 'segmentGo', itemId: 'seg', questionIndex: 0, phase: 'question' });
  const kinds: [SceneKind, MeetingState, string | undefined][] = [
    ['title', base, undefined],
    ['agenda', base, undefined],
    ['checkin', base, undefined],
    ['intro', base, 'rating'],
    ['voting', voting, undefined],
    ['result', base, 'budget'],
    ['result', base, 'seg-rating'],
    ['result', base, 'rating'],
    ['ranking', base, undefined],
    ['notice', base, 'projects'],
    ['segment', onSegment, undefined],
    ['message', base, undefined],
  ];
  return kinds.map(([kind, s, itemId]) => {
    const scene: Scene = kind === 'message' ? { kind, text: '休会 10 分钟，请各位代表不要离开会场' } : itemId ? { kind, itemId } : { kind };
    const title = itemId ? agenda.find((it) => it.id === itemId)?.title : undefined;
    return at(s, scene, title ? `${kind} · ${title}` : kind);
  });
}
