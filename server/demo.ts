// The demo meeting (演示会议) created on first start, so a newcomer can hold a vote at once.
import type { EventOf } from '../shared/events.js';
import { AgendaItem, Deputy } from '../shared/model.js';

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
  ];
}

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
