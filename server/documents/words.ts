// The words of the documents (公告, 测评结果通报). A notice is part of the record, kept in
// Chinese like the exports (server/results/labels.ts); the PDF and the console's A4 page both
// lay out this one text, so what is printed from either reads the same.
import type { ScaleId } from '../../shared/model.js';
import type { Notice, NoticeText, ProjectsNotice, RatingNotice } from '../../shared/notice.js';
import type { AudienceRecord } from '../../shared/audience-report.js';
import type { NoticeAnnex } from '../../shared/notice.js';
import { AUD, audienceGroupTitle, combinedWeightsText } from '../results/audience-words.js';
import { levelLabel } from '../results/labels.js';

export type { NoticeText };

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
const score = (x: number | null) => (x === null ? '—' : x.toFixed(2));
const turnout = (n: Notice) => `应到代表${n.roster}人，实到${n.present}人，收回选票${n.cast}张，其中有效票${n.valid}张${n.manual ? '（举手表决，手工录入）' : ''}`;

function projectsText(n: ProjectsNotice): Omit<NoticeText, 'issuer' | 'date' | 'seal' | 'kind'> {
  const statements: string[] = [];
  const unfilled = n.seats - n.adopted.length;
  if (unfilled > 0) {
    const why: string[] = [];
    if (n.unfilledThreshold > 0) why.push(`${n.unfilledThreshold}个名额因其余项目得票未达到规定票数（${n.needed}票）而空缺`);
    if (n.tie) why.push(`${n.tie.names.join('、')}得票相同（各${n.tie.votes}票），${n.tie.seats}个名额待再次投票确定`);
    statements.push(`应选${n.seats}项，入选${n.adopted.length}项，尚缺${unfilled}项：${why.join('；')}。`);
  }
  const runoff = n.adopted.some((a) => a.runoffVotes.length > 0);
  return {
    title: '公告',
    number: `第${n.number}号`,
    lead: `${n.meetingTitle}对“${n.itemTitle}”进行了票决。${turnout(n)}。根据票决办法，现将票决产生的${n.adopted.length}个项目按得票多少公告如下：`,
    columns: ['序号', '项目名称', '承办部门', '得票', ...(runoff ? ['再次投票得票'] : [])],
    numeric: [true, false, false, true, ...(runoff ? [true] : [])],
    rows: n.adopted.map((a) => [String(a.order), a.name, a.department, String(a.votes), ...(runoff ? [a.runoffVotes.join(' / ') || '—'] : [])]),
    statements,
    closing: '特此公告。',
  };
}

function ratingText(n: RatingNotice): Omit<NoticeText, 'issuer' | 'date' | 'seal' | 'kind'> {
  const flagged = n.subjects.filter((s) => s.flagged).map((s) => s.name);
  const bar = `${Math.round(n.flagAbove * 1000) / 10}%`;
  return {
    title: '测评结果通报',
    number: `第${n.number}号`,
    lead: `${n.meetingTitle}对“${n.itemTitle}”进行了满意度测评。${turnout(n)}。现将测评结果通报如下：`,
    columns: ['名次', '测评对象', ...n.levels.map((l) => levelLabel(n.scale as ScaleId, l)), '满意率', '得分', '整改'],
    numeric: [true, false, ...n.levels.map(() => true), true, true, false],
    rows: [...n.subjects]
      .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity))
      .map((s) => [s.rank === null ? '—' : String(s.rank), s.name, ...s.counts.map(String), pct(s.satisfactionRate), s.score === null ? '—' : s.score.toFixed(2), s.flagged ? '需整改' : '']),
    statements: [flagged.length > 0 ? `不满意率超过${bar}、需限期整改的有：${flagged.join('、')}。` : `没有不满意率超过${bar}的测评对象。`],
    closing: '特此通报。',
    ...(n.audience ? { annex: audienceAnnex(n.audience) } : {}),
  };
}

/** Y20: 网络评议, 现场观众 and the combined figure, after the deputies' table and apart from it. */
function audienceAnnex(rec: AudienceRecord): NoticeAnnex {
  const levels = rec.figures[0]?.subjects[0]?.levels.map((l) => l.level) ?? [];
  const figures = rec.figures.map((f) => ({
    heading: `${audienceGroupTitle(f.group)}：参与${f.n}人`,
    columns: ['测评对象', ...levels.map((l) => levelLabel(rec.scale, l)), '满意率', '得分'],
    numeric: [false, ...levels.map(() => true), true, true],
    rows: f.subjects.map((x) => [x.name, ...x.levels.map((l) => String(l.count)), pct(x.satisfactionRate), score(x.score)]),
  }));
  const c = rec.combined;
  const combined = c
    ? [
        {
          heading: `${AUD.combined}：${combinedWeightsText(c.weights, '、', '')}`,
          columns: ['测评对象', '满意率', '得分'],
          numeric: [false, true, true],
          rows: c.subjects.map((x) => [x.name, pct(x.satisfactionRate), score(x.score)]),
        },
      ]
    : [];
  return { title: AUD.noticeTitle, intro: AUD.noticeIntro, tables: [...figures, ...combined], rule: c ? `${AUD.combined}：${AUD.rule}。` : '' };
}

export function noticeText(n: Notice): NoticeText {
  const body = n.kind === 'projects' ? projectsText(n) : ratingText(n);
  return { kind: n.kind, ...body, issuer: n.issuer, date: n.date, seal: '（盖章）' };
}
