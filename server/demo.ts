// The demo meeting (演示会议) created on first start, so a newcomer can hold a vote at once.
import type { EventOf } from '../shared/events.js';
import { AgendaItem, Deputy } from '../shared/model.js';
import { demoSegments } from './demo-segments.js';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = ['建国', '秀英', '志强', '丽华', '海燕', '国庆', '红梅', '卫东', '晓明', '桂兰', '德明', '玉珍', '文博', '淑芬', '永刚', '春燕', '宏伟', '美玲', '俊杰', '雪梅'];
const GROUPS = ['城关代表团', '东区代表团', '西区代表团', '南区代表团', '北区代表团', '开发区代表团'];

/** A roster of `n` deputies with plausible names, groups and seats; deterministic. */
export function demoRoster(n: number): Deputy[] {
  return Array.from({ length: n }, (_, i) =>
    Deputy.parse({
      id: `d${String(i + 1).padStart(3, '0')}`,
      name: `${SURNAMES[(i * 7) % SURNAMES.length]}${GIVEN[(i * 3 + Math.floor(i / 20)) % GIVEN.length]}`,
      group: GROUPS[i % GROUPS.length],
      seat: `${Math.floor(i / 20) + 1}排${(i % 20) + 1}号`,
    }),
  );
}

export function demoAgenda(): AgendaItem[] {
  return [
    AgendaItem.parse({
      id: 'motion-budget',
      kind: 'motion',
      title: '表决《关于2026年市级预算调整方案的决议（草案）》',
      description: '请各位代表按下赞成、反对或弃权。',
      settings: { visibility: 'live', countdownSec: 60 },
    }),
    AgendaItem.parse({
      id: 'motion-appoint',
      kind: 'motion',
      title: '表决《人事任免事项》',
      description: '无记名表决，结果在主持人宣布后显示。',
      settings: { visibility: 'hidden', countdownSec: 90 },
    }),
    AgendaItem.parse({
      id: 'projects-2027',
      kind: 'projects',
      title: '2027年市级民生实事项目票决',
      description: '12 个候选项目中选出 10 个，每位代表最多勾选 10 项，超过 10 项的选票无效。',
      settings: { visibility: 'turnout', countdownSec: 180, form: 'select', adopt: 10 },
      projects: DEMO_PROJECTS.map(([name, department, budget, deadline], i) => ({
        id: `prj${String(i + 1).padStart(2, '0')}`,
        name,
        department,
        budget,
        deadline,
      })),
    }),
    AgendaItem.parse({
      id: 'rating-departments',
      kind: 'rating',
      title: '电视问政满意度测评',
      description: '请对以下五个部门负责人的现场答复逐一测评：满意、基本满意或不满意。',
      settings: { visibility: 'turnout', countdownSec: 120, scale: 'three' },
      subjects: DEMO_SUBJECTS.map(([id, name, person, title]) => ({ id, name, person, title })),
    }),
    ...demoSegments(),
  ];
}

/** 12 candidate projects for a 12→10 vote: name, department, budget, deadline. */
const DEMO_PROJECTS: readonly (readonly [string, string, string, string])[] = [
  ['城区老旧小区改造提升工程（含加装电梯与雨污分流改造）', '市住建局', '3200 万元', '2027年12月'],
  ['新建和改扩建公办幼儿园 6 所', '市教育局', '4800 万元', '2027年9月'],
  ['城乡公交一体化及新能源公交车更新', '市交通运输局', '2600 万元', '2027年10月'],
  ['社区嵌入式养老服务中心建设', '市民政局', '1500 万元', '2027年11月'],
  ['中心城区背街小巷路面及照明整治', '市城管局', '1800 万元', '2027年8月'],
  ['农村饮水安全巩固提升工程', '市水利局', '2100 万元', '2027年12月'],
  ['基层医疗机构能力提升与家庭医生签约服务', '市卫健委', '2300 万元', '2027年12月'],
  ['城区智慧停车场及充电桩建设', '市发改委', '1200 万元', '2027年6月'],
  ['黑臭水体综合治理及河道生态修复', '市生态环境局', '3500 万元', '2027年11月'],
  ['全民健身中心及社区运动场地建设', '市体育局', '900 万元', '2027年10月'],
  ['农贸市场标准化改造', '市商务局', '800 万元', '2027年7月'],
  ['困难群众“一站式”救助服务平台', '市民政局', '300 万元', '2027年5月'],
];

/** Five departments answering in the televised questioning, rated on the three-level scale. */
const DEMO_SUBJECTS: readonly (readonly [string, string, string, string])[] = [
  ['dept-housing', '市住建局', '王建军', '市住房和城乡建设局局长'],
  ['dept-transport', '市交通运输局', '李海涛', '市交通运输局局长'],
  ['dept-environment', '市生态环境局', '张丽萍', '市生态环境局局长'],
  ['dept-education', '市教育局', '刘志远', '市教育局局长'],
  ['dept-health', '市卫健委', '陈晓东', '市卫生健康委员会主任'],
];

export function demoMeeting(now: number, rosterSize = 30): EventOf<'meeting.created'> {
  const d = new Date(now);
  const date = `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
  return {
    t: 'meeting.created',
    at: now,
    meeting: { id: 'demo', title: '演示会议 · 市人大常委会第十二次会议', date, settings: { quorum: 'half' } },
    roster: demoRoster(rosterSize),
    agenda: demoAgenda(),
  };
}
