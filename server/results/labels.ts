// Headings and marks of the exported results (CSV, XLSX). The record is kept in Chinese, the
// language of the congress; the words match DOMAIN.md's table and the client's zh-CN locale.
import type { ScaleId, VotableItem } from '../../shared/model.js';
import type { BallotWords } from '../../shared/named-votes.js';
import type { ProjectStatus } from '../../shared/rules/index.js';
import type { Round } from '../../shared/state.js';

export const L = {
  summary: '概况',
  ranking: '满意度排名',
  date: '日期',
  roster: '应到',
  present: '实到',
  generatedAt: '导出时间',
  item: '事项',
  kind: '类型',
  kinds: { motion: '表决', projects: '民生实事项目票决', rating: '满意度测评' } as const,
  finalResult: '最终结果',
  noResult: '尚无结果',
  roundNo: (n: number) => `第 ${n} 轮`,
  manual: '手工录入（举手表决）',
  withoutQuorum: '未达法定人数时开始',
  voidReason: '作废原因',
  for: '赞成',
  against: '反对',
  abstain: '弃权',
  notVoted: '未按',
  cast: '投票数',
  valid: '有效票',
  invalid: '无效票',
  base: '计算基数',
  needed: '所需票数',
  outcome: '结果',
  passed: '通过',
  notPassed: '未通过',
  seats: '应选',
  unfilled: '空缺',
  rank: '名次',
  project: '项目',
  department: '承办部门',
  budget: '预算',
  deadline: '完成时限',
  votes: '得票',
  runoffVotes: '再次投票得票',
  status: '状态',
  projectStatus: { adopted: '入选', tied: '票数相同', notAdopted: '未入选', belowThreshold: '未过半数' } satisfies Record<ProjectStatus, string>,
  subject: '测评对象',
  person: '负责人',
  satisfactionRate: '满意率',
  unsatisfiedRate: '不满意率',
  score: '得分',
  flag: '整改',
  flagged: '需整改',
  timeZone: '时区',
  secrecy: '表决方式',
  secret: '无记名',
  named: '记名',
  namedList: '记名表决情况',
  deputy: '代表',
  group: '代表团',
  choice: '表决情况',
  seat: '座位',
};

const PURPOSE: Record<Round['purpose'], string> = { vote: '表决', revote: '重新表决', runoff: '再次投票' };
// A rating is 测评, not 表决: deputies rate, they do not vote for or against.
const RATING_PURPOSE: Record<Round['purpose'], string> = { vote: '测评', revote: '重新测评', runoff: '再次测评' };
const STATUS: Record<Round['status'], string> = { open: '投票中', paused: '已暂停', closed: '已结束', voided: '已作废' };

export const purposeLabel = (p: Round['purpose'], kind: VotableItem['kind'] = 'motion') => (kind === 'rating' ? RATING_PURPOSE : PURPOSE)[p];
export const statusLabel = (s: Round['status']) => STATUS[s];

const LEVELS: Record<ScaleId, Record<string, string>> = {
  three: { satisfied: '满意', basic: '基本满意', unsatisfied: '不满意' },
  four: { satisfied: '满意', fairlySatisfied: '较满意', fairlyUnsatisfied: '较不满意', unsatisfied: '不满意' },
  competence: { competent: '称职', basic: '基本称职', incompetent: '不称职' },
  score: { satisfied: '80 分以上', basic: '60–79 分', unsatisfied: '60 分以下' },
};

export function levelLabel(scale: ScaleId, level: string): string {
  return LEVELS[scale][level] ?? level;
}

const MARKS = { for: '赞成', against: '反对', abstain: '弃权', voted: '已投票', notVoted: '未按', absent: '未到' } as const;

/** The record's words for a named ballot (shared/named-votes.ts ballotSummary). */
export function NAMED_WORDS(item: VotableItem): BallotWords {
  return {
    mark: MARKS,
    level: (level) => (item.kind === 'rating' ? levelLabel(item.settings.scale, level) : level),
    colon: '：',
    sep: '；',
    none: '未选',
  };
}
