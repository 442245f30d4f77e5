// Headings and marks of the exported results (CSV, XLSX). The record is kept in Chinese, the
// language of the congress; the words match DOMAIN.md's table and the client's zh-CN locale.
import type { Base, ScaleId, VotableItem } from '../../shared/model.js';
import type { MotionLabel, ProjectLabel, RuleLabel, UnfilledNote } from '../../shared/labels.js';
import type { BallotWords } from '../../shared/named-votes.js';
import type { RankingRule } from '../../shared/rules/index.js';
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
  subject: '测评对象',
  person: '负责人',
  satisfactionRate: '满意率',
  unsatisfiedRate: '不满意率',
  score: '得分',
  flag: '整改',
  flagged: '需整改',
  rule: '规则',
  weights: '计分权重',
  flagAbove: '整改线',
  rankingRule: '排名规则',
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

/**
 * The words for shared/labels.ts's keys in the Chinese record. labels.test.ts holds them equal
 * to the client's zh-CN common.json, so the export, the report and the screen say the same.
 */
export const OUTCOME_LABEL: Record<MotionLabel | ProjectLabel, string> = {
  passed: '通过',
  notPassed: '未通过',
  noQuorum: '未达法定人数',
  adopted: '入选',
  tied: '票数相同',
  notAdopted: '未入选',
  belowHalf: '未过半数',
  belowTwoThirds: '未达三分之二',
  belowNeeded: '未达所需票数',
};

export const UNFILLED_LABEL: Record<UnfilledNote['cause'], string> = {
  belowThreshold: '空缺 {{count}} 个名额（未达票数）',
  tie: '{{count}} 个名额待再次投票（同票）',
};

export const RULE_LABEL: Record<RuleLabel['key'], string> = {
  half: '须超过{{base}}的半数：{{needed}} 票',
  twoThirds: '须达到{{base}}的三分之二：{{needed}} 票',
  runoff: '再次投票：{{candidates}} 个项目争 {{seats}} 个名额，得票多者入选',
};
export const BASE_LABEL: Record<Base, string> = { roster: '应到人数', present: '实到人数', cast: '投票人数' };
export const RANKING_LABEL = {
  combine: { latest: '同一部门多次测评的，取最近一次', mean: '同一部门多次测评的，取各次平均' },
  rankBy: { score: '按得分排序', satisfaction: '按满意率排序' },
} as const satisfies { combine: Record<RankingRule['combine'], string>; rankBy: Record<RankingRule['rankBy'], string> };

const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k] ?? ''));

export const unfilledText = (n: UnfilledNote) => fill(UNFILLED_LABEL[n.cause], { count: n.count });

export function ruleText(r: RuleLabel): string {
  return r.key === 'runoff' ? fill(RULE_LABEL.runoff, r) : fill(RULE_LABEL[r.key], { base: BASE_LABEL[r.base], needed: r.needed });
}

export const rankingRuleText = (r: RankingRule) => `${RANKING_LABEL.rankBy[r.rankBy]}；${RANKING_LABEL.combine[r.combine]}`;

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

/** R7, R9: the weights and the 整改 line that produced a score, printed beside it. */
export function weightsText(scale: ScaleId, weights: readonly { level: string; weight: number }[]): string {
  if (weights.length === 0) return '得分为各票分数的平均';
  return weights.map((w) => `${levelLabel(scale, w.level)} ${w.weight}`).join(' · ');
}
export const flagAboveText = (flagAbove: number) => `不满意率超过 ${Math.round(flagAbove * 1000) / 10}%`;
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
