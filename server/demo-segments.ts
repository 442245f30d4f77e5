// The demo's televised questioning (电视问政): two segments, each a department head answering
// three deputies' questions, each followed by its own satisfaction rating of the department.
import { AgendaItem } from '../shared/model.js';

interface DemoSegment {
  key: string;
  department: string;
  person: string;
  title: string;
  questions: readonly (readonly [asker: string, topic: string, text: string])[];
}

const SEGMENTS: readonly DemoSegment[] = [
  {
    key: 'housing',
    department: '市住建局',
    person: '王建军',
    title: '市住房和城乡建设局局长',
    questions: [
      ['王建国', '老旧小区改造进度滞后', '暗访发现，城东片区 3 个老旧小区改造开工半年仍未完成雨污分流，施工围挡长期占道。请问工期为何一再拖延？何时完工？'],
      ['赵丽华', '加装电梯审批难', '多位居民反映，加装电梯要跑多个部门、材料反复提交。请问如何简化流程、压缩审批时限？'],
      ['胡红梅', '物业投诉久拖不决', '12345 热线中物业投诉占比居高不下，部分投诉“办结”后问题依旧。请问如何加强物业监管，让投诉真正有回音？'],
    ],
  },
  {
    key: 'transport',
    department: '市交通运输局',
    person: '李海涛',
    title: '市交通运输局局长',
    questions: [
      ['梁桂兰', '城郊公交覆盖不足', '城郊新建小区居民出行难，最近的公交站步行要 20 分钟。请问何时优化线路、增设站点？'],
      ['邓文博', '道路反复开挖', '同一路段一年内三次开挖，早晚高峰拥堵严重。请问如何统筹管线施工，避免“马路拉链”？'],
      ['袁春燕', '高铁站出租车拒载', '暗访发现，高铁站出租车拒载、绕路现象仍然存在。请问监管措施如何落实到位？'],
    ],
  },
];

/** Two questioning segments, each with its rating item right after it. Ids: seg-*, rating-seg-*. */
export function demoSegments(): AgendaItem[] {
  return SEGMENTS.flatMap((s) => [
    AgendaItem.parse({
      id: `seg-${s.key}`,
      kind: 'segment',
      title: `电视问政：${s.department}`,
      description: `${s.title}${s.person}现场回答代表提问，答复后进行满意度测评。`,
      department: s.department,
      person: { name: s.person, title: s.title },
      questions: s.questions.map(([asker, topic, text], i) => ({ id: `q${i + 1}`, asker, topic, text, questionSec: 90, answerSec: 180 })),
      ratingItemId: `rating-seg-${s.key}`,
    }),
    AgendaItem.parse({
      id: `rating-seg-${s.key}`,
      kind: 'rating',
      title: `对${s.department}答复的满意度测评`,
      description: `请对${s.title}${s.person}的现场答复进行测评：满意、基本满意或不满意。`,
      // The programme's published rule: deputies 70 %, the online audience 30 % (SPEC Y5).
      settings: { visibility: 'turnout', countdownSec: 60, scale: 'three', combine: { deputies: 70, online: 30, onsite: 0 } },
      subjects: [{ id: `seg-${s.key}-dept`, name: s.department, person: s.person, title: s.title }],
    }),
  ]);
}
