// The record's words for the audience's figures (SPEC Y20), shared by the exports (CSV, XLSX)
// and the 测评结果通报 (server/documents/words.ts). Kept in Chinese like the rest of the record;
// the client's zh-CN live.json says the same (网络满意度, 现场观众满意度, 综合满意度).
import type { CombinedWeights } from '../../shared/audience-figures.js';
import type { AudienceGroup } from '../../shared/audience-state.js';

export const AUD = {
  sheet: '网络与现场评议',
  apart: '网络评议与现场观众评议：公众意见，单独统计，不计入代表测评的法定结果',
  noticeTitle: '网络评议与现场观众评议情况',
  noticeIntro: '以下为公众意见，单独统计，不计入代表测评的法定结果。',
  took: '参与人数',
  rated: '评价人数',
  combined: '综合满意度',
  weights: '权重',
  rule: '综合得分、综合满意率 = 各部分结果 × 其权重 ÷ 100 之和；有权重的部分没有结果时不计算（—），其权重不转给其他部分（规则 Y5）',
} as const;

const GROUP: Record<AudienceGroup, { name: string; figure: string }> = {
  online: { name: '网络评议', figure: '网络满意度' },
  onsite: { name: '现场观众', figure: '现场观众满意度' },
};

/** 网络评议（网络满意度）. */
export const audienceGroupTitle = (g: AudienceGroup) => `${GROUP[g].name}（${GROUP[g].figure}）`;

/** 代表测评 70% · 网络评议 30% · 现场观众 0%, or with another separator. */
export const combinedWeightsText = (w: CombinedWeights, sep = ' · ', space = ' ') =>
  [`代表测评${space}${w.deputies}%`, `${GROUP.online.name}${space}${w.online}%`, `${GROUP.onsite.name}${space}${w.onsite}%`].join(sep);
